// Properties that must hold on any graph: PageRank sums to 1, BFS hop counts equal Dijkstra with
// unit weights, weak components equal breadth-first sweeps, the distance heap pops in order, A*
// finds Dijkstra's cost, sampling every node equals exact betweenness, and the iterative searches
// survive a very long chain.
import GraphAlgorithms
import Testing

/// A seeded random graph on n nodes with about `m` edges and weights in 1...9.
func randomGraph(_ n: Int, _ m: Int, seed: UInt64, directed: Bool) -> CSRGraph {
  var rng = SeededRandom(seed: seed)
  var e: [(Int, Int, Double)] = []
  for _ in 0..<m {
    e.append((Int.random(in: 0..<n, using: &rng), Int.random(in: 0..<n, using: &rng), Double(Int.random(in: 1...9, using: &rng))))
  }
  return graph(n, e.filter { $0.0 != $0.1 }, directed: directed)
}

@Suite struct PropertyTests {
  @Test(arguments: [1, 2, 3]) func pageRankSumsToOne(_ seed: Int) {
    let g = randomGraph(300, 900, seed: UInt64(seed), directed: true)
    for weighted in [false, true] {
      let r = PageRank.run(g, damping: 0.85, maxIterations: 200, tolerance: 1e-10, weighted: weighted)
      #expect(abs(r.scores.reduce(0, +) - 1) < 1e-9)
    }
    let personal = PageRank.run(g, damping: 0.85, maxIterations: 200, tolerance: 1e-10, sources: [3, 7], weighted: false)
    #expect(abs(personal.scores.reduce(0, +) - 1) < 1e-9)
  }

