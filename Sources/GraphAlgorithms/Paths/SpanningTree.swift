// Minimum spanning forest of the graph seen as undirected, by Kruskal's algorithm over the edges
// sorted by weight (ties by endpoint order, for a stable answer).

/// One edge of a spanning tree, by dense indices and forward edge slot.
package struct TreeEdge: Sendable, Equatable {
  package var source: Int
  package var target: Int
  package var edge: Int
  package var weight: Double
}

/// Minimum spanning trees.
package enum SpanningTree {
  /// The edges of a minimum spanning forest (one tree per connected component).
  /// - Complexity: O(m log m).
  package static func kruskal(_ g: CSRGraph, maximum: Bool = false) -> [TreeEdge] {
    var edges: [TreeEdge] = []
    for v in 0..<g.nodeCount {
      for e in g.outOffsets[v]..<g.outOffsets[v + 1] {
        let w = Int(g.outTargets[e])
        if g.isDirected || v < w { edges.append(TreeEdge(source: v, target: w, edge: e, weight: g.outWeight(e))) }
      }
    }
    edges.sort { a, b in
      if a.weight != b.weight { return maximum ? a.weight > b.weight : a.weight < b.weight }
      return (a.source, a.target) < (b.source, b.target)
    }
    var sets = UnionFind(g.nodeCount)
    var tree: [TreeEdge] = []
    for e in edges where e.source != e.target && sets.union(e.source, e.target) {
      tree.append(e)
      if tree.count == g.nodeCount - 1 { break }
    }
    return tree
  }
}
