// Degree centrality: how many relationships (or how much weight) touch each node, counted on
// outgoing, incoming or both sides.

/// Which side of a node's edges an algorithm counts or follows.
package enum EdgeOrientation: String, Sendable, CaseIterable {
  case outgoing, incoming, both
}

/// Degree of every node.
package enum DegreeCentrality {
  /// Counts (or, when `weighted`, sums the weights of) each node's edges on `orientation`. On an
  /// undirected graph every orientation counts each incident edge once (a self-loop twice, as
  /// networkx does).
  /// - Complexity: O(n + m).
  package static func run(_ g: CSRGraph, orientation: EdgeOrientation, weighted: Bool) -> [Double] {
    var out = [Double](repeating: 0, count: g.nodeCount)
    func add(_ offsets: ContiguousArray<Int>, _ targets: ContiguousArray<Int32>, _ weights: ContiguousArray<Double>?) {
      for v in 0..<g.nodeCount {
        for e in offsets[v]..<offsets[v + 1] {
          let w = weighted ? (weights?[e] ?? 1) : 1
          out[v] += w
          if !g.isDirected && Int(targets[e]) == v { out[v] += w }
        }
      }
    }
    if !g.isDirected {
      add(g.outOffsets, g.outTargets, g.outWeights)
      return out
    }
    if orientation != .incoming { add(g.outOffsets, g.outTargets, g.outWeights) }
    if orientation != .outgoing { add(g.inOffsets, g.inTargets, g.inWeights) }
    return out
  }
}
