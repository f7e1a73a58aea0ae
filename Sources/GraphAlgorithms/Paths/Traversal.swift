// Breadth-first and depth-first visiting orders from a source node, without recursion, so that
// long chains cannot overflow the stack.

/// Graph traversal orders.
package enum Traversal {
  /// Nodes in breadth-first order with their hop depth, visiting neighbours in row order (as
  /// networkx's `bfs_tree`), up to `maxDepth` hops.
  /// - Complexity: O(n + m).
  package static func bfs(_ rows: EdgeRows, nodeCount n: Int, from source: Int, maxDepth: Int = .max) -> [(node: Int, depth: Int)] {
    var depth = ContiguousArray<Int>(repeating: -1, count: n)
    var out: [(node: Int, depth: Int)] = [(source, 0)]
    depth[source] = 0
    var head = 0
    while head < out.count {
      let (v, d) = out[head]
      head += 1
      if d >= maxDepth { continue }
      for e in rows.offsets[v]..<rows.offsets[v + 1] {
        let w = Int(rows.targets[e])
        if depth[w] < 0 {
          depth[w] = d + 1
          out.append((w, d + 1))
        }
      }
    }
    return out
  }

  /// Nodes in depth-first preorder with their depth in the search tree, as networkx's
  /// `dfs_preorder_nodes` with `depth_limit`.
  /// - Complexity: O(n + m), with an explicit stack.
  package static func dfs(_ rows: EdgeRows, nodeCount n: Int, from source: Int, maxDepth: Int = .max) -> [(node: Int, depth: Int)] {
    var visited = ContiguousArray<Bool>(repeating: false, count: n)
    var out: [(node: Int, depth: Int)] = [(source, 0)]
    visited[source] = true
    var stack: [(node: Int, next: Int)] = [(source, rows.offsets[source])]
    while let top = stack.last {
      let v = top.node
      let end = rows.offsets[v + 1]
      var e = top.next
      var pushed = false
      while e < end {
        let w = Int(rows.targets[e])
        e += 1
        if !visited[w] {
          stack[stack.count - 1].next = e
          visited[w] = true
          out.append((w, stack.count))
          if stack.count < maxDepth { stack.append((w, rows.offsets[w])) }
          pushed = true
          break
        }
      }
      if !pushed { stack.removeLast() }
    }
    return out
  }
}
