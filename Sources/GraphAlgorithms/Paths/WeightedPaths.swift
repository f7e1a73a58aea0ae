// Weighted shortest paths: Dijkstra from one source to every node or to one target, A* guided by
// great-circle distance between coordinates, and all-pairs distances for small graphs.
import GraphCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A path through the graph by dense indices, with the cumulative cost at each node.
package struct IndexPath: Sendable, Equatable {
  package var nodes: [Int]
  /// Forward edge slots (indices into `outTargets`) taken between consecutive nodes.
  package var edges: [Int]
  /// Cost from the source to each node of `nodes`.
  package var costs: [Double]
  package var totalCost: Double { costs.last ?? 0 }
}

/// Dijkstra, A* and all-pairs shortest paths.
package enum WeightedPaths {
  /// Throws when an edge weight is negative or not a number, naming the weight property and the
  /// first such weight.
  /// - Complexity: O(1) when every weight is valid (the graph knows it), O(m) to name the culprit.
  package static func requireNonNegative(_ g: CSRGraph, property: String) throws {
    guard !g.hasNonNegativeWeights, let w = g.outWeights else { return }
    for x in w where !(x >= 0) {
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue,
        "weightProperty '\(property)' has the negative or non-numeric weight \(x); shortest paths need weights ≥ 0")
    }
  }

  /// Distances from `source` to every reachable node, in order of distance (equal distances by
  /// node index as they are settled). Weights must be non-negative; an unweighted graph counts 1
  /// per edge.
  /// - Complexity: O((n + m) log n).
  package static func singleSource(_ g: CSRGraph, from source: Int) -> [(node: Int, cost: Double)] {
    let r = distances(g, from: source)
    return r.settled.map { (Int($0), r.distance[Int($0)]) }
  }

  /// The distance from `source` to each node (infinity where unreachable) and the reachable
  /// nodes in the order they were settled, which is by distance (equal distances in the order the
  /// queue hands them out). Weights must be non-negative; an unweighted graph counts 1 per edge.
  /// Unlike `ShortestPathTree.dijkstra` it keeps no path counts or parents, only the distances,
  /// on raw buffers; a caller that wants a value per node takes `distance` as it is.
  /// - Complexity: O(m + n log C) for distances below C (radix heap).
  package static func distances(
    _ g: CSRGraph, from source: Int
  ) -> (distance: ContiguousArray<Double>, settled: ContiguousArray<Int32>) {
    var distance = ContiguousArray<Double>(repeating: .infinity, count: g.nodeCount)
    var settled = ContiguousArray<Int32>()
    settled.reserveCapacity(g.nodeCount)
    // Distances only grow as nodes settle (weights are non-negative), so a radix heap serves.
    var heap = RadixHeap()
    let weighted = g.outWeights != nil
    let weightList = g.outWeights ?? []
    distance[source] = 0
    heap.insert(0, Int32(source))
    g.outOffsets.withUnsafeBufferPointer { offsets in
      g.outTargets.withUnsafeBufferPointer { targets in
        weightList.withUnsafeBufferPointer { weights in
          distance.withUnsafeMutableBufferPointer { distance in
            while let top = heap.popMin() {
              let v = Int(top.node)
              let d = top.distance
              // A node is inserted again each time its distance drops: only its last entry counts.
              if d > distance[v] { continue }
              settled.append(top.node)
              for e in offsets[v]..<offsets[v + 1] {
                let w = Int(targets[e])
                let alt = d + (weighted ? weights[e] : 1)
                if alt < distance[w] {
                  distance[w] = alt
                  heap.insert(alt, Int32(truncatingIfNeeded: w))
                }
              }
            }
          }
        }
      }
    }
    return (distance, settled)
  }

  /// A cheapest path from `source` to `target`, or nil when there is none.
  /// - Complexity: O((n + m) log n), stopping when `target` is settled.
  package static func singlePair(_ g: CSRGraph, from source: Int, to target: Int) -> IndexPath? {
    var tree = ShortestPathTree(nodeCount: g.nodeCount)
    tree.dijkstra(from: source, g.forward, target: target)
    guard let nodes = tree.path(to: target) else { return nil }
    return indexPath(g, nodes)
  }

  /// Rebuilds edge slots and costs along `nodes`, taking the cheapest edge between neighbours.
  static func indexPath(_ g: CSRGraph, _ nodes: [Int]) -> IndexPath {
    var edges: [Int] = []
    var costs: [Double] = [0]
    for i in 1..<max(1, nodes.count) {
      let (v, w) = (nodes[i - 1], nodes[i])
      var best = -1
      for e in g.outOffsets[v]..<g.outOffsets[v + 1] where Int(g.outTargets[e]) == w {
        if best < 0 || g.outWeight(e) < g.outWeight(best) { best = e }
      }
      edges.append(best)
      costs.append(costs[costs.count - 1] + (best >= 0 ? g.outWeight(best) : 0))
    }
    return IndexPath(nodes: nodes, edges: edges, costs: costs)
  }

  /// Great-circle distance in kilometres between two latitude/longitude points in degrees.
  package static func haversine(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
    let r = 6371.0088
    let rad = Double.pi / 180
    let dLat = (lat2 - lat1) * rad
    let dLon = (lon2 - lon1) * rad
    let a = pow(sin(dLat / 2), 2) + cos(lat1 * rad) * cos(lat2 * rad) * pow(sin(dLon / 2), 2)
    return 2 * r * asin(min(1, a.squareRoot()))
  }

  /// A* from `source` to `target`, with the haversine distance (km) from each node's
  /// coordinates to the target's as the heuristic; a node without coordinates gets 0. The
  /// heuristic is admissible when weights are distances in kilometres that are at least the
  /// great-circle distance.
  /// - Complexity: O((n + m) log n) worst case; usually far fewer nodes are expanded.
  package static func aStar(
    _ g: CSRGraph, from source: Int, to target: Int, latitude: [Double], longitude: [Double]
  ) -> (path: IndexPath?, expanded: Int) {
    let n = g.nodeCount
    func h(_ v: Int) -> Double {
      let (a, b, c, d) = (latitude[v], longitude[v], latitude[target], longitude[target])
      if a.isNaN || b.isNaN || c.isNaN || d.isNaN { return 0 }
      return haversine(a, b, c, d)
    }
    var dist = ContiguousArray<Double>(repeating: .infinity, count: n)
    var parent = ContiguousArray<Int32>(repeating: -1, count: n)
    var closed = ContiguousArray<Bool>(repeating: false, count: n)
    var heap = DistanceHeap()
    dist[source] = 0
    heap.insert(h(source), Int32(source))
    var expanded = 0
    while let top = heap.popMin() {
      let v = Int(top.node)
      if closed[v] { continue }
      closed[v] = true
      expanded += 1
      if v == target { break }
      for e in g.outOffsets[v]..<g.outOffsets[v + 1] {
        let w = Int(g.outTargets[e])
        let alt = dist[v] + g.outWeight(e)
        if alt < dist[w] {
          dist[w] = alt
          parent[w] = Int32(v)
          closed[w] = false
          heap.insert(alt + h(w), Int32(w))
        }
      }
    }
    guard dist[target] < .infinity else { return (nil, expanded) }
    var nodes = [target]
    var v = target
    while parent[v] >= 0 && v != source {
      v = Int(parent[v])
      nodes.append(v)
    }
    return (indexPath(g, nodes.reversed()), expanded)
  }

  /// Distances between every ordered pair of nodes that are connected, by one search per source.
  /// - Complexity: O(n × (m + n log n)) time, O(n²) output.
  package static func allPairs(_ g: CSRGraph, weighted: Bool, stop: StopCheck = .never) -> [(source: Int, target: Int, cost: Double)] {
    let n = g.nodeCount
    let rows = g.forward
    let useWeights = weighted && g.isWeighted
    let parts = Parallel.map(n, minimum: 64) { _, range in
      var tree = ShortestPathTree(nodeCount: n)
      var out: [(source: Int, target: Int, cost: Double)] = []
      for s in range {
        if stop.isStopped() { break }
        if useWeights { tree.dijkstra(from: s, rows) } else { tree.bfs(from: s, rows) }
        for t in tree.order.sorted() { out.append((s, Int(t), tree.distance[Int(t)])) }
      }
      return out
    }
    return parts.flatMap { $0 }
  }
}
