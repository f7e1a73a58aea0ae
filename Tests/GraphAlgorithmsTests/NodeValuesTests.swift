// `NodeValues`, the per-node result of `db.algorithms`: lookups by node id (absent and negative
// ids included), iteration and `values` in node-id order, top-k ranking with ties and NaN,
// conversion to a dictionary, partial results (path costs), and agreement of every per-node API
// with the rows of its `algo.*` procedure.
import Quiver
import Testing

@Suite struct NodeValuesTests {
  /// Nodes a…f (label N, created in that order, so their ids ascend) and g (label M), with
  /// a→b, a→c, a→d, b→c, e→f and f→g, each weighted by `w`.
  private func graph() throws -> (Database, [Int64]) {
    let db = try Database()
    let ids = try db.execute(
      """
      CREATE (a:N), (b:N), (c:N), (d:N), (e:N), (f:N), (g:M)
      CREATE (a)-[:R {w: 5.0}]->(b), (a)-[:R {w: 1.0}]->(c), (a)-[:R {w: 9.0}]->(d), (c)-[:R {w: 1.0}]->(b),
             (e)-[:R {w: 2.0}]->(f), (f)-[:R {w: 1.0}]->(g)
      RETURN id(a), id(b), id(c), id(d), id(e), id(f), id(g)
      """
    ).rows[0].compactMap(\.intValue)
    return (db, ids)
  }

  private let onlyN = AnalyticsGraph(labels: ["N"])

  @Test func lookupByNodeID() throws {
    let (db, ids) = try graph()
    let degree = try db.algorithms.degree(onlyN)
    #expect(ids[0..<6].map { degree[$0] } == [3, 0, 1, 0, 1, 0])
    #expect(degree[ids[6]] == nil)  // g is not in the projection
    #expect(degree[-1] == nil)
    #expect(degree[.min] == nil)
    #expect(degree[.max] == nil)
    #expect(degree[ids[6] + 1000] == nil)
    #expect(degree.count == 6)
    #expect(!degree.isEmpty)
  }

  @Test func iterationValuesAndNodeIDsAreInNodeIDOrder() throws {
    let (db, ids) = try graph()
    let degree = try db.algorithms.degree(onlyN)
    #expect(degree.nodeIDs == Array(ids[0..<6]))
    #expect(degree.values == [3, 0, 1, 0, 1, 0])
    #expect(degree.map(\.nodeID) == Array(ids[0..<6]))
    #expect(degree.map(\.value) == [3, 0, 1, 0, 1, 0])
    #expect(degree.underestimatedCount == 6)
    let all = try db.algorithms.degree()
    #expect(all.nodeIDs == ids)
    #expect(all.values == [3, 0, 1, 0, 1, 1, 0])
  }

  @Test func topRanksByValueThenNodeID() throws {
    let (db, ids) = try graph()
    let (a, b, c, d, e, f) = (ids[0], ids[1], ids[2], ids[3], ids[4], ids[5])
    let degree = try db.algorithms.degree(onlyN)
    let top3 = degree.top(3)
    #expect(top3.map(\.nodeID) == [a, c, e])
    #expect(top3.map(\.value) == [3, 1, 1])
    #expect(degree.top(100).map(\.nodeID) == [a, c, e, b, d, f])
    #expect(degree.top(6).map(\.nodeID) == [a, c, e, b, d, f])
    #expect(degree.top(1).map(\.nodeID) == [a])
    #expect(degree.top(0).isEmpty)
    #expect(degree.top(-2).isEmpty)
    let cores = try db.algorithms.coreNumbers(onlyN)
    #expect(cores.top(2).map(\.nodeID) == [a, b])  // a, b and c are all in the 2-core
  }

