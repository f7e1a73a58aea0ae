// Cosine similarity of neighbour sets: every scored pair of the karate club and a sparse random
// graph against a direct computation from networkx's neighbour sets (Fixtures/structure.json),
// and the procedure and db.algorithms on a small directed graph.
import Foundation
import GraphAlgorithms
import Quiver
import Testing

@Suite struct CosineSimilarityTests {
  @Test(arguments: ["karate", "sparse50"])
  func cosineMatchesNetworkxNeighbourSets(_ name: String) throws {
    let f = try SmallFixture(name)
    let expected = try #require((try TestData.fixture("structure")[name] as? [String: Any])?["cosine"] as? [String: Double])
    let (rows, reverse) = NodeSimilarity.neighbourRows(f.graph.undirected(), .both)
    let pairs = NodeSimilarity.run(rows: rows, reverse: reverse, nodeCount: f.graph.nodeCount, metric: .cosine, topK: .max, cutoff: 1e-12)
    var found: [String: Double] = [:]
    for p in pairs where p.first < p.second { found["\(p.first),\(p.second)"] = p.similarity }
    #expect(found.count == expected.count)
    for (key, value) in expected { #expect(found[key].map { close($0, value) } == true, "\(name) cosine \(key)") }
  }

  @Test func cosineThroughCypherAndTheAPI() throws {
    let db = try Database()
    _ = try db.execute(
      """
      CREATE (a {name: 'a'}), (b {name: 'b'}), (c {name: 'c'}), (x {name: 'x'}), (y {name: 'y'}), (z {name: 'z'}),
             (a)-[:R]->(x), (a)-[:R]->(y), (b)-[:R]->(x), (b)-[:R]->(y), (b)-[:R]->(z), (c)-[:R]->(z)
      """)
    let r = try db.execute(
      "CALL algo.similarity.cosine({}) YIELD node1, node2, similarity RETURN node1.name, node2.name, similarity ORDER BY node1.name, node2.name")
    let rows = r.rows.map { [$0[0].stringValue ?? "", $0[1].stringValue ?? ""] }
    #expect(rows == [["a", "b"], ["b", "a"], ["b", "c"], ["c", "b"]])
    let scores = r.rows.compactMap { $0[2].doubleValue }
    let expected = [2 / 6.0.squareRoot(), 2 / 6.0.squareRoot(), 1 / 3.0.squareRoot(), 1 / 3.0.squareRoot()]
    #expect(zip(scores, expected).allSatisfy { close($0, $1) })
    let names = Dictionary(
      uniqueKeysWithValues: try db.execute("MATCH (n) RETURN id(n), n.name").rows.map { ($0[0].intValue ?? -1, $0[1].stringValue ?? "") })
    // The best match of each node with neighbours: a and b each other, c b.
    let api = try db.algorithms.similarity(metric: .cosine, topK: 1)
    #expect(api.map { [names[$0.node1] ?? "", names[$0.node2] ?? ""] } == [["a", "b"], ["b", "a"], ["c", "b"]])
    #expect(zip(api.map(\.similarity), [2 / 6.0.squareRoot(), 2 / 6.0.squareRoot(), 1 / 3.0.squareRoot()]).allSatisfy { close($0, $1) })
  }
}
