// Yen's algorithm for the k cheapest loopless paths between two nodes: each new path deviates from
// a previous one at a spur node, found by Dijkstra with the shared prefix's nodes and the edges
// already used there removed.
import Collections

/// Yen's k shortest loopless paths.
package enum KShortestPaths {
  /// Up to `k` cheapest loopless paths from `source` to `target`, cheapest first.
  /// - Complexity: O(k × n × (m + n log n)).
  package static func yen(_ g: CSRGraph, from source: Int, to target: Int, k: Int) -> [IndexPath] {
    guard k > 0, let first = WeightedPaths.singlePair(g, from: source, to: target) else { return [] }
    var found = [first]
    var candidates: [IndexPath] = []
    var blockedNodes = ContiguousArray<Bool>(repeating: false, count: g.nodeCount)
    while found.count < k {
      let last = found[found.count - 1]
      for i in 0..<(last.nodes.count - 1) {
        let spur = last.nodes[i]
        let rootNodes = Array(last.nodes[0...i])
        let rootEdges = Array(last.edges[0..<i])
        var blockedEdges = Set<Int>()
        for p in found where p.nodes.count > i && Array(p.nodes[0...i]) == rootNodes { blockedEdges.insert(p.edges[i]) }
        for p in candidates where p.nodes.count > i && Array(p.nodes[0...i]) == rootNodes { blockedEdges.insert(p.edges[i]) }
        for v in rootNodes.dropLast() { blockedNodes[v] = true }
        defer { for v in rootNodes.dropLast() { blockedNodes[v] = false } }
        guard let spurPath = restrictedDijkstra(g, spur, target, blockedNodes, blockedEdges) else { continue }
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

  /// Dijkstra that skips blocked nodes and edge slots, returning the path found.
  private static func restrictedDijkstra(
    _ g: CSRGraph, _ source: Int, _ target: Int, _ blockedNodes: ContiguousArray<Bool>, _ blockedEdges: Set<Int>
  ) -> IndexPath? {
    var dist: [Int: Double] = [source: 0]
    var via: [Int: (node: Int, edge: Int)] = [:]
    var done = Set<Int>()
    var heap = Heap<HeapEntry>()
    heap.insert(HeapEntry(distance: 0, node: Int32(source)))
    while let top = heap.popMin() {
      let v = Int(top.node)
      if !done.insert(v).inserted { continue }
      if v == target { break }
      for e in g.outOffsets[v]..<g.outOffsets[v + 1] where !blockedEdges.contains(e) {
        let w = Int(g.outTargets[e])
        if blockedNodes[w] || done.contains(w) { continue }
        let alt = top.distance + g.outWeight(e)
        if alt < dist[w, default: .infinity] {
          dist[w] = alt
          via[w] = (v, e)
          heap.insert(HeapEntry(distance: alt, node: Int32(w)))
        }
      }
    }
    guard let total = dist[target], done.contains(target) else { return nil }
    var nodes = [target]
    var edges: [Int] = []
    var costs = [total]
    var v = target
    while let step = via[v] {
      edges.append(step.edge)
      nodes.append(step.node)
      costs.append(dist[step.node] ?? 0)
      v = step.node
    }
    return IndexPath(nodes: nodes.reversed(), edges: edges.reversed(), costs: costs.reversed())
  }
}
