// The structural algorithms against networkx (Fixtures/structure.json, written by
// scripts/make-algorithm-fixtures.py): bridges, articulation points and greedy colouring on the
// karate club and a sparse random graph (and bridge counts on the SNAP Facebook graph), ArticleRank
// against a direct iteration of GDS's formula, topological order, longest paths and Bellman–Ford
// with negative weights on a random DAG; negative-cycle detection; Leiden by its guarantees.
import Foundation
import GraphAlgorithms
import Quiver
import Testing

@Suite struct StructureTests {
  private static func expected() throws -> [String: Any] { try TestData.fixture("structure") }

  private static func section(_ name: String) throws -> [String: Any] {
    try #require(try expected()[name] as? [String: Any])
  }

  @Test(arguments: ["karate", "sparse50"])
  func bridgesArticulationAndColoring(name: String) throws {
    let fixture = try SmallFixture(name)
    let want = try Self.section(name)
    let r = Bridges.run(fixture.graph)
    let pairs = r.bridges.map { [min($0.source, $0.target), max($0.source, $0.target)] }.sorted { $0.lexicographicallyPrecedes($1) }
    #expect(pairs == (want["bridges"] as? [[Int]]))
    #expect(r.articulation.indices.filter { r.articulation[$0] } == (want["articulationPoints"] as? [Int]))
    #expect(Coloring.greedy(NeighbourSets(fixture.graph)) == (want["coloring"] as? [Int]))
  }

  @Test(.enabled(if: TestData.facebookAvailable)) func facebookBridges() throws {
    let want = try Self.section("facebook")
    let r = Bridges.run(try TestData.facebookGraph())
    #expect(r.bridges.count == want["bridges"] as? Int)
    #expect(r.articulation.filter { $0 }.count == want["articulationPoints"] as? Int)
  }

  @Test func articleRankMatchesTheFormula() throws {
    let fixture = try SmallFixture("directed60")
    let want = try #require(try Self.section("directed60")["articleRank"] as? [Double])
    let r = ArticleRank.run(fixture.graph, damping: 0.85, maxIterations: 1000, tolerance: 1e-12, weighted: false)
    expectClose(r.scores, want, "articleRank")
  }

  /// The random DAG of the fixture as a database of :T nodes (property i) and E relationships
  /// (property w), and the node ids by i.
  private func dag() throws -> (Database, [Int64], [String: Any]) {
    let want = try Self.section("dag")
    let edges = try #require(want["edges"] as? [[Int]])
    let db = try Database()
    _ = try db.execute(
      """
      UNWIND range(0, 39) AS i CREATE (:T {i: i})
      WITH count(*) AS made UNWIND $edges AS e MATCH (a:T {i: e[0]}), (b:T {i: e[1]}) CREATE (a)-[:E {w: e[2]}]->(b)
      """, parameters: ["edges": .list(edges.map { .list($0.map { .int(Int64($0)) }) })])
    let ids = try db.execute("MATCH (n:T) RETURN id(n) ORDER BY n.i").rows.compactMap { $0[0].intValue }
    return (db, ids, want)
  }

  @Test func topologicalOrderAndLongestPaths() throws {
    let (db, ids, want) = try dag()
    let order = try db.execute("CALL algo.topologicalSort({}) YIELD node, index RETURN node.i, index")
    #expect(order.rows.compactMap { $0[0].intValue.map(Int.init) } == (want["topologicalOrder"] as? [Int]))
    #expect(order.rows.compactMap { $0[1].intValue.map(Int.init) } == Array(0..<40))
    let longest = try db.execute("CALL algo.longestPath({weightProperty: 'w'}) YIELD node, distance RETURN node.i, distance ORDER BY node.i")
    #expect(longest.rows.compactMap { $0[1].doubleValue } == (want["longest"] as? [Double]))
    let top = try db.execute("CALL algo.longestPath.stats({weightProperty: 'w'}) YIELD distribution RETURN distribution.max")
    #expect(top.rows.first?[0].doubleValue == want["longestPathLength"] as? Double)
    let api = try db.algorithms.longestPaths(AnalyticsGraph(weightProperty: "w"))
    #expect(ids.map { api[$0] ?? .nan } == (want["longest"] as? [Double]))
    #expect(try db.algorithms.topologicalSort().map { ids.firstIndex(of: $0) ?? -1 } == (want["topologicalOrder"] as? [Int]))
    let undirected = try? db.execute("CALL algo.topologicalSort({direction: 'BOTH'}) YIELD node RETURN node")
    #expect(undirected == nil)
  }

