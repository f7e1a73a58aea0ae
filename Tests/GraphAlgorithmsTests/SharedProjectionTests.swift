// A named graph is projected once and shared: four algorithms on it (from Swift and from Cypher)
// build no projection of their own, and give what the same four give on inline projections,
// which the projection cache builds once per distinct specification.
import Quiver
import Testing

@Suite struct SharedProjectionTests {
  /// 30 nodes on a ring with chords, relationships weighted 1, 2 or 3.
  private func ring() throws -> Database {
    let db = try Database()
    _ = try db.execute("UNWIND range(0, 29) AS i CREATE (:P {i: i})")
    _ = try db.execute(
      "MATCH (a:P), (b:P) WHERE b.i = (a.i + 1) % 30 OR b.i = (a.i * 7 + 3) % 30 CREATE (a)-[:T {w: 1.0 + a.i % 3}]->(b)")
    return db
  }

  private func builds(_ db: Database) -> [Int] {
    let b = db.algorithms.projectionBuilds
    return [b.fromStore, b.derived, b.named]
  }

  @Test func fourAlgorithmsOnANamedGraphProjectItOnce() throws {
    let db = try ring()
    let algorithms = db.algorithms
    try algorithms.project("g", CatalogProjection(relationshipTypes: ["T"], orientation: "UNDIRECTED", relationshipProperties: ["w"]))
    #expect(builds(db) == [0, 0, 1])
    let named = AnalyticsGraph.named("g")
    let ranks = try algorithms.pageRank(named)
    let components = try algorithms.weaklyConnectedComponents(named)
    let communities = try algorithms.louvain(.named("g", weightProperty: "w"))
    let embeddings = try algorithms.fastRP(named, dimension: 16)
    #expect(builds(db) == [0, 0, 1])
    // The same four through Cypher: still no projection built.
    for call in ["algo.pageRank", "algo.weaklyConnectedComponents", "algo.louvain", "algo.fastRP"] {
      let rows = try db.execute("CALL \(call)({graph: 'g'}) YIELD node RETURN count(node) AS n").rows
      #expect(rows.first?.first?.intValue == 30)
    }
    #expect(builds(db) == [0, 0, 1])

    // Inline: the cache reads the store once per distinct specification (unweighted, weighted)
    // and derives the undirected view of each once.
    let undirected = AnalyticsGraph(relationshipTypes: ["T"], direction: .both)
    let weighted = AnalyticsGraph(relationshipTypes: ["T"], direction: .both, weightProperty: "w")
    #expect(try algorithms.pageRank(undirected).values == ranks.values)
    #expect(try algorithms.weaklyConnectedComponents(undirected).componentCount == components.componentCount)
    #expect(try algorithms.louvain(weighted).modularity == communities.modularity)
    #expect(try algorithms.fastRP(undirected, dimension: 16).values == embeddings.values)
    #expect(builds(db) == [2, 2, 1])
    #expect(components.componentCount == 1)
    #expect(communities.modularity > 0.2)
  }
}
