// `quiver dump`, `quiver restore`, `quiver export` and the neo4j-admin side of `quiver import`,
// run as the built binary: a dump restores into a new directory with the same rows, restore
// refuses a non-empty database without --force, exports land where asked, bad neo4j-admin rows
// are reported with file and line, and the export procedures are registered in the shell.
import Foundation
import Testing

@Suite("quiver dump, restore, export", .tags(.engine))
struct ExchangeCommandTests {
  private let graph = "CREATE (a:Person {name: 'Ann', born: date('1990-01-02'), x: -0.0})-[:KNOWS {since: 2001}]->(b:Person {name: 'Ben'}); CREATE INDEX person_name FOR (n:Person) ON (n.name)"
  private let probe = "MATCH (a)-[k:KNOWS]->(b) RETURN a.name, a.born, a.x, k.since, b.name; SHOW INDEXES YIELD name RETURN name"

  @Test("a dump restores through restore and through run")
  func dumpAndRestore() throws {
    let dir = try TemporaryDirectory()
    let source = dir.file("source.quiver").path
    _ = try QuiverExecutable.run([source, "-c", graph])
    let dump = dir.file("dump.cypher").path
    let dumped = try QuiverExecutable.run(["dump", source, "--output", dump])
    #expect(dumped.status == 0, "\(dumped.standardError)")
    #expect(dumped.standardError == "Dumped 2 nodes and 1 relationships (\(try Data(contentsOf: URL(fileURLWithPath: dump)).count) bytes)\n")
    let expected = try QuiverExecutable.run([source, "-c", probe, "--format", "csv"]).standardOutput
    let restored = dir.file("restored.quiver").path
    let restore = try QuiverExecutable.run(["restore", dump, "--db", restored])
    #expect(restore.status == 0, "\(restore.standardError)")
    #expect(restore.standardOutput.hasPrefix("Restored 2 nodes and 1 relationships in "))
    #expect(try QuiverExecutable.run([restored, "-c", probe, "--format", "csv"]).standardOutput == expected)
    let again = try QuiverExecutable.run(["restore", dump, "--db", restored])
    #expect(again.status == 1)
    #expect(again.standardError == "quiver: the database already holds 2 nodes and 1 relationships; restore into an empty one or replace its contents (--force)\n")
    #expect(try QuiverExecutable.run(["restore", dump, "--db", restored, "--force"]).status == 0)
    let ran = dir.file("ran.quiver").path
    #expect(try QuiverExecutable.run(["run", "--db", ran, dump]).status == 0)
    #expect(try QuiverExecutable.run([ran, "-c", probe, "--format", "csv"]).standardOutput == expected)
  }

  @Test("export writes every format; csv reads back through import")
  func export() throws {
    let dir = try TemporaryDirectory()
    let source = dir.file("source.quiver").path
    _ = try QuiverExecutable.run([source, "-c", graph])
    let dot = try QuiverExecutable.run(["export", source, "--format", "dot"])
    #expect(dot.standardOutput.hasPrefix("digraph quiver {\n"))
    let csv = dir.file("csv").path
    #expect(try QuiverExecutable.run(["export", source, "--format", "csv", "--output", csv]).status == 0)
    let copy = dir.file("copy.quiver").path
    let imported = try QuiverExecutable.run([
      "import", "--db", copy, "--nodes=\(csv)/nodes_Person.csv", "--relationships=\(csv)/relationships_KNOWS.csv",
    ])
    #expect(imported.status == 0, "\(imported.standardError)")
    let rows = try QuiverExecutable.run([copy, "-c", "MATCH (a)-[k:KNOWS]->(b) RETURN a.name, a.born, k.since, b.name", "--format", "csv"])
    #expect(rows.standardOutput == "a.name,a.born,k.since,b.name\nAnn,1990-01-02,2001,Ben\n")
    let bad = try QuiverExecutable.run(["export", source, "--format", "xml"])
    #expect(bad.status == 2)
    #expect(bad.standardError == "quiver: --format takes csv, jsonl, graphml, gexf, dot, cypher, not 'xml'\n")
  }

  @Test("neo4j-admin bad rows: stop with file and line, or skip and report")
  func badRows() throws {
    let dir = try TemporaryDirectory()
    let people = try dir.write("id:ID,age:int\n1,30\n2,old\n", to: "people.csv")
    let db = dir.file("graph.quiver").path
    let failed = try QuiverExecutable.run(["import", "--db", db, "--nodes=Person=\(people)"])
    #expect(failed.status == 1)
    #expect(failed.standardError == "quiver: import failed, nothing was changed: \(people):3: `old` in column `age` is not a long\n")
    let skipped = try QuiverExecutable.run(["import", "--db", db, "--nodes=Person=\(people)", "--skip-bad-rows"])
    #expect(skipped.status == 0)
    #expect(skipped.standardError == "quiver: skipped \(people):3: `old` in column `age` is not a long\n")
    #expect(skipped.standardOutput.hasPrefix("Imported 1 nodes, 0 relationships and 2 properties in "))
  }

  @Test("the shell registers the export procedures")
  func procedures() throws {
    let dir = try TemporaryDirectory()
    let db = dir.file("graph.quiver").path
    let outcome = try QuiverExecutable.run([
      db, "-c", "CREATE (:A)-[:R]->(:B); CALL export.graphml.all('g.graphml', {}) YIELD file, nodes, relationships RETURN *",
      "--format", "csv",
    ])
    #expect(outcome.standardOutput.hasSuffix("file,nodes,relationships\ng.graphml,2,1\n"), "\(outcome.standardOutput)")
    #expect(FileManager.default.fileExists(atPath: db + "/export/g.graphml"))
  }
}
