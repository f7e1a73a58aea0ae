// PageRank by power iteration, matching networkx's `pagerank`: the mass of dangling nodes is
// spread like the teleport vector, the run stops when the L1 change falls below n × tolerance, and
// a personalised run teleports only to its source nodes. Progress counts iterations out of the cap;
// a run that converges early jumps to done.

/// The outcome of a PageRank run.
package struct PageRankResult: Sendable {
  package var scores: [Double]
  package var iterations: Int
  package var converged: Bool
}

/// PageRank centrality.
package enum PageRank {
  /// Ranks the nodes of `g` (an undirected graph counts each edge both ways).
  /// - Parameters:
  ///   - damping: probability of following an edge rather than teleporting, in [0, 1).
  ///   - sources: teleport only to these node indices (uniformly); all nodes when empty.
  ///   - weighted: split a node's rank over its out-edges in proportion to their weights.
  /// - Complexity: O(iterations × (n + m)), each sweep split over the cores.
  package static func run(
    _ g: CSRGraph, damping: Double, maxIterations: Int, tolerance: Double, sources: [Int] = [],
    weighted: Bool, stop: StopCheck = .never
  ) -> PageRankResult {
    let n = g.nodeCount
    guard n > 0 else { return PageRankResult(scores: [], iterations: 0, converged: true) }
    let useWeights = weighted && g.isWeighted
    // Out-weight of each node: the normaliser of its outgoing share.
    var outWeight = ContiguousArray<Double>(repeating: 0, count: n)
    for v in 0..<n {
      if useWeights, let w = g.outWeights {
        var s = 0.0
        for e in g.outOffsets[v]..<g.outOffsets[v + 1] { s += w[e] }
        outWeight[v] = s
      } else {
        outWeight[v] = Double(g.outDegree(v))
      }
    }
    var teleport = ContiguousArray<Double>(repeating: sources.isEmpty ? 1 / Double(n) : 0, count: n)
    if !sources.isEmpty {
      let unique = Set(sources)
      for s in unique { teleport[s] = 1 / Double(unique.count) }
    }
    var dangling: [Int] = []
    for v in 0..<n where outWeight[v] == 0 { dangling.append(v) }
    var x = ContiguousArray<Double>(repeating: 1 / Double(n), count: n)
    var share = ContiguousArray<Double>(repeating: 0, count: n)
    var next = ContiguousArray<Double>(repeating: 0, count: n)
    let cap = max(1, maxIterations)
    stop.begin(cap)
    for iteration in 1...cap {
      if stop.isStopped() { break }
      var danglingMass = 0.0
      for v in dangling { danglingMass += x[v] }
      for v in 0..<n { share[v] = outWeight[v] > 0 ? x[v] / outWeight[v] : 0 }
      let errors = share.withUnsafeBufferPointer { sh in
        x.withUnsafeBufferPointer { xs in
          teleport.withUnsafeBufferPointer { tp in
            next.withUnsafeMutableBufferPointer { nx in
              nonisolated(unsafe) let nx = nx
              return Parallel.map(n, minimum: 4096) { _, range in
                sweep(g, useWeights, range, sh, xs, tp, nx, damping: damping, danglingMass: danglingMass)
              }
            }
          }
        }
      }
      swap(&x, &next)
      stop.advance()
      if errors.reduce(0, +) < Double(n) * tolerance {
        if iteration < cap { stop.advance(cap - iteration) }
        return PageRankResult(scores: Array(x), iterations: iteration, converged: true)
      }
    }
    return PageRankResult(scores: Array(x), iterations: max(1, maxIterations), converged: false)
  }

  /// Computes the new rank of the nodes in `range` by pulling over in-edges; returns their L1 change.
  private static func sweep(
    _ g: CSRGraph, _ useWeights: Bool, _ range: Range<Int>, _ share: UnsafeBufferPointer<Double>,
    _ x: UnsafeBufferPointer<Double>, _ teleport: UnsafeBufferPointer<Double>, _ next: UnsafeMutableBufferPointer<Double>,
    damping: Double, danglingMass: Double
  ) -> Double {
    var err = 0.0
    g.inOffsets.withUnsafeBufferPointer { off in
      g.inTargets.withUnsafeBufferPointer { tgt in
        let weights = useWeights ? g.inWeights : nil
        for v in range {
          var sum = 0.0
          if let weights {
            for e in off[v]..<off[v + 1] { sum += share[Int(tgt[e])] * weights[e] }
          } else {
            for e in off[v]..<off[v + 1] { sum += share[Int(tgt[e])] }
          }
          let value = damping * (sum + danglingMass * teleport[v]) + (1 - damping) * teleport[v]
          err += abs(value - x[v])
          next[v] = value
        }
      }
    }
    return err
  }
}
