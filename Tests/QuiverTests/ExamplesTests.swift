// Runs every script in examples/ statement by statement and compares the printed results with
// the script's .expected file, so the examples in README stay true.
import Foundation
import Quiver
import Testing

@Suite struct ExamplesTests {
  static let examplesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("examples")

  static var scripts: [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: examplesDirectory.path)) ?? []
    return files.filter { $0.hasSuffix(".cypher") }.sorted()
  }

  /// Results in a plain, stable text form: per statement a header line and one line per row.
  static func transcript(of script: String) throws -> String {
    let db = try Database()
    var out = ""
    let split = Database.split(script: script)
    for statement in split.statements + (split.remainder.map { [$0] } ?? []) {
      let result = try db.execute(statement.text)
      if result.columns.isEmpty {
        out += "-- \(result.statistics)\n"
        continue
      }
      out += "-- " + result.columns.joined(separator: " | ") + "\n"
      for row in result.rows { out += row.map(\.cypherText).joined(separator: " | ") + "\n" }
    }
    return out
  }

  @Test func everyExampleHasAnExpectedFile() {
    #expect(Self.scripts.count >= 2)
  }

  @Test(arguments: scripts)
  func exampleMatchesExpected(_ name: String) throws {
    let script = try String(contentsOf: Self.examplesDirectory.appendingPathComponent(name), encoding: .utf8)
    let expectedURL = Self.examplesDirectory.appendingPathComponent(name.replacingOccurrences(of: ".cypher", with: ".expected"))
    let actual = try Self.transcript(of: script)
    if ProcessInfo.processInfo.environment["QUIVER_UPDATE_EXPECTED"] == "1" {
      try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: expectedURL, encoding: .utf8)
    #expect(actual == expected)
  }
}
