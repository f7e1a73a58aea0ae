// Random walks, FastRP and maximum flow: max flow and the minimum cut against networkx
// (Fixtures/structure.json); random walks and FastRP by their properties: walks follow
// relationships, have the set length and repeat for a seed; embeddings have the set dimension,
// repeat for a seed and put structurally equivalent nodes at the same place.
import Foundation
import GraphAlgorithms
import Quiver
import Testing

@Suite struct WalksAndEmbeddingsTests {
  @Test(arguments: ["directed60", "karate"])
  func maxFlowMatchesNetworkx(name: String) throws {
    let fixture = try SmallFixture(name)
    let want = try #require((try TestData.fixture("structure")[name] as? [String: Any])?["maxFlow"] as? [String: Any])
    let s = try #require(want["source"] as? Int)
    let t = try #require(want["target"] as? Int)
    let r = MaxFlow.run(fixture.weighted, from: s, to: t)
    #expect(r.value == want["value"] as? Double)
    #expect(r.sourceSide == want["sourceSide"] as? [Int])
  }

  /// Two triangles a-b-c and d-e-f joined by c-d, plus two leaves x and y hanging off a.
  private func twoTriangles() throws -> (Database, [String: Int64]) {
    let db = try Database()
    let row = try db.execute(
      """
      CREATE (a:V {name: 'a'}), (b:V {name: 'b'}), (c:V {name: 'c'}), (d:V {name: 'd'}), (e:V {name: 'e'}), (f:V {name: 'f'}),
             (x:V {name: 'x'}), (y:V {name: 'y'}),
             (a)-[:R {cap: 3}]->(b), (b)-[:R {cap: 3}]->(c), (c)-[:R {cap: 3}]->(a), (c)-[:R {cap: 2}]->(d),
             (d)-[:R {cap: 3}]->(e), (e)-[:R {cap: 3}]->(f), (f)-[:R {cap: 3}]->(d), (a)-[:R {cap: 1}]->(x), (a)-[:R {cap: 1}]->(y)
      RETURN id(a), id(b), id(c), id(d), id(e), id(f), id(x), id(y)
      """
    ).rows[0].compactMap(\.intValue)
    return (db, Dictionary(uniqueKeysWithValues: zip(["a", "b", "c", "d", "e", "f", "x", "y"], row)))
  }

  @Test func maxFlowThroughCypherAndTheAPI() throws {
    let (db, ids) = try twoTriangles()
    let r = try db.execute(
      """
      MATCH (s {name: 'a'}), (t {name: 'f'})
      CALL algo.maxFlow({sourceNode: s, targetNode: t, weightProperty: 'cap'}) YIELD maxFlow, sourceSide
      RETURN maxFlow, [n IN sourceSide | n.name] AS side
      """)
    // The bridge c → d (capacity 2) is the bottleneck.
    #expect(r.rows.first?[0].doubleValue == 2)
    #expect(r.rows.first?[1].listValue?.compactMap(\.stringValue).sorted() == ["a", "b", "c", "x", "y"])
    let api = try db.algorithms.maxFlow(AnalyticsGraph(weightProperty: "cap"), from: ids["a"] ?? -1, to: ids["f"] ?? -1)
    #expect(api.value == 2)
    #expect(Set(api.sourceSide) == Set(["a", "b", "c", "x", "y"].compactMap { ids[$0] }))
  }

  @Test func randomWalksFollowRelationshipsAndRepeatForASeed() throws {
    let (db, ids) = try twoTriangles()
    let walks = try db.algorithms.randomWalks(walkLength: 6, walksPerNode: 3, seed: 7)
    #expect(walks.count == 8 * 3)
    let edges = try db.execute("MATCH (a)-[:R]->(b) RETURN id(a), id(b)").rows.map { [$0[0].intValue ?? -1, $0[1].intValue ?? -1] }
    for walk in walks {
      #expect(walk.count <= 6)
      for (u, v) in zip(walk, walk.dropFirst()) { #expect(edges.contains([u, v])) }
      // Only x and y have no way on, so every walk ends at the full length or at one of them.
      #expect(walk.count == 6 || [ids["x"], ids["y"]].contains(walk.last))
    }
    #expect(try db.algorithms.randomWalks(walkLength: 6, walksPerNode: 3, seed: 7) == walks)
    #expect(try db.algorithms.randomWalks(walkLength: 6, walksPerNode: 3, seed: 8) != walks)
    let cypher = try db.execute(
      "MATCH (s {name: 'd'}) CALL algo.randomWalk({sourceNodes: [s], walkLength: 4, walksPerNode: 2, randomSeed: 7}) YIELD nodes RETURN [n IN nodes | n.name]")
    #expect(cypher.rows.count == 2)
    // From d the walk stays in the triangle d → e → f → d.
    for row in cypher.rows { #expect(row[0].listValue?.compactMap(\.stringValue) == ["d", "e", "f", "d"]) }
  }

  @Test func fastRPEmbeddings() throws {
    let (db, ids) = try twoTriangles()
    let e = try db.algorithms.fastRP(dimension: 32, seed: 3)
    #expect(e.count == 8)
    #expect(e.values.allSatisfy { $0.count == 32 })
    let again = try db.algorithms.fastRP(dimension: 32, seed: 3)
    #expect(e.values == again.values)
    #expect(try db.algorithms.fastRP(dimension: 32, seed: 4).values != e.values)
    // x and y have the same single neighbour, a: structurally equivalent, the same embedding.
    let x = try #require(e[ids["x"] ?? -1])
    let y = try #require(e[ids["y"] ?? -1])
    #expect(x == y)
    #expect(x.contains { $0 != 0 })
    let rows = try db.execute("CALL algo.fastRP({embeddingDimension: 8, randomSeed: 3}) YIELD node, embedding RETURN node.name, size(embedding)")
    #expect(rows.rows.count == 8)
    #expect(rows.rows.allSatisfy { $0[1].intValue == 8 })
    // Stats: one row, the node count and the distribution of the embeddings' lengths.
    let norms = try db.algorithms.fastRP(dimension: 8, seed: 3).values.map { $0.reduce(0) { $0 + $1 * $1 }.squareRoot() }.sorted()
    let stats = try db.execute(
      "CALL algo.fastRP.stats({embeddingDimension: 8, randomSeed: 3}) YIELD nodeCount, distribution RETURN nodeCount, distribution.min, distribution.max"
    ).rows
    #expect(stats.count == 1)
    #expect(stats.first?[0].intValue == 8)
    #expect(stats.first?[1].doubleValue == norms.first)
    #expect(stats.first?[2].doubleValue == norms.last)
    #expect(thrownError(db, "CALL algo.fastRP.write({writeProperty: 'e'}) YIELD nodePropertiesWritten RETURN 1")?.code == .procedureNotFound)
    let bad = thrownError(db, "CALL algo.fastRP({embeddingDimension: 0}) YIELD node RETURN node")
    #expect(bad?.code == .invalidArgumentValue)
    #expect(bad?.message == "algo.fastRP: configuration key 'embeddingDimension' must be between 1 and 4096, got 0")
  }
}
