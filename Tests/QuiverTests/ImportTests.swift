// The CSV bulk importer: values and their types, quoting, relationships by id column, indexes and
// constraints kept, every malformed input an error naming file and line that changes nothing,
// and durable databases holding the import after reopening.
import Foundation
import Quiver
import Testing

@Suite struct ImportTests {
  /// Rows as canonical text (exact types and values), to compare with expected rows.
  private func text(_ rows: [[Value]]) -> [[String]] { rows.map { $0.map(canonical) } }

  private func people(_ dir: ScratchDirectory) throws -> (CSVNodeFile, CSVRelationshipFile) {
    try dir.write(
      "people.csv",
      Array(
        "\u{FEFF}id,name,age,score:float,active,zip:string\r\n1,Alice,30,1,true,0101\r\n2,\"Bob, Jr.\",41,2.5,false,\r\n\n3,\"Carol \"\"C\"\"\nSmith\",,-3,TRUE,99\n"
          .utf8))
    try dir.write("knows.csv", Array("src,dst,since,weight\n1,2,2020,0.5\n2,3,2021,\n3,1,,1e3\n".utf8))
    return (CSVNodeFile(path: dir.file("people.csv"), labels: ["Person", "Member"]), CSVRelationshipFile(path: dir.file("knows.csv"), type: "KNOWS"))
  }

