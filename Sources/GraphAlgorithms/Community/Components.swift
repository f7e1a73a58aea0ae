// Connected components: weakly connected by breadth-first sweeps, strongly connected by an
// iterative Tarjan search (an explicit stack, so long chains cannot overflow the call stack).

/// Connected components, each node labelled with a component number.
package enum Components {
  /// Component numbers 0..<k for the weakly connected components, numbered in order of each
  /// component's lowest node index: a breadth-first sweep from each node not reached yet, over
  /// outgoing and (on a directed graph) incoming edges, which reads the rows in order.
  /// - Complexity: O(n + m).
  package static func weak(_ g: CSRGraph) -> [Int] {
    let n = g.nodeCount
    var component = [Int](repeating: -1, count: n)
    var queue = [Int32](repeating: 0, count: n)
    var next = 0
    component.withUnsafeMutableBufferPointer { component in
      queue.withUnsafeMutableBufferPointer { queue in
        for root in 0..<n where component[root] < 0 {
          component[root] = next
          queue[0] = Int32(root)
          var head = 0
          var tail = 1
          func visit(_ offsets: UnsafeBufferPointer<Int>, _ targets: UnsafeBufferPointer<Int32>, _ v: Int) {
            for e in offsets[v]..<offsets[v + 1] {
              let w = Int(targets[e])
              if component[w] < 0 {
                component[w] = next
                queue[tail] = Int32(w)
                tail += 1
              }
            }
          }
          g.outOffsets.withUnsafeBufferPointer { outOffsets in
            g.outTargets.withUnsafeBufferPointer { outTargets in
              g.inOffsets.withUnsafeBufferPointer { inOffsets in
                g.inTargets.withUnsafeBufferPointer { inTargets in
                  while head < tail {
                    let v = Int(queue[head])
                    head += 1
                    visit(outOffsets, outTargets, v)
                    if g.isDirected { visit(inOffsets, inTargets, v) }
                  }
                }
              }
            }
          }
          next += 1
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
    var index = ContiguousArray<Int>(repeating: -1, count: n)
    var low = ContiguousArray<Int>(repeating: 0, count: n)
    var onStack = ContiguousArray<Bool>(repeating: false, count: n)
    var component = [Int](repeating: -1, count: n)
    var stack: [Int] = []
    var calls: [(node: Int, next: Int)] = []
    var counter = 0
    var components = 0
    for root in 0..<n where index[root] < 0 {
      calls.append((root, g.outOffsets[root]))
      index[root] = counter
      low[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true
      while let frame = calls.last {
        let v = frame.node
        if frame.next < g.outOffsets[v + 1] {
          calls[calls.count - 1].next += 1
          let w = Int(g.outTargets[frame.next])
          if index[w] < 0 {
            index[w] = counter
            low[w] = counter
            counter += 1
            stack.append(w)
            onStack[w] = true
            calls.append((w, g.outOffsets[w]))
          } else if onStack[w] {
            low[v] = min(low[v], index[w])
          }
          continue
        }
        calls.removeLast()
        if let parent = calls.last { low[parent.node] = min(low[parent.node], low[v]) }
        if low[v] == index[v] {
          while let w = stack.popLast() {
            onStack[w] = false
            component[w] = components
            if w == v { break }
          }
          components += 1
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
