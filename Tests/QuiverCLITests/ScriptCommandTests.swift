// Shell commands in scripts and on the command line: transactions, :source with its depth
// limit, :format, :export, --param, --timeout, --continue-on-error, and --help of every
// subcommand.
import Foundation
import QuiverShellSupport
import Testing

@Suite("Commands in scripts", .tags(.engine))
struct ScriptCommandTests {
  @Test("a transaction commits or rolls back; one left open is rolled back with a notice")
  func transactions() throws {
    let input = """
      :begin
      CREATE (:T {n: 1});
      :rollback
      :begin
      CREATE (:T {n: 2});
      :commit
      :begin
      CREATE (:T {n: 3});
      MATCH (t:T) RETURN t.n AS n ORDER BY n;
      """
    let outcome = try QuiverExecutable.run(["--format", "csv"], input: input + "\n")
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput == "n\n2\n3\n")
    #expect(outcome.standardError == "Rolled back the open transaction.\n")
  }

  @Test(":commit without a transaction fails with its line")
  func commitWithoutTransaction() throws {
    let outcome = try QuiverExecutable.run([], input: "RETURN 1 AS x;\n:commit\n")
    #expect(outcome.status == 1)
    #expect(outcome.standardError == "<stdin>:2: No transaction is open; :begin starts one\n")
  }

  @Test("--continue-on-error runs everything, reports every error and exits 1")
  func continueOnError() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write(
      "RETURN nope;\nRETURN 1 AS one;\n:frobnicate\nRETURN 1 / 0 AS x;\nRETURN 2 AS two;\n", to: "errors.cypher")
    let outcome = try QuiverExecutable.run(["run", path, "--continue-on-error", "--format", "csv"])
    #expect(outcome.status == 1)
    #expect(outcome.standardOutput == "one\n1\ntwo\n2\n")
    #expect(outcome.standardError.contains(path + ":1:8: SyntaxError: "))
    #expect(outcome.standardError.contains(path + ":3: Unknown command ':frobnicate'"))
    #expect(outcome.standardError.contains(path + ":4:"))
    #expect(outcome.standardError.hasSuffix("quiver: 3 statements failed\n"))
  }

  @Test("--param binds literals and plain text")
  func parameters() throws {
    let outcome = try QuiverExecutable.run([
      "-c", "RETURN $name AS name, $age + 1 AS next, $tags AS tags", "--param", "name=Alice", "--param", "age=30",
      "--param", "tags=['a', 'b']", "--format", "jsonl",
    ])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput == #"{"name":"Alice","next":31,"tags":["a","b"]}"# + "\n")
  }

  @Test("--param without '=' is a usage error")
  func badParameter() throws {
    let outcome = try QuiverExecutable.run(["-c", "RETURN 1", "--param", "oops"])
    #expect(outcome.status == 2)
  }

  @Test("--timeout stops a long statement")
  func timeout() throws {
    let outcome = try QuiverExecutable.run(["-c", "UNWIND range(1, 1000000000) AS x RETURN count(*)", "--timeout", "0.2"])
    #expect(outcome.status == 1)
    #expect(outcome.standardError.hasPrefix("<command>: Cancelled: "), "\(outcome.standardError)")
  }

  @Test(":source runs files relative to the sourcing file, up to 10 deep")
  func source() throws {
    let directory = try TemporaryDirectory()
    try FileManager.default.createDirectory(at: directory.file("lib"), withIntermediateDirectories: true)
    _ = try directory.write("CREATE (:S);\n:source inner.cypher\n", to: "lib/outer.cypher")
    _ = try directory.write("MATCH (s:S) RETURN count(s) AS s;\n", to: "lib/inner.cypher")
    let main = try directory.write(":source lib/outer.cypher\n", to: "main.cypher")
    let outcome = try QuiverExecutable.run(["run", main, "--format", "csv"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput == "s\n1\n")

    let loop = try directory.write("RETURN 1 AS one;\n:source loop.cypher\n", to: "loop.cypher")
    let looping = try QuiverExecutable.run(["run", loop, "--format", "csv"])
    #expect(looping.status == 1)
    #expect(looping.standardOutput == String(repeating: "one\n1\n", count: 11))
    #expect(looping.standardError.contains("files are nested more than 10 deep"))
  }

  @Test(":format switches formats mid-script and :export writes the last result's graph")
  func formatAndExport() throws {
    let directory = try TemporaryDirectory()
    let dot = directory.file("graph.dot").path
    let input = """
      CREATE (:Person {name: 'Alice'})-[:KNOWS]->(:Person {name: 'Bob'});
      :format tsv
      MATCH (a)-[k]->(b) RETURN a, k, b.name AS name;
      :export dot \(dot)
      """
    let outcome = try QuiverExecutable.run([], input: input + "\n")
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.hasSuffix("\tBob\n"))
    let graph = try String(contentsOfFile: dot, encoding: .utf8)
    #expect(graph.hasPrefix("digraph quiver {"))
    #expect(graph.contains(":Person {name: 'Alice'}"))
    #expect(graph.contains("[label=\"KNOWS\"]"))
  }

  @Test(":schema lists labels, types and keys with counts")
  func schema() throws {
    let input = """
      CREATE (:Person {name: 'A'})-[:KNOWS {since: 1}]->(:Person {name: 'B', age: 3});
      CREATE INDEX person_name FOR (p:Person) ON (p.name);
      CREATE CONSTRAINT person_age FOR (p:Person) REQUIRE p.age IS UNIQUE;
      :schema

      """
    let outcome = try QuiverExecutable.run([], input: input)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(
      outcome.standardOutput.hasSuffix(
        """
        Labels:
          :Person  2 nodes
        Relationship types:
          :KNOWS  1 relationship
        Property keys:
          age    1 use
          name   2 uses
          since  1 use
        Indexes:
          person_age  :Person(age)  node  1 entry  (for constraint person_age)
          person_name  :Person(name)  node  2 entries
        Constraints:
          person_age  :Person(age)  unique

        """), "\(outcome.standardOutput)")
  }

  @Test(":schema lists a lookup index by what it covers")
  func schemaLookupIndexes() throws {
    let input = """
      CREATE (:Person)-[:KNOWS]->(:Person:Author);
      CREATE LOOKUP INDEX labels FOR (n) ON EACH labels(n);
      CREATE LOOKUP INDEX types FOR ()-[r]-() ON EACH type(r);
      :schema

      """
    let outcome = try QuiverExecutable.run([], input: input)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(
      outcome.standardOutput.contains(
        """
        Indexes:
          labels  labels(n)  node  3 entries
          types  type(r)  relationship  1 entry
        Constraints:
          (none)

        """), "\(outcome.standardOutput)")
  }

  @Test("every subcommand has --help with examples", arguments: [["--help"], ["run", "--help"], ["test", "--help"]])
  func help(arguments: [String]) throws {
    let outcome = try QuiverExecutable.run(arguments)
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput.contains("EXAMPLES:"))
  }
}
