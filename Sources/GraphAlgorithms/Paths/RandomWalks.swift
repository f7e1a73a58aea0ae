// Seeded random walks: from each start node, walks that follow a random out-edge at every step
// (chosen in proportion to its weight when weighted) until they reach the set length or a node
// without out-edges. Each walk draws from its own generator, seeded from the run's seed and the
// walk's number, so the walks do not depend on one another or on the order they are taken in.

/// Random walks over a CSR graph.
package enum RandomWalks {
  /// `walksPerNode` walks of up to `walkLength` nodes (the start included) from each of
  /// `starts`, in order of start node then walk; each walk as dense node indices.
  /// - Complexity: O(walks × walkLength), times the degree when weighted (a linear pick).
  package static func run(
    _ g: CSRGraph, starts: [Int], walkLength: Int, walksPerNode: Int, weighted: Bool, seed: UInt64, stop: StopCheck = .never
  ) -> [[Int]] {
    let useWeights = weighted && g.isWeighted
    // Running sums of each row's weights, for picking an edge in proportion to its weight.
    var cumulative: [Double] = []
    if useWeights {
      cumulative = [Double](repeating: 0, count: g.edgeCount)
      for v in 0..<g.nodeCount {
        var sum = 0.0
        for e in g.outOffsets[v]..<g.outOffsets[v + 1] {
          sum += max(0, g.outWeight(e))
          cumulative[e] = sum
        }
      }
    }
    var walks: [[Int]] = []
    walks.reserveCapacity(starts.count * walksPerNode)
    for (i, start) in starts.enumerated() {
      if stop.isStopped() { break }
      for k in 0..<walksPerNode {
        var rng = SeededRandom(seed: seed &+ UInt64(i * walksPerNode + k) &* 0x9E37_79B9_7F4A_7C15)
        var walk = [start]
        walk.reserveCapacity(walkLength)
        var v = start
        while walk.count < walkLength {
          let lo = g.outOffsets[v]
          let hi = g.outOffsets[v + 1]
          guard hi > lo else { break }
          var e = lo
          if useWeights {
            // Cumulative sums restart with each row, so the row's last one is its total.
            let total = cumulative[hi - 1]
            guard total > 0 else { break }
            let r = Double(rng.next() >> 11) / Double(UInt64(1) << 53) * total
            while e < hi - 1 && cumulative[e] <= r { e += 1 }
          } else {
            e += Int(rng.next() % UInt64(hi - lo))
          }
          v = Int(g.outTargets[e])
          walk.append(v)
        }
        walks.append(walk)
      }
    }
    return walks
  }
}