  @Test func topRanksNaNLastAndInfinitiesByValue() throws {
    let db = try Database()
    let ids = try db.execute(
      """
      CREATE (a:N), (b:N), (c:N), (d:N), (e:N)
      CREATE (a)-[:R {w: 0.0 / 0.0}]->(b), (b)-[:R {w: -1.0 / 0.0}]->(c), (c)-[:R {w: 2.5}]->(d), (d)-[:R {w: 1.0 / 0.0}]->(e)
      RETURN id(a), id(b), id(c), id(d), id(e)
      """
    ).rows[0].compactMap(\.intValue)
    let degree = try db.algorithms.degree(AnalyticsGraph(weightProperty: "w"))
    #expect(degree[ids[0]]?.isNaN == true)
    // Out-degrees by weight: a NaN, b -inf, c 2.5, d +inf, e 0.
    #expect(degree.top(5).map(\.nodeID) == [ids[3], ids[2], ids[4], ids[1], ids[0]])
    #expect(degree.top(4).map(\.nodeID) == [ids[3], ids[2], ids[4], ids[1]])
    #expect(degree.top(2).map(\.value) == [.infinity, 2.5])
  }

  @Test func topOfALargeResultMatchesAFullSort() throws {
    let db = try Database()
    _ = try db.execute(
      """
      UNWIND range(0, 499) AS i CREATE (:N {i: i})
      WITH count(*) AS made MATCH (a:N), (b:N) WHERE b.i = (a.i * 7 + 3) % 500 OR b.i = (a.i * a.i) % 500
      CREATE (a)-[:R]->(b)
      """)
    let ranks = try db.algorithms.pageRank()
    let sorted = ranks.sorted { $0.value != $1.value ? $0.value > $1.value : $0.nodeID < $1.nodeID }
    for k in [1, 7, 50, 499, 500] {
      let top = ranks.top(k)
      #expect(top.map(\.nodeID) == sorted.prefix(k).map(\.nodeID), "k = \(k)")
      #expect(top.map(\.value) == sorted.prefix(k).map(\.value), "k = \(k)")
    }
  }

  @Test func dictionaryAndEquality() throws {
    let (db, ids) = try graph()
    let degree = try db.algorithms.degree(onlyN)
    let dictionary = Dictionary(degree)
    #expect(dictionary == [ids[0]: 3, ids[1]: 0, ids[2]: 1, ids[3]: 0, ids[4]: 1, ids[5]: 0])
    #expect(try db.algorithms.degree(onlyN) == degree)
    #expect(try db.algorithms.degree() != degree)
    #expect(Dictionary(try db.algorithms.coreNumbers(onlyN)).count == 6)
  }

  @Test func pathCostsCoverOnlyTheReachedNodes() throws {
    let (db, ids) = try graph()
    let weighted = AnalyticsGraph(labels: ["N"], weightProperty: "w")
    // From a: c (1) is settled before b (1 + 1 = 2, cheaper than a→b at 5), then d (9).
    let costs = try db.algorithms.shortestPathCosts(weighted, from: ids[0])
    #expect(costs.count == 4)
    #expect(costs.nodeIDs == Array(ids[0..<4]))
    #expect(costs.values == [0, 2, 1, 9])
    #expect(costs[ids[1]] == 2)
    #expect(costs[ids[4]] == nil)  // e is projected but not reached
    #expect(costs[ids[6]] == nil)  // g is not projected
    #expect(costs[-5] == nil)
    #expect(Dictionary(costs) == [ids[0]: 0, ids[1]: 2, ids[2]: 1, ids[3]: 9])
    #expect(costs.top(2).map(\.nodeID) == [ids[3], ids[1]])
    // From e only e and f are reached.
    let fromE = try db.algorithms.shortestPathCosts(weighted, from: ids[4])
    #expect(fromE.map(\.nodeID) == [ids[4], ids[5]])
    #expect(fromE.values == [0, 2])
  }

  @Test func pathCostsThatReachEveryNodeCoverTheProjection() throws {
    let db = try Database()
    let ids = try db.execute(
      "CREATE (x:N), (y:N), (z:N), (x)-[:R {w: 4.0}]->(z), (z)-[:R {w: 1.5}]->(y) RETURN id(x), id(y), id(z)"
    ).rows[0].compactMap(\.intValue)
    let costs = try db.algorithms.shortestPathCosts(AnalyticsGraph(weightProperty: "w"), from: ids[0])
    #expect(costs.nodeIDs == ids)
    #expect(costs.values == [0, 5.5, 4])
    #expect(costs[ids[1]] == 5.5)
    #expect(costs[ids[2] + 1] == nil)
  }

