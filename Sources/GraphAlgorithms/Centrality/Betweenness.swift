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
    _ g: CSRGraph, samples: Int? = nil, seed: UInt64 = 0, weighted: Bool, normalized: Bool = true, stop: StopCheck = .never
  ) -> [Double] {
    let n = g.nodeCount
    guard n > 0 else { return [] }
    let sources = SeededRandom.sample(samples ?? n, of: n, seed: seed)
    let sampled: Set<Int>? = sources.count < n ? Set(sources) : nil
    let useWeights = weighted && g.isWeighted
    let forward = g.forward
    let backward = g.backward
    stop.begin(sources.count)
    let partials = Parallel.map(sources.count, minimum: 8) { _, range in
      var total = [Double](repeating: 0, count: n)
      if !useWeights {
        var scratch = HopScratch(n)
        for i in range {
          if stop.isStopped() { break }
          scratch.run(sources[i], forward, &total)
          stop.advance()
        }
        return total
      }
      var tree = ShortestPathTree(nodeCount: n)
      var delta = ContiguousArray<Double>(repeating: 0, count: n)
      for i in range {
        if stop.isStopped() { break }
        let s = sources[i]
        tree.dijkstra(from: s, forward)
        accumulate(&tree, &delta, &total, s, backward, true)
        stop.advance()
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

  /// Flat per-source arrays for the unweighted case: one BFS and one reverse sweep over raw buffers.
  private struct HopScratch {
    var distance: [Int32]
    var sigma: [Double]
    var delta: [Double]
    var order: [Int32]

    init(_ n: Int) {
      distance = [Int32](repeating: -1, count: n)
      sigma = [Double](repeating: 0, count: n)
      delta = [Double](repeating: 0, count: n)
      order = [Int32](repeating: 0, count: n)
    }

    /// Adds the dependencies of source `s` to `total`.
    /// - Complexity: O(reached nodes + their edges).
    mutating func run(_ s: Int, _ rows: EdgeRows, _ total: inout [Double]) {
      rows.offsets.withUnsafeBufferPointer { off in
        rows.targets.withUnsafeBufferPointer { tgt in
          distance.withUnsafeMutableBufferPointer { dist in
            sigma.withUnsafeMutableBufferPointer { sig in
              delta.withUnsafeMutableBufferPointer { del in
                order.withUnsafeMutableBufferPointer { queue in
                  total.withUnsafeMutableBufferPointer { tot in
                    var tail = 1
                    var head = 0
                    queue[0] = Int32(s)
                    dist[s] = 0
                    sig[s] = 1
                    while head < tail {
                      let v = Int(queue[head])
                      head += 1
                      let next = dist[v] + 1
                      let sv = sig[v]
                      for e in off[v]..<off[v + 1] {
                        let w = Int(tgt[e])
                        if dist[w] < 0 {
                          dist[w] = next
                          queue[tail] = Int32(w)
                          tail += 1
                        }
                        if dist[w] == next { sig[w] += sv }
                      }
                    }
                    // Reverse sweep: a node's dependency gathers from its successors on shortest paths.
                    var i = tail - 1
                    while i >= 0 {
                      let v = Int(queue[i])
                      let next = dist[v] + 1
                      var d = 0.0
                      for e in off[v]..<off[v + 1] {
                        let w = Int(tgt[e])
                        if dist[w] == next { d += (1 + del[w]) / sig[w] }
                      }
                      d *= sig[v]
                      del[v] = d
                      if v != s { tot[v] += d }
                      i -= 1
                    }
                    for j in 0..<tail {
                      let v = Int(queue[j])
                      dist[v] = -1
                      sig[v] = 0
                      del[v] = 0
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
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
