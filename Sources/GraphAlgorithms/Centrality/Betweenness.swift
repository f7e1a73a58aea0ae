// Betweenness centrality by Brandes' algorithm: exact over all sources or estimated from a seeded
// sample of sources, on hop counts or weights, rescaled exactly as networkx's
// `betweenness_centrality` (normalized by default, endpoints excluded).

/// Betweenness centrality.
package enum Betweenness {
  /// Betweenness of every node.
  /// - Parameters:
  ///   - samples: number of source nodes to sample (all nodes when nil or ≥ n).
  ///   - seed: seed for the sample.
  ///   - weighted: shortest paths by weight (Dijkstra) rather than hops.
  /// - Complexity: O(k × m) unweighted, O(k × (m + n log n)) weighted, for k sources; sources are
  ///   split over the cores.
  package static func run(
    _ g: CSRGraph, samples: Int? = nil, seed: UInt64 = 0, weighted: Bool, normalized: Bool = true
  ) -> [Double] {
    let n = g.nodeCount
    guard n > 0 else { return [] }
    var sources = Array(0..<n)
    var sampled: Set<Int>? = nil
    if let k = samples, k < n {
      var rng = SeededRandom(seed: seed)
      sources.shuffle(using: &rng)
      sources = Array(sources.prefix(max(0, k)))
      sampled = Set(sources)
    }
    let useWeights = weighted && g.isWeighted
    let forward = g.forward
    let backward = g.backward
    let partials = Parallel.map(sources.count, minimum: 8) { _, range in
      var tree = ShortestPathTree(nodeCount: n)
      var delta = ContiguousArray<Double>(repeating: 0, count: n)
      var total = [Double](repeating: 0, count: n)
      for i in range {
        let s = sources[i]
        if useWeights { tree.dijkstra(from: s, forward) } else { tree.bfs(from: s, forward) }
        accumulate(&tree, &delta, &total, s, backward, useWeights)
      }
      return total
    }
    var result = [Double](repeating: 0, count: n)
    for part in partials { for v in 0..<n { result[v] += part[v] } }
    rescale(&result, n: n, directed: g.isDirected, normalized: normalized, sampled: sampled)
    return result
  }

  /// Brandes' dependency accumulation in reverse order of distance.
  private static func accumulate(
    _ tree: inout ShortestPathTree, _ delta: inout ContiguousArray<Double>, _ total: inout [Double], _ s: Int,
    _ backward: EdgeRows, _ weighted: Bool
  ) {
    for w32 in tree.order.reversed() {
      let w = Int(w32)
      let dw = tree.distance[w]
      let coefficient = (1 + delta[w]) / tree.sigma[w]
      for e in backward.offsets[w]..<backward.offsets[w + 1] {
        let v = Int(backward.targets[e])
        let onPath = weighted ? tree.distance[v] + backward.weight(e) == dw : tree.distance[v] + 1 == dw
        if onPath { delta[v] += tree.sigma[v] * coefficient }
      }
      if w != s { total[w] += delta[w] }
    }
    for w in tree.order { delta[Int(w)] = 0 }
  }

  /// networkx's `_rescale` with endpoints excluded.
  private static func rescale(_ b: inout [Double], n: Int, directed: Bool, normalized: Bool, sampled: Set<Int>?) {
    let pairs = Double(n - 1)
    guard n - 1 >= 2 else { return }
    let correction = directed ? 1.0 : 2.0
    guard let sampled else {
      let scale = normalized ? 1 / (pairs * (pairs - 1)) : pairs / (pairs * correction)
      if scale != 1 { for v in b.indices { b[v] *= scale } }
      return
    }
    let k = Double(sampled.count)
    let source = normalized ? (k > 1 ? 1 / ((k - 1) * (pairs - 1)) : .nan) : (k > 1 ? pairs / ((k - 1) * correction) : .nan)
    let other = normalized ? 1 / (k * (pairs - 1)) : pairs / (k * correction)
    for v in b.indices { b[v] *= sampled.contains(v) ? source : other }
  }
}
