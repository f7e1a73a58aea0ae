// Closeness and harmonic centrality estimated from a seeded sample of pivot nodes (Eppstein and
// Wang): one shortest-path search *from* each of k pivots along out-edges gives d(p, v) for every
// node v, and each node's sums over the nodes that reach it are scaled up from the pivots that
// reach it. Closeness needs only ratios of those sums, so for node v, with c pivots other than v
// reaching it at total distance S out of k' pivots other than v: closeness ≈ c / S (× c / k' with
// the Wasserman–Faust correction), harmonic ≈ (n − 1) / k' × Σ 1 / d(p, v). With every node a
// pivot the estimates are the exact values. The estimate of a mean distance is within ε × the
// diameter for k ≈ log n / ε², so its relative error falls as 1 / √k.

extension Closeness {
  /// Closeness (`wfImproved` as `closeness`) and harmonic centrality estimated from `pivots`
  /// seeded samples (every node when ≥ n: exact).
  /// - Complexity: O(k × m) unweighted, O(k × (m + n log n)) weighted; split over the cores.
  package static func sampled(
    _ g: CSRGraph, pivots: Int, seed: UInt64, weighted: Bool, wfImproved: Bool = true, stop: StopCheck = .never
  ) -> (closeness: [Double], harmonic: [Double]) {
    let n = g.nodeCount
    guard n > 1 else { return ([Double](repeating: 0, count: n), [Double](repeating: 0, count: n)) }
    let sources = SeededRandom.sample(max(1, pivots), of: n, seed: seed)
    let isPivot = Set(sources)
    let useWeights = weighted && g.isWeighted
    let rows = g.forward
    stop.begin(sources.count)
    let parts = Parallel.map(sources.count, minimum: 8) { _, range in
      var reached = [Int](repeating: 0, count: n)
      var total = [Double](repeating: 0, count: n)
      var inverse = [Double](repeating: 0, count: n)
      var tree = ShortestPathTree(nodeCount: n)
      for i in range {
        if stop.isStopped() { break }
        if useWeights { tree.dijkstra(from: sources[i], rows) } else { tree.bfs(from: sources[i], rows) }
        for v in tree.order where Int(v) != sources[i] {
          let d = tree.distance[Int(v)]
          reached[Int(v)] += 1
          total[Int(v)] += d
          if d > 0 { inverse[Int(v)] += 1 / d }
        }
        stop.advance()
      }
      return (reached, total, inverse)
    }
    var closeness = [Double](repeating: 0, count: n)
    var harmonic = [Double](repeating: 0, count: n)
    for v in 0..<n {
      var c = 0
      var s = 0.0
      var h = 0.0
      for part in parts {
        c += part.0[v]
        s += part.1[v]
        h += part.2[v]
      }
      let others = Double(sources.count - (isPivot.contains(v) ? 1 : 0))
      guard others > 0 else { continue }
      harmonic[v] = h * Double(n - 1) / others
      guard s > 0 else { continue }
      closeness[v] = Double(c) / s * (wfImproved ? Double(c) / others : 1)
    }
    return (closeness, harmonic)
  }
}
