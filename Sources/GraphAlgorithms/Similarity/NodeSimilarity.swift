// Jaccard, overlap and cosine similarity of nodes' neighbour sets: for each node, the nodes sharing at
// least one neighbour with it are scored, filtered by a cut-off and the best k kept.

/// Neighbour-set similarity measures.
package enum SimilarityMetric: String, Sendable, CaseIterable {
  /// |A ∩ B| / |A ∪ B|.
  case jaccard
  /// |A ∩ B| / min(|A|, |B|).
  case overlap
  /// |A ∩ B| / √(|A| |B|): the cosine of the two neighbour sets' indicator vectors.
  case cosine
}

/// One scored pair of nodes by dense index.
package struct SimilarPair: Sendable, Equatable {
  package var first: Int
  package var second: Int
  package var similarity: Double

  package init(first: Int, second: Int, similarity: Double) {
    self.first = first
    self.second = second
    self.similarity = similarity
  }
}

/// Node similarity over neighbour sets.
package enum NodeSimilarity {
  /// For each node (in index order), its `topK` most similar other nodes with similarity ≥
  /// `cutoff`, best first (ties by index). `rows` are duplicate-free neighbour lists and
  /// `reverse` the same relation reversed.
  /// - Complexity: O(Σ_v Σ_{t ∈ N(v)} |N⁻(t)|), the two-hop wedges, plus sorting candidates.
  package static func run(
    rows: EdgeRows, reverse: EdgeRows, nodeCount n: Int, metric: SimilarityMetric, topK: Int, cutoff: Double
  ) -> [SimilarPair] {
    let parts = Parallel.map(n, minimum: 256) { _, range in
      var common = [Int](repeating: 0, count: n)
      var touched: [Int] = []
      var out: [SimilarPair] = []
      var scored: [SimilarPair] = []
      for v in range {
        let dv = rows.offsets[v + 1] - rows.offsets[v]
        if dv == 0 { continue }
        touched.removeAll(keepingCapacity: true)
        for e in rows.offsets[v]..<rows.offsets[v + 1] {
          let t = Int(rows.targets[e])
          for f in reverse.offsets[t]..<reverse.offsets[t + 1] {
            let u = Int(reverse.targets[f])
            if u == v { continue }
            if common[u] == 0 { touched.append(u) }
            common[u] += 1
          }
        }
        scored.removeAll(keepingCapacity: true)
        for u in touched {
          let du = rows.offsets[u + 1] - rows.offsets[u]
          let c = Double(common[u])
          let sim: Double
          switch metric {
          case .jaccard: sim = c / Double(dv + du - common[u])
          case .overlap: sim = c / Double(min(dv, du))
          case .cosine: sim = c / (Double(dv) * Double(du)).squareRoot()
          }
          common[u] = 0
          if sim >= cutoff { scored.append(SimilarPair(first: v, second: u, similarity: sim)) }
        }
        scored.sort { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.second < $1.second) }
        out.append(contentsOf: scored.prefix(topK))
      }
      return out
    }
    return parts.flatMap { $0 }
  }

  /// Duplicate-free, loop-free rows for `orientation` and their reverse.
  package static func neighbourRows(_ g: CSRGraph, _ orientation: EdgeOrientation) -> (rows: EdgeRows, reverse: EdgeRows) {
    if !g.isDirected || orientation == .both {
      let s = NeighbourSets(g)
      let r = EdgeRows(offsets: s.offsets, targets: s.targets, weights: nil)
      return (r, r)
    }
    let base = orientation == .outgoing ? g.forward : g.backward
    var sources: [Int32] = []
    var targets: [Int32] = []
    var scratch: [Int32] = []
    for v in 0..<g.nodeCount {
      scratch = Array(base.targets[base.offsets[v]..<base.offsets[v + 1]]).filter { Int($0) != v }
      scratch.sort()
      var last: Int32 = -1
      for t in scratch where t != last {
        sources.append(Int32(v))
        targets.append(t)
        last = t
      }
    }
    let simple = CSRGraph(nodeIDs: Array(g.nodeIDs), sources: sources, targets: targets, weights: nil, directed: true)
    return (simple.forward, simple.backward)
  }
}
