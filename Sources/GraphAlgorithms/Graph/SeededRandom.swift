// A small deterministic random generator, so that sampled betweenness, label propagation and
// Louvain give the same answer for the same seed on every platform.

/// SplitMix64: fast, seedable, good enough for shuffles and sampling.
package struct SeededRandom: RandomNumberGenerator {
  private var state: UInt64

  package init(seed: UInt64) { state = seed }

  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension SeededRandom {
  /// `k` of the indices 0..<n drawn without repeats by a seeded shuffle (all of them, in order,
  /// when k ≥ n): the sources of sampled betweenness, closeness and harmonic centrality.
  package static func sample(_ k: Int, of n: Int, seed: UInt64) -> [Int] {
    var indices = Array(0..<n)
    guard k < n else { return indices }
    var rng = SeededRandom(seed: seed)
    indices.shuffle(using: &rng)
    return Array(indices.prefix(max(0, k)))
  }
}
