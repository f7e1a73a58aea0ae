// Single-source shortest paths that allow negative weights (Bellman–Ford), and negative-cycle
// detection: after n − 1 rounds of relaxing every edge, an edge that still relaxes lies on or
// behind a negative cycle reachable from the source; walking n predecessor steps back from it
// lands on the cycle, which is then read off.

/// Bellman–Ford shortest paths.
package enum BellmanFord {
  /// The costs from the source (infinity where unreached) and the forward edge slot each node
  /// was last reached by (-1 for none), or a negative cycle reachable from the source.
  package struct Result: Sendable {
    package var distance: [Double]
    package var via: [Int]
    /// The nodes of a negative cycle in edge order, when one is reachable from the source
    /// (distances are then meaningless).
    package var negativeCycle: [Int]?
  }

  /// Shortest paths from `source` over `g`'s out-edges, weights as given (1 when unweighted).
  /// Rounds stop early once nothing relaxes.
  /// - Complexity: O(n × m) worst case, O(m) per round.
  package static func run(_ g: CSRGraph, from source: Int, stop: StopCheck = .never) -> Result {
    let n = g.nodeCount
    var distance = [Double](repeating: .infinity, count: n)
    var via = [Int](repeating: -1, count: n)
    var from = [Int](repeating: -1, count: n)
    distance[source] = 0
    var relaxedNode = -1
    for round in 0..<max(1, n) {
      if stop.isStopped() { break }
      relaxedNode = -1
      for v in 0..<n where distance[v] < .infinity {
        for e in g.outOffsets[v]..<g.outOffsets[v + 1] {
          let t = Int(g.outTargets[e])
          let d = distance[v] + g.outWeight(e)
          if d < distance[t] {
            distance[t] = d
            via[t] = e
            from[t] = v
            relaxedNode = t
          }
        }
      }
      // A relaxation in round n (index n − 1 after n − 1 full rounds) means a negative cycle.
      if relaxedNode < 0 || round == n - 1 { break }
    }
    guard relaxedNode >= 0, n > 0 else { return Result(distance: distance, via: via, negativeCycle: nil) }
    // Check once more so that a graph needing all n − 1 rounds is not taken for a cycle.
    var onCycle = -1
    for v in 0..<n where distance[v] < .infinity && onCycle < 0 {
      for e in g.outOffsets[v]..<g.outOffsets[v + 1] where distance[v] + g.outWeight(e) < distance[Int(g.outTargets[e])] {
        onCycle = Int(g.outTargets[e])
        from[onCycle] = v
        break
      }
    }
    let none = Result(distance: distance, via: via, negativeCycle: nil)
    guard onCycle >= 0, !stop.isStopped() else { return none }
    // Walking n steps back from a node that still relaxes ends on the cycle.
    for _ in 0..<n {
      guard from[onCycle] >= 0 else { return none }
      onCycle = from[onCycle]
    }
    var cycle = [onCycle]
    var v = from[onCycle]
    while v >= 0 && v != onCycle && cycle.count <= n {
      cycle.append(v)
      v = from[v]
    }
    return Result(distance: distance, via: via, negativeCycle: cycle.reversed())
  }
}
