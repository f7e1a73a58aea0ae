// `quiver` with statements piped to standard input: results as ASCII tables without prompts,
// multi-line statements, parameters, errors as `<stdin>:line:col`, and value-by-value checks
// of how each kind of result value is printed.
import Foundation
import QuiverShellSupport
import Testing

@Suite("Piped standard input", .tags(.engine))
struct PipedInputTests {
  /// The ASCII table printed for a single column `v` holding `cell`.
  static func singleCell(_ cell: String, column: String = "v") -> String {
    let width = max(cell.count, column.count)
    let rule = "+" + String(repeating: "-", count: width + 2) + "+\n"
    func line(_ text: String) -> String {
      "| " + text + String(repeating: " ", count: width - text.count) + " |\n"
    }
    return rule + line(column) + rule + line(cell) + rule + "1 row\n"
  }

  @Test("statements run as they arrive and print ASCII tables")
  func createThenMatch() throws {
    let outcome = try QuiverExecutable.run([], input: Example.script)
    #expect(outcome.standardError.isEmpty)
    #expect(outcome.status == 0)
    try Example.expectCreateThenMatch(outcome.standardOutput)
  }

  @Test("a statement may span lines, and semicolons in strings do not end it")
  func multiLine() throws {
    let outcome = try QuiverExecutable.run([], input: "RETURN\n  'a;b'\n  AS v;\n")
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput == Self.singleCell("a;b"))
  }

  @Test("the first error stops the input and is located by its line in the input")
  func errorLocation() throws {
    let input = "RETURN 1 AS v;\n\nRETURN\n  nope;\nRETURN 2 AS v;\n"
    let outcome = try QuiverExecutable.run([], input: input)
    #expect(outcome.status == 1)
    #expect(outcome.standardOutput == Self.singleCell("1"))
    #expect(outcome.standardError.hasPrefix("<stdin>:4:3: SyntaxError: "))
    #expect(outcome.standardError.hasSuffix("\n    nope;\n    ^\n"))
  }

  @Test(":param binds a value for later statements")
  func parameters() throws {
    let input = ":param name => 'Al' + 'ice'\n:params\nRETURN $name AS v;\n"
    let outcome = try QuiverExecutable.run([], input: input)
    #expect(outcome.status == 0)
    #expect(
      outcome.standardOutput
        == ":param name => 'Alice'\n:param name => 'Alice'\n" + Self.singleCell("Alice"))
  }

  @Test(":param refuses an expression that gives several rows")
  func parameterOfSeveralRows() throws {
    let outcome = try QuiverExecutable.run([], input: ":param x => 1 AS value UNION ALL RETURN 2\n:params\n")
    #expect(outcome.status == 1)
    #expect(outcome.standardOutput == "")
    #expect(outcome.standardError == "<stdin>:1: Cannot set $x: the expression must give exactly one value\n")
  }

  @Test("writes without RETURN print their statistics, separated by a blank line")
  func statistics() throws {
    let outcome = try QuiverExecutable.run([], input: "CREATE ();\nMATCH (n) DELETE n;\n")
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput == "Created 1 node\n\nDeleted 1 node\n")
  }

  @Test(
    "each kind of value is printed in Cypher notation",
    arguments: [
      ("null", "null"), ("true", "true"), ("42", "42"), ("-7", "-7"), ("1.0", "1.0"),
      ("0.5", "0.5"), ("1e3", "1000.0"), ("'Alice'", "Alice"), ("''", ""),
      ("['a', 1, null, 2.5]", "['a', 1, null, 2.5]"), ("[]", "[]"),
      ("{name: 'Alice', age: 25}", "{age: 25, name: 'Alice'}"),
      ("{inner: {list: [1, 'x']}}", "{inner: {list: [1, 'x']}}"),
      ("'it\\'s'", "it's"), ("['it\\'s']", "['it\\'s']"),
    ])
  func value(expression: String, cell: String) throws {
    let outcome = try QuiverExecutable.run([], input: "RETURN \(expression) AS v;\n")
    #expect(outcome.standardError.isEmpty)
    #expect(outcome.standardOutput == Self.singleCell(cell))
  }

  @Test(
    "graph entities are printed with sorted properties",
    arguments: [
      (
        "CREATE (n:Person {name: 'Alice', age: 25}) RETURN n AS v;",
        "(:Person {age: 25, name: 'Alice'})"
      ),
      ("CREATE ()-[r:KNOWS {weight: 5}]->() RETURN r AS v;", "[:KNOWS {weight: 5}]"),
      ("CREATE p = (:A)-[:T]->(:B) RETURN p AS v;", "<(:A)-[:T]->(:B)>"),
      ("CREATE p = (:A)<-[:T]-(:B) RETURN p AS v;", "<(:A)<-[:T]-(:B)>"),
    ])
  func entity(statement: String, cell: String) throws {
    let outcome = try QuiverExecutable.run([], input: statement + "\n")
    #expect(outcome.standardError.isEmpty)
    #expect(outcome.standardOutput.hasPrefix(Self.singleCell(cell)))
  }
}
