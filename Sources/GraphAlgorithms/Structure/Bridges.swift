// Bridges and articulation points of an undirected graph by one iterative depth-first search
// (Hopcroft–Tarjan low points, with an explicit stack so that long chains cannot overflow the call
// stack). Parallel relationships are told apart by edge index, so a doubled edge is no bridge.

/// Bridges (edges whose removal disconnects their ends) and articulation points (nodes whose
/// removal adds a component).
package enum Bridges {
  /// A bridge: its ends as dense indices (`source` found first by the search) and its forward
  /// edge slot.
  package struct Bridge: Sendable, Hashable {
    package let source: Int
    package let target: Int
    package let slot: Int
  }

  /// The bridges and a flag per node telling whether it is an articulation point, of `g` seen
  /// as undirected (`g` must be undirected: derive one with `undirected()`). Self-loops are
  /// ignored.
  /// - Complexity: O(n + m).
  package static func run(_ g: CSRGraph) -> (bridges: [Bridge], articulation: [Bool]) {
    // Unreachable from input: both callers (bridges, articulationPoints) pass `undirected()`.
    precondition(!g.isDirected, "bridges need an undirected graph")
    let n = g.nodeCount
    var discovered = [Int](repeating: -1, count: n)
    var low = [Int](repeating: 0, count: n)
    var articulation = [Bool](repeating: false, count: n)
    var bridges: [Bridge] = []
    /// A node on the search path: the edge index it was reached by, the slot of that edge in its
    /// parent's row, and the next slot of its own row to look at.
    var stack: [(node: Int, parentEdge: Int32, parentSlot: Int, next: Int)] = []
    var time = 0
    for root in 0..<n where discovered[root] < 0 {
      discovered[root] = time
      low[root] = time
      time += 1
      var rootChildren = 0
      stack.append((root, -1, -1, g.outOffsets[root]))
      while var top = stack.popLast() {
        let v = top.node
        if top.next < g.outOffsets[v + 1] {
          let e = top.next
          top.next += 1
          stack.append(top)
          let w = Int(g.outTargets[e])
          let edge = g.outEdgeIndices[e]
          if w == v || edge == top.parentEdge { continue }
          if discovered[w] < 0 {
            discovered[w] = time
            low[w] = time
            time += 1
            if v == root { rootChildren += 1 }
            stack.append((w, edge, e, g.outOffsets[w]))
          } else {
            low[v] = min(low[v], discovered[w])
          }
          continue
        }
        guard let parent = stack.last?.node else { continue }
        low[parent] = min(low[parent], low[v])
        if low[v] > discovered[parent] { bridges.append(Bridge(source: parent, target: v, slot: top.parentSlot)) }
        if parent != root && low[v] >= discovered[parent] { articulation[parent] = true }
      }
      if rootChildren > 1 { articulation[root] = true }
    }
    return (bridges, articulation)
  }
}
