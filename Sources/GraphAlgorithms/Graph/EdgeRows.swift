// A view of one direction of a CSR graph's rows (forward or reverse), so that one traversal routine
// can follow out-edges or in-edges.

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
}
