// Delta-stepping shortest paths: distances against networkx's Dijkstra (Fixtures/deltaStepping.json,
// a random directed graph with fractional weights on both sides of the default bucket width) for
// several widths, directed and undirected, through the algorithm, `algo.deltaStepping` and
// `db.algorithms`; equal to Quiver's Dijkstra on a graph large enough to run rounds in parallel;
// the write mode and the refused widths.
import Foundation
import GraphAlgorithms
import Quiver
import Testing

@Suite struct DeltaSteppingTests {
  /// The fixture's graph, its expected distances from node 0 by node (directed and undirected).
  private struct Fixture {
    let nodeCount: Int
    let edges: [[Double]]
    let directed: [Int: Double]
    let undirected: [Int: Double]

    init() throws {
      let f = try TestData.fixture("deltaStepping")
      nodeCount = try #require(f["nodeCount"] as? Int)
      edges = try #require(f["edges"] as? [[Double]])
      func byNode(_ key: String) throws -> [Int: Double] {
        let raw = try #require(f[key] as? [String: Double])
        return Dictionary(uniqueKeysWithValues: raw.map { (Int($0.key) ?? -1, $0.value) })
      }
      directed = try byNode("directed")
      undirected = try byNode("undirected")
    }

    func graph(directed: Bool) -> CSRGraph {
      CSRGraph(
        nodeIDs: (0..<Int64(nodeCount)).map { $0 }, sources: edges.map { Int32($0[0]) }, targets: edges.map { Int32($0[1]) },
        weights: edges.map { $0[2] }, directed: directed)
    }
  }

  /// Expects `distance` to hold exactly the reached nodes of `want` at their costs.
  private func expectDistances(_ distance: ContiguousArray<Double>, _ want: [Int: Double], _ label: String) {
    let reached = distance.indices.filter { distance[$0] < .infinity }
    #expect(Set(reached) == Set(want.keys), "\(label): reached nodes")
    for (v, cost) in want where !close(distance[v], cost, 1e-12) {
      Issue.record("\(label): node \(v) at \(distance[v]), networkx says \(cost)")
      return
    }
  }

  @Test(arguments: [0.1, 0.5, 2.0, 6.0, 1000.0])
  func matchesNetworkxDijkstra(delta: Double) throws {
    let f = try Fixture()
    for directed in [true, false] {
      let r = DeltaStepping.run(f.graph(directed: directed), from: 0, delta: delta)
      expectDistances(r.distance, directed ? f.directed : f.undirected, "Δ = \(delta), directed \(directed)")
      // Reached nodes come by cost, ties by index.
      let order = r.settled.map { (r.distance[Int($0)], Int($0)) }
      #expect(order.count == (directed ? f.directed : f.undirected).count)
      #expect(zip(order, order.dropFirst()).allSatisfy { $0 < $1 })
    }
  }

  /// A graph big enough that rounds have frontiers above `parallelFrontier` nodes, unit weights
  /// and random weights, against Dijkstra on the same graph.
  @Test(arguments: [false, true])
  func equalsDijkstraOnALargeGraph(weighted: Bool) {
    var rng = SeededRandom(seed: 17)
    let n = 30_000
    let m = 150_000
    let sources = (0..<m).map { _ in Int32(rng.next() % UInt64(n)) }
    let targets = (0..<m).map { _ in Int32(rng.next() % UInt64(n)) }
    let weights = weighted ? (0..<m).map { _ in Double(rng.next() % 1000) / 100 } : nil
    let g = CSRGraph(nodeIDs: (0..<Int64(n)).map { $0 }, sources: sources, targets: targets, weights: weights, directed: true)
    let want = WeightedPaths.distances(g, from: 3)
    let got = DeltaStepping.run(g, from: 3, delta: weighted ? 1 : 2)
    #expect(got.distance == want.distance)
    #expect(got.settled.count == want.settled.count)
    #expect(got.settled.count > 20_000)
  }

  @Test func emptyAndIsolatedSources() {
    let g = CSRGraph(nodeIDs: [10, 11, 12], sources: [0], targets: [1], weights: [0], directed: true)
    let r = DeltaStepping.run(g, from: 2, delta: 2)
    #expect(Array(r.distance.prefix(2)) == [.infinity, .infinity])
    #expect(r.distance[2] == 0)
    #expect(r.settled == [2])
    // A zero weight keeps its target in the source's bucket.
    #expect(DeltaStepping.run(g, from: 0, delta: 2).settled == [0, 1])
  }