  @Test func bellmanFordWithNegativeWeights() throws {
    let (db, ids, want) = try dag()
    let costs = try #require(want["bellmanFord"] as? [String: Double])
    let r = try db.execute(
      """
      MATCH (s:T {i: 0}) CALL algo.bellmanFord({sourceNode: s, weightProperty: 'w'}) YIELD node, cost, isNegativeCycle
      RETURN node.i, cost, isNegativeCycle ORDER BY node.i
      """)
    #expect(r.rows.count == costs.count)
    for row in r.rows {
      #expect(row[1].doubleValue == costs[String(row[0].intValue ?? -1)])
      #expect(row[2].boolValue == false)
    }
    let api = try db.algorithms.bellmanFord(AnalyticsGraph(weightProperty: "w"), from: ids[0])
    #expect(api.negativeCycle == nil)
    #expect(api.costs.count == costs.count)
    for (key, cost) in costs { #expect(api.costs[ids[Int(key) ?? 0]] == cost) }
  }

  @Test func negativeCycleDetection() throws {
    let db = try Database()
    let ids = try db.execute(
      """
      CREATE (a:C {name: 'a'}), (b:C {name: 'b'}), (c:C {name: 'c'}), (d:C {name: 'd'}),
             (a)-[:R {w: 1}]->(b), (b)-[:R {w: -3}]->(c), (c)-[:R {w: 1}]->(a), (c)-[:R {w: 1}]->(d)
      RETURN id(a), id(b), id(c), id(d)
      """
    ).rows[0].compactMap(\.intValue)
    let r = try db.execute(
      """
      MATCH (t {name: 'a'})
      CALL algo.bellmanFord({sourceNode: t, weightProperty: 'w'}) YIELD node, cost, isNegativeCycle
      RETURN node.name, cost, isNegativeCycle
      """)
    // networkx: find_negative_cycle(G, 'a') is the cycle a → b → c → a.
    #expect(Set(r.rows.compactMap { $0[0].stringValue }) == ["a", "b", "c"])
    #expect(r.rows.allSatisfy { $0[1].isNull && $0[2].boolValue == true })
    let names = r.rows.compactMap { $0[0].stringValue }
    let start = try #require(names.firstIndex(of: "a"))
    #expect(Array(names[start...] + names[..<start]) == ["a", "b", "c"])
    let api = try db.algorithms.bellmanFord(AnalyticsGraph(weightProperty: "w"), from: ids[0])
    #expect(Set(api.negativeCycle ?? []) == Set(ids[0...2]))
    // From d the cycle is unreachable: d's cost is 0 and no one else is reached.
    let fromD = try db.algorithms.bellmanFord(AnalyticsGraph(weightProperty: "w"), from: ids[3])
    #expect(fromD.negativeCycle == nil)
    #expect(Array(fromD.costs.nodeIDs) == [ids[3]])
  }

  @Test func bridgesThroughCypherAndParallelRelationships() throws {
    let db = try Database()
    _ = try db.execute(
      """
      CREATE (a:P {name: 'a'}), (b:P {name: 'b'}), (c:P {name: 'c'}), (d:P {name: 'd'}), (e:P {name: 'e'}),
             (a)-[:R]->(b), (b)-[:R]->(c), (c)-[:R]->(a), (c)-[:R]->(d), (d)-[:R]->(e), (e)-[:R]->(d)
      """)
    // d ⇄ e is two relationships: no bridge in the multigraph, one in the simple graph.
    let multi = try db.execute("CALL algo.bridges({}) YIELD source, target RETURN source.name + '-' + target.name AS b ORDER BY b")
    #expect(multi.rows.map { $0.compactMap(\.stringValue) } == [["c-d"]])
    let simple = try db.execute(
      "CALL algo.bridges({aggregation: 'SINGLE'}) YIELD source, target, relationship RETURN source.name + '-' + target.name AS b, type(relationship) ORDER BY b")
    #expect(simple.rows.map { $0.compactMap(\.stringValue) } == [["c-d", "R"], ["d-e", "R"]])
    let points = try db.execute("CALL algo.articulationPoints({}) YIELD node RETURN node.name ORDER BY node.name")
    #expect(points.rows.map { $0.compactMap(\.stringValue) } == [["c"], ["d"]])
    #expect(try db.algorithms.bridges().count == 1)
    #expect(try db.algorithms.articulationPoints().count == 2)
  }

  @Test func coloringThroughCypher() throws {
    let db = try Database()
    _ = try db.execute("UNWIND range(0, 4) AS i CREATE (:W {i: i})")
    _ = try db.execute("MATCH (a:W), (b:W) WHERE a.i < b.i CREATE (a)-[:R]->(b)")
    // A 5-clique needs five colours, greedily 0..4 in node order.
    let r = try db.execute("CALL algo.k1Coloring({}) YIELD node, color RETURN node.i, color ORDER BY node.i")
    #expect(r.rows.map { $0[1].intValue } == [0, 1, 2, 3, 4])
    let stats = try db.execute("CALL algo.k1Coloring.stats({}) YIELD communityCount RETURN communityCount")
    #expect(stats.rows.first?[0].intValue == 5)
    #expect(try db.algorithms.k1Coloring().values == [0, 1, 2, 3, 4])
  }

  /// Leiden has no networkx implementation; its guarantees are checked instead: every community
  /// is connected, the reported modularity is that of the partition, and on the karate club it
  /// comes within 0.01 of the known optimum 0.4197896 (Brandes et al.).
  @Test func leidenOnTheKarateClub() throws {
    let fixture = try SmallFixture("karate")
    let sets = NeighbourSets(fixture.graph)
    let r = Leiden.run(sets, resolution: 1, maxLevels: 10, seed: 42)
    #expect(close(r.modularity, Louvain.modularity(sets, r.communities)))
    #expect(r.modularity > 0.4097896 && r.modularity <= 0.4197897)
    for c in Set(r.communities) {
      let members = r.communities.indices.filter { r.communities[$0] == c }
      var seen: Set<Int> = [members[0]]
      var stack = [members[0]]
      while let v = stack.popLast() {
        for e in sets.offsets[v]..<sets.offsets[v + 1] {
          let u = Int(sets.targets[e])
          if r.communities[u] == c && seen.insert(u).inserted { stack.append(u) }
        }
      }
      #expect(seen.count == members.count, "community \(c) is not connected")
    }
    let again = Leiden.run(sets, resolution: 1, maxLevels: 10, seed: 42)
    #expect(again.communities == r.communities)
  }

  @Test func leidenThroughCypherAndTheAPI() throws {
    let fixture = try TestData.fixture("karate")
    let edges = try #require(fixture["edges"] as? [[Int]])
    let db = try Database()
    _ = try db.execute(
      """
      UNWIND range(0, 33) AS i CREATE (:K {i: i})
      WITH count(*) AS made UNWIND $edges AS e MATCH (a:K {i: e[0]}), (b:K {i: e[1]}) CREATE (a)-[:E]->(b)
      """, parameters: ["edges": .list(edges.map { .list($0.map { .int(Int64($0)) }) })])
    let r = try db.execute("CALL algo.leiden({}) YIELD node, communityId, modularity RETURN count(DISTINCT communityId), max(modularity), count(*)")
    let q = r.rows.first?[1].doubleValue ?? 0
    #expect(q > 0.4097896)
    #expect(r.rows.first?[2].intValue == 34)
    let api = try db.algorithms.leiden()
    #expect(close(api.modularity, q))
    _ = try db.execute("CALL algo.leiden.write({writeProperty: 'community'}) YIELD nodePropertiesWritten RETURN *")
    let check = try db.execute("CALL algo.modularity({communityProperty: 'community'}) YIELD modularity RETURN modularity")
    #expect(close(check.rows.first?[0].doubleValue ?? 0, q))
    #expect(close(try db.algorithms.modularity(communityProperty: "community"), q))
  }
}

@Suite struct DirectedClusteringTests {
  @Test func directedClusteringMatchesNetworkx() throws {
    let f = try SmallFixture("directed60")
    let want = try #require((try TestData.fixture("structure")["directed60"] as? [String: Any])?["directedClustering"] as? [Double])
    let (succ, pred) = NodeSimilarity.neighbourRows(f.graph, .outgoing)
    expectClose(Triangles.directedClustering(succ: succ, pred: pred, nodeCount: f.graph.nodeCount), want, "directed60 clustering")
  }