  @Test(arguments: [4, 5]) func bfsHopsEqualUnitWeightDijkstra(_ seed: Int) {
    let g = randomGraph(400, 1200, seed: UInt64(seed), directed: true)
    let unit = CSRGraph(
      nodeIDs: Array(g.nodeIDs), sources: (0..<g.nodeCount).flatMap { v in (g.outOffsets[v]..<g.outOffsets[v + 1]).map { _ in Int32(v) } },
      targets: Array(g.outTargets), weights: [Double](repeating: 1, count: g.edgeCount), directed: true)
    let hops = Traversal.bfs(g.forward, nodeCount: g.nodeCount, from: 0)
    let costs = Dictionary(uniqueKeysWithValues: WeightedPaths.singleSource(unit, from: 0).map { ($0.node, $0.cost) })
    #expect(hops.count == costs.count)
    for h in hops { #expect(costs[h.node] == Double(h.depth)) }
  }

  @Test(arguments: [6, 7]) func weakComponentsMatchBreadthFirstSweeps(_ seed: Int) {
    // Sparse enough to leave many components, isolated nodes among them.
    let g = randomGraph(500, 300, seed: UInt64(seed), directed: true)
    let u = g.undirected()
    var expected = [Int](repeating: -1, count: g.nodeCount)
    var next = 0
    for root in 0..<g.nodeCount where expected[root] < 0 {
      for visit in Traversal.bfs(u.forward, nodeCount: u.nodeCount, from: root) { expected[visit.node] = next }
      next += 1
    }
    #expect(next > 50)
    #expect(Components.weak(g) == expected)
    #expect(Components.weak(u) == expected)
    #expect(Components.weak(g.reversed()) == expected)
  }

  @Test(arguments: [8, 9]) func distanceHeapPopsInDistanceThenNodeOrder(_ seed: Int) {
    var rng = SeededRandom(seed: UInt64(seed))
    var heap = DistanceHeap()
    var pending: [(Double, Int32)] = []
    var popped: [(Double, Int32)] = []
    var expected: [(Double, Int32)] = []
    for round in 0..<2000 {
      // Few distinct distances, so that ties (broken by node) are common.
      let entry = (Double(Int.random(in: 0...20, using: &rng)) / 4, Int32.random(in: 0..<300, using: &rng))
      heap.insert(entry.0, entry.1)
      pending.append(entry)
      if round % 3 == 2, let top = heap.popMin() {
        popped.append((top.distance, top.node))
        let least = pending.indices.min { pending[$0] < pending[$1] } ?? 0
        expected.append(pending.remove(at: least))
      }
    }
    while let top = heap.popMin() { popped.append((top.distance, top.node)) }
    expected += pending.sorted { $0 < $1 }
    #expect(heap.isEmpty)
    #expect(popped.count == expected.count)
    #expect(popped.map(\.0) == expected.map(\.0))
    #expect(popped.map(\.1) == expected.map(\.1))
  }

  @Test(arguments: [10, 11]) func radixHeapPopsDistancesInOrderWhileTheyOnlyGrow(_ seed: Int) {
    var rng = SeededRandom(seed: UInt64(seed))
    var heap = RadixHeap()
    var pending: [Double] = []
    var popped: [Double] = []
    var last = 0.0
    heap.insert(0, 0)
    pending.append(0)
    for round in 0..<3000 {
      // Insert only at or above the last popped distance, as Dijkstra does: sometimes exactly
      // it, sometimes a little or a lot more, with the bits that differ anywhere in the word.
      let step = [0, 1e-9, 0.25, Double(Int.random(in: 1...1000, using: &rng)), 1e12][round % 5]
      let distance = last + step * Double.random(in: 0...1, using: &rng)
      heap.insert(distance, Int32(round))
      pending.append(distance)
      if round % 2 == 1, let top = heap.popMin() {
        last = top.distance
        popped.append(top.distance)
        let least = pending.indices.min { pending[$0] < pending[$1] } ?? 0
        #expect(top.distance == pending.remove(at: least))
      }
    }
    while let top = heap.popMin() {
      #expect(top.distance >= last)
      last = top.distance
      popped.append(top.distance)
    }
    #expect(heap.isEmpty)
    #expect(heap.popMin() == nil)
    #expect(popped.count == 1 + 3000)
    #expect(popped == popped.sorted())
  }

  @Test func aStarMatchesDijkstraOnAGrid() throws {
    // A 12 × 12 grid of points 0.01° apart; weights are the great-circle lengths times 1–1.5.
    let side = 12
    var rng = SeededRandom(seed: 9)
    var lat: [Double] = []
    var lon: [Double] = []
    for i in 0..<side * side {
      lat.append(48 + Double(i / side) * 0.01)
      lon.append(2 + Double(i % side) * 0.01)
    }
    var e: [(Int, Int, Double)] = []
    for v in 0..<side * side {
      for w in [v + 1, v + side] where w < side * side && (w != v + 1 || v % side != side - 1) {
        let d = WeightedPaths.haversine(lat[v], lon[v], lat[w], lon[w]) * Double.random(in: 1...1.5, using: &rng)
        e.append((v, w, d))
      }
    }
    let g = graph(side * side, e, directed: false)
    for target in [side * side - 1, side * 5 + 7, 13] {
      let dijkstra = try #require(WeightedPaths.singlePair(g, from: 0, to: target))
      let aStar = try #require(WeightedPaths.aStar(g, from: 0, to: target, latitude: lat, longitude: lon).path)
      #expect(close(aStar.totalCost, dijkstra.totalCost, 1e-12))
    }
  }

  @Test func samplingEveryNodeEqualsExactBetweenness() {
    let g = randomGraph(120, 400, seed: 11, directed: false)
    let exact = Betweenness.run(g, weighted: false)
    let sampledAll = Betweenness.run(g, samples: 120, seed: 3, weighted: false)
    expectClose(sampledAll, exact, "k = n")
    let a = Betweenness.run(g, samples: 30, seed: 5, weighted: false)
    let b = Betweenness.run(g, samples: 30, seed: 5, weighted: false)
    #expect(a == b, "same seed, same estimate")
  }

  @Test(arguments: [21, 22, 23]) func strongComponentsAreMutualReachability(_ seed: Int) {
    // Sparse enough to leave many components of several sizes.
    let n = 70
    let g = randomGraph(n, 110, seed: UInt64(seed), directed: true)
    var reaches = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
    for s in 0..<n {
      var queue = [s]
      reaches[s][s] = true
      while let v = queue.popLast() {
        for e in g.outOffsets[v]..<g.outOffsets[v + 1] where !reaches[s][Int(g.outTargets[e])] {
          reaches[s][Int(g.outTargets[e])] = true
          queue.append(Int(g.outTargets[e]))
        }
      }
    }
    let scc = Components.strong(g)
    for u in 0..<n {
      for v in 0..<n {
        #expect((scc[u] == scc[v]) == (reaches[u][v] && reaches[v][u]), "nodes \(u) and \(v)")
      }
    }
    // Numbered in order of each component's lowest node.
    var firstSeen: [Int] = []
    for c in scc where !firstSeen.contains(c) { firstSeen.append(c) }
    #expect(firstSeen == Array(0..<firstSeen.count))
    #expect(firstSeen.count > 5)
  }

  @Test func longChainsDoNotOverflowTheStack() {
    let n = 200_000
    let chain = graph(n, (0..<(n - 1)).map { ($0, $0 + 1, 1) }, directed: true, weighted: false)
    #expect(Set(Components.strong(chain)).count == n)
    #expect(Set(Components.weak(chain)).count == 1)
    #expect(Traversal.dfs(chain.forward, nodeCount: n, from: 0).last?.depth == n - 1)
    let cycle = graph(n, (0..<n).map { ($0, ($0 + 1) % n, 1) }, directed: true, weighted: false)
    #expect(Set(Components.strong(cycle)).count == 1)
  }
}
