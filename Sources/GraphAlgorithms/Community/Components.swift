// Connected components: weakly connected by union–find over every edge, strongly connected by an
// iterative Tarjan search (an explicit stack, so long chains cannot overflow the call stack).

/// Connected components, each node labelled with a component number.
package enum Components {
  /// Component numbers 0..<k for the weakly connected components, numbered in order of each
  /// component's lowest node index.
  /// - Complexity: O(n + m α(n)).
  package static func weak(_ g: CSRGraph) -> [Int] {
    var sets = UnionFind(g.nodeCount)
    for v in 0..<g.nodeCount {
      for e in g.outOffsets[v]..<g.outOffsets[v + 1] { sets.union(v, Int(g.outTargets[e])) }
    }
    return renumber((0..<g.nodeCount).map { sets.find($0) })
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