  @Test func throughCypherAndTheAPI() throws {
    // a → b, b → c, c → a, a → c: one cycle and one more orientation.
    let db = try Database()
    _ = try db.execute(
      "CREATE (a {name: 'a'}), (b {name: 'b'}), (c {name: 'c'}), (a)-[:R]->(b), (b)-[:R]->(c), (c)-[:R]->(a), (a)-[:R]->(c)")
    let directed = try db.execute(
      "CALL algo.localClusteringCoefficient({direction: 'OUTGOING'}) YIELD node, localClusteringCoefficient RETURN node.name, localClusteringCoefficient ORDER BY node.name")
    // networkx: a and c have total degree 3 with one reciprocated link, b 2: T = 4 for each
    // (as `nx.clustering(nx.DiGraph([(0,1),(1,2),(2,0),(0,2)]))` gives): 4/(2·(3·2−2)) = 0.5, 4/(2·2) = 1.
    #expect(directed.rows.map { $0[1].doubleValue } == [0.5, 1, 0.5])
    let undirected = try db.algorithms.localClusteringCoefficient()
    #expect(undirected.values == [1, 1, 1])
    let outgoing = try db.algorithms.localClusteringCoefficient(AnalyticsGraph(direction: .outgoing))
    #expect(outgoing.values == [0.5, 1, 0.5])
    let stats = try db.execute("CALL algo.localClusteringCoefficient.stats({direction: 'OUTGOING'}) YIELD nodeCount RETURN nodeCount")
    #expect(stats.rows.first?[0].intValue == 3)
  }
}
