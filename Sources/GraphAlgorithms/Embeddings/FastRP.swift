// FastRP node embeddings (Chen et al. 2019, as GDS computes them): each node starts from a sparse
// random vector (entries ±√3 with probability 1/6 each, else 0, drawn from the seed and the node's
// store id, so a node's vector does not depend on the projection's order), then each iteration
// averages the previous vectors over the node's neighbours and scales the result to unit length;
// the embedding is the sum of the iterations weighted by `iterationWeights`, plus the start
// vector weighted by `nodeSelfInfluence`. Structurally equivalent nodes (same neighbours) get the
// same embedding from the first iteration on.

/// Fast random projection embeddings.
package enum FastRP {
  /// A `dimension`-long embedding per node, by dense index, over the undirected neighbours of
  /// `s`. Deterministic for a seed.
  /// - Complexity: O(iterations × (n + m) × dimension).
  package static func run(
    _ s: NeighbourSets, nodeIDs: ContiguousArray<Int64>, dimension: Int, iterationWeights: [Double], nodeSelfInfluence: Double,
    seed: UInt64, stop: StopCheck = .never
  ) -> [[Double]] {
    let n = s.offsets.count - 1
    let root = 3.0.squareRoot()
    var current = [Double](repeating: 0, count: n * dimension)
    for v in 0..<n {
      var rng = SeededRandom(seed: seed ^ (UInt64(bitPattern: nodeIDs[v]) &* 0xD1B5_4A32_D192_ED03))
      for k in 0..<dimension {
        let r = rng.next() % 6
        current[v * dimension + k] = r == 0 ? root : r == 1 ? -root : 0
      }
    }
    var embedding = current.map { $0 * nodeSelfInfluence }
    var next = [Double](repeating: 0, count: n * dimension)
    for weight in iterationWeights {
      if stop.isStopped() { break }
      for v in 0..<n {
        let base = v * dimension
        for k in 0..<dimension { next[base + k] = 0 }
        let degree = s.offsets[v + 1] - s.offsets[v]
        guard degree > 0 else { continue }
        for e in s.offsets[v]..<s.offsets[v + 1] {
          let u = Int(s.targets[e]) * dimension
          for k in 0..<dimension { next[base + k] += current[u + k] }
        }
        var norm = 0.0
        for k in 0..<dimension { norm += next[base + k] * next[base + k] }
        norm = norm.squareRoot()
        if norm > 0 { for k in 0..<dimension { next[base + k] /= norm } }
      }
      swap(&current, &next)
      if weight != 0 { for i in 0..<embedding.count { embedding[i] += weight * current[i] } }
    }
    return (0..<n).map { Array(embedding[($0 * dimension)..<(($0 + 1) * dimension)]) }
  }
}
