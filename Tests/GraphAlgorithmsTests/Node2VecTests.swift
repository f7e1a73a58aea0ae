// node2vec by its properties: embeddings have the set dimension, repeat for a seed and change with
// it, structurally equivalent nodes land closer than unrelated ones, and nodes of one dense group
// closer than nodes of two; the biased walks follow relationships and keep their length; through
// `algo.node2vec` and `db.algorithms.node2vec`.
import GraphAlgorithms
import Quiver
import Testing

@Suite struct Node2VecTests {
  /// Two 5-cliques a0…a4 and b0…b4 joined by a0 – b0, and two leaves x, y hanging off a1
  /// (structurally equivalent), as relationships one way (the projection is undirected).
  private func cliques() throws -> (Database, [String: Int64]) {
    let db = try Database()
    _ = try db.execute(
      """
      UNWIND ['a', 'b'] AS side UNWIND range(0, 4) AS i CREATE (:C {name: side + toString(i)})
      WITH count(*) AS made MATCH (u:C), (v:C) WHERE substring(u.name, 0, 1) = substring(v.name, 0, 1) AND u.name < v.name
      CREATE (u)-[:L]->(v)
      WITH count(*) AS made MATCH (a0:C {name: 'a0'}), (b0:C {name: 'b0'}), (a1:C {name: 'a1'})
      CREATE (a0)-[:L]->(b0), (a1)-[:L]->(:C {name: 'x'}), (a1)-[:L]->(:C {name: 'y'})
      """)
    let ids = try db.execute("MATCH (c:C) RETURN c.name, id(c)").rows
    return (db, Dictionary(uniqueKeysWithValues: ids.map { ($0[0].stringValue ?? "", $0[1].intValue ?? -1) }))
  }

  private func cosine(_ a: [Double], _ b: [Double]) -> Double {
    let dot = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    let na = a.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let nb = b.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return dot / (na * nb)
  }

  @Test func embeddingsByTheirProperties() throws {
    let (db, ids) = try cliques()
    let run = {
      try db.algorithms.node2vec(walkLength: 20, walksPerNode: 20, embeddingDimension: 16, iterations: 3, seed: 7)
    }
    let e = try run()
    #expect(e.count == 12)
    #expect(e.values.allSatisfy { $0.count == 16 })
    #expect(try run().values == e.values)
    #expect(try db.algorithms.node2vec(walkLength: 20, walksPerNode: 20, embeddingDimension: 16, iterations: 3, seed: 8).values != e.values)
    func vector(_ name: String) throws -> [Double] { try #require(e[ids[name] ?? -1]) }
    let (x, y) = (try vector("x"), try vector("y"))
    // x and y share their one neighbour: closer to each other than to the far clique.
    for far in ["b2", "b3", "b4"] {
      #expect(cosine(x, y) > cosine(x, try vector(far)), "x, y against \(far)")
    }
    // Inside one clique closer than across.
    #expect(cosine(try vector("a3"), try vector("a4")) > cosine(try vector("a3"), try vector("b3")))
    #expect(cosine(try vector("b3"), try vector("b4")) > cosine(try vector("b4"), try vector("a4")))
  }

  @Test func biasedWalksFollowRelationships() throws {
    let g = CSRGraph(nodeIDs: [0, 1, 2, 3], sources: [0, 1, 2], targets: [1, 2, 3], weights: nil, directed: false)
    var s = Node2VecSettings()
    s.walkLength = 6
    s.walksPerNode = 4
    // A tiny return factor makes the walk go back where it came from whenever it can.
    s.returnFactor = 1e-6
    let walks = Node2Vec.biasedWalks(g, s, weighted: false, stop: .never)
    #expect(walks.count == 16)
    for walk in walks {
      #expect(walk.count == 6)
      for (u, v) in zip(walk, walk.dropFirst()) { #expect(abs(Int(u) - Int(v)) == 1) }
      // After the first step the walk bounces between two nodes.
      for i in 2..<walk.count { #expect(walk[i] == walk[i - 2]) }
    }
  }

  @Test func throughCypher() throws {
    let (db, _) = try cliques()
    let query = """
      CALL algo.node2vec({embeddingDimension: 8, walkLength: 10, walksPerNode: 5, randomSeed: 3}) YIELD node, embedding
      RETURN node.name, embedding ORDER BY node.name
      """
    let first = try db.execute(query).rows
    #expect(first.count == 12)
    #expect(first.allSatisfy { $0[1].listValue?.count == 8 })
    #expect(try db.execute(query).rows.map { $0[1].listValue?.compactMap(\.doubleValue) } == first.map { $0[1].listValue?.compactMap(\.doubleValue) })
    let api = try db.algorithms.node2vec(walkLength: 10, walksPerNode: 5, embeddingDimension: 8, seed: 3)
    let a0 = try #require(try db.execute("MATCH (c {name: 'a0'}) RETURN id(c)").rows.first?[0].intValue)
    #expect(api[a0] == first[0][1].listValue?.compactMap(\.doubleValue))
    let bad = thrownError(db, "CALL algo.node2vec({returnFactor: 0}) YIELD node RETURN node")
    #expect(bad?.code == .invalidArgumentValue)
    #expect(bad?.message == "algo.node2vec: configuration key 'returnFactor' must be between 1e-09 and 1000000000.0, got 0.0")
  }
}
