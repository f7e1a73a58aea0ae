// Closeness and harmonic centrality from one shortest-path search per node. Directed graphs use
// distances *to* each node (searching along in-edges), as networkx does; closeness applies the
// Wasserman–Faust correction so that disconnected graphs give comparable scores.

/// Closeness and harmonic centrality.
package enum Closeness {
  /// networkx `closeness_centrality(G, wf_improved=wfImproved)`: (r − 1) / Σd, scaled by
  /// (r − 1) / (n − 1) when improved, for the r nodes that reach each node.
  /// - Complexity: O(n × m) unweighted, O(n × (m + n log n)) weighted; split over the cores.
  package static func closeness(_ g: CSRGraph, weighted: Bool, wfImproved: Bool = true, stop: StopCheck = .never) -> [Double] {
    let n = g.nodeCount
    if !(weighted && g.isWeighted) {
      return hopSums(g, stop).map { s in
        guard s.total > 0, n > 1 else { return 0 }
        var c = Double(s.reached - 1) / s.total
        if wfImproved { c *= Double(s.reached - 1) / Double(n - 1) }
        return c
      }
    }
    return perNode(g, weighted: weighted, stop) { tree in
      var total = 0.0
      var reached = 0
      for v in tree.order {
        total += tree.distance[Int(v)]
        reached += 1
      }
      guard total > 0, n > 1 else { return 0 }
      var c = Double(reached - 1) / total
      if wfImproved { c *= Double(reached - 1) / Double(n - 1) }
      return c
    }
  }

  /// networkx `harmonic_centrality`: Σ 1 / d(u, v) over the nodes u ≠ v that reach v.
  /// - Complexity: as `closeness`.
  package static func harmonic(_ g: CSRGraph, weighted: Bool, stop: StopCheck = .never) -> [Double] {
    if !(weighted && g.isWeighted) { return hopSums(g, stop).map(\.harmonic) }
    return perNode(g, weighted: weighted, stop) { tree in
      var total = 0.0
      for v in tree.order where tree.distance[Int(v)] > 0 { total += 1 / tree.distance[Int(v)] }
      return total
    }
  }

  /// For every node, by a breadth-first search along in-edges that keeps nothing but hop
  /// distances: how many nodes reach it (itself included), the sum of their distances and the
  /// sum of their reciprocals. Split over the cores.
  private static func hopSums(_ g: CSRGraph, _ stop: StopCheck) -> [(reached: Int, total: Double, harmonic: Double)] {
    let n = g.nodeCount
    let rows = g.backward
    stop.begin(n)
    let parts = Parallel.map(n, minimum: 64) { _, range in
      var out: [(reached: Int, total: Double, harmonic: Double)] = []
      out.reserveCapacity(range.count)
      var distance = [Int32](repeating: -1, count: n)
      var queue = [Int32](repeating: 0, count: n)
      rows.offsets.withUnsafeBufferPointer { off in
        rows.targets.withUnsafeBufferPointer { tgt in
          distance.withUnsafeMutableBufferPointer { distance in
            queue.withUnsafeMutableBufferPointer { queue in
              for source in range {
                if stop.isStopped() {
                  out.append((1, 0, 0))
                  continue
                }
                distance[source] = 0
                queue[0] = Int32(source)
                var head = 0
                var tail = 1
                var total = 0.0
                var harmonic = 0.0
                while head < tail {
                  let v = Int(queue[head])
                  head += 1
                  let next = distance[v] + 1
                  for e in off[v]..<off[v + 1] {
                    let w = Int(tgt[e])
                    if distance[w] < 0 {
                      distance[w] = next
                      queue[tail] = Int32(w)
                      tail += 1
                      total += Double(next)
                      harmonic += 1 / Double(next)
                    }
                  }
                }
                for i in 0..<tail { distance[Int(queue[i])] = -1 }
                out.append((tail, total, harmonic))
                stop.advance()
              }
            }
          }
        }
      }
      return out
    }
    return parts.flatMap { $0 }
  }

  /// Runs a search along in-edges from every node and reduces each search with `score`.
  private static func perNode(
    _ g: CSRGraph, weighted: Bool, _ stop: StopCheck, _ score: (ShortestPathTree) -> Double
  ) -> [Double] {
    let n = g.nodeCount
    let rows = g.backward
    let useWeights = weighted && g.isWeighted
    stop.begin(n)
    let parts = Parallel.map(n, minimum: 64) { _, range in
      var tree = ShortestPathTree(nodeCount: n)
      var out: [Double] = []
      out.reserveCapacity(range.count)
      for v in range {
        if stop.isStopped() {
          out.append(0)
          continue
        }
        if useWeights { tree.dijkstra(from: v, rows) } else { tree.bfs(from: v, rows) }
        out.append(score(tree))
        stop.advance()
      }
      return out
    }
    return parts.flatMap { $0 }
  }
}