  /// The fixture as a database: nodes :V {i}, relationships :E {w}.
  private func database(_ f: Fixture) throws -> (Database, [Int64: Int]) {
    let db = try Database()
    let rows = try db.execute(
      """
      UNWIND range(0, $n - 1) AS i CREATE (:V {i: i})
      WITH count(*) AS made UNWIND $edges AS e MATCH (a:V {i: toInteger(e[0])}), (b:V {i: toInteger(e[1])}) CREATE (a)-[:E {w: e[2]}]->(b)
      WITH count(*) AS made MATCH (v:V) RETURN id(v), v.i
      """,
      parameters: ["n": .int(Int64(f.nodeCount)), "edges": .list(f.edges.map { .list($0.map(Value.float)) })])
    return (db, Dictionary(uniqueKeysWithValues: rows.rows.map { ($0[0].intValue ?? -1, Int($0[1].intValue ?? -1)) }))
  }

  @Test func throughCypherAndTheAPI() throws {
    let f = try Fixture()
    let (db, index) = try database(f)
    let cypher = try db.execute(
      "MATCH (s:V {i: 0}) CALL algo.deltaStepping({sourceNode: s, weightProperty: 'w', delta: 0.75}) YIELD node, cost RETURN node.i, cost")
    #expect(cypher.rows.count == f.directed.count)
    for row in cypher.rows {
      let v = Int(row[0].intValue ?? -1)
      #expect(close(row[1].doubleValue ?? .nan, f.directed[v] ?? .nan, 1e-12), "node \(v)")
    }
    // Rows come by cost.
    let costs = cypher.rows.compactMap { $0[1].doubleValue }
    #expect(costs == costs.sorted())
    let source = try #require(index.first { $0.value == 0 }?.key)
    let api = try db.algorithms.deltaSteppingCosts(AnalyticsGraph(direction: .both, weightProperty: "w"), from: source)
    #expect(api.count == f.undirected.count)
    for (id, cost) in api where !close(cost, f.undirected[index[id] ?? -1] ?? .nan, 1e-12) {
      Issue.record("node \(index[id] ?? -1) at \(cost), networkx says \(f.undirected[index[id] ?? -1] ?? .nan)")
    }
    let stats = try db.execute(
      "MATCH (s:V {i: 0}) CALL algo.deltaStepping.stats({sourceNode: s, weightProperty: 'w'}) YIELD nodeCount, distribution RETURN nodeCount, distribution.max")
    #expect(stats.rows.first?[0].intValue == 400)
    #expect(close(stats.rows.first?[1].doubleValue ?? 0, f.directed.values.max() ?? -1, 1e-12))
  }

  @Test func writeModeStoresTheCosts() throws {
    let db = try Database()
    _ = try db.execute("CREATE (a:T {n: 'a'})-[:R {w: 2.5}]->(b:T {n: 'b'})-[:R {w: 0.5}]->(c:T {n: 'c'}), (d:T {n: 'd'})")
    let written = try db.execute(
      "MATCH (s {n: 'a'}) CALL algo.deltaStepping.write({sourceNode: s, weightProperty: 'w', writeProperty: 'cost'}) YIELD nodePropertiesWritten RETURN *")
    #expect(written.rows.first?[0].intValue == 3)
    let back = try db.execute("MATCH (t:T) RETURN t.n, t.cost ORDER BY t.n")
    #expect(back.rows.map { $0[1].doubleValue } == [0, 2.5, 3, nil])
  }

  @Test(arguments: [
    ("{sourceNode: $s, delta: 0}", "algo.deltaStepping: configuration key 'delta' must be greater than 0, got 0.0"),
    ("{sourceNode: $s, delta: -1.5}", "algo.deltaStepping: configuration key 'delta' must be greater than 0, got -1.5"),
    ("{sourceNode: $s, delta: 'wide'}", "algo.deltaStepping: configuration key 'delta' must be a number, got STRING"),
    ("{sourceNode: $s, weightProperty: 'w', deltas: 2}",
     "algo.deltaStepping: unknown configuration key 'deltas' (known keys: 'aggregation', 'defaultWeight', 'delta', 'direction', 'graph', 'label', 'relationshipType', 'sourceNode', 'weightProperty')"),
    ("{sourceNode: $s, weightProperty: 'w'}",
     "weightProperty 'w' has the negative or non-numeric weight -1.0; shortest paths need weights ≥ 0"),
  ])
  func refusedConfigurations(config: String, message: String) throws {
    let db = try Database()
    let s = try db.execute("CREATE (a)-[:R {w: -1}]->(b) RETURN id(a)").rows[0][0]
    do {
      _ = try db.execute("CALL algo.deltaStepping(\(config)) YIELD node RETURN node", parameters: ["s": s])
      Issue.record("\(config) was accepted")
    } catch let error as QuiverError {
      #expect(error.code == .invalidArgumentValue)
      #expect(error.message == message)
    }
  }
}
