// Every algo.* procedure once through Cypher on a small weighted road graph with coordinates:
// the columns it yields and a checked value for each, so that dispatch, configuration reading and
// row building stay aligned with the signatures.
import Quiver
import Testing

@Suite struct ProcedureCoverageTests {
  /// Four towns on a line of latitude 0.1° apart, roads with their length in km (≈ 11.1 km per
  /// 0.1°), plus a detour road a → d that is longer than the three hops.
  private func roads() throws -> Database {
    let db = try Database()
    _ = try db.execute(
      """
      CREATE (a:Town {name: 'a', latitude: 45.0, longitude: 7.0}), (b:Town {name: 'b', latitude: 45.1, longitude: 7.0}),
             (c:Town {name: 'c', latitude: 45.2, longitude: 7.0}), (d:Town {name: 'd', latitude: 45.3, longitude: 7.0}),
             (a)-[:ROAD {km: 11.2}]->(b), (b)-[:ROAD {km: 11.2}]->(c), (c)-[:ROAD {km: 11.2}]->(d),
             (a)-[:ROAD {km: 40.0}]->(d)
      """)
    return db
  }

  /// Runs `query` and returns its rows.
  private func rows(_ db: Database, _ query: String) throws -> [[Value]] { try db.execute(query).rows }

  @Test func everyProcedureRuns() throws {
    let db = try roads()
    let a = "MATCH (s:Town {name: 'a'}), (t:Town {name: 'd'}) "
    let w = "weightProperty: 'km'"
    let cases: [(String, ([[Value]]) -> Bool)] = [
      ("CALL algo.degree({}) YIELD node, score RETURN node.name, score ORDER BY node.name", { $0.map { $0[1].doubleValue } == [2, 1, 1, 0] }),
      ("CALL algo.degree({direction: 'BOTH', \(w)}) YIELD node, score RETURN node.name, score ORDER BY node.name",
       { $0.map { $0[1].doubleValue } == [51.2, 22.4, 22.4, 51.2] }),
      ("CALL algo.pageRank({}) YIELD node, score RETURN sum(score)", { abs(($0[0][0].doubleValue ?? 0) - 1) < 1e-9 }),
      ("CALL algo.betweenness({}) YIELD node, score RETURN node.name, score ORDER BY node.name", {
        $0.map { $0[1].doubleValue } == [0, 1.0 / 6, 1.0 / 6, 0]
      }),
      ("CALL algo.closeness({}) YIELD node, score RETURN node.name, score ORDER BY node.name", { $0[0][1].doubleValue == 0 }),
      ("CALL algo.harmonic({}) YIELD node, score RETURN node.name, score ORDER BY node.name", { $0[3][1].doubleValue == 1 + 1 + 0.5 }),
      ("CALL algo.eigenvector({direction: 'BOTH'}) YIELD node, score RETURN count(*)", { $0[0][0].intValue == 4 }),
      ("CALL algo.hits({}) YIELD node, hub, authority RETURN sum(hub), sum(authority)", {
        abs(($0[0][0].doubleValue ?? 0) - 1) < 1e-9 && abs(($0[0][1].doubleValue ?? 0) - 1) < 1e-9
      }),
      (a + "CALL algo.bfs({sourceNode: s}) YIELD node, depth RETURN node.name, depth", {
        $0.map { $0[0].stringValue } == ["a", "b", "d", "c"] && $0.map { $0[1].intValue } == [0, 1, 1, 2]
      }),
      (a + "CALL algo.dfs({sourceNode: s}) YIELD node, depth RETURN node.name", { $0.map { $0[0].stringValue } == ["a", "b", "c", "d"] }),
      (a + "CALL algo.dijkstra.singleSource({sourceNode: s, \(w)}) YIELD node, cost RETURN node.name, cost", {
        $0.last?[0].stringValue == "d" && abs(($0.last?[1].doubleValue ?? 0) - 33.6) < 1e-9
      }),
      (a + "CALL algo.deltaStepping({sourceNode: s, delta: 5, \(w)}) YIELD node, cost RETURN node.name, cost", {
        $0.map { $0[0].stringValue } == ["a", "b", "c", "d"] && abs(($0.last?[1].doubleValue ?? 0) - 33.6) < 1e-9
      }),
      (a + "CALL algo.dijkstra({sourceNode: s, targetNode: t, \(w)}) YIELD totalCost, nodes, costs, path RETURN totalCost, size(nodes), size(costs), length(path)", {
        abs(($0[0][0].doubleValue ?? 0) - 33.6) < 1e-9 && $0[0][1].intValue == 4 && $0[0][2].intValue == 4 && $0[0][3].intValue == 3
      }),
      (a + "CALL algo.aStar({sourceNode: s, targetNode: t, \(w)}) YIELD totalCost, expanded RETURN totalCost, expanded", {
        abs(($0[0][0].doubleValue ?? 0) - 33.6) < 1e-9 && ($0[0][1].intValue ?? 0) >= 4
      }),
      (a + "CALL algo.kShortestPaths({sourceNode: s, targetNode: t, k: 5, \(w)}) YIELD index, totalCost RETURN index, totalCost", {
        $0.map { $0[0].intValue } == [0, 1] && $0.last?[1].doubleValue == 40
      }),
      ("CALL algo.allPairsShortestPaths({}) YIELD source, target, cost RETURN count(*), sum(cost)", {
        $0[0][0].intValue == 10 && $0[0][1].doubleValue == 8
      }),
      ("CALL algo.spanningTree({\(w)}) YIELD source, target, relationship, weight RETURN count(*), sum(weight)", {
        $0[0][0].intValue == 3 && abs(($0[0][1].doubleValue ?? 0) - 33.6) < 1e-9
      }),
      ("CALL algo.weaklyConnectedComponents({}) YIELD node, componentId RETURN count(DISTINCT componentId)", { $0[0][0].intValue == 1 }),
      ("CALL algo.stronglyConnectedComponents({}) YIELD node, componentId RETURN count(DISTINCT componentId)", { $0[0][0].intValue == 4 }),
      ("CALL algo.labelPropagation({seed: 7}) YIELD node, communityId RETURN count(*)", { $0[0][0].intValue == 4 }),
      ("CALL algo.louvain({}) YIELD node, communityId, modularity RETURN count(*), max(modularity)", {
        $0[0][0].intValue == 4 && ($0[0][1].doubleValue ?? -1) >= 0
      }),
      ("CALL algo.triangleCount({}) YIELD node, triangles, clusteringCoefficient RETURN sum(triangles), max(clusteringCoefficient)", {
        $0[0][0].intValue == 0 && $0[0][1].doubleValue == 0
      }),
      ("CALL algo.kCore({}) YIELD node, coreNumber RETURN node.name, coreNumber ORDER BY node.name", {
        $0.map { $0[1].intValue } == [2, 2, 2, 2]
      }),
      ("CALL algo.similarity.jaccard({direction: 'BOTH'}) YIELD node1, node2, similarity WHERE node1.name = 'a' AND node2.name = 'c' RETURN similarity", {
        $0.first?[0].doubleValue == 1
      }),
      ("CALL algo.similarity.overlap({direction: 'BOTH', topK: 1}) YIELD node1, node2, similarity RETURN count(*)", { $0[0][0].intValue == 4 }),
    ]
    for (query, check) in cases {
      let result = try rows(db, query)
      #expect(check(result), "\(query) → \(result)")
    }
  }
}