  @Test func importsNodesAndRelationshipsWithTypedValues() throws {
    let dir = try ScratchDirectory()
    let (nodes, rels) = try people(dir)
    let db = try Database()
    let summary = try db.importCSV(nodes: [nodes], relationships: [rels])
    #expect(summary == ImportSummary(nodes: 3, relationships: 3, properties: 16 + 4))
    let rows = try db.execute("MATCH (p:Person:Member) RETURN p.id, p.name, p.age, p.score, p.active, p.zip ORDER BY p.id").rows
    #expect(rows.count == 3)
    #expect(text([rows[0]]) == text([[.int(1), .string("Alice"), .int(30), .float(1), .bool(true), .string("0101")]]))
    #expect(text([rows[1]]) == text([[.int(2), .string("Bob, Jr."), .int(41), .float(2.5), .bool(false), .null]]))
    #expect(text([rows[2]]) == text([[.int(3), .string("Carol \"C\"\nSmith"), .null, .float(-3), .string("TRUE"), .string("99")]]))
    let knows = try db.execute("MATCH (a)-[k:KNOWS]->(b) RETURN a.id, b.id, k.since, k.weight ORDER BY a.id").rows
    #expect(text(knows) == text([
      [.int(1), .int(2), .int(2020), .float(0.5)], [.int(2), .int(3), .int(2021), .null], [.int(3), .int(1), .null, .float(1000)],
    ]))
    #expect(db.consistencyViolations.isEmpty)
  }

  @Test func namedEndColumnsAndIndexesKeptExact() throws {
    let dir = try ScratchDirectory()
    try dir.write("cities.csv", Array("code;name\nLIS;Lisbon\nOPO;Porto\n".utf8))
    try dir.write("people.csv", Array("key;name\np1;Ann\np2;Ben\n".utf8))
    try dir.write("lives.csv", Array("since;city;person\n2001;LIS;p1\n1999;OPO;p2\n".utf8))
    let db = try Database()
    _ = try db.execute("CREATE INDEX FOR (c:City) ON (c.code)")
    _ = try db.execute("CREATE (:City {code: 'MAD'})")
    try db.importCSV(
      nodes: [CSVNodeFile(path: dir.file("cities.csv"), labels: ["City"], idColumn: "code"),
              CSVNodeFile(path: dir.file("people.csv"), labels: ["Person"], idColumn: "key")],
      relationships: [CSVRelationshipFile(path: dir.file("lives.csv"), type: "LIVES_IN", startColumn: "person", endColumn: "city")],
      delimiter: ";")
    let r = try db.execute("MATCH (p:Person)-[l:LIVES_IN]->(c:City {code: 'OPO'}) RETURN p.name, l.since, keys(l)").rows
    #expect(text(r) == text([[.string("Ben"), .int(1999), .list([.string("since")])]]))
    #expect(try db.execute("EXPLAIN MATCH (c:City {code: 'LIS'}) RETURN c").plan?.contains("NodeIndexSeek") == true)
    #expect(try db.execute("MATCH (c:City) RETURN count(*)").rows[0][0].intValue == 3)
    #expect(db.consistencyViolations.isEmpty)
  }

  @Test(arguments: [
    ("id,name\n1,A\n1,B\n", "a.csv:3: the id `1` was already used by another node"),
    ("id,name\n1,\"A\n", "a.csv:2: a quoted field is never closed"),
    ("id,name\n1,\"A\"x\n", "a.csv:2: a quoted field is followed by text before the next delimiter"),
    ("id,name\n1,A,extra\n", "a.csv:2: the row has 3 fields but the header has 2 columns"),
    ("key,name\n1,A\n", "a.csv:1: there is no id column `id` (columns: key, name)"),
    ("id,age:int\n1,x\n", "a.csv:2: `x` in column `age` is not an integer"),
    ("id,age:number\n1,2\n", "a.csv:1: column `age:number` has an unknown type `number` (use int, float, boolean or string)"),
    ("id,name\n,A\n", "a.csv:2: the row has no value in column 1"),
    ("", "a.csv:1: the file is empty; it needs a header row"),
  ])
  func malformedNodeFilesChangeNothing(_ contents: String, _ message: String) throws {
    let dir = try ScratchDirectory()
    try dir.write("a.csv", Array(contents.utf8))
    let db = try Database()
    _ = try db.execute("CREATE (:Kept)")
    let error = try #require(throws: QuiverError.self) { try db.importCSV(nodes: [CSVNodeFile(path: dir.file("a.csv"), labels: ["N"])]) }
    #expect(error.message == dir.path + "/" + message)
    #expect(error.category == .io)
    #expect(error.code == .invalidCSV)
    #expect(text(try db.execute("MATCH (n) RETURN labels(n)").rows) == text([[.list([.string("Kept")])]]))
  }

  @Test func unknownEndsMissingFilesAndConstraintsChangeNothing() throws {
    let dir = try ScratchDirectory()
    let (nodes, _) = try people(dir)
    try dir.write("bad.csv", Array("src,dst\n1,2\n2,7\n".utf8))
    let db = try Database()
    let unknown = try #require(throws: QuiverError.self) {
      try db.importCSV(nodes: [nodes], relationships: [CSVRelationshipFile(path: dir.file("bad.csv"), type: "T")])
    }
    #expect(unknown.message == dir.file("bad.csv") + ":3: no imported node has the id `7`")
    #expect(unknown.code == .invalidCSV)
    let missing = try #require(throws: QuiverError.self) { try db.importCSV(nodes: [CSVNodeFile(path: dir.file("none.csv"), labels: ["N"])]) }
    #expect(missing.message == "cannot read the CSV file \(dir.file("none.csv"))")
    #expect(missing.code == .fileNotReadable)
    _ = try db.execute("CREATE CONSTRAINT FOR (p:Person) REQUIRE p.age IS NOT NULL")
    #expect(thrown { try db.importCSV(nodes: [nodes]) } == "ConstraintValidationFailed")
    #expect(thrown { try db.importCSV(nodes: [nodes], delimiter: "\"") } == "InvalidArgumentValue")
    #expect(thrown { try db.importCSV(nodes: [CSVNodeFile(path: nodes.path, labels: [])]) } == "InvalidArgumentValue")
    #expect(thrown { try db.importCSV(nodes: [nodes], relationships: [CSVRelationshipFile(path: nodes.path, type: "")]) } == "InvalidArgumentValue")
    #expect(try db.execute("MATCH (n) RETURN count(n)").rows[0][0].intValue == 0)
    #expect(try db.execute("MATCH ()-[r]->() RETURN count(r)").rows[0][0].intValue == 0)
  }

  @Test func durableImportIsInTheSnapshotAfterReopening() throws {
    let dir = try ScratchDirectory()
    let (nodes, rels) = try people(dir)
    let path = dir.file("db")
    do {
      let db = try Database(path: path)
      try db.importCSV(nodes: [nodes], relationships: [rels])
    }
    let log = try #require(try FileManager.default.attributesOfItem(atPath: path + "/wal")[.size] as? Int)
    let snapshot = try #require(try FileManager.default.attributesOfItem(atPath: path + "/snapshot")[.size] as? Int)
    let reopened = try Database(path: path)
    #expect(text(try reopened.execute("MATCH (a:Person)-[k:KNOWS]->(b) RETURN count(*), sum(k.since)").rows) == text([[.int(3), .int(4041)]]))
    #expect(text(try reopened.execute("MATCH (p {id: 3}) RETURN p.name").rows) == text([[.string("Carol \"C\"\nSmith")]]))
    // Checkpointed: the rows are in the snapshot, the log holds at most its header.
    #expect(log < 64 && snapshot > 200, "log \(log) bytes, snapshot \(snapshot) bytes")
  }
}
