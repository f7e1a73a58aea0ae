// `quiver test FILE...`: runs golden files, each in a fresh database, and reports like a test
// runner: every failure as `file:line: FAIL` with expected and actual results, then a last
// line `N passed, N failed`. Exit status 1 when anything failed.
import ArgumentParser
import Foundation
import QuiverShellSupport

/// Checks golden files.
struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Check Cypher golden files: statements followed by their expected results.",
    discussion: """
      A statement (ending with ';') may be followed by comment lines with what it must \
      produce: '// expect:' and a table of '//   | column |' lines (the header, then one line \
      per row; cells as Cypher literals or as the shell prints them), or '// expect error: \
      Name' with an error category or code. Rows compare in order when the statement has \
      ORDER BY, else in any order. Statements without an expectation must not fail. Each file \
      runs in a new database; :param lines work too.

      EXAMPLES:
        quiver test tests/people.cypher
        quiver test tests/*.cypher

      A golden file:
        CREATE (:Person {name: 'Alice', age: 30}), (:Person {name: 'Bob', age: 25});
        MATCH (p:Person) RETURN p.name AS name, p.age AS age ORDER BY age;
        // expect:
        //   | name    | age |
        //   | 'Bob'   | 25  |
        //   | 'Alice' | 30  |
        RETURN 1 +;
        // expect error: SyntaxError
      """)

  @Argument(help: "Golden files to check.")
  var files: [String]

  func validate() throws {
    if files.isEmpty { throw ValidationError("Give at least one golden file to check.") }
  }

  func run() throws {
    var passed = 0
    var failed = 0
    for file in files {
      let text: String
      do {
        text = try RunCommand.read(file)
      } catch {
        Console.write("\(file): FAIL: cannot read it: \(error.reason)\n")
        failed += 1
        continue
      }
      let report = GoldenRunner.run(text, origin: file)
      for failure in report.failures { Console.write(failure + "\n") }
      let checks = report.passed + report.failed
      Console.write("\(file): \(report.failed == 0 ? "ok" : "FAILED"), \(checks) check\(checks == 1 ? "" : "s")\n")
      passed += report.passed
      failed += report.failed
    }
    Console.write(GoldenReport(passed: passed, failed: failed).summary + "\n")
    Console.flush()
    if failed > 0 { throw ExitCode(1) }
  }
}
