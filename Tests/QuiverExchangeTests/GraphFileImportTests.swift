// GraphML and JSON-lines import of files from elsewhere: GraphML as networkx writes it (no labels,
// `attr.type` int/double/boolean, edges before nodes are fine) and the errors that name file and
// line for a broken document, an unknown node or a value its key's type cannot read.
import Foundation
import Quiver
import Testing

@testable import QuiverExchange

@Suite struct GraphFileImportTests {
  private let directory = ExchangeFixture.temporaryDirectory()

  private func file(_ name: String, _ text: String) throws -> String {
    try ExchangeFixture.write(text, named: name, in: directory)
  }

  @Test func readsGraphMLAsNetworkxWritesIt() throws {
    let path = try file(
      "nx.graphml",
      """
      <?xml version='1.0' encoding='utf-8'?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="d0" for="node" attr.name="age" attr.type="int"/>
        <key id="d1" for="edge" attr.name="w" attr.type="double"/>
        <key id="d2" for="node" attr.name="ok" attr.type="boolean"/>
        <graph edgedefault="directed">
          <edge source="a" target="b"><data key="d1">0.25</data></edge>
          <node id="a"><data key="d0">31</data><data key="d2">true</data></node>
          <node id="b"/>
        </graph>
      </graphml>
      """)
    let db = try Database()
    let summary = try GraphMLImport.run(path: path, into: db)
    #expect(summary.nodes == 2 && summary.relationships == 1)
    let row = try db.execute("MATCH (a)-[r:RELATED]->(b) RETURN a.age, a.ok, r.w, labels(b)").rows.first
    #expect(row.map { $0.map(ExchangeFixture.text) } == ["int(31)", "true", "float(3fd0000000000000)", "[]"])
  }

  /// Into a database on disk the load is committed as a new snapshot (the log keeps its header
  /// only), and it reopens with the same values.
  @Test func durableGraphMLImportReopensWithItsValues() throws {
    let path = try file(
      "d.graphml",
      """
      <graphml><key id="d0" for="node" attr.name="age" attr.type="int"/><key id="d1" for="edge" attr.name="w" attr.type="double"/>
      <graph edgedefault="directed"><node id="a"><data key="d0">31</data></node><node id="b"><data key="d0">7</data></node>
      <edge source="a" target="b"><data key="d1">0.25</data></edge></graph></graphml>
      """)
    let databasePath = directory + "/durable-db"
    do {
      let db = try Database(path: databasePath)
      _ = try db.execute("CREATE (:Before {v: 1})")
      let summary = try GraphMLImport.run(path: path, into: db)
      #expect(summary.nodes == 2 && summary.relationships == 1)
      #expect(try Data(contentsOf: URL(fileURLWithPath: databasePath + "/wal")).count == 16)
    }
    let db = try Database(path: databasePath)
    let rows = try db.execute("MATCH (a)-[r:RELATED]->(b) RETURN a.age, r.w, b.age").rows
    #expect(rows.map { $0.map(ExchangeFixture.text) } == [["int(31)", "float(3fd0000000000000)", "int(7)"]])
    #expect(try db.execute("MATCH (n:Before) RETURN n.v").rows.map { $0.map(ExchangeFixture.text) } == [["int(1)"]])
    #expect(db.counts.nodes == 3 && db.counts.relationships == 1)
  }

  @Test(arguments: [
    ("<graphml><key id=\"k\" for=\"node\" attr.name=\"n\" attr.type=\"int\"/><graph>\n<node id=\"a\"><data key=\"k\">x</data></node></graph></graphml>",
     "g.graphml:2: `x` is not a int (key `n`)"),
    ("<graphml><graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"z\"/></graph></graphml>", "g.graphml:3: no node has the id `z`"),
    ("<graphml><graph>\n<node id=\"a\"/>\n<node id=\"a\"/></graph></graphml>", "g.graphml:3: the node id `a` appears twice"),
  ])
  func graphMLErrorsNameFileAndLine(text: String, expected: String) throws {
    let path = try file("g.graphml", text)
    let db = try Database()
    let error = try #require(throws: QuiverError.self) { try GraphMLImport.run(path: path, into: db) }
    #expect(error.message == directory + "/" + expected)
    #expect(db.counts.nodes == 0)
  }

  @Test(arguments: [
    ("{\"type\":\"node\",\"id\":\"1\",\"labels\":[],\"properties\":{}}\n{\"type\":\"node\",\"id\":\"1\"}\n", "j.jsonl:2: the node id `1` appears twice"),
    ("{\"type\":\"node\",\"id\":\"1\"}\n{\"type\":\"relationship\",\"id\":\"0\",\"label\":\"R\",\"start\":{\"id\":\"1\"},\"end\":{\"id\":\"2\"}}\n",
     "j.jsonl:2: no node has the id `2`"),
    ("{\"type\":\"node\",\"id\":\"1\"}\n\n{\"type\":\"node\",\n", "j.jsonl:3: invalid JSON at offset 15: unexpected end"),
    ("{\"type\":\"edge\",\"id\":\"1\"}\n", "j.jsonl:1: type must be \"node\" or \"relationship\""),
  ])
  func jsonLinesErrorsNameFileAndLine(text: String, expected: String) throws {
    let path = try file("j.jsonl", text)
    let db = try Database()
    let error = try #require(throws: QuiverError.self) { try JSONLImport.run(path: path, into: db) }
    #expect(error.message == directory + "/" + expected)
    #expect(db.counts.nodes == 0)
  }

  @Test func bulkLoadsCheckRelationshipAndNodeConstraints() throws {
    let db = try Database()
    _ = try db.execute("CREATE CONSTRAINT r_key FOR ()-[r:R]-() REQUIRE r.k IS RELATIONSHIP KEY")
    _ = try db.execute("CREATE CONSTRAINT n_type FOR (n:N) REQUIRE n.x IS :: INTEGER")
    let node = #"{"type":"node","id":"1","labels":["N"],"properties":{"x":1}}"#
    let relationship = #"{"type":"relationship","id":"0","label":"R","start":{"id":"1"},"end":{"id":"1"},"properties":{"k":1}}"#
    let missingKey = #"{"type":"relationship","id":"1","label":"R","start":{"id":"1"},"end":{"id":"1"},"properties":{}}"#
    let badType = #"{"type":"node","id":"2","labels":["N"],"properties":{"x":"one"}}"#
    for (name, text) in [("rel.jsonl", node + "\n" + missingKey + "\n"), ("node.jsonl", badType + "\n")] {
      let error = try #require(throws: QuiverError.self) { try JSONLImport.run(path: file(name, text), into: db) }
      #expect(error.code == .constraintValidationFailed, "\(name)")
      #expect(db.counts.nodes == 0)
    }
    _ = try JSONLImport.run(path: file("ok.jsonl", node + "\n" + relationship + "\n"), into: db)
    #expect(db.counts.relationships == 1)
  }

  @Test func jsonReaderKeepsIntegersApartFromFloats() throws {
    let value = try JSONReader.parse("{\"i\": -9223372036854775808, \"f\": 1.0, \"e\": 1e2, \"s\": \"\\ud83d\\ude00\", \"l\": [true, null]}")
    guard case .map(let map) = value else { Issue.record("not a map"); return }
    #expect(map.keys.sorted().map { ExchangeFixture.text(map[$0] ?? .null) } == ["float(4059000000000000)", "float(3ff0000000000000)", "int(-9223372036854775808)", "[true, null]", "string(\"😀\")"])
  }
}
