// The CSV bulk importer reading files in batches cut into pieces parsed on all cores: whatever
// the batch size (so however the rows fall into pieces, down to one row or less per batch), the
// graph is the one a single batch gives, quoted line breaks and CR/CRLF row ends are read as
// one reader reads them, and the first bad row in file order is reported with its file line,
// leaving the graph unchanged.
import Foundation
import Quiver
import Testing

@Suite struct ImportPieceTests {
  /// A node file with quoted line breaks, escaped quotes, CRLF, a lone CR, blank lines and a
  /// byte-order mark: ids 1 to 5 on lines 2, 5, 7, 9 and 10.
  private let trickyNodes =
    "\u{FEFF}id,name,note\r\n1,\"A\nB\",x\r\n\r\n2,\"C\"\"D\",\n\n3,\"E\r\nF\",\"G,H\"\r4,plain,\"q\"\n5,\"\",last"

  /// Numbered nodes and relationships between them with int, float, string and empty fields.
  private func numbered(_ dir: ScratchDirectory, nodes: Int, relationships: Int) throws -> (CSVNodeFile, CSVRelationshipFile) {
    var n = "id,name,age,score:float,city\n"
    for i in 0..<nodes {
      n += "\(i),\"Person \(i), the \(i % 3 == 0 ? "\"\"first\"\"" : "next")\",\(i % 7 == 0 ? "" : String(20 + i % 50)),\(Double(i) / 4),C\(i % 5)\n"
    }
    var r = "src,dst,since,weight\n"
    for i in 0..<relationships {
      r += "\(i % nodes),\((i * 7 + 3) % nodes),\(2000 + i % 20),\(i % 4 == 0 ? "" : String(Double(i) / 8))\n"
    }
    try dir.write("nodes.csv", Array(n.utf8))
    try dir.write("rels.csv", Array(r.utf8))
    return (CSVNodeFile(path: dir.file("nodes.csv"), labels: ["Person"]), CSVRelationshipFile(path: dir.file("rels.csv"), type: "KNOWS"))
  }

  @Test func manySmallBatchesGiveTheGraphOfOne() throws {
    let dir = try ScratchDirectory()
    let (nodes, rels) = try numbered(dir, nodes: 300, relationships: 1_000)
    let one = try Database()
    let whole = try one.importCSV(nodes: [nodes], relationships: [rels], delimiter: ",", batchBytes: 1 << 30)
    #expect(whole == ImportSummary(nodes: 300, relationships: 1_000, properties: 300 * 5 - 43 + 1_000 * 2 - 250))
    let expected = try dump(one)
    let person3 = try one.execute("MATCH (p:Person {id: 3}) RETURN p.name, p.age, p.score, p.city").rows
    #expect(person3.map { $0.map(canonical) } == [[
      canonical(.string("Person 3, the \"first\"")), canonical(.int(23)), canonical(.float(0.75)), canonical(.string("C3")),
    ]])
    // Relationships 5, 305, 605 and 905 start at node 5 and all end at node 38.
    let knows = try one.execute("MATCH (a {id: 5})-[k:KNOWS]->(b) RETURN b.id, k.since, k.weight ORDER BY k.weight").rows
    #expect(knows.map { $0.map(canonical) } == [0.625, 38.125, 75.625, 113.125].map {
      [canonical(.int(38)), canonical(.int(2005)), canonical(.float($0))]
    })
    for batchBytes in [7, 64, 1_000, 4_096] {
      let db = try Database()
      let summary = try db.importCSV(nodes: [nodes], relationships: [rels], delimiter: ",", batchBytes: batchBytes)
      #expect(summary == whole, "batch of \(batchBytes) bytes")
      #expect(try dump(db) == expected, "batch of \(batchBytes) bytes")
      #expect(db.consistencyViolations.isEmpty)
    }
  }

  @Test func quotedLineBreaksAndRowEndsReadTheSameInEveryBatchSize() throws {
    let dir = try ScratchDirectory()
    try dir.write("a.csv", Array(trickyNodes.utf8))
    try dir.write("r.csv", Array("src,dst\r\n1,5\r\n\"3\",2\r\n".utf8))
    let files = (nodes: [CSVNodeFile(path: dir.file("a.csv"), labels: ["N"])], rels: [CSVRelationshipFile(path: dir.file("r.csv"), type: "T")])
    for batchBytes in 1...trickyNodes.utf8.count + 1 {
      let db = try Database()
      let summary = try db.importCSV(nodes: files.nodes, relationships: files.rels, delimiter: ",", batchBytes: batchBytes)
      #expect(summary == ImportSummary(nodes: 5, relationships: 2, properties: 5 + 4 + 4), "batch of \(batchBytes) bytes")
      let rows = try db.execute("MATCH (n:N) RETURN n.id, n.name, n.note ORDER BY n.id").rows
      #expect(rows.map { $0.map(canonical) } == [
        [.int(1), .string("A\nB"), .string("x")], [.int(2), .string("C\"D"), .null], [.int(3), .string("E\r\nF"), .string("G,H")],
        [.int(4), .string("plain"), .string("q")], [.int(5), .null, .string("last")],
      ].map { $0.map(canonical) }, "batch of \(batchBytes) bytes")
      let pairs = try db.execute("MATCH (a)-[:T]->(b) RETURN a.id, b.id ORDER BY a.id").rows
      #expect(pairs.map { $0.map(canonical) } == [[.int(1), .int(5)], [.int(3), .int(2)]].map { $0.map(canonical) })
    }
  }

  @Test func numericIDsStayTextWhenTheMapLeavesItsArray() throws {
    // Plain numbers first (the array), then `01` (not the number 1), a number far beyond the
    // node count and a name, each of which the map must keep apart after turning into a
    // dictionary.
    let dir = try ScratchDirectory()
    try dir.write("a.csv", Array("id,n\n0,zero\n1,one\n2,two\n01,oh-one\n99999999999,big\nx,ex\n".utf8))
    try dir.write("r.csv", Array("src,dst\n01,1\n1,01\n99999999999,x\n2,0\n".utf8))
    for batchBytes in [8, 1 << 20] {
      let db = try Database()
      try db.importCSV(
        nodes: [CSVNodeFile(path: dir.file("a.csv"), labels: ["N"])],
        relationships: [CSVRelationshipFile(path: dir.file("r.csv"), type: "T")], delimiter: ",", batchBytes: batchBytes)
      let pairs = try db.execute("MATCH (a)-[:T]->(b) RETURN a.n, b.n ORDER BY a.n").rows
      #expect(pairs.map { $0.map(canonical) } == [
        ["big", "ex"], ["oh-one", "one"], ["one", "oh-one"], ["two", "zero"],
      ].map { $0.map { canonical(.string($0)) } }, "batch of \(batchBytes) bytes")
    }
    try expectError("id\n1\n2\n", "r.csv:3: no imported node has the id `01`", batchBytes: 8, relationships: "src,dst\n1,2\n2,01\n")
    try expectError("id\n1\nx\n", "r.csv:2: no imported node has the id `001`", batchBytes: 8, relationships: "src,dst\n001,x\n")
  }

  /// Imports `contents` as a node file in batches of `batchBytes` into a graph holding one
  /// `:Kept` node, expecting the error `message` (after the directory) and the graph unchanged.
  private func expectError(_ contents: String, _ message: String, batchBytes: Int, relationships: String? = nil) throws {
    let dir = try ScratchDirectory()
    try dir.write("a.csv", Array(contents.utf8))
    var rels: [CSVRelationshipFile] = []
    if let relationships {
      try dir.write("r.csv", Array(relationships.utf8))
      rels = [CSVRelationshipFile(path: dir.file("r.csv"), type: "T")]
    }
    let db = try Database()
    _ = try db.execute("CREATE (:Kept)")
    let error = try #require(throws: QuiverError.self) {
      try db.importCSV(nodes: [CSVNodeFile(path: dir.file("a.csv"), labels: ["N"])], relationships: rels, delimiter: ",", batchBytes: batchBytes)
    }
    #expect(error.message == dir.path + "/" + message, "batch of \(batchBytes) bytes")
    #expect(error.code == .invalidCSV)
    #expect(try db.execute("MATCH (n) RETURN labels(n)").rows.map { $0.map(canonical) } == [[canonical(.list([.string("Kept")]))]])
    #expect(try db.execute("MATCH ()-[r]->() RETURN count(r)").rows[0][0].intValue == 0)
  }

  @Test func theFirstBadRowInFileOrderIsReportedAtItsLine() throws {
    let rows = (0..<200).map { "\($0),name \($0)\n" }.joined()
    for batchBytes in [16, 100, 1 << 20] {
      // A bad row in a late piece; a later piece has a bad row too, which must not win.
      let ages = (0..<200).map { "\($0),\($0 == 150 ? "x" : $0 == 180 ? "y" : String($0))\n" }.joined()
      try expectError("id,age:int\n" + ages, "a.csv:152: `x` in column `age` is not an integer", batchBytes: batchBytes)
      try expectError(trickyNodes + "\n6,x,y,z\n7,\"open", "a.csv:11: the row has 4 fields but the header has 3 columns", batchBytes: batchBytes)
      try expectError(trickyNodes + "\n6,\"x\"y,z\n", "a.csv:11: a quoted field is followed by text before the next delimiter", batchBytes: batchBytes)
      try expectError(trickyNodes + "\n6,x,\"unclosed\n\n", "a.csv:11: a quoted field is never closed", batchBytes: batchBytes)
      // A duplicate id is reported before a fault later in its row, even when the first use is
      // in an earlier piece.
      try expectError("id,name\n" + rows + "3,b,extra\n", "a.csv:202: the id `3` was already used by another node", batchBytes: batchBytes)
      try expectError("id,name\n" + rows + "300,b,extra\n", "a.csv:202: the row has 3 fields but the header has 2 columns", batchBytes: batchBytes)
      try expectError("id,name\n" + rows, "r.csv:151: no imported node has the id `x9`", batchBytes: batchBytes,
        relationships: "src,dst\n" + (0..<149).map { "\($0),\($0 + 1)\n" }.joined() + "1,x9\n2,x8\n\"")
    }
  }
}
