// quiver-tck: runs openCypher TCK feature files against Quiver and reports per-scenario results.
// The parent process hands each feature file to a worker process (this same program with the
// hidden `--worker` option) so that a crash or hang costs one scenario, not the run.
import ArgumentParser
import ConformanceKit

/// The command line of `quiver-tck`.
struct QuiverTCK: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quiver-tck",
    abstract: "Run openCypher TCK .feature files against Quiver.",
    discussion:
      "Every scenario runs on a fresh in-memory database; outlines run once per Examples row. "
      + "The last line of output is `N passed, N failed`. The exit code is 0 when the run "
      + "completed, 1 when the --ratchet check failed, 64 for usage errors.")

  @Argument(help: "A directory searched recursively for .feature files (or one .feature file).")
  var features: String

  @Option(help: "The named graphs directory (default: a `graphs` folder found walking up from <features>).")
  var graphs: String?

  @Option(help: "How many worker processes run at once.")
  var jobs = 2

  @Option(help: "Seconds one scenario may run before its worker is killed.")
  var timeout = 10.0

  @Option(help: "Write one JSON record per scenario (id, status, reason) to this file.")
  var json: String?

  @Option(help: "Fail (exit 1) if a scenario listed in this file does not pass.")
  var ratchet: String?

  @Option(name: .customLong("update-ratchet"), help: "Add the ids of all passing scenarios to this file.")
  var updateRatchet: String?

  @Option(help: "Only run scenarios whose id contains this text.")
  var filter: String?

  @Option(help: .hidden)
  var worker: String?

  @Option(help: .hidden)
  var cases: String?

  func validate() throws {
    guard jobs >= 1 && jobs <= 64 else { throw ValidationError("--jobs must be between 1 and 64") }
    guard timeout > 0 && timeout <= 86_400 else {
      throw ValidationError("--timeout must be between 0 and 86400 seconds")
    }
    if worker != nil {
      guard let cases, parsedCases(cases) != nil else {
        throw ValidationError("--worker needs --cases with comma-separated case indices")
      }
    }
  }

  func run() throws {
    if let worker {
      let indices = parsedCases(cases ?? "") ?? []
      let code = ConformanceRunner.runWorker(features: features, file: worker, indices: indices, graphs: graphs)
      if code != 0 { throw ExitCode(code) }
      return
    }
    var options = RunnerOptions(features: features)
    options.graphs = graphs
    options.jobs = jobs
    options.timeout = timeout
    options.jsonPath = json
    options.ratchetPath = ratchet
    options.updateRatchetPath = updateRatchet
    options.filter = filter
    do {
      let code = try ConformanceRunner.run(options)
      if code != 0 { throw ExitCode(code) }
    } catch let error as RunnerError {
      throw ValidationError(error.description)
    }
  }

  /// `0,1,5` as indices; nil when any part is not a non-negative integer.
  private func parsedCases(_ text: String) -> [Int]? {
    if text.isEmpty { return [] }
    var result: [Int] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard let n = Int(part), n >= 0 else { return nil }
      result.append(n)
    }
    return result
  }
}

QuiverTCK.main()
