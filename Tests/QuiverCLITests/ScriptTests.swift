// `quiver run FILE...` and `quiver -c QUERY` end to end: printed results, statistics,
// errors located in the file with a caret, exit status, output formats.
import Foundation
import QuiverShellSupport
import Testing

/// The example graph and query the CLI tests share.
enum Example {
  static let create =
    "CREATE (:Person {name: 'Alice', age: 25})-[:KNOWS {weight: 5}]->"
    + "(:Person {name: 'Bob', age: 30})"
  static let match = "MATCH (a)-[k:KNOWS]->(b) RETURN a.name, k.weight, b.name"
  static let script = create + ";\n" + match + ";\n"
  static let table = """
    +--------+----------+--------+
    | a.name | k.weight | b.name |
    +--------+----------+--------+
    | Alice  | 5        | Bob    |
    +--------+----------+--------+
    1 row

    """

  /// Checks the output of running `script`: the CREATE's statistics, a blank line, the table.
  /// Whether labels count as added on CREATE is the engine's call, so that part may vary.
  static func expectCreateThenMatch(_ output: String) throws {
    let parts = output.components(separatedBy: "\n\n")
    try #require(parts.count == 2, "unexpected output: \(output)")
    let statistics = try Regex(
      "^Created 2 nodes, created 1 relationship(, added [12] labels?)?, set 5 properties$")
    #expect(parts[0].wholeMatch(of: statistics) != nil, "statistics: \(parts[0])")
    #expect(parts[1] == table)
  }
}

@Suite("Scripts and -c", .tags(.engine))
struct ScriptTests {
  @Test("run prints each statement's result")
  func runScript() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write(Example.script, to: "graph.cypher")
    let outcome = try QuiverExecutable.run(["run", path])
    #expect(outcome.standardError.isEmpty)
    #expect(outcome.status == 0)
    try Example.expectCreateThenMatch(outcome.standardOutput)
  }

  @Test("the first error stops the script and is located in the file")
  func errorOnLineTwo() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write(
      "RETURN 1 AS one;\nRETURN missing AS value;\nRETURN 3 AS three;\n", to: "broken.cypher")
    let outcome = try QuiverExecutable.run(["run", path])
    #expect(outcome.status == 1)
    #expect(
      outcome.standardOutput == """
        +-----+
        | one |
        +-----+
        | 1   |
        +-----+
        1 row

        """)
    let lines = outcome.standardError.components(separatedBy: "\n")
    try #require(lines.count == 4, "stderr: \(outcome.standardError)")
    #expect(lines[0].hasPrefix(path + ":2:8: SyntaxError: "))
    #expect(lines[0].contains("missing"))
    #expect(lines[1] == "  RETURN missing AS value;")
    #expect(lines[2] == "         ^")
    #expect(lines[3] == "")
  }

  @Test("an error in a statement that starts mid-line keeps the file's column")
  func errorAfterSemicolonOnSameLine() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("RETURN 1 AS one; RETURN missing;\n", to: "line.cypher")
    let outcome = try QuiverExecutable.run(["run", path])
    #expect(outcome.status == 1)
    #expect(outcome.standardError.hasPrefix(path + ":1:25: SyntaxError: "))
    #expect(
      outcome.standardError.hasSuffix(
        "\n  RETURN 1 AS one; RETURN missing;\n                          ^\n"))
  }

  @Test("scripts share one database and the last statement may omit its semicolon")
  func twoFiles() throws {
    let directory = try TemporaryDirectory()
    let first = try directory.write(Example.create + ";\n", to: "create.cypher")
    let second = try directory.write("// the query\n" + Example.match + "\n", to: "match.cypher")
    let outcome = try QuiverExecutable.run(["run", first, second])
    #expect(outcome.status == 0)
    try Example.expectCreateThenMatch(outcome.standardOutput)
  }

  @Test("-c runs its statements and exits")
  func command() throws {
    let outcome = try QuiverExecutable.run(["-c", "RETURN 1 AS x; RETURN 'two' AS y"])
    #expect(outcome.status == 0)
    #expect(
      outcome.standardOutput == """
        +---+
        | x |
        +---+
        | 1 |
        +---+
        1 row

        +-----+
        | y   |
        +-----+
        | two |
        +-----+
        1 row

        """)
  }

  @Test("-c reports errors against the query text")
  func commandError() throws {
    let outcome = try QuiverExecutable.run(["-c", "RETURN nope"])
    #expect(outcome.status == 1)
    #expect(outcome.standardError.hasPrefix("<command>:1:8: SyntaxError: "))
    #expect(outcome.standardError.hasSuffix("\n  RETURN nope\n         ^\n"))
  }

  @Test("--format csv")
  func csv() throws {
    let outcome = try QuiverExecutable.run(["--format", "csv", "-c", Example.script])
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput == "a.name,k.weight,b.name\nAlice,5,Bob\n")
  }

  @Test("--format json")
  func json() throws {
    let outcome = try QuiverExecutable.run(["run", "--format", "json", "-"], input: Example.script)
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput == "[\n" + #"  {"a.name":"Alice","k.weight":5,"b.name":"Bob"}"# + "\n]\n")
  }

  @Test("--notifications reports unknown names and cartesian products at their place in the script")
  func notifications() throws {
    let script = "CREATE (:Person {name: 'a'});\nMATCH (n:Persn) RETURN n;\n  MATCH (a:Person), (b:Person) RETURN count(*) AS c;"
    let shown = try QuiverExecutable.run(["--notifications"], input: script)
    #expect(shown.status == 0)
    #expect(shown.standardOutput.contains("| 1 |"))
    #expect(
      shown.standardError == """
        <stdin>:2:7: warn: unknown label. The label `Persn` does not exist in database `neo4j`. Verify that the spelling is correct.
          MATCH (n:Persn) RETURN n;
                ^
        <stdin>:3:3: info: cartesian product. The disconnected patterns (b) build a cartesian product. A cartesian product may produce a large amount of data and slow down query processing.
            MATCH (a:Person), (b:Person) RETURN count(*) AS c;
            ^

        """)
    // Off by default outside the shell, and with :notifications off.
    #expect(try QuiverExecutable.run([], input: script).standardError == "")
    #expect(try QuiverExecutable.run(["--notifications"], input: ":notifications off\n" + script).standardError == "")
    // EXPLAIN put in front by :explain does not move the caret.
    let explained = try QuiverExecutable.run(["--notifications"], input: ":explain on\nMATCH (n) WHERE n.nme = 1 RETURN n;")
    #expect(explained.standardError.hasPrefix("<stdin>:2:17: warn: unknown property key. The property `nme` does not exist"))
    #expect(explained.standardError.hasSuffix("  MATCH (n) WHERE n.nme = 1 RETURN n;\n                  ^\n"))
  }

  @Test("--timing adds the elapsed time to the summary")
  func timing() throws {
    let outcome = try QuiverExecutable.run(["--timing", "-c", "RETURN 1 AS x"])
    #expect(outcome.status == 0)
    let summary = try Regex(#"\n1 row \([0-9]+\.[0-9]+ m?s\)\n$"#)
    #expect(outcome.standardOutput.firstMatch(of: summary) != nil, "\(outcome.standardOutput)")
  }
}
