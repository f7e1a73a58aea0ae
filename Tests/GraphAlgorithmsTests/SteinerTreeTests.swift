// Minimum directed Steiner trees on small graphs with known optimal trees: shared paths are taken
// once, direction is followed, unreachable terminals are left out; through the algorithm,
// `algo.steinerTree` and `db.algorithms.steinerTree`.
import GraphAlgorithms
import Quiver
import Testing

@Suite struct SteinerTreeTests {
  /// s → a → {t1, t2}, t1 → t3 (weight 1 each), direct s → t1 and s → t2 at 3, and t4 → s (t4
  /// is not reachable from s). The optimal tree to t1, t2, t3 is s → a → t1 → t3 plus a → t2, 4.
  private let nodes = ["s", "a", "t1", "t2", "t3", "t4"]
  private let edges: [(Int, Int, Double)] = [(0, 1, 1), (1, 2, 1), (1, 3, 1), (2, 4, 1), (0, 2, 3), (0, 3, 3), (5, 0, 1)]

  @Test func sharesPathsAndFollowsDirection() {
    let g = CSRGraph(
      nodeIDs: nodes.indices.map { Int64($0) }, sources: edges.map { Int32($0.0) }, targets: edges.map { Int32($0.1) },
      weights: edges.map(\.2), directed: true)
    let r = SteinerTree.run(g, from: 0, terminals: [2, 3, 4, 5])
    #expect(r.totalWeight == 4)
    #expect(r.edges.map { [$0.source, $0.target] } == [[0, 1], [1, 2], [1, 3], [2, 4]])
    #expect(r.unreached == [5])
    // A terminal that is the source, or already on the tree, costs nothing.
    #expect(SteinerTree.run(g, from: 0, terminals: [0]).edges.isEmpty)
    #expect(SteinerTree.run(g, from: 0, terminals: [4, 2]).totalWeight == 3)
    // Undirected, t4 joins through its edge to s.
    let u = CSRGraph(
      nodeIDs: nodes.indices.map { Int64($0) }, sources: edges.map { Int32($0.0) }, targets: edges.map { Int32($0.1) },
      weights: edges.map(\.2), directed: false)
    let all = SteinerTree.run(u, from: 4, terminals: [3, 5])
    // From t3: t3 – t1 – a – t2 (3), then a – s – t4 (2).
    #expect(all.totalWeight == 5)
    #expect(all.unreached.isEmpty)
  }

  private func database() throws -> (Database, [String: Int64]) {
    let db = try Database()
    _ = try db.execute(
      """
      UNWIND $names AS name CREATE (:S {name: name})
      WITH count(*) AS made UNWIND $edges AS e MATCH (u:S {name: $names[e[0]]}), (v:S {name: $names[e[1]]})
      CREATE (u)-[:R {w: e[2]}]->(v)
      """,
      parameters: [
        "names": .list(nodes.map(Value.string)),
        "edges": .list(edges.map { .list([.int(Int64($0.0)), .int(Int64($0.1)), .float($0.2)]) }),
      ])
    let ids = try db.execute("MATCH (n:S) RETURN n.name, id(n)").rows
    return (db, Dictionary(uniqueKeysWithValues: ids.map { ($0[0].stringValue ?? "", $0[1].intValue ?? -1) }))
  }

  @Test func throughCypherAndTheAPI() throws {
    let (db, ids) = try database()
    let rows = try db.execute(
      """
      MATCH (s:S {name: 's'}) WITH s MATCH (t:S) WHERE t.name IN ['t1', 't2', 't3', 't4'] WITH s, collect(t) AS ts
      CALL algo.steinerTree({sourceNode: s, targetNodes: ts, weightProperty: 'w'}) YIELD source, target, relationship, weight
      RETURN source.name, target.name, type(relationship), weight
      """).rows
    #expect(rows.map { [$0[0].stringValue, $0[1].stringValue] } == [["s", "a"], ["a", "t1"], ["a", "t2"], ["t1", "t3"]])
    #expect(rows.allSatisfy { $0[2].stringValue == "R" && $0[3].doubleValue == 1 })
    let api = try db.algorithms.steinerTree(
      AnalyticsGraph(weightProperty: "w"), from: ids["s"] ?? -1, to: ["t1", "t2", "t3", "t4"].compactMap { ids[$0] })
    #expect(api.totalWeight == 4)
    #expect(api.edges.map { [$0.source, $0.target] } == [["s", "a"], ["a", "t1"], ["a", "t2"], ["t1", "t3"]].map { $0.compactMap { ids[$0] } })
    #expect(api.unreachedTargets == [ids["t4"] ?? -1])
    let missing = thrownError(db, "MATCH (s:S {name: 's'}) CALL algo.steinerTree({sourceNode: s}) YIELD source RETURN source")
    #expect(missing?.message == "algo.steinerTree: configuration key 'targetNodes' is required (a node, a node id or a list of them)")
  }
}
