// Greedy node colouring (what GDS calls K-1 colouring): each node, in index order, takes the
// smallest colour none of its already-coloured neighbours has. The result is a proper colouring
// with at most Δ + 1 colours, the same as networkx's `greedy_color` visiting nodes in index order.

/// Greedy colouring of the simple undirected graph.
package enum Coloring {
  /// A colour 0, 1, 2, … per node such that no two neighbours share one.
  /// - Complexity: O(n + m).
  package static func greedy(_ s: NeighbourSets) -> [Int] {
    let n = s.offsets.count - 1
    var color = [Int](repeating: -1, count: n)
    // usedBy[c] == v marks colour c as taken by a neighbour of v.
    var usedBy = [Int](repeating: -1, count: n + 1)
    for v in 0..<n {
      for e in s.offsets[v]..<s.offsets[v + 1] {
        let c = color[Int(s.targets[e])]
        if c >= 0 { usedBy[c] = v }
      }
      var c = 0
      while usedBy[c] == v { c += 1 }
      color[v] = c
    }
    return color
  }
}
