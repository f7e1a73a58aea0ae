// Graphs derived from rows (forward, reversed, undirected, and the reversed and undirected views
// of a built graph) must equal the graph built from the same edge list, row order, weights and
// edge indices included, on random multigraphs with self-loops.
import GraphAlgorithms
import Testing

@Suite struct CSRGraphTests {
  /// A random edge list over `n` nodes grouped by source (as a projection reads it), with repeated
  /// edges and self-loops, and its rows.
  private func sortedEdges(_ n: Int, _ m: Int, seed: UInt64) -> (sources: [Int32], targets: [Int32], weights: [Double], rows: EdgeRows) {
    var rng = SeededRandom(seed: seed)
    var edges: [(Int32, Int32, Double)] = []
    for _ in 0..<m {
      let s = Int32.random(in: 0..<Int32(n), using: &rng)
      let t = Bool.random(using: &rng) && Bool.random(using: &rng) ? s : Int32.random(in: 0..<Int32(n), using: &rng)
      edges.append((s, t, Double(Int.random(in: 1...9, using: &rng))))
    }
    edges.append(edges[0])  // a repeated edge
    let sorted = edges.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element)
    var offsets = ContiguousArray<Int>(repeating: 0, count: n + 1)
    for e in sorted { offsets[Int(e.0) + 1] += 1 }
    for v in 0..<n { offsets[v + 1] += offsets[v] }
    let rows = EdgeRows(
      offsets: offsets, targets: ContiguousArray(sorted.map(\.1)), weights: ContiguousArray(sorted.map(\.2)))
    return (sorted.map(\.0), sorted.map(\.1), sorted.map(\.2), rows)
  }

  private func expectEqual(_ a: CSRGraph, _ b: CSRGraph, _ what: String) {
    #expect(a.isDirected == b.isDirected, "\(what)")
    #expect(a.nodeIDs == b.nodeIDs, "\(what)")
    #expect(a.outOffsets == b.outOffsets, "\(what) out offsets")
    #expect(a.outTargets == b.outTargets, "\(what) out targets")
    #expect(a.outWeights == b.outWeights, "\(what) out weights")
    #expect(a.outEdgeIndices == b.outEdgeIndices, "\(what) out edge indices")
    #expect(a.inOffsets == b.inOffsets, "\(what) in offsets")
    #expect(a.inTargets == b.inTargets, "\(what) in targets")
    #expect(a.inWeights == b.inWeights, "\(what) in weights")
    #expect(a.inEdgeIndices == b.inEdgeIndices, "\(what) in edge indices")
    #expect(a.hasNonNegativeWeights == b.hasNonNegativeWeights, "\(what) non-negative weights")
  }

  @Test(arguments: [1, 2, 3]) func rowsGiveTheGraphOfTheirEdgeList(_ seed: Int) {
    let n = 60
    let e = sortedEdges(n, 400, seed: UInt64(seed))
    let ids = (0..<n).map { Int64($0) * 3 }
    for weighted in [false, true] {
      let w = weighted ? e.weights : nil
      let rows = EdgeRows(offsets: e.rows.offsets, targets: e.rows.targets, weights: weighted ? e.rows.weights : nil)
      let directed = CSRGraph(nodeIDs: ids, sources: e.sources, targets: e.targets, weights: w, directed: true)
      let reversed = CSRGraph(nodeIDs: ids, sources: e.targets, targets: e.sources, weights: w, directed: true)
      let undirected = CSRGraph(nodeIDs: ids, sources: e.sources, targets: e.targets, weights: w, directed: false)
      let fromRows = CSRGraph(nodeIDs: ContiguousArray(ids), rows: rows, orientation: .forward)
      expectEqual(fromRows, directed, "forward")
      expectEqual(CSRGraph(nodeIDs: ContiguousArray(ids), rows: rows, orientation: .reversed), reversed, "reversed")
      expectEqual(CSRGraph(nodeIDs: ContiguousArray(ids), rows: rows, orientation: .undirected), undirected, "undirected")
      expectEqual(fromRows.reversed(), reversed, "reversed view")
      expectEqual(fromRows.undirected(), undirected, "undirected view")
      expectEqual(undirected.reversed(), undirected, "an undirected graph's reverse")
    }
  }

  @Test func undirectedRowsOfAnUnsortedEdgeListFollowEdgeOrder() {
    // Edge 0 is 2→1 and edge 1 is 0→1: node 1's undirected row lists 2 before 0, as the edge list
    // does, and keeps each edge's index.
    let g = CSRGraph(nodeIDs: [10, 11, 12], sources: [2, 0, 1], targets: [1, 1, 1], weights: [5, 6, 7], directed: true)
    let u = g.undirected()
    #expect(!u.isDirected)
    #expect(Array(u.outTargets[u.outOffsets[1]..<u.outOffsets[2]]) == [2, 0, 1])
    #expect(Array(u.outEdgeIndices[u.outOffsets[1]..<u.outOffsets[2]]) == [0, 1, 2])
    #expect(Array(u.outWeights?[u.outOffsets[1]..<u.outOffsets[2]] ?? []) == [5, 6, 7])
    #expect(u.edgeCount == 5)
  }

  @Test func everyWayOfBuildingAGraphKnowsWhetherItsWeightsAreNonNegative() {
    let ids: [Int64] = [10, 11, 12]
    let (sources, targets): ([Int32], [Int32]) = ([0, 1, 2], [1, 2, 0])
    let offsets: ContiguousArray<Int> = [0, 1, 2, 3]
    for (weights, expected) in [(nil, true), ([0, 1, 2], true), ([3, -0.5, 1], false), ([1, .nan, 1], false), ([-.infinity, 1, 1], false)]
      as [([Double]?, Bool)]
    {
      let label = "\(weights.map { "\($0)" } ?? "unweighted")"
      let rows = EdgeRows(offsets: offsets, targets: ContiguousArray(targets), weights: weights.map { ContiguousArray($0) })
      for directed in [true, false] {
        let g = CSRGraph(nodeIDs: ids, sources: sources, targets: targets, weights: weights, directed: directed)
        #expect(g.hasNonNegativeWeights == expected, "\(label) directed: \(directed)")
      }
      for orientation in [CSRGraph.Orientation.forward, .reversed, .undirected] {
        let g = CSRGraph(nodeIDs: ContiguousArray(ids), rows: rows, orientation: orientation)
        #expect(g.hasNonNegativeWeights == expected, "\(label) \(orientation)")
        #expect(g.reversed().hasNonNegativeWeights == expected, "\(label) \(orientation) reversed")
        #expect(g.undirected().hasNonNegativeWeights == expected, "\(label) \(orientation) undirected")
      }
    }
  }
}
