// Connected components: weakly connected by union–find over the rows, strongly connected by an
// iterative Tarjan search (an explicit stack, so long chains cannot overflow the call stack).

/// Connected components, each node labelled with a component number.
package enum Components {
  /// Component numbers 0..<k for the weakly connected components, numbered in order of each
  /// component's lowest node index. Union–find over the forward rows, read in node order: each
  /// edge is joined once (a directed graph's out-edges cover every edge, and an undirected row
  /// lists each edge at both ends, so only the end with the larger index joins it). A set's
  /// representative is always its lowest node index, so one pass in node order numbers them.
  /// - Complexity: O(n + m α(n)) in practice (path halving, linking to the lower index).
  package static func weak(_ g: CSRGraph) -> [Int] {
    let n = g.nodeCount
    var parent = ContiguousArray<Int32>(unsafeUninitializedCapacity: n) { buffer, count in
      for v in 0..<n { buffer.initializeElement(at: v, to: Int32(truncatingIfNeeded: v)) }
      count = n
    }
    var component = [Int](repeating: 0, count: n)
    let directed = g.isDirected
    parent.withUnsafeMutableBufferPointer { parent in
      /// The representative of `x`'s set, halving the path on the way.
      func find(_ x: Int32) -> Int32 {
        var x = x
        while parent[Int(x)] != x {
          let up = parent[Int(parent[Int(x)])]
          parent[Int(x)] = up
          x = up
        }
        return x
      }
      g.outOffsets.withUnsafeBufferPointer { offsets in
        g.outTargets.withUnsafeBufferPointer { targets in
          for v in 0..<n {
            var root = find(Int32(truncatingIfNeeded: v))
            for e in offsets[v]..<offsets[v + 1] {
              let t = targets[e]
              if !directed && Int(t) >= v { continue }
              let other = find(t)
              if other == root { continue }
              if other < root {
                parent[Int(root)] = other
                root = other
              } else {
                parent[Int(other)] = root
              }
            }
          }
        }
      }
      var next = 0
      for v in 0..<n {
        let root = Int(find(Int32(truncatingIfNeeded: v)))
        if root == v {
          component[v] = next
          next += 1
        } else {
          component[v] = component[root]
        }
      }
    }
    return component
  }

  /// Component numbers for the strongly connected components (weak ones on an undirected graph),
  /// numbered in order of each component's lowest node index.
  /// - Complexity: O(n + m).
  package static func strong(_ g: CSRGraph) -> [Int] {
    guard g.isDirected else { return weak(g) }
    let n = g.nodeCount
    // Visit order of each node (-1: not yet visited), the lowest visit order it reaches, and its
    // component (-1 while it is on the stack of the open search).
    var order = ContiguousArray<Int32>(repeating: -1, count: n)
    var low = ContiguousArray<Int32>(repeating: 0, count: n)
    var component = [Int](repeating: -1, count: n)
    // The open search: nodes not yet assigned, and per active call its node and next edge.
    var stack = ContiguousArray<Int32>(repeating: 0, count: n)
    var callNode = ContiguousArray<Int32>(repeating: 0, count: n)
    var callEdge = ContiguousArray<Int>(repeating: 0, count: n)
    g.outOffsets.withUnsafeBufferPointer { offsets in
      g.outTargets.withUnsafeBufferPointer { targets in
        order.withUnsafeMutableBufferPointer { order in
          low.withUnsafeMutableBufferPointer { low in
            component.withUnsafeMutableBufferPointer { component in
              stack.withUnsafeMutableBufferPointer { stack in
                callNode.withUnsafeMutableBufferPointer { callNode in
                  callEdge.withUnsafeMutableBufferPointer { callEdge in
                    var counter: Int32 = 0
                    var components = 0
                    var top = 0
                    var calls = 0
                    /// Numbers `v` and puts it on the stack of the open search.
                    func visit(_ v: Int) {
                      order[v] = counter
                      low[v] = counter
                      counter += 1
                      stack[top] = Int32(truncatingIfNeeded: v)
                      top += 1
                    }
                    for root in 0..<n where order[root] < 0 {
                      // The current call's node and edge range live in locals; a call's frame is
                      // saved only when the search goes deeper.
                      var v = root
                      var e = offsets[root]
                      var end = offsets[root + 1]
                      visit(root)
                      while true {
                        while e < end {
                          let w = Int(targets[e])
                          e += 1
                          if order[w] < 0 {
                            callNode[calls] = Int32(truncatingIfNeeded: v)
                            callEdge[calls] = e
                            calls += 1
                            visit(w)
                            v = w
                            e = offsets[w]
                            end = offsets[w + 1]
                          } else if component[w] < 0 {
                            // On the stack: part of the open search.
                            low[v] = min(low[v], order[w])
                          }
                        }
                        if low[v] == order[v] {
                          while top > 0 {
                            top -= 1
                            let w = Int(stack[top])
                            component[w] = components
                            if w == v { break }
                          }
                          components += 1
                        }
                        if calls == 0 { break }
                        calls -= 1
                        let parent = Int(callNode[calls])
                        low[parent] = min(low[parent], low[v])
                        v = parent
                        e = callEdge[calls]
                        end = offsets[v + 1]
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return renumber(component)
  }

  /// Relabels component keys (non-negative, typically node indices) as 0..<k in order of first
  /// appearance by node index.
  /// - Complexity: O(n + largest key), with a flat table.
  package static func renumber(_ keys: [Int]) -> [Int] {
    var table = [Int](repeating: -1, count: (keys.max() ?? -1) + 1)
    var next = 0
    return keys.map { key in
      if key < 0 { return key }
      if table[key] < 0 {
        table[key] = next
        next += 1
      }
      return table[key]
    }
  }
}
