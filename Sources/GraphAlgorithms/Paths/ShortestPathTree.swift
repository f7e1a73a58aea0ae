// Single-source shortest paths over dense indices, reusable across many sources: breadth-first
// search for hop counts and Dijkstra with a 4-ary heap for weights. Betweenness, closeness and
// the path procedures all build on it.

/// Scratch arrays for repeated single-source searches on graphs of one size.
package struct ShortestPathTree {
  /// Distance from the source; `.infinity` when unreached.
  package var distance: ContiguousArray<Double>
  /// Number of shortest paths from the source (as a Double: counts can overflow integers).
  package var sigma: ContiguousArray<Double>
  /// Predecessor on one shortest path, or -1.
  package var parent: ContiguousArray<Int32>
  /// Reached nodes in order of non-decreasing distance.
  package var order: ContiguousArray<Int32>
  /// Every node given a distance by the last search (settled or not), for a cheap reset.
  private var touched: ContiguousArray<Int32>
  private var settled: ContiguousArray<Bool>
  private var queue: ContiguousArray<Int32>
  private var heap = DistanceHeap()

  package init(nodeCount n: Int) {
    distance = ContiguousArray(repeating: .infinity, count: n)
    sigma = ContiguousArray(repeating: 0, count: n)
    parent = ContiguousArray(repeating: -1, count: n)
    settled = ContiguousArray(repeating: false, count: n)
    order = []
    order.reserveCapacity(n)
    touched = []
    touched.reserveCapacity(n)
    queue = ContiguousArray(repeating: 0, count: n)
  }

  private mutating func reset() {
    for v in touched {
      distance[Int(v)] = .infinity
      sigma[Int(v)] = 0
      parent[Int(v)] = -1
      settled[Int(v)] = false
    }
    touched.removeAll(keepingCapacity: true)
    order.removeAll(keepingCapacity: true)
  }

  /// Breadth-first search from `source` along `rows`, counting shortest paths; nodes at
  /// `maxDepth` are reached but not expanded.
  /// - Complexity: O(reached nodes + their edges).
  package mutating func bfs(from source: Int, _ rows: EdgeRows, maxDepth: Double = .infinity) {
    reset()
    distance[source] = 0
    sigma[source] = 1
    order.append(Int32(source))
    touched.append(Int32(source))
    var head = 0
    var tail = 0
    queue[tail] = Int32(source)
    tail += 1
    rows.offsets.withUnsafeBufferPointer { off in
      rows.targets.withUnsafeBufferPointer { tgt in
        while head < tail {
          let v = Int(queue[head])
          head += 1
          let dv = distance[v]
          if dv >= maxDepth { continue }
          let sv = sigma[v]
          for e in off[v]..<off[v + 1] {
            let w = Int(tgt[e])
            if distance[w] == .infinity {
              distance[w] = dv + 1
              parent[w] = Int32(v)
              queue[tail] = Int32(w)
              tail += 1
              order.append(Int32(w))
              touched.append(Int32(w))
            }
            if distance[w] == dv + 1 { sigma[w] += sv }
          }
        }
      }
    }
  }

  /// Dijkstra from `source` along `rows` with their weights (which must be non-negative),
  /// counting shortest paths; stops once `target` is settled.
  /// - Complexity: O((n + m) log n).
  package mutating func dijkstra(from source: Int, _ rows: EdgeRows, target: Int? = nil) {
    reset()
    heap.removeAll()
    distance[source] = 0
    sigma[source] = 1
    touched.append(Int32(source))
    heap.insert(0, Int32(source))
    while let top = heap.popMin() {
      let v = Int(top.node)
      if settled[v] || top.distance > distance[v] { continue }
      settled[v] = true
      order.append(Int32(v))
      if v == target { break }
      let dv = top.distance
      let sv = sigma[v]
      for e in rows.offsets[v]..<rows.offsets[v + 1] {
        let w = Int(rows.targets[e])
        if settled[w] { continue }
        let alt = dv + rows.weight(e)
        if alt < distance[w] {
          if distance[w] == .infinity { touched.append(Int32(w)) }
          distance[w] = alt
          sigma[w] = sv
          parent[w] = Int32(v)
          heap.insert(alt, Int32(w))
        } else if alt == distance[w] {
          sigma[w] += sv
        }
      }
    }
  }

  /// Node indices from the source to `target` along parents, or nil when unreached.
  package func path(to target: Int) -> [Int]? {
    guard distance[target] < .infinity else { return nil }
    var nodes = [target]
    var v = target
    while parent[v] >= 0 {
      v = Int(parent[v])
      nodes.append(v)
    }
    return nodes.reversed()
  }
}
