// The neo4j-admin import layout: ID spaces, labels from the group and the :LABEL column, headers
// in a file of their own, several parts per group, gzip, typed and array columns, :IGNORE, id
// types; and every kind of bad row reported with file, line and reason (stopping with the
// database unchanged, or skipped up to a limit).
import Foundation
import Quiver
import Testing

@testable import QuiverExchange

@Suite struct Neo4jAdminImportTests {
  private let directory = ExchangeFixture.temporaryDirectory()

  private func file(_ name: String, _ text: String) throws -> String {
    try ExchangeFixture.write(text, named: name, in: directory)
  }

  private func gzip(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
    process.arguments = ["-kf", path]
    try process.run()
    process.waitUntilExit()
    return path + ".gz"
  }

  @Test func readsIDSpacesHeaderFilesPartsAndGzip() throws {
    let header = try file("people_header.csv", "personId:ID(Person),name,age:int,score:float,tags:string[],born:date,:IGNORE,:LABEL\n")
    let part1 = try file("people1.csv", "1,Ann,42,1.5,a;b,1984-10-11,junk,Admin\n")
    let part2 = try gzip(try file("people2.csv", "2,\"Bob, Jr.\",,2,,,x,\n"))
    let movies = try file("movies.csv", "movieId:ID(Movie),title\n1,Alien\n")
    let roles = try file("roles.csv", ":START_ID(Person),:END_ID(Movie),role,:TYPE\n1,1,Ripley,ACTED_IN\n2,1,\"\",\n")
    let db = try Database()
    let report = try Neo4jAdminImport.run(
      nodes: [Neo4jInput(names: ["Person"], files: [header, part1, part2]), Neo4jInput(names: ["Movie"], files: [movies])],
      relationships: [Neo4jInput(names: ["DIRECTED"], files: [roles])], options: Neo4jImportOptions(), into: db)
    #expect(report.summary.nodes == 3 && report.summary.relationships == 2)
    let rows = try db.execute("MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY n.name").rows
    // Ordered by name, nulls (the movie) last.
    #expect(rows.map { $0.map(ExchangeFixture.text) } == [
      ["[string(\"Person\"), string(\"Admin\")]",
       "{age: 42, born: 1984-10-11, name: 'Ann', personId: '1', score: 1.5, tags: ['a', 'b']}"],
      ["[string(\"Person\")]", "{name: 'Bob, Jr.', personId: '2', score: 2.0}"],
      ["[string(\"Movie\")]", "{movieId: '1', title: 'Alien'}"],
    ])
    let relationships = try db.execute("MATCH (a)-[r]->(b) RETURN a.name, type(r), r.role ORDER BY a.name").rows
    #expect(relationships.map { $0.map(ExchangeFixture.text) } == [
      ["string(\"Ann\")", "string(\"ACTED_IN\")", "string(\"Ripley\")"],
      ["string(\"Bob, Jr.\")", "string(\"DIRECTED\")", "string(\"\")"],
    ])
  }

  @Test func integerIDsAreStoredAsIntegers() throws {
    let nodes = try file("n.csv", "id:ID,name\n007,Bond\n")
    let edges = try file("e.csv", ":START_ID,:END_ID,:TYPE\n7,7,SELF\n")
    var options = Neo4jImportOptions()
    options.idType = .integer
    let db = try Database()
    _ = try Neo4jAdminImport.run(
      nodes: [Neo4jInput(names: ["Agent"], files: [nodes])], relationships: [Neo4jInput(names: [], files: [edges])], options: options, into: db)
    #expect(try db.execute("MATCH (n:Agent)-[:SELF]->(n) RETURN n.id").rows.first?.first?.intValue == 7)
  }

  @Test(arguments: [
    ("n.csv", "id:ID,age:int\n1,2,3\n", "n.csv:2: the row has 3 fields but the header has 2 columns"),
    ("n.csv", "id:ID,age:int\n1,old\n", "n.csv:2: `old` in column `age` is not a long"),
    ("n.csv", "id:ID,born:date\n1,yesterday\n", "n.csv:2: `yesterday` in column `born` is not a date"),
    ("n.csv", "id:ID,xs:int[]\n1,1;x\n", "n.csv:2: `x` in column `xs` is not a long"),
    ("n.csv", "id:ID\n1\n\n1\n", "n.csv:4: the id `1` is already used by another node"),
    ("n.csv", "id:ID,name\n,Ann\n", "n.csv:2: the row has no id"),
    ("e.csv", ":START_ID,:END_ID,:TYPE\n1,9,R\n", "e.csv:2: no node has the end id `9`"),
    ("e.csv", ":START_ID,:END_ID\n1,1\n", "e.csv:2: the row has no relationship type (give a :TYPE column or TYPE=files)"),
  ])
  func badRowsStopTheImportWithFileLineAndReason(name: String, text: String, expected: String) throws {
    let isEdges = name == "e.csv"
    let nodes = try file("base.csv", "id:ID\n1\n")
    let path = try file(name, text)
    let db = try Database()
    _ = try db.execute("CREATE (:Existing)")
    let error = try #require(throws: QuiverError.self) {
      try Neo4jAdminImport.run(
        nodes: [Neo4jInput(names: ["N"], files: isEdges ? [nodes] : [path])],
        relationships: isEdges ? [Neo4jInput(names: [], files: [path])] : [], options: Neo4jImportOptions(), into: db)
    }
    #expect(error.code == .invalidCSV)
    #expect(error.message == directory + "/" + expected)
    #expect(db.counts.nodes == 1)
  }

  @Test func badHeadersAreRefused() throws {
    let path = try file("n.csv", "id:ID,age:number\n1,2\n")
    let error = try #require(throws: QuiverError.self) {
      try Neo4jAdminImport.run(nodes: [Neo4jInput(names: [], files: [path])], relationships: [], options: Neo4jImportOptions(), into: Database())
    }
    #expect(error.message.hasPrefix(path + ":1: the header field `age:number` has an unknown type"))
  }

  @Test func skippedBadRowsAreReportedUpToALimit() throws {
    let path = try file("n.csv", "id:ID,age:int\n1,1\n2,x\n3,3\n4,y\n")
    var options = Neo4jImportOptions()
    options.skipBadRows = true
    let db = try Database()
    let report = try Neo4jAdminImport.run(nodes: [Neo4jInput(names: ["N"], files: [path])], relationships: [], options: options, into: db)
    #expect(report.summary.nodes == 2)
    #expect(report.badRows.map(\.description) == [
      path + ":3: `x` in column `age` is not a long", path + ":5: `y` in column `age` is not a long",
    ])
    options.badRowLimit = 1
    let limited = try Database()
    let error = try #require(throws: QuiverError.self) {
      try Neo4jAdminImport.run(nodes: [Neo4jInput(names: ["N"], files: [path])], relationships: [], options: options, into: limited)
    }
    #expect(error.code == .tooManyBadRows)
    #expect(limited.counts.nodes == 0)
  }

  @Test func damagedGzipIsAnError() throws {
    let path = try gzip(try file("n.csv", String(repeating: "id:ID\n1\n", count: 100)))
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    bytes.removeLast(12)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let error = try #require(throws: QuiverError.self) { try InputFile.bytes(path) }
    #expect(error.code == .invalidGzip)
  }
}
