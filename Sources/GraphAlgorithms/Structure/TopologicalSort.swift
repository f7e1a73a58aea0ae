// Directed acyclic graphs: a topological order by Kahn's algorithm (the ready node with the lowest
// index first, so the order is networkx's `lexicographical_topological_sort`), and the longest
// path ending at each node, relaxed in that order. Nodes on a cycle, or reachable from one, have
// no place in the order, as in GDS.

/// Topological order and longest paths of a directed graph.
package enum TopologicalSort {
  /// The nodes that are on no cycle and reachable from none, in topological order; the graph is
  /// acyclic exactly when every node is listed.
  /// - Complexity: O(m + n log n).
  package static func order(_ g: CSRGraph) -> [Int] {
    let n = g.nodeCount
    var remaining = (0..<n).map { g.inDegree($0) }
    var ready = MinHeap()
    for v in 0..<n where remaining[v] == 0 { ready.push(v) }
    var order: [Int] = []
    order.reserveCapacity(n)
    while let v = ready.pop() {
      order.append(v)
      for e in g.outOffsets[v]..<g.outOffsets[v + 1] {
        let t = Int(g.outTargets[e])
        remaining[t] -= 1
        if remaining[t] == 0 { ready.push(t) }
      }
    }
    return order
  }

  /// For each node the cost of the longest (greatest total weight; edge count when unweighted)
  /// path ending at it, and the forward edge slot of the last edge of that path (-1 for none).
  /// The path of no edges counts, so no cost is below 0 (as networkx's `dag_longest_path`, which
  /// starts afresh where every way in is negative). Nodes outside `order` get infinity.
  /// - Complexity: O(n + m).
  package static func longestPaths(_ g: CSRGraph, order: [Int]) -> (distance: [Double], via: [Int]) {
    var distance = [Double](repeating: .infinity, count: g.nodeCount)
    var via = [Int](repeating: -1, count: g.nodeCount)
    for v in order { distance[v] = 0 }
    for v in order {
      for e in g.outOffsets[v]..<g.outOffsets[v + 1] {
        let t = Int(g.outTargets[e])
        let d = distance[v] + g.outWeight(e)
        if d > distance[t] {
          distance[t] = d
          via[t] = e
        }
      }
    }
    return (distance, via)
  }
}

/// A binary min-heap of node indices (the ready set of the topological sort).
private struct MinHeap {
  private var items: [Int] = []

  mutating func push(_ x: Int) {
    items.append(x)
    var i = items.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      guard items[parent] > items[i] else { break }
      items.swapAt(parent, i)
      i = parent
    }
  }

  mutating func pop() -> Int? {
    guard let first = items.first else { return nil }
    let last = items.removeLast()
    guard !items.isEmpty else { return first }
    items[0] = last
    var i = 0
    while true {
      let l = 2 * i + 1
      let r = l + 1
      var smallest = i
      if l < items.count && items[l] < items[smallest] { smallest = l }
      if r < items.count && items[r] < items[smallest] { smallest = r }
      if smallest == i { break }
      items.swapAt(i, smallest)
      i = smallest
    }
    return first
  }
}
