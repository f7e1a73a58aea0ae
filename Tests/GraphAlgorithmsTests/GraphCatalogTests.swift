// The graph catalog: algo.graph.project (native and Cypher forms), algo.graph.list and
// algo.graph.drop, algorithms run on a named graph (`graph: 'name'`) with the same values as on an
// inline projection, snapshot semantics, the errors, concurrent use, and the same through
// `db.algorithms`.
import Dispatch
import Quiver
import Testing

@Suite struct GraphCatalogTests {
  private func social() throws -> Database { try SocialGraph.make() }

  private static let project =
    "CALL algo.graph.project('people', {nodeLabels: ['Person'], relationshipTypes: ['KNOWS'], relationshipProperties: ['w']})"

  @Test func projectListAndDrop() throws {
    let db = try social()
    let p = try db.execute(Self.project + " YIELD graphName, nodeCount, relationshipCount RETURN *")
    #expect(p.rows.first?.first?.stringValue == "people")
    #expect(p.rows.first?.compactMap(\.intValue) == [6, 8])
    let l = try db.execute(
      """
      CALL algo.graph.list() YIELD graphName, nodeCount, relationshipCount, memoryBytes, orientation, aggregation,
        nodeProperties, relationshipProperties
      RETURN graphName, nodeCount, relationshipCount, memoryBytes, orientation, aggregation, nodeProperties, relationshipProperties
      """)
    #expect(l.rows.count == 1)
    let row = try #require(l.rows.first)
    #expect(row[0].stringValue == "people")
    #expect(row[1].intValue == 6)
    #expect(row[2].intValue == 8)
    // Topology: offsets 2 × 7 × 8, targets and edge indices 4 × 8 × 4, node ids 6 × 8,
    // relationship ids 8 × 8, the id index 7 × 4 = 380 bytes; the weighted copy adds 2 × 8 × 8.
    #expect(row[3].intValue == 888)
    #expect(row[4].stringValue == "NATURAL")
    #expect(row[5].stringValue == "NONE")
    #expect(row[6].listValue?.isEmpty == true)
    #expect(row[7].listValue?.compactMap(\.stringValue) == ["w"])
    let d = try db.execute("CALL algo.graph.drop('people') YIELD graphName, nodeCount, relationshipCount RETURN *")
    #expect(d.rows.first?.compactMap(\.intValue) == [6, 8])
    #expect(try db.execute("CALL algo.graph.list() YIELD graphName RETURN graphName").rows.isEmpty)
    #expect(thrownError(db, "CALL algo.graph.drop('people')")?.code == .graphNotFound)
  }

  @Test func algorithmsOnANamedGraphMatchTheInlineProjection() throws {
    let db = try social()
    _ = try db.execute(Self.project)
    let options = "maxIterations: 1000, tolerance: 1e-12"
    let named = try db.execute("CALL algo.pageRank({graph: 'people', \(options)}) YIELD node, score RETURN node.name, score ORDER BY node.name")
    let inline = try db.execute(
      "CALL algo.pageRank({label: 'Person', relationshipType: 'KNOWS', \(options)}) YIELD node, score RETURN node.name, score ORDER BY node.name")
    #expect(named.rows.count == 6)
    #expect(named.rows.map { $0[0].stringValue } == inline.rows.map { $0[0].stringValue })
    #expect(named.rows.map { $0[1].doubleValue } == inline.rows.map { $0[1].doubleValue })
    let d = try db.execute(
      """
      MATCH (s {name: 'frank'}), (t {name: 'carol'})
      CALL algo.dijkstra({graph: 'people', sourceNode: s, targetNode: t, weightProperty: 'w'})
      YIELD totalCost, nodes RETURN totalCost, [n IN nodes | n.name]
      """)
    #expect(d.rows.first?[0].doubleValue == 6)
    #expect(d.rows.first?[1].listValue?.compactMap(\.stringValue) == ["frank", "eve", "alice", "bob", "carol"])
  }

