// Maximum flow and minimum cut by Dinic's algorithm: breadth-first levels over the residual graph,
// then blocking flows along level-increasing edges (an iterative search with a per-node edge
// cursor). Each directed edge is a residual arc paired with its reverse; an undirected graph's
// edges carry their capacity both ways. The source side of the minimum cut is what the source
// still reaches in the final residual graph.

/// Maximum flow between two nodes.
package enum MaxFlow {
  /// The value of a maximum flow from `source` to `sink` with edge weights as capacities (1 when
  /// unweighted; negative ones count as 0), and the nodes on the source side of a minimum cut.
  /// - Complexity: O(n² m) worst case; far less on sparse graphs in practice.
  package static func run(_ g: CSRGraph, from source: Int, to sink: Int, stop: StopCheck = .never) -> (value: Double, sourceSide: [Int]) {
    let n = g.nodeCount
    // Residual arcs: arc 2i is edge slot i forward, arc 2i + 1 its reverse.
    var head = [Int32](repeating: 0, count: 2 * g.edgeCount)
    var capacity = [Double](repeating: 0, count: 2 * g.edgeCount)
    var arcs = [[Int]](repeating: [], count: n)
    for v in 0..<n {
      for e in g.outOffsets[v]..<g.outOffsets[v + 1] {
        let t = Int(g.outTargets[e])
        head[2 * e] = Int32(t)
        head[2 * e + 1] = Int32(v)
        capacity[2 * e] = max(0, g.outWeight(e))
        arcs[v].append(2 * e)
        arcs[t].append(2 * e + 1)
      }
    }
    var level = [Int](repeating: -1, count: n)
    var total = 0.0
    guard source != sink else { return (0, [source]) }
    while !stop.isStopped() {
      level = levels(from: source, arcs, head, capacity, n)
      guard level[sink] >= 0 else { break }
      var cursor = [Int](repeating: 0, count: n)
      while true {
        let pushed = augment(source, sink, arcs, head, &capacity, level, &cursor)
        if pushed <= 0 { break }
        total += pushed
      }
    }
    let reached = levels(from: source, arcs, head, capacity, n)
    return (total, (0..<n).filter { reached[$0] >= 0 })
  }

  /// Breadth-first distance from `source` over arcs with capacity left (-1 where unreached).
  private static func levels(from source: Int, _ arcs: [[Int]], _ head: [Int32], _ capacity: [Double], _ n: Int) -> [Int] {
    var level = [Int](repeating: -1, count: n)
    level[source] = 0
    var queue = [source]
    var i = 0
    while i < queue.count {
      let v = queue[i]
      i += 1
      for a in arcs[v] where capacity[a] > 1e-12 && level[Int(head[a])] < 0 {
        level[Int(head[a])] = level[v] + 1
        queue.append(Int(head[a]))
      }
    }
    return level
  }

  /// Pushes flow along one path of increasing level from `source` to `sink` (found by an
  /// iterative search that advances each node's cursor past dead arcs); returns the amount.
  private static func augment(
    _ source: Int, _ sink: Int, _ arcs: [[Int]], _ head: [Int32], _ capacity: inout [Double], _ level: [Int],
    _ cursor: inout [Int]
  ) -> Double {
    var path: [Int] = []
    var v = source
    while v != sink {
      var advanced = false
      while cursor[v] < arcs[v].count {
        let a = arcs[v][cursor[v]]
        let w = Int(head[a])
        if capacity[a] > 1e-12 && level[w] == level[v] + 1 {
          path.append(a)
          v = w
          advanced = true
          break
        }
        cursor[v] += 1
      }
      if advanced { continue }
      // Dead end: retreat one arc and skip it from now on.
      guard let last = path.popLast() else { return 0 }
      v = Int(head[last ^ 1])
      cursor[v] += 1
    }
    let amount = path.reduce(Double.infinity) { min($0, capacity[$1]) }
    for a in path {
      capacity[a] -= amount
      capacity[a ^ 1] += amount
    }
    return amount
  }
}
