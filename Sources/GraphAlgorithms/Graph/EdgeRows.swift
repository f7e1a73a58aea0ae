// A view of one direction of a CSR graph's rows (forward or reverse), so that traversals can follow
// out-edges, in-edges or, on a directed graph, both without duplicating their loops.

/// One direction of adjacency: offsets, targets and optional weights.
package struct EdgeRows: Sendable {
  package let offsets: ContiguousArray<Int>
  package let targets: ContiguousArray<Int32>
  package let weights: ContiguousArray<Double>?

  package init(offsets: ContiguousArray<Int>, targets: ContiguousArray<Int32>, weights: ContiguousArray<Double>?) {
    self.offsets = offsets
    self.targets = targets
    self.weights = weights
  }

  @inline(__always) package func weight(_ e: Int) -> Double { weights?[e] ?? 1 }
}

extension CSRGraph {
  /// Rows following out-edges.
  package var forward: EdgeRows { EdgeRows(offsets: outOffsets, targets: outTargets, weights: outWeights) }
  /// Rows following in-edges.
  package var backward: EdgeRows { EdgeRows(offsets: inOffsets, targets: inTargets, weights: inWeights) }

  /// Rows for `orientation`; `.both` on a directed graph builds the undirected rows (O(n + m)).
  package func rows(_ orientation: EdgeOrientation) -> EdgeRows {
    if !isDirected { return forward }
    switch orientation {
    case .outgoing: return forward
    case .incoming: return backward
    case .both: return undirected().forward
    }
  }
}
