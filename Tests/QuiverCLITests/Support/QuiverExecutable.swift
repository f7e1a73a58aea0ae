// Finds the `quiver` executable that SwiftPM built next to the test bundle and runs it with
// given arguments, standard input and environment, capturing its output. Every run has a
// deadline, so a hung process fails the test instead of stalling the suite.
import Foundation
import Testing

/// Tests that need a working query engine (`Database.execute` and `Database.split`).
extension Tag {
  @Tag static var engine: Self
}

/// The built `quiver` binary and a way to run it.
enum QuiverExecutable {
  /// What one run of `quiver` produced.
  struct Outcome: Sendable {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  enum Failure: Error, CustomStringConvertible {
    case notFound
    case timedOut([String])

    var description: String {
      switch self {
      case .notFound:
        return "quiver executable not found; build it or set QUIVER_BIN to its path"
      case .timedOut(let arguments):
        return "quiver \(arguments.joined(separator: " ")) did not finish in time"
      }
    }
  }

  /// The executable: `$QUIVER_BIN`, else `quiver` in the directory holding the test binary
  /// (SwiftPM's products directory), else the newest `.build*/debug/quiver` of the package.
  static let url: URL? = locate()

  private static func locate() -> URL? {
    let files = FileManager.default
    if let path = ProcessInfo.processInfo.environment["QUIVER_BIN"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    var directories = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
    if let executable = Bundle.main.executableURL {
      directories.append(executable.deletingLastPathComponent())
    }
    if let first = CommandLine.arguments.first {
      directories.append(URL(fileURLWithPath: first).deletingLastPathComponent())
    }
    for directory in directories {
      let candidate = directory.appendingPathComponent("quiver")
      if files.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    // Tests/QuiverCLITests/Support/QuiverExecutable.swift → the package root.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let builds = (try? files.contentsOfDirectory(atPath: root.path)) ?? []
    let candidates = builds.filter { $0.hasPrefix(".build") }.map {
      root.appendingPathComponent($0).appendingPathComponent("debug/quiver")
    }.filter { files.isExecutableFile(atPath: $0.path) }
    return candidates.max { modified($0) < modified($1) }
  }

  private static func modified(_ url: URL) -> Date {
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    return attributes?[.modificationDate] as? Date ?? .distantPast
  }

  /// Runs `quiver arguments` with `input` on standard input (empty when nil) and waits for it
  /// to exit. `environment` is added to the test's own; `QUIVER_HISTORY` is set to "" so no
  /// run touches the user's history.
  static func run(
    _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
    timeout: Duration = .seconds(60)
  ) throws -> Outcome {
    guard let url else { throw Failure.notFound }
    let directory = try TemporaryDirectory()
    let inputFile = directory.file("stdin")
    let outputFile = directory.file("stdout")
    let errorFile = directory.file("stderr")
    try (input ?? "").write(to: inputFile, atomically: true, encoding: .utf8)
    try Data().write(to: outputFile)
    try Data().write(to: errorFile)

    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    var variables = ProcessInfo.processInfo.environment
    variables["QUIVER_HISTORY"] = ""
    variables.merge(environment) { _, new in new }
    process.environment = variables
    process.standardInput = try FileHandle(forReadingFrom: inputFile)
    process.standardOutput = try FileHandle(forWritingTo: outputFile)
    process.standardError = try FileHandle(forWritingTo: errorFile)
    try process.run()

    let deadline = ContinuousClock.now + timeout
    while process.isRunning {
      if ContinuousClock.now > deadline {
        process.terminate()
        throw Failure.timedOut(arguments)
      }
      Thread.sleep(forTimeInterval: 0.01)
    }
    return Outcome(
      status: process.terminationStatus,
      standardOutput: try String(contentsOf: outputFile, encoding: .utf8),
      standardError: try String(contentsOf: errorFile, encoding: .utf8))
  }
}

/// A fresh directory under the system's temporary directory, removed when released.
final class TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("quiver-cli-tests-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// The URL of `name` inside the directory.
  func file(_ name: String) -> URL {
    url.appendingPathComponent(name)
  }

  /// Writes `text` to `name` and returns its path.
  func write(_ text: String, to name: String) throws -> String {
    try text.write(to: file(name), atomically: true, encoding: .utf8)
    return file(name).path
  }
}
