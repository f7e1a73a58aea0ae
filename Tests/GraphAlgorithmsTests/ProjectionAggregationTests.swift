// The `aggregation` option of projections: parallel relationships kept (NONE, a multigraph as
// igraph builds it) or merged into one edge per pair (SINGLE, as networkx builds a simple graph;
// SUM, MIN, MAX and COUNT weighting it), inline and in named graphs, checked through the weighted
// degree each node gets.
import Quiver
import Testing

@Suite struct ProjectionAggregationTests {
  /// a → b twice (w 1 and 4), b → a (w 2) and b → c (w 8).
  private func pairs() throws -> Database {
    let db = try Database()
    _ = try db.execute(
      """
      CREATE (a:N {name: 'a'}), (b:N {name: 'b'}), (c:N {name: 'c'}),
             (a)-[:R {w: 1}]->(b), (a)-[:R {w: 4}]->(b), (b)-[:R {w: 2}]->(a), (b)-[:R {w: 8}]->(c)
      """)
    return db
  }

  /// Degree of a, b and c under the configuration map `config`.
  private func degrees(_ db: Database, _ config: String) throws -> [Double] {
    try db.execute("CALL algo.degree({\(config)}) YIELD node, score RETURN score ORDER BY node.name").rows.compactMap { $0[0].doubleValue }
  }

  @Test(arguments: [
    ("direction: 'BOTH'", [3.0, 4, 1]),
    ("direction: 'BOTH', aggregation: 'NONE'", [3.0, 4, 1]),
    // networkx: nx.Graph(edges).degree() is 1, 2, 1.
    ("direction: 'BOTH', aggregation: 'SINGLE'", [1.0, 2, 1]),
    ("direction: 'BOTH', aggregation: 'COUNT'", [3.0, 4, 1]),
    ("direction: 'BOTH', aggregation: 'SUM', weightProperty: 'w'", [7.0, 15, 8]),
    ("direction: 'BOTH', aggregation: 'MIN', weightProperty: 'w'", [1.0, 9, 8]),
    ("direction: 'BOTH', aggregation: 'max', weightProperty: 'w'", [4.0, 12, 8]),
    ("direction: 'BOTH', aggregation: 'SINGLE', weightProperty: 'w'", [1.0, 9, 8]),
    ("aggregation: 'SINGLE'", [1.0, 2, 0]),
    ("aggregation: 'SUM', weightProperty: 'w'", [5.0, 10, 0]),
    ("aggregation: 'COUNT'", [2.0, 2, 0]),
    ("direction: 'INCOMING', aggregation: 'MAX', weightProperty: 'w'", [2.0, 4, 8]),
  ])
  func inlineAggregation(config: String, expected: [Double]) throws {
    #expect(try degrees(try pairs(), config) == expected)
  }

  @Test func namedGraphAggregation() throws {
    let db = try pairs()
    let simple = try db.execute(
      "CALL algo.graph.project('simple', {orientation: 'UNDIRECTED', aggregation: 'SUM', relationshipProperties: 'w'}) YIELD relationshipCount RETURN *")
    // Two pairs, each stored in both directions.
    #expect(simple.rows.first?[0].intValue == 4)
    #expect(try degrees(db, "graph: 'simple', weightProperty: 'w'") == [7, 15, 8])
    #expect(try degrees(db, "graph: 'simple'") == [1, 2, 1])
    let multi = try db.execute("CALL algo.graph.project('multi', {orientation: 'UNDIRECTED'}) YIELD relationshipCount RETURN *")
    #expect(multi.rows.first?[0].intValue == 8)
    let listed = try db.execute("CALL algo.graph.list() YIELD graphName, aggregation RETURN graphName, aggregation")
    #expect(listed.rows.map { $0.compactMap(\.stringValue) } == [["multi", "NONE"], ["simple", "SUM"]])
    let bad = try? db.execute("CALL algo.degree({aggregation: 'AVG'}) YIELD score RETURN score")
    #expect(bad == nil)
  }

  @Test func aggregatedSpanningTreeKeepsARelationship() throws {
    let db = try pairs()
    let r = try db.execute(
      """
      CALL algo.spanningTree({aggregation: 'MIN', weightProperty: 'w'}) YIELD relationship, weight
      RETURN relationship.w AS w, weight ORDER BY weight
      """)
    // The a–b pair keeps its first relationship (w 1, also the least); b–c has one.
    #expect(r.rows.map { $0[0].intValue } == [1, 8])
    #expect(r.rows.map { $0[1].doubleValue } == [1, 8])
  }

  @Test func swiftAPI() throws {
    let db = try pairs()
    let ids = try db.execute("MATCH (n:N) RETURN id(n) ORDER BY n.name").rows.compactMap { $0[0].intValue }
    let single = try db.algorithms.degree(AnalyticsGraph(direction: .both, aggregation: .single))
    #expect(ids.map { single[$0] } == [1, 2, 1])
    let sum = try db.algorithms.degree(AnalyticsGraph(direction: .both, weightProperty: "w", aggregation: .sum))
    #expect(ids.map { sum[$0] } == [7, 15, 8])
    try db.algorithms.project("g", CatalogProjection(orientation: "UNDIRECTED", aggregation: .count))
    let counted = try db.algorithms.degree(.named("g"))
    #expect(ids.map { counted[$0] } == [3, 4, 1])
  }
}
