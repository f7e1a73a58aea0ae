// `quiver import` run as the built binary: loading node and relationship files into a database
// directory that the shell then reads, named columns and delimiters, and one-line errors that
// leave the database unchanged.
import Foundation
import Testing

@Suite("quiver import", .tags(.engine))
struct ImportCommandTests {
  @Test("nodes and relationships land in the database directory")
  func importsIntoADirectory() throws {
    let dir = try TemporaryDirectory()
    let people = try dir.write("id,name,age\n1,Ann,31\n2,Ben,27\n3,\"Cy, Jr.\",40\n", to: "people.csv")
    let knows = try dir.write("src,dst,since\n1,2,2019\n2,3,2021\n", to: "knows.csv")
    let db = dir.file("graph.quiver").path
    let outcome = try QuiverExecutable.run(
      ["import", "--db", db, "--nodes", "Person:Member=\(people)", "--relationships", "KNOWS=\(knows)"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.hasPrefix("Imported 3 nodes, 2 relationships and 11 properties in "))
    let query = try QuiverExecutable.run(
      [db, "-c", "MATCH (a:Member)-[k:KNOWS]->(b:Person) RETURN a.name, b.name, k.since ORDER BY k.since", "--format", "csv"])
    #expect(query.standardOutput == "a.name,b.name,k.since\nAnn,Ben,2019\nBen,\"Cy, Jr.\",2021\n")
  }

  @Test("named start and end columns, another delimiter")
  func namedColumns() throws {
    let dir = try TemporaryDirectory()
    let cities = try dir.write("key|name\nL|Lisbon\n", to: "cities.csv")
    let people = try dir.write("key|name\np|Pia\n", to: "people.csv")
    let lives = try dir.write("city|who|from:int\nL|p|2001\n", to: "lives.csv")
    let db = dir.file("graph.quiver").path
    let outcome = try QuiverExecutable.run([
      "import", "--db", db, "--nodes", "City=\(cities)", "--nodes", "Person=\(people)", "--relationships", "LIVES_IN=\(lives)",
      "--id-column", "key", "--start-column", "who", "--end-column", "city", "--delimiter", "|",
    ])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let query = try QuiverExecutable.run([db, "-c", "MATCH (p)-[l:LIVES_IN]->(c) RETURN p.name, l.from, c.name", "--format", "csv"])
    #expect(query.standardOutput == "p.name,l.from,c.name\nPia,2001,Lisbon\n")
  }

  @Test("errors: usage exits 2, bad files exit 1 and change nothing")
  func errors() throws {
    let dir = try TemporaryDirectory()
    let people = try dir.write("id,name\n1,Ann\n", to: "people.csv")
    let broken = try dir.write("src,dst\n1,9\n", to: "broken.csv")
    let db = dir.file("graph.quiver").path
    let usage = try QuiverExecutable.run(["import", "--db", db, "--nodes", "Person"])
    #expect(usage.status == 2)
    #expect(usage.standardError == "quiver: --nodes takes NAME=file.csv, not 'Person'\n")
    let none = try QuiverExecutable.run(["import", "--db", db])
    #expect(none.status == 2)
    #expect(none.standardError == "quiver: give at least one node file with --nodes Label=file.csv\n")
    let failed = try QuiverExecutable.run(["import", "--db", db, "--nodes", "Person=\(people)", "--relationships", "T=\(broken)"])
    #expect(failed.status == 1)
    #expect(failed.standardError == "quiver: import failed, nothing was changed: \(broken):2: no imported node has the id `9`\n")
    let count = try QuiverExecutable.run([db, "-c", "MATCH (n) RETURN count(n) AS n", "--format", "csv"])
    #expect(count.standardOutput == "n\n0\n")
  }
}