  @Test func aNamedGraphIsASnapshot() throws {
    let db = try social()
    _ = try db.execute(Self.project)
    let version = try db.execute("CALL algo.graph.list() YIELD databaseVersion RETURN databaseVersion").rows.first?[0].intValue
    _ = try db.execute("MATCH (a {name: 'frank'}), (b {name: 'bob'}) CREATE (a)-[:KNOWS {w: 1}]->(b)")
    let named = try db.execute("CALL algo.degree({graph: 'people'}) YIELD score RETURN sum(score)")
    let inline = try db.execute("CALL algo.degree({label: 'Person', relationshipType: 'KNOWS'}) YIELD score RETURN sum(score)")
    #expect(named.rows.first?[0].doubleValue == 8)
    #expect(inline.rows.first?[0].doubleValue == 9)
    #expect(version != nil)
    #expect(try db.execute("CALL algo.graph.list() YIELD databaseVersion RETURN databaseVersion").rows.first?[0].intValue == version)
  }

  @Test func catalogErrors() throws {
    let db = try social()
    _ = try db.execute(Self.project)
    #expect(thrownError(db, Self.project)?.code == .graphAlreadyExists)
    #expect(thrownError(db, "CALL algo.pageRank({graph: 'nobody'}) YIELD node RETURN node")?.code == .graphNotFound)
    let combined = thrownError(db, "CALL algo.pageRank({graph: 'people', label: 'Person'}) YIELD node RETURN node")
    #expect(combined?.code == .invalidArgumentValue)
    #expect(combined?.message.contains("'label' cannot be combined with 'graph'") == true)
    let weight = thrownError(db, "CALL algo.pageRank({graph: 'people', weightProperty: 'km'}) YIELD node RETURN node")
    #expect(weight?.message.contains("names 'km', which graph 'people' did not project (its relationship properties: 'w')") == true)
    let key = thrownError(db, "CALL algo.graph.project('other', {nodeLabel: 'Person'})")
    #expect(key?.message.contains("unknown configuration key 'nodeLabel'") == true)
    let orientation = thrownError(db, "CALL algo.graph.project('other', {orientation: 'SIDEWAYS'})")
    #expect(orientation?.message.contains("'orientation' must be one of 'NATURAL', 'REVERSE', 'UNDIRECTED'") == true)
  }

  @Test func orientationUndirected() throws {
    let db = try social()
    let p = try db.execute(
      "CALL algo.graph.project('u', {nodeLabels: 'Person', relationshipTypes: 'KNOWS', orientation: 'UNDIRECTED'}) YIELD relationshipCount RETURN *")
    #expect(p.rows.first?[0].intValue == 16)
    let t = try db.execute("CALL algo.triangleCount({graph: 'u'}) YIELD triangles RETURN sum(triangles)")
    #expect(t.rows.first?[0].intValue == 9)
    let r = try db.execute("CALL algo.graph.project('r', {orientation: 'REVERSE'}) YIELD nodeCount, relationshipCount RETURN *")
    #expect(r.rows.first?.compactMap(\.intValue) == [7, 9])
    // Reversed, eve's out-degree is frank's edge to her.
    let degree = try db.execute("CALL algo.degree({graph: 'r'}) YIELD node, score WHERE node.name = 'eve' RETURN score")
    #expect(degree.rows.first?[0].doubleValue == 1)
  }

