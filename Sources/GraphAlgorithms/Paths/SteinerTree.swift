// Minimum directed Steiner tree by the shortest-path heuristic (Takahashi and Matsuyama, as GDS's
// steinerTree without rerouting): the tree starts as the source alone; repeatedly, one Dijkstra
// search from all tree nodes at once finds the terminal nearest to the tree, and the path to it
// joins the tree; terminals the source cannot reach are left out. The tree costs at most
// 2 (1 − 1/k) times the optimum on undirected graphs, and is exact when the terminals lie on one
// shortest-path tree; on directed graphs the heuristic has no constant bound.

/// The outcome of a Steiner tree search.
package struct SteinerResult: Sendable, Equatable {
  /// Tree edges parent → child, in the order they joined the tree (each path from the tree
  /// outwards).
  package var edges: [TreeEdge]
  /// Terminals the source does not reach, by index.
  package var unreached: [Int]
  package var totalWeight: Double { edges.reduce(0) { $0 + $1.weight } }
}

/// Directed Steiner trees.
package enum SteinerTree {
  /// A tree from `source` reaching every reachable node of `terminals` along out-edges; weights
  /// must be non-negative (1 per edge when unweighted).
  /// - Complexity: O(k × (m + n log n)) for k terminals.
  package static func run(_ g: CSRGraph, from source: Int, terminals: [Int], stop: StopCheck = .never) -> SteinerResult {
    let n = g.nodeCount
    var inTree = [Bool](repeating: false, count: n)
    inTree[source] = true
    var wanted = Set(terminals.filter { $0 != source })
    var edges: [TreeEdge] = []
    var distance = [Double](repeating: .infinity, count: n)
    var parentEdge = [Int](repeating: -1, count: n)
    var parent = [Int](repeating: -1, count: n)
    var touched: [Int] = []
    var heap = DistanceHeap()
    stop.begin(wanted.count)
    while !wanted.isEmpty {
      if stop.isStopped() { break }
      for v in touched {
        distance[v] = .infinity
        parent[v] = -1
        parentEdge[v] = -1
      }
      touched.removeAll(keepingCapacity: true)
      heap.removeAll()
      for v in 0..<n where inTree[v] {
        distance[v] = 0
        touched.append(v)
        heap.insert(0, Int32(v))
      }
      var found = -1
      while let top = heap.popMin() {
        let v = Int(top.node)
        if top.distance > distance[v] { continue }
        if wanted.contains(v) {
          found = v
          break
        }
        for e in g.outOffsets[v]..<g.outOffsets[v + 1] {
          let w = Int(g.outTargets[e])
          let alt = top.distance + g.outWeight(e)
          if alt < distance[w] {
            if distance[w] == .infinity { touched.append(w) }
            distance[w] = alt
            parent[w] = v
            parentEdge[w] = e
            heap.insert(alt, Int32(w))
          }
        }
      }
      guard found >= 0 else { break }
      // The path from the tree to the terminal, joined tree-side first.
      var path: [TreeEdge] = []
      var v = found
      while !inTree[v] {
        let e = parentEdge[v]
        path.append(TreeEdge(source: parent[v], target: v, edge: e, weight: g.outWeight(e)))
        v = parent[v]
      }
      for edge in path.reversed() {
        inTree[edge.target] = true
        if wanted.remove(edge.target) != nil { stop.advance() }
        edges.append(edge)
      }
    }
    return SteinerResult(edges: edges, unreached: wanted.sorted())
  }
}
