// `quiver import` refuses what would load silently wrong: an empty label (`P:=f.csv`), a label
// or type with a space, the same file given twice, and (like neo4j-admin's full import) a
// database that already holds nodes unless `--append` asks to add to it.
import Foundation
import Testing

@Suite("quiver import validation", .tags(.engine))
struct ImportValidationCommandTests {
  @Test("labels and types: empty or with a space is a usage error")
  func names() throws {
    let dir = try TemporaryDirectory()
    let people = try dir.write("id,name\n1,Ann\n", to: "people.csv")
    let db = dir.file("graph.quiver").path
    let cases: [([String], String)] = [
      (["--nodes", "P:=\(people)"], "quiver: --nodes 'P:=\(people)' has an empty label; write Label[:Label…]=file.csv\n"),
      (["--nodes", ":P=\(people)"], "quiver: --nodes ':P=\(people)' has an empty label; write Label[:Label…]=file.csv\n"),
      (["--nodes", "My Label=\(people)"],
       "quiver: --nodes 'My Label=\(people)': the label `My Label` holds a space or control character; give a name without one\n"),
      (["--nodes", "P=\(people)", "--relationships", "KNOWS WELL=\(people)"],
       "quiver: --relationships 'KNOWS WELL=\(people)': the relationship type `KNOWS WELL` holds a space or control character; give a name without one\n"),
    ]
    for (arguments, message) in cases {
      let outcome = try QuiverExecutable.run(["import", "--db", db] + arguments)
      #expect(outcome.status == 2)
      #expect(outcome.standardError == message)
    }
  }

  @Test("the same file twice is refused; a second import needs --append")
  func twice() throws {
    let dir = try TemporaryDirectory()
    let people = try dir.write("id,name\n1,Ann\n2,Bo\n", to: "people.csv")
    let db = dir.file("graph.quiver").path
    let doubled = try QuiverExecutable.run(["import", "--db", db, "--nodes", "P=\(people)", "--nodes", "Q=\(people)"])
    #expect(doubled.status == 2)
    #expect(doubled.standardError == "quiver: the file \(people) is given twice; each file is imported once\n")

    let first = try QuiverExecutable.run(["import", "--db", db, "--nodes", "P=\(people)"])
    #expect(first.status == 0, "\(first.standardError)")
    let again = try QuiverExecutable.run(["import", "--db", db, "--nodes", "P=\(people)"])
    #expect(again.status == 1)
    #expect(
      again.standardError
        == "quiver: the database at \(db) already holds 2 nodes; quiver import loads an empty database "
        + "(give --append to add to it, or import into a new directory)\n")
    let appended = try QuiverExecutable.run(["import", "--db", db, "--nodes", "P=\(people)", "--append"])
    #expect(appended.status == 0, "\(appended.standardError)")
    let count = try QuiverExecutable.run([db, "-c", "MATCH (n) RETURN count(n) AS n", "--format", "csv"])
    #expect(count.standardOutput == "n\n4\n")
  }
}