  @Test func cypherProjection() throws {
    let db = try social()
    let p = try db.execute(
      """
      CALL algo.graph.project.cypher('c', 'MATCH (n:Person) RETURN n AS id, size(n.name) AS letters',
        'MATCH (a:Person)-[r:KNOWS]->(b:Person) RETURN a AS source, id(b) AS target, r.w AS w', {})
      YIELD graphName, nodeCount, relationshipCount RETURN nodeCount, relationshipCount
      """)
    #expect(p.rows.first?.compactMap(\.intValue) == [6, 8])
    let l = try db.execute("CALL algo.graph.list() YIELD nodeProperties, relationshipProperties RETURN *")
    #expect(l.rows.first?.map { $0.listValue?.compactMap(\.stringValue) ?? [] } == [["letters"], ["w"]])
    let d = try db.execute(
      """
      MATCH (s {name: 'frank'}), (t {name: 'carol'})
      CALL algo.dijkstra({graph: 'c', sourceNode: s, targetNode: t, weightProperty: 'w'}) YIELD totalCost RETURN totalCost
      """)
    #expect(d.rows.first?[0].doubleValue == 6)
    let missing = thrownError(
      db, "CALL algo.graph.project.cypher('x', 'MATCH (n:Person) RETURN n AS id', 'MATCH (a)-[:LIVES_IN]->(b) RETURN a AS source, b AS target', {})")
    #expect(missing?.message.contains("which the node query did not return") == true)
    let writes = thrownError(db, "CALL algo.graph.project.cypher('x', 'CREATE (n) RETURN n AS id', 'MATCH (a)-->(b) RETURN a AS source, b AS target', {})")
    #expect(writes?.message.contains("the queries must only read") == true)
    let columns = thrownError(db, "CALL algo.graph.project.cypher('x', 'MATCH (n) RETURN n', 'MATCH (a)-->(b) RETURN a AS source, b AS target', {})")
    #expect(columns?.message.contains("must return a column `id`") == true)
  }

  @Test func concurrentProjectionsAndMutationsAllLand() throws {
    let db = try social()
    DispatchQueue.concurrentPerform(iterations: 8) { i in
      _ = try? db.execute("CALL algo.graph.project('g\(i)', {nodeLabels: 'Person'})")
    }
    let names = try db.execute("CALL algo.graph.list() YIELD graphName RETURN graphName").rows.compactMap { $0[0].stringValue }
    #expect(names == (0..<8).map { "g\($0)" })
    DispatchQueue.concurrentPerform(iterations: 8) { i in
      _ = try? db.execute("CALL algo.degree.mutate({graph: 'g0', mutateProperty: 'd\(i)'}) YIELD nodePropertiesWritten RETURN *")
    }
    let properties = try db.execute("CALL algo.graph.list() YIELD graphName, nodeProperties WHERE graphName = 'g0' RETURN nodeProperties")
    #expect(properties.rows.first?[0].listValue?.count == 8)
  }

  @Test func swiftAPI() throws {
    let db = try social()
    let info = try db.algorithms.project(
      "people", CatalogProjection(nodeLabels: ["Person"], relationshipTypes: ["KNOWS"], relationshipProperties: ["w"]))
    #expect(info.nodeCount == 6)
    #expect(info.relationshipCount == 8)
    #expect(info.relationshipProperties == ["w"])
    #expect(db.algorithms.graphs().map(\.name) == ["people"])
    let named = try db.algorithms.pageRank(.named("people"), tolerance: 1e-12)
    let inline = try db.algorithms.pageRank(AnalyticsGraph(labels: ["Person"], relationshipTypes: ["KNOWS"]), tolerance: 1e-12)
    for id in inline.nodeIDs { #expect(named[id] == inline[id]) }
    let ids = try db.execute("MATCH (f {name: 'frank'}), (c {name: 'carol'}) RETURN id(f), id(c)").rows[0].compactMap(\.intValue)
    let path = try db.algorithms.shortestPath(.named("people", weightProperty: "w"), from: ids[0], to: ids[1])
    #expect(path?.totalCost == 6)
    try db.algorithms.mutate(graph: "people", property: "rank", values: named)
    let kept = try db.algorithms.nodeProperty(graph: "people", property: "rank")
    for id in inline.nodeIDs { #expect(kept[id] == inline[id]) }
    #expect(try db.algorithms.drop("people").name == "people")
    #expect(db.algorithms.graphs().isEmpty)
    #expect(throws: QuiverError.self) { try db.algorithms.drop("people") }
  }
}
