// Runs the cases of a golden file against a fresh database and compares what each statement
// produced with its expectation, the way a test runner reports: `file:line: FAIL`, then the
// expected and actual tables. Cells match when written as Cypher literals ('Alice') or as the
// shell shows them (Alice).
import Foundation
import Quiver

/// The outcome of running one golden file.
package struct GoldenReport: Sendable {
  package var passed = 0
  package var failed = 0
  /// One message per failure, ready to print.
  package var failures: [String] = []

  package init(passed: Int = 0, failed: Int = 0) {
    self.passed = passed
    self.failed = failed
  }
}

/// Runs golden files.
package enum GoldenRunner {
  /// Runs `text` (named `origin` in messages) in a new database, whose LOAD CSV reads the
  /// directory `origin` is in. Each statement with an expectation is one test; a statement
  /// without one fails only when it raises an error.
  package static func run(_ text: String, origin: String) -> GoldenReport {
    var report = GoldenReport()
    let (cases, problems) = GoldenFile.parse(text)
    for problem in problems {
      report.failed += 1
      report.failures.append("\(origin):\(problem.line): FAIL: \(problem.message)")
    }
    let database: Database
    do {
      database = try Database()
      // LOAD CSV in a golden file reads the files next to it.
      database.importDirectory = URL(fileURLWithPath: origin).deletingLastPathComponent().path
    } catch {
      report.failed += 1
      report.failures.append("\(origin): FAIL: cannot open a database: \(error)")
      return report
    }
    var parameters: [String: Value] = [:]
    for golden in cases {
      let location = "\(origin):\(golden.line)"
      switch golden.step {
      case .command(.setParameter(let name, let expression)):
        do {
          let result = try database.execute("RETURN " + expression + " AS value", parameters: parameters)
          parameters[name] = result.rows.first?.first ?? .null
        } catch {
          report.fail("\(location): FAIL: cannot set $\(name): \(describe(error))")
        }
      case .command(.clearParameters):
        parameters = [:]
      case .command:
        report.fail("\(location): FAIL: only :param and :clear params can be used in tests")
      case .statement(let statement):
        let outcome: Result<QueryResult, any Error> = Result {
          try database.execute(statement.text, parameters: parameters)
        }
        check(outcome, against: golden, statement: statement, location: location, into: &report)
      }
    }
    return report
  }

  private static func check(
    _ outcome: Result<QueryResult, any Error>, against golden: GoldenCase, statement: ScriptStatement,
    location: String, into report: inout GoldenReport
  ) {
    let title = statement.text.trimmingWhitespace().split(separator: "\n").first.map(String.init) ?? ""
    switch (golden.expectation, outcome) {
    case (nil, .success):
      return
    case (nil, .failure(let error)):
      report.fail("\(location): FAIL: \(title)\n  unexpected error: \(describe(error))")
    case (.error(let name)?, .success(let result)):
      report.fail(
        "\(location): FAIL: \(title)\n  expected error: \(name)\n  actual: \(ResultRenderer.rowCount(result.rows.count))")
    case (.error(let name)?, .failure(let error)):
      if let error = error as? QuiverError, error.category.name == name || error.code.rawValue == name {
        report.passed += 1
      } else {
        report.fail("\(location): FAIL: \(title)\n  expected error: \(name)\n  actual error: \(describe(error))")
      }
    case (.rows(let columns, let rows)?, .failure(let error)):
      report.fail(
        "\(location): FAIL: \(title)\n  expected:\n" + table(columns, rows) + "  actual error: \(describe(error))")
    case (.rows(let columns, let rows)?, .success(let result)):
      let ordered = statement.text.range(of: #"ORDER\s+BY"#, options: [.regularExpression, .caseInsensitive]) != nil
      if columns == result.columns && matches(expected: rows, actual: result.rows, ordered: ordered) {
        report.passed += 1
      } else {
        let actual = result.rows.map { $0.map(CypherText.literal) }
        report.fail(
          "\(location): FAIL: \(title)\n  expected\(ordered ? "" : " (any order)"):\n" + table(columns, rows)
            + "  actual:\n" + table(result.columns, actual))
      }
    }
  }

  /// Whether the expected rows match the actual ones, in order or as a bag.
  package static func matches(expected: [[String]], actual: [[Value]], ordered: Bool) -> Bool {
    guard expected.count == actual.count else { return false }
    if ordered { return zip(expected, actual).allSatisfy(rowMatches) }
    var unused = Array(actual.indices)
    for row in expected {
      guard let found = unused.firstIndex(where: { rowMatches(row, actual[$0]) }) else { return false }
      unused.remove(at: found)
    }
    return true
  }

  private static func rowMatches(_ expected: [String], _ actual: [Value]) -> Bool {
    expected.count == actual.count && zip(expected, actual).allSatisfy(cellMatches)
  }

  /// A cell matches as a Cypher literal (`'Alice'`, `null`) or as the table shows it (`Alice`).
  package static func cellMatches(_ expected: String, _ actual: Value) -> Bool {
    expected == CypherText.literal(actual) || expected == CypherNotation.cell(actual)
  }

  private static func table(_ columns: [String], _ rows: [[String]]) -> String {
    ([columns] + rows).map { "    | " + $0.joined(separator: " | ") + " |\n" }.joined()
  }

  private static func describe(_ error: any Error) -> String {
    guard let error = error as? QuiverError else { return "\(error)" }
    return "\(error.category.name) (\(error.code)): \(error.message)"
  }
}

extension GoldenReport {
  fileprivate mutating func fail(_ message: String) {
    failed += 1
    failures.append(message)
  }

  /// The summary line a test runner prints: `3 passed, 1 failed`.
  package var summary: String { "\(passed) passed, \(failed) failed" }
}