  @Test func componentsShareTheirNodeValues() throws {
    let (db, ids) = try graph()
    let weak = try db.algorithms.weaklyConnectedComponents(onlyN)
    #expect(weak.components.nodeIDs == Array(ids[0..<6]))
    #expect(weak.components.values == [0, 0, 0, 0, 1, 1])
    #expect(weak.components[ids[4]] == weak[ids[4]])
    #expect(weak.components[ids[6]] == nil)
  }

  /// Each per-node method returns exactly what its procedure yields, node for node.
  @Test func everyPerNodeMethodAgreesWithItsProcedure() throws {
    let (db, ids) = try graph()
    let algorithms = db.algorithms
    func procedure(_ name: String, _ columns: String) throws -> [Int64: [Value]] {
      let rows = try db.execute("CALL \(name)({}) YIELD node, \(columns) RETURN id(node), \(columns)").rows
      var out: [Int64: [Value]] = [:]
      for row in rows { if let id = row[0].intValue { out[id] = Array(row.dropFirst()) } }
      return out
    }
    func expectSame(_ api: NodeValues<Double>, _ name: String, column: Int = 0, columns: String = "score") throws {
      let rows = try procedure(name, columns)
      #expect(Set(api.nodeIDs) == Set(rows.keys), "\(name)")
      for (id, value) in api { #expect(close(rows[id]?[column].doubleValue ?? .nan, value), "\(name) \(id)") }
    }
    func expectSame(_ api: NodeValues<Int>, _ name: String, column: Int = 0, columns: String) throws {
      let rows = try procedure(name, columns)
      #expect(Set(api.nodeIDs) == Set(rows.keys), "\(name)")
      for (id, value) in api { #expect(rows[id]?[column].intValue == Int64(value), "\(name) \(id)") }
    }
    try expectSame(algorithms.degree(), "algo.degree")
    try expectSame(algorithms.pageRank(), "algo.pageRank")
    try expectSame(algorithms.betweenness(), "algo.betweenness")
    try expectSame(algorithms.closeness(), "algo.closeness")
    try expectSame(algorithms.harmonic(), "algo.harmonic")
    try expectSame(algorithms.eigenvector(), "algo.eigenvector")
    let hits = try algorithms.hits()
    try expectSame(hits.hubs, "algo.hits", column: 0, columns: "hub, authority")
    try expectSame(hits.authorities, "algo.hits", column: 1, columns: "hub, authority")
    try expectSame(algorithms.labelPropagation(), "algo.labelPropagation", columns: "communityId")
    try expectSame(algorithms.coreNumbers(), "algo.kCore", columns: "coreNumber")
    let triangles = try algorithms.triangles()
    try expectSame(triangles.triangles, "algo.triangleCount", column: 0, columns: "triangles, clusteringCoefficient")
    try expectSame(triangles.clustering, "algo.triangleCount", column: 1, columns: "triangles, clusteringCoefficient")
    let louvain = try algorithms.louvain()
    try expectSame(louvain.communityOf, "algo.louvain", column: 0, columns: "communityId, modularity")
    #expect(try procedure("algo.louvain", "communityId, modularity").values.allSatisfy { close($0[1].doubleValue ?? .nan, louvain.modularity) })
    let costs = try db.execute("CALL algo.dijkstra.singleSource({sourceNode: $s}) YIELD node, cost RETURN id(node), cost",
      parameters: ["s": .int(ids[0])]).rows
    let api = try algorithms.shortestPathCosts(from: ids[0])
    #expect(api.count == costs.count)
    for row in costs { #expect(row[0].intValue.flatMap { api[$0] } == row[1].doubleValue) }
  }
}
