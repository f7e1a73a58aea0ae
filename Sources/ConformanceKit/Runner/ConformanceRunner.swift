// The runner's entry points for the `quiver-tck` executable: `run` discovers the cases, farms
// them out to worker processes, prints the report, writes the JSON file and applies the ratchet;
// `runWorker` is what a worker process does: run some cases of one file and report each.
import Foundation
import Quiver

/// What a run should do; filled from the command line.
public struct RunnerOptions: Sendable {
  /// A directory searched recursively for `.feature` files, or one `.feature` file.
  public var features: String
  /// The named graphs directory; nil to look for a `graphs` folder from `features` upwards.
  public var graphs: String?
  public var jobs = 2
  /// Seconds a worker may spend on one case before it is killed.
  public var timeout = 10.0
  public var jsonPath: String?
  public var ratchetPath: String?
  public var updateRatchetPath: String?
  /// Only cases whose id contains this text run.
  public var filter: String?

  public init(features: String) {
    self.features = features
  }
}

/// The conformance runner.
public enum ConformanceRunner {
  /// Runs the cases selected by `options` and prints the report. Returns the exit code: 0 when
  /// the run completed, 1 when the ratchet check failed.
  public static func run(_ options: RunnerOptions) throws(RunnerError) -> Int32 {
    let (base, files) = try FeatureCatalog.load(root: options.features)
    guard !files.isEmpty else { throw RunnerError.usage("no .feature files under \(options.features)") }
    let graphs = options.graphs.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
      ?? NamedGraphs.locate(from: base)
    let plan = RunPlan(files: files, filter: options.filter)
    let pool = WorkerPool(
      jobs: options.jobs, timeout: options.timeout,
      command: { file, indices in
        [workerExecutable(), base, "--worker", file, "--cases", indices.map(String.init).joined(separator: ",")]
          + (graphs.map { ["--graphs", $0] } ?? [])
      },
      environment: workerEnvironment())
    let report = plan.report(outcomes: pool.run(plan.jobs))

    var notes: [String] = []
    var exitCode: Int32 = 0
    let status = Dictionary(report.allCases.map { ($0.id, $0.status) }, uniquingKeysWith: { a, _ in a })
    let passing = report.allCases.filter { $0.status == .passed }.map(\.id)
    if let path = options.updateRatchetPath {
      let ratchet = try Ratchet.load(path: path)
      let failing = ratchet.violations(status: status, notRun: plan.notRun)
      for v in failing { notes.append("ratchet: listed scenario no longer passes (kept): \(v)") }
      let updated = ratchet.adding(passing)
      try updated.write(path: path)
      notes.append("ratchet: \(path) lists \(updated.ids.count) scenarios (\(updated.ids.count - ratchet.ids.count) added)")
    }
    if let path = options.ratchetPath {
      let failing = try Ratchet.load(path: path).violations(status: status, notRun: plan.notRun)
      if !failing.isEmpty {
        exitCode = 1
        notes.append("ratchet check FAILED: \(failing.count) listed scenarios do not pass:")
        notes += failing.map { "  " + $0 }
      } else {
        notes.append("ratchet check passed (\(path))")
      }
    }
    if let path = options.jsonPath {
      guard FileManager.default.createFile(atPath: path, contents: Data(report.jsonText.utf8)) else {
        throw RunnerError.usage("cannot write \(path)")
      }
    }
    print(report.consoleText(notes: notes), terminator: "")
    return exitCode
  }

  /// Worker mode: runs the cases `indices` of `file` (relative to `features`) in this process
  /// and writes one record line per case to standard output as it finishes.
  public static func runWorker(features: String, file: String, indices: [Int], graphs: String?) -> Int32 {
    let feature = FeatureCatalog.read(path: features + "/" + file, relative: file)
    let executor = ScenarioExecutor(makeEngine: { try Database() }, graphs: NamedGraphs(directory: graphs))
    for index in indices {
      let outcome: CaseOutcome
      if let error = feature.parseError {
        outcome = .failed(error)
      } else if feature.cases.indices.contains(index) {
        outcome = executor.run(feature.cases[index])
      } else {
        outcome = .failed("no case #\(index) in \(file)")
      }
      StandardOutput.write(WorkerRecord(index: index, status: outcome.status, reason: outcome.reason).encodedLine())
    }
    return 0
  }

  /// This program's path, so that workers run the same build.
  static func workerExecutable() -> String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    let first = CommandLine.arguments.first ?? "quiver-tck"
    return URL(fileURLWithPath: first).standardizedFileURL.path
  }

  /// The parent's environment with Swift's crash backtracer off, so a crashing worker dies fast.
  static func workerEnvironment() -> [String] {
    var env = ProcessInfo.processInfo.environment
    env["SWIFT_BACKTRACE"] = "enable=no"
    return env.map { "\($0.key)=\($0.value)" }
  }
}

/// An error that ends the run before any scenario runs, e.g. a missing directory.
public enum RunnerError: Error, CustomStringConvertible {
  case usage(String)

  public var description: String {
    switch self {
    case .usage(let message): return message
    }
  }
}
