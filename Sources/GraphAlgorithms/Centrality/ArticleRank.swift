// ArticleRank (Li and Willett, as GDS computes it): a PageRank variant for citation graphs in
// which a node passes on its score divided by its out-degree plus the graph's average out-degree,
// so that citations from nodes that cite little weigh less than in PageRank. Each sweep sets
// AR(v) = (1 − d) + d Σ_{u → v} AR(u) / (deg⁺(u) + avg deg⁺), from AR = 1 − d, until no score
// changes by more than the tolerance.

/// ArticleRank centrality.
package enum ArticleRank {
  /// Scores of the nodes of `g` and the number of sweeps run. With `weighted`, a node's
  /// out-degree is the sum of its out-weights and its score is split in proportion to them.
  /// - Complexity: O(iterations × (n + m)).
  package static func run(
    _ g: CSRGraph, damping: Double, maxIterations: Int, tolerance: Double, weighted: Bool, stop: StopCheck = .never
  ) -> (scores: [Double], iterations: Int) {
    let n = g.nodeCount
    guard n > 0 else { return ([], 0) }
    let useWeights = weighted && g.isWeighted
    var outDegree = [Double](repeating: 0, count: n)
    for v in 0..<n {
      for e in g.outOffsets[v]..<g.outOffsets[v + 1] { outDegree[v] += useWeights ? g.outWeight(e) : 1 }
    }
    let average = outDegree.reduce(0, +) / Double(n)
    var x = [Double](repeating: 1 - damping, count: n)
    var next = x
    var iterations = 0
    for _ in 0..<max(1, maxIterations) {
      if stop.isStopped() { break }
      iterations += 1
      var change = 0.0
      for v in 0..<n {
        var sum = 0.0
        for e in g.inOffsets[v]..<g.inOffsets[v + 1] {
          let u = Int(g.inTargets[e])
          let denominator = outDegree[u] + average
          if denominator > 0 { sum += x[u] * (useWeights ? g.inWeight(e) : 1) / denominator }
        }
        next[v] = (1 - damping) + damping * sum
        change = max(change, abs(next[v] - x[v]))
      }
      swap(&x, &next)
      if change < tolerance { break }
    }
    return (x, iterations)
  }
}
