// Exact k-nearest neighbours over node properties: every pair of nodes is compared on each
// property (numbers, number vectors or sets), the similarities are averaged over the properties,
// and each node keeps its `topK` most similar others at or above the cut-off. Brute force, so
// O(n² × dimension): the typed call (Analytics+Similarity) caps the node count.

/// How one property compares two nodes.
package enum NodeFeature: Sendable {
  /// A number per node: 1 / (1 + |a − b|).
  case scalar([Double])
  /// A vector per node, all of one length, flat (node v at `values[v × dimension ..< (v + 1) × dimension]`).
  case vectors(values: [Double], dimension: Int, metric: VectorMetric)
  /// A set per node as sorted, duplicate-free element numbers.
  case sets([[Int32]], metric: SetMetric)
}

/// Similarity of two number vectors.
package enum VectorMetric: String, Sendable, CaseIterable {
  /// a · b / (|a| |b|), in [−1, 1]; 0 when either is the zero vector.
  case cosine = "COSINE"
  /// 1 / (1 + |a − b|), in (0, 1].
  case euclidean = "EUCLIDEAN"
  /// Pearson's correlation of the components, in [−1, 1]; 0 when either is constant.
  case pearson = "PEARSON"
}

/// Similarity of two sets.
package enum SetMetric: String, Sendable, CaseIterable {
  /// |A ∩ B| / |A ∪ B| (1 for two empty sets).
  case jaccard = "JACCARD"
  /// |A ∩ B| / min(|A|, |B|) (1 when either is empty).
  case overlap = "OVERLAP"
}

/// Exact k-nearest neighbours.
package enum NearestNeighbours {
  /// For each node (in index order), its `topK` most similar other nodes with similarity ≥
  /// `cutoff`, best first (ties by index); the similarity of two nodes is the mean over
  /// `features`.
  /// - Complexity: O(n² × Σ feature sizes + n² log k) time, O(n × k) space; nodes are split over
  ///   the cores.
  package static func run(
    _ features: [NodeFeature], nodeCount n: Int, topK: Int, cutoff: Double, stop: StopCheck = .never
  ) -> [SimilarPair] {
    guard !features.isEmpty else { return [] }
    let scale = 1 / Double(features.count)
    stop.begin(n)
    let parts = Parallel.map(n, minimum: 64) { _, range in
      var out: [SimilarPair] = []
      var best: [SimilarPair] = []
      for v in range {
        if stop.isStopped() { break }
        best.removeAll(keepingCapacity: true)
        for u in 0..<n where u != v {
          var s = 0.0
          for f in features { s += similarity(f, v, u) }
          s *= scale
          guard s >= cutoff else { continue }
          insert(SimilarPair(first: v, second: u, similarity: s), into: &best, keeping: topK)
        }
        out.append(contentsOf: best)
        stop.advance()
      }
      return out
    }
    return parts.flatMap { $0 }
  }

  /// Adds `pair` to `best` (sorted best first, ties by index, at most `k` long) when it belongs.
  @inline(__always)
  private static func insert(_ pair: SimilarPair, into best: inout [SimilarPair], keeping k: Int) {
    func before(_ a: SimilarPair, _ b: SimilarPair) -> Bool {
      a.similarity > b.similarity || (a.similarity == b.similarity && a.second < b.second)
    }
    if best.count == k, let last = best.last, !before(pair, last) { return }
    var i = best.count
    while i > 0 && before(pair, best[i - 1]) { i -= 1 }
    best.insert(pair, at: i)
    if best.count > k { best.removeLast() }
  }

  /// The similarity of nodes `v` and `u` on one feature.
  package static func similarity(_ f: NodeFeature, _ v: Int, _ u: Int) -> Double {
    switch f {
    case .scalar(let x): return 1 / (1 + abs(x[v] - x[u]))
    case .vectors(let values, let d, let metric):
      return values.withUnsafeBufferPointer { b in
        vectorSimilarity(UnsafeBufferPointer(rebasing: b[(v * d)..<((v + 1) * d)]), UnsafeBufferPointer(rebasing: b[(u * d)..<((u + 1) * d)]), metric)
      }
    case .sets(let sets, let metric): return setSimilarity(sets[v], sets[u], metric)
    }
  }

  private static func vectorSimilarity(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, _ metric: VectorMetric) -> Double {
    switch metric {
    case .cosine:
      var (dot, na, nb) = (0.0, 0.0, 0.0)
      for i in 0..<a.count {
        dot += a[i] * b[i]
        na += a[i] * a[i]
        nb += b[i] * b[i]
      }
      return na > 0 && nb > 0 ? dot / (na.squareRoot() * nb.squareRoot()) : 0
    case .euclidean:
      var sum = 0.0
      for i in 0..<a.count { sum += (a[i] - b[i]) * (a[i] - b[i]) }
      return 1 / (1 + sum.squareRoot())
    case .pearson:
      guard a.count > 0 else { return 0 }
      var (ma, mb) = (0.0, 0.0)
      for i in 0..<a.count {
        ma += a[i]
        mb += b[i]
      }
      ma /= Double(a.count)
      mb /= Double(a.count)
      var (cov, va, vb) = (0.0, 0.0, 0.0)
      for i in 0..<a.count {
        cov += (a[i] - ma) * (b[i] - mb)
        va += (a[i] - ma) * (a[i] - ma)
        vb += (b[i] - mb) * (b[i] - mb)
      }
      return va > 0 && vb > 0 ? cov / (va.squareRoot() * vb.squareRoot()) : 0
    }
  }

  /// Jaccard or overlap of two sorted, duplicate-free lists by a merge.
  private static func setSimilarity(_ a: [Int32], _ b: [Int32], _ metric: SetMetric) -> Double {
    var (i, j, common) = (0, 0, 0)
    while i < a.count && j < b.count {
      if a[i] == b[j] {
        common += 1
        i += 1
        j += 1
      } else if a[i] < b[j] {
        i += 1
      } else {
        j += 1
      }
    }
    switch metric {
    case .jaccard:
      let union = a.count + b.count - common
      return union == 0 ? 1 : Double(common) / Double(union)
    case .overlap:
      let smaller = min(a.count, b.count)
      return smaller == 0 ? 1 : Double(common) / Double(smaller)
    }
  }
}
