// Yen's algorithm for the k cheapest loopless paths between two nodes: each new path deviates from
// a previous one at a spur node, found by Dijkstra with the shared prefix's nodes and the edges
// already used there removed.

/// Yen's k shortest loopless paths.
package enum KShortestPaths {
  /// Up to `k` cheapest loopless paths from `source` to `target`, cheapest first.
  /// - Complexity: O(k × n × (m + n log n)).
  package static func yen(_ g: CSRGraph, from source: Int, to target: Int, k: Int) -> [IndexPath] {
    guard k > 0, let first = WeightedPaths.singlePair(g, from: source, to: target) else { return [] }
    var found = [first]
    var candidates: [IndexPath] = []
    var search = SpurSearch(g)
    while found.count < k {
      let last = found[found.count - 1]
      for i in 0..<(last.nodes.count - 1) {
        let spur = last.nodes[i]
        let rootNodes = Array(last.nodes[0...i])
        let rootEdges = Array(last.edges[0..<i])
        var blockedEdges: [Int] = []
        for p in found where p.nodes.count > i && Array(p.nodes[0...i]) == rootNodes { blockedEdges.append(p.edges[i]) }
        for p in candidates where p.nodes.count > i && Array(p.nodes[0...i]) == rootNodes { blockedEdges.append(p.edges[i]) }
        guard let spurPath = search.run(from: spur, to: target, blockedNodes: rootNodes.dropLast(), blockedEdges: blockedEdges)
        else { continue }
        let base = last.costs[i]
        let candidate = IndexPath(
          nodes: rootNodes + spurPath.nodes.dropFirst(), edges: rootEdges + spurPath.edges,
          costs: Array(last.costs[0...i]) + spurPath.costs.dropFirst().map { $0 + base })
        if !candidates.contains(where: { $0.edges == candidate.edges }) && !found.contains(where: { $0.edges == candidate.edges }) {
          candidates.append(candidate)
        }
      }
      guard let best = candidates.indices.min(by: { lhs, rhs in
        let (a, b) = (candidates[lhs], candidates[rhs])
        return a.totalCost < b.totalCost || (a.totalCost == b.totalCost && a.nodes.count < b.nodes.count)
      }) else { break }
      found.append(candidates.remove(at: best))
    }
    return found
  }
}

/// Dijkstra with some nodes and edge slots removed, over flat arrays reused between spur searches.
private struct SpurSearch {
  let g: CSRGraph
  var distance: [Double]
  var via: [Int32]
  var viaEdge: [Int]
  var done: [Bool]
  var blockedNode: [Bool]
  var blockedEdge: [Bool]
  var touched: [Int] = []
  var heap = DistanceHeap()

  init(_ g: CSRGraph) {
    self.g = g
    distance = [Double](repeating: .infinity, count: g.nodeCount)
    via = [Int32](repeating: -1, count: g.nodeCount)
    viaEdge = [Int](repeating: -1, count: g.nodeCount)
    done = [Bool](repeating: false, count: g.nodeCount)
    blockedNode = [Bool](repeating: false, count: g.nodeCount)
    blockedEdge = [Bool](repeating: false, count: g.edgeCount)
  }

  /// A cheapest path from `source` to `target` avoiding the blocked nodes and edge slots.
  mutating func run(from source: Int, to target: Int, blockedNodes: ArraySlice<Int>, blockedEdges: [Int]) -> IndexPath? {
    for v in blockedNodes { blockedNode[v] = true }
    for e in blockedEdges { blockedEdge[e] = true }
    defer {
      for v in blockedNodes { blockedNode[v] = false }
      for e in blockedEdges { blockedEdge[e] = false }
      for v in touched {
        distance[v] = .infinity
        via[v] = -1
        viaEdge[v] = -1
        done[v] = false
      }
      touched.removeAll(keepingCapacity: true)
      heap.removeAll()
    }
    distance[source] = 0
    touched.append(source)
    heap.insert(0, Int32(source))
    while let top = heap.popMin() {
      let v = Int(top.node)
      if done[v] { continue }
      done[v] = true
      if v == target { break }
      for e in g.outOffsets[v]..<g.outOffsets[v + 1] where !blockedEdge[e] {
        let w = Int(g.outTargets[e])
        if blockedNode[w] || done[w] { continue }
        let alt = top.distance + g.outWeight(e)
        if alt < distance[w] {
          if distance[w] == .infinity { touched.append(w) }
          distance[w] = alt
          via[w] = Int32(v)
          viaEdge[w] = e
          heap.insert(alt, Int32(w))
        }
      }
    }
    guard done[target] else { return nil }
    var nodes = [target]
    var edges: [Int] = []
    var costs = [distance[target]]
    var v = target
    while via[v] >= 0 {
      edges.append(viaEdge[v])
      v = Int(via[v])
      nodes.append(v)
      costs.append(distance[v])
    }
    return IndexPath(nodes: nodes.reversed(), edges: edges.reversed(), costs: costs.reversed())
  }
}
