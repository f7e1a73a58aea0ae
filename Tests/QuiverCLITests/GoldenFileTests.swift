// The golden-file format of `quiver test`: parsing statements and their `// expect` comments,
// comparing rows as bags or in order, error expectations, and the runner end to end on the
// fixtures (one passing, one failing on purpose).
import Foundation
import Quiver
import QuiverShellSupport
import Testing

@Suite("Golden files")
struct GoldenFileTests {

  @Test("statements, expectation tables and expected errors are parsed with their lines")
  func parse() {
    let text = """
      CREATE (:A {x: 1});
      // a plain comment
      MATCH (a:A)
      RETURN a.x AS x;
      // expect:
      //   | x |
      //   |---|
      //   | 1 |
      RETURN nope;
      // expect error: SyntaxError
      :param p => 'a|b'
      RETURN $p AS p;
      // expect:
      //   | p |
      //   | 'a|b' |
      """
    let (cases, problems) = GoldenFile.parse(text)
    #expect(problems.isEmpty)
    #expect(cases.map(\.line) == [1, 3, 9, 11, 12])
    #expect(cases[0].expectation == nil)
    #expect(cases[1].expectation == .rows(columns: ["x"], rows: [["1"]]))
    #expect(cases[1].expectationLine == 5)
    #expect(cases[2].expectation == .error("SyntaxError"))
    #expect(cases[3].step == .command(.setParameter(name: "p", expression: "'a|b'")))
    #expect(cases[4].expectation == .rows(columns: ["p"], rows: [["'a|b'"]]))
  }

  @Test("an expectation without a statement is a problem")
  func orphan() {
    let (_, problems) = GoldenFile.parse("// expect error: SyntaxError\n")
    #expect(problems.map(\.line) == [1])
    #expect(problems.map(\.message) == ["an expectation must follow a statement that has none yet"])
  }

  @Test("rows split at pipes outside quotes")
  func splitRow() {
    #expect(GoldenFile.splitRow("| a | 'b|c' | d\\|e |") == ["a", "'b|c'", "d|e"])
    #expect(GoldenFile.splitRow("|  |") == [""])
  }

  @Test("cells match as literals or as the shell shows them; bags ignore order")
  func matching() {
    #expect(GoldenRunner.cellMatches("'Alice'", "Alice"))
    #expect(GoldenRunner.cellMatches("Alice", "Alice"))
    #expect(GoldenRunner.cellMatches("null", .null))
    #expect(GoldenRunner.cellMatches("[1, 2]", [1, 2]))
    #expect(!GoldenRunner.cellMatches("1", "2"))
    let actual: [[Value]] = [[1], [2]]
    #expect(GoldenRunner.matches(expected: [["2"], ["1"]], actual: actual, ordered: false))
    #expect(!GoldenRunner.matches(expected: [["2"], ["1"]], actual: actual, ordered: true))
    #expect(!GoldenRunner.matches(expected: [["1"], ["1"]], actual: actual, ordered: false))
    #expect(!GoldenRunner.matches(expected: [["1"]], actual: actual, ordered: false))
  }

  @Test("the passing fixture passes", .tags(.engine))
  func passingFixture() throws {
    let report = GoldenRunner.run(GoldenFixtures.passing, origin: "pass.cypher")
    #expect(report.failures.isEmpty, "\(report.failures)")
    #expect(report.passed == 5)
    #expect(report.summary == "5 passed, 0 failed")
  }

  @Test("the failing fixture reports each mismatch at its line", .tags(.engine))
  func failingFixture() throws {
    let report = GoldenRunner.run(GoldenFixtures.failing, origin: "fail.cypher")
    #expect(report.passed == 1)
    #expect(report.failed == 4)
    let failures = report.failures.joined(separator: "\n")
    #expect(failures.contains("fail.cypher:4: FAIL: MATCH (p:Person) RETURN p.name AS name ORDER BY name"))
    #expect(failures.contains("    | 'Bob' |\n    | 'Alice' |\n  actual:\n    | name |\n    | 'Alice' |\n    | 'Bob' |"))
    #expect(failures.contains("fail.cypher:10: FAIL: RETURN 1 AS one\n  expected error: SyntaxError\n  actual: 1 row"))
    #expect(failures.contains("fail.cypher:12: FAIL: RETURN missing AS x\n  unexpected error: SyntaxError"))
    #expect(failures.contains("fail.cypher:13: FAIL: RETURN 1 / 0 AS x\n  expected error: TypeError\n  actual error: "))
  }

  @Test("quiver test prints failures and the summary line, exit status 1 on failure", .tags(.engine))
  func command() throws {
    let directory = try TemporaryDirectory()
    let pass = try directory.write(GoldenFixtures.passing, to: "golden-pass.cypher")
    let fail = try directory.write(GoldenFixtures.failing, to: "golden-fail.cypher")
    let passing = try QuiverExecutable.run(["test", pass])
    #expect(passing.status == 0)
    #expect(passing.standardOutput.hasSuffix("golden-pass.cypher: ok, 5 checks\n5 passed, 0 failed\n"))
    let failing = try QuiverExecutable.run(["test", pass, fail])
    #expect(failing.status == 1)
    #expect(failing.standardOutput.hasSuffix("golden-fail.cypher: FAILED, 5 checks\n6 passed, 4 failed\n"))
    #expect(failing.standardOutput.contains(fail + ":4: FAIL: "))
  }
}
