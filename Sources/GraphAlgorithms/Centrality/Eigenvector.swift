// Eigenvector centrality and HITS hubs and authorities by power iteration, following networkx's
// `eigenvector_centrality` (iterating with A + I, Euclidean norm, L1 stopping rule) and `hits`.

/// The outcome of an eigenvector-style power iteration.
package struct PowerIterationResult: Sendable {
  package var scores: [Double]
  package var iterations: Int
  package var converged: Bool
}

/// Eigenvector centrality.
package enum EigenvectorCentrality {
  /// Left eigenvector of the adjacency matrix (a node is central when central nodes point to it).
  /// - Complexity: O(iterations × (n + m)).
  package static func run(
    _ g: CSRGraph, maxIterations: Int, tolerance: Double, weighted: Bool, stop: StopCheck = .never
  ) -> PowerIterationResult {
    let n = g.nodeCount
    guard n > 0 else { return PowerIterationResult(scores: [], iterations: 0, converged: true) }
    let rows = g.backward
    let useWeights = weighted && g.isWeighted
    var x = ContiguousArray<Double>(repeating: 1 / Double(n), count: n)
    var next = x
    for iteration in 1...max(1, maxIterations) {
      if stop.isStopped() { break }
      for v in 0..<n {
        var s = x[v]
        for e in rows.offsets[v]..<rows.offsets[v + 1] {
          s += x[Int(rows.targets[e])] * (useWeights ? rows.weight(e) : 1)
        }
        next[v] = s
      }
      var norm = 0.0
      for v in 0..<n { norm += next[v] * next[v] }
      norm = norm.squareRoot()
      if norm == 0 { norm = 1 }
      var err = 0.0
      for v in 0..<n {
        next[v] /= norm
        err += abs(next[v] - x[v])
      }
      swap(&x, &next)
      if err < Double(n) * tolerance { return PowerIterationResult(scores: Array(x), iterations: iteration, converged: true) }
    }
    return PowerIterationResult(scores: Array(x), iterations: max(1, maxIterations), converged: false)
  }
}

/// HITS hub and authority scores.
package enum HITS {
  /// Hubs point to good authorities; authorities are pointed to by good hubs. Scores are scaled
  /// to sum to 1, as networkx's `hits(normalized=True)`.
  /// - Complexity: O(iterations × (n + m)).
  package static func run(
    _ g: CSRGraph, maxIterations: Int, tolerance: Double, stop: StopCheck = .never
  ) -> (hubs: [Double], authorities: [Double], iterations: Int, converged: Bool) {
    let n = g.nodeCount
    guard n > 0 else { return ([], [], 0, true) }
    var hub = ContiguousArray<Double>(repeating: 1 / Double(n), count: n)
    var authority = ContiguousArray<Double>(repeating: 0, count: n)
    var iterations = max(1, maxIterations)
    var converged = false
    for iteration in 1...max(1, maxIterations) {
      if stop.isStopped() { break }
      let last = hub
      for v in 0..<n {
        var s = 0.0
        for e in g.inOffsets[v]..<g.inOffsets[v + 1] { s += hub[Int(g.inTargets[e])] }
        authority[v] = s
      }
      for v in 0..<n {
        var s = 0.0
        for e in g.outOffsets[v]..<g.outOffsets[v + 1] { s += authority[Int(g.outTargets[e])] }
        hub[v] = s
      }
      let hubMax = hub.max() ?? 0
      let authMax = authority.max() ?? 0
      if hubMax > 0 { for v in 0..<n { hub[v] /= hubMax } }
      if authMax > 0 { for v in 0..<n { authority[v] /= authMax } }
      var err = 0.0
      for v in 0..<n { err += abs(hub[v] - last[v]) }
      if err < tolerance {
        iterations = iteration
        converged = true
        break
      }
    }
    let hubSum = hub.reduce(0, +)
    let authSum = authority.reduce(0, +)
    let hubs = hub.map { hubSum > 0 ? $0 / hubSum : 0 }
    let auths = authority.map { authSum > 0 ? $0 / authSum : 0 }
    return (hubs, auths, iterations, converged)
  }
}
