// Every importable export format round-trips the fixture: export, import into an empty database,
// compare value by value. neo4j-admin CSV and GraphML carry every value exactly but the sign and
// payload of NaN (written as the text NaN); JSON lines turns
// temporals and NaN/±Infinity into strings (JSON has no spelling for them), and the test states
// that loss rather than hiding it.
import Foundation
import Quiver
import Testing

@testable import QuiverExchange

@Suite struct ExportRoundTripTests {
  @Test func neo4jAdminCSVCarriesEveryValue() throws {
    let source = try ExchangeFixture.database()
    let directory = ExchangeFixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let (files, summary) = try Neo4jCSVExport.write(GraphSource(database: source), to: directory)
    #expect(summary.nodes == 4 && summary.relationships == 4)
    #expect(files.map(\.name) == [
      "nodes_Person.csv", "nodes_Odd_Label_Person.csv", "nodes_City.csv", "nodes_unlabelled.csv",
      "relationships_KNOWS.csv", "relationships_LIVES_IN.csv", "relationships_HAS-IT.csv",
    ])
    let header = try String(contentsOfFile: directory + "/nodes_Person.csv", encoding: .utf8).split(separator: "\n").first.map(String.init)
    #expect(header == ":ID,active:boolean,age:long,big:long,born:date,days:date[],emoji:string,empty:string,flags:boolean[],floats:double[],height:double,huge:double,inf:double,key:long,meet:time,name:string,nan:double,negzero:double,ninf:double,nothing:string[],nums:long[],offset:datetime,seen:localdatetime,small:long,span:duration,tags:string[],tenth:double,text:string,tiny:double,wake:localtime,xml:string,zoned:datetime,:LABEL")
    let target = try Database()
    let report = try Neo4jAdminImport.run(
      nodes: files.filter(\.isNodes).map { Neo4jInput(names: [], files: [directory + "/" + $0.name]) },
      relationships: files.filter { !$0.isNodes }.map { Neo4jInput(names: [], files: [directory + "/" + $0.name]) },
      options: Neo4jImportOptions(), into: target)
    #expect(report.badRows.isEmpty)
    #expect(report.summary.nodes == 4 && report.summary.relationships == 4)
    let difference = try ExchangeFixture.difference(ExchangeFixture.canonical(target), ExchangeFixture.canonical(source, transform: ExchangeFixture.nanSignLoss))
    #expect(difference == [])
  }

  @Test func graphMLCarriesEveryValue() throws {
    let source = try ExchangeFixture.database()
    let output = TextOutput()
    try GraphMLExport.write(GraphSource(database: source), to: output)
    let file = ExchangeFixture.temporaryDirectory() + "/graph.graphml"
    try output.text.write(toFile: file, atomically: true, encoding: .utf8)
    let target = try Database()
    let summary = try GraphMLImport.run(path: file, into: target)
    #expect(summary.nodes == 4 && summary.relationships == 4)
    let difference = try ExchangeFixture.difference(ExchangeFixture.canonical(target), ExchangeFixture.canonical(source, transform: ExchangeFixture.nanSignLoss))
    #expect(difference == [])
  }

  @Test func jsonLinesCarryEverythingButTemporalsAndNonFiniteFloats() throws {
    let source = try ExchangeFixture.database()
    let output = TextOutput()
    try JSONLExport.write(GraphSource(database: source), to: output)
    let file = ExchangeFixture.temporaryDirectory() + "/graph.jsonl"
    try output.text.write(toFile: file, atomically: true, encoding: .utf8)
    let target = try Database()
    let summary = try JSONLImport.run(path: file, into: target)
    #expect(summary.nodes == 4 && summary.relationships == 4)
    let difference = try ExchangeFixture.difference(ExchangeFixture.canonical(target), ExchangeFixture.canonical(source, transform: ExchangeFixture.jsonLoss))
    #expect(difference == [])
  }

  @Test func jsonLinesFollowAPOCsLayout() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:User {name: 'Adam', age: 42, score: 1.0})-[:KNOWS {since: 1993}]->(:User:Admin {name: 'Eve'})")
    let output = TextOutput()
    try JSONLExport.write(GraphSource(database: db), to: output)
    #expect(output.text == """
      {"type":"node","id":"0","labels":["User"],"properties":{"age":42,"name":"Adam","score":1.0}}
      {"type":"node","id":"1","labels":["User","Admin"],"properties":{"name":"Eve"}}
      {"type":"relationship","id":"0","label":"KNOWS","properties":{"since":1993},"start":{"id":"0","labels":["User"]},"end":{"id":"1","labels":["User","Admin"]}}

      """)
  }

  @Test func gexfDeclaresTypedAttributes() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:User {name: 'A<B', age: 42, tags: ['x', 'y']})-[:KNOWS {w: 0.5}]->(:User {name: 'Eve'})")
    let output = TextOutput()
    try GEXFExport.write(GraphSource(database: db), to: output)
    let text = output.text
    #expect(text.contains("<gexf xmlns=\"http://gexf.net/1.3\""))
    #expect(text.contains("<attribute id=\"1\" title=\"age\" type=\"long\"/>"))
    #expect(text.contains("<attribute id=\"3\" title=\"tags\" type=\"liststring\"/>"))
    #expect(text.contains("<node id=\"0\" label=\":User\"><attvalues><attvalue for=\"0\" value=\":User\"/><attvalue for=\"1\" value=\"42\"/><attvalue for=\"2\" value=\"A&lt;B\"/><attvalue for=\"3\" value=\"[x, y]\"/></attvalues></node>"))
    #expect(text.contains("<edge id=\"0\" source=\"0\" target=\"1\" label=\"KNOWS\"><attvalues><attvalue for=\"0\" value=\"KNOWS\"/><attvalue for=\"1\" value=\"0.5\"/></attvalues></edge>"))
  }

  @Test func dotCaptionsNodesAndEdges() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:User {name: 'A \"q\"'})-[:KNOWS]->(:User)")
    let output = TextOutput()
    try DOTExport.write(GraphSource(database: db), to: output)
    #expect(output.text == """
      digraph quiver {
        node [shape=box];
        n0 [label=":User {name: 'A \\"q\\"'}"];
        n1 [label=":User"];
        n0 -> n1 [label="KNOWS"];
      }

      """)
  }
}
