// The graph a report analyses, as adjacency lists over dense node indices: built once from the
// projection `db.algorithms` runs on (the same nodes and relationships), it gives degrees, the
// relationships between communities, shortest-path counts and the edges of the drawing.
import Quiver

/// Nodes (dense indices in node id order) and relationships of a report's graph, with the
/// neighbours of each node along the report's direction.
package struct ReportGraph: Sendable {
  /// The projected relationships, each once as stored.
  package let edges: AnalyticsEdges
  /// For each node, the neighbours reached along the direction and the relationship used
  /// (an index into `edges`).
  let neighbours: [[Neighbour]]
  private let indexOfID: [Int64: Int]

  /// A node reached over one relationship.
  struct Neighbour: Sendable {
    var node: Int
    var edge: Int
  }

  /// The graph `edges` describes, walked as stored, reversed or both ways.
  package init(_ edges: AnalyticsEdges, direction: ReportDirection) {
    self.edges = edges
    var lists = [[Neighbour]](repeating: [], count: edges.nodeIDs.count)
    for edge in edges.sources.indices {
      let (source, target) = (Int(edges.sources[edge]), Int(edges.targets[edge]))
      if direction != .reverse { lists[source].append(Neighbour(node: target, edge: edge)) }
      if direction != .directed { lists[target].append(Neighbour(node: source, edge: edge)) }
    }
    neighbours = lists
    indexOfID = Dictionary(uniqueKeysWithValues: edges.nodeIDs.enumerated().map { ($1, $0) })
  }

  /// The report's graph on the current snapshot of `database` under `graph`'s filters.
  package static func load(_ database: Database, _ graph: AnalyticsGraph, direction: ReportDirection) throws -> ReportGraph {
    ReportGraph(try database.algorithms.edges(graph), direction: direction)
  }

  package var nodeCount: Int { edges.nodeIDs.count }
  package var relationshipCount: Int { edges.sources.count }
  package var nodeIDs: [Int64] { edges.nodeIDs }

  /// The dense index of node `id`, nil when the graph does not hold it.
  package func index(of id: Int64) -> Int? { indexOfID[id] }

  /// Relationships touching each node, counted in either direction (a self-loop twice).
  package func degrees() -> [Int] {
    var degree = [Int](repeating: 0, count: nodeCount)
    for edge in edges.sources.indices {
      degree[Int(edges.sources[edge])] += 1
      degree[Int(edges.targets[edge])] += 1
    }
    return degree
  }

  /// The weight of relationship `edge` (1 when unweighted).
  func weight(_ edge: Int) -> Double { edges.weights?[edge] ?? 1 }

  /// Hops from `source` to every node (-1 where unreachable) and the number of distinct
  /// shortest paths to each, by breadth-first search along the direction.
  /// - Complexity: O(n + m).
  package func hopCounts(from source: Int) -> (hops: [Int], paths: [Double]) {
    var hops = [Int](repeating: -1, count: nodeCount)
    var paths = [Double](repeating: 0, count: nodeCount)
    hops[source] = 0
    paths[source] = 1
    var queue = [source]
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      for next in neighbours[node] {
        if hops[next.node] < 0 {
          hops[next.node] = hops[node] + 1
          queue.append(next.node)
        }
        if hops[next.node] == hops[node] + 1 { paths[next.node] += paths[node] }
      }
    }
    return (hops, paths)
  }

  /// The cost of the cheapest path from `source` to every node (infinity where unreachable) and
  /// the number of distinct cheapest paths to each: Dijkstra for the costs, then the paths
  /// counted along the tight relationships (cost[u] + w = cost[v], to within a relative 1e-9) in
  /// topological order, which relationships of weight 0 need (two nodes of one cost may reach each
  /// other). A cycle of weight 0 on a cheapest path gives infinitely many (`.infinity`). Weights
  /// must be ≥ 0.
  /// - Complexity: O((n + m) log n).
  package func costCounts(from source: Int) -> (costs: [Double], paths: [Double]) {
    var costs = [Double](repeating: .infinity, count: nodeCount)
    var settled = [Bool](repeating: false, count: nodeCount)
    costs[source] = 0
    var heap = CostHeap()
    heap.push(0, source)
    while let (cost, node) = heap.pop() {
      if settled[node] || cost > costs[node] { continue }
      settled[node] = true
      for next in neighbours[node] where !settled[next.node] {
        let candidate = cost + weight(next.edge)
        if candidate < costs[next.node] {
          costs[next.node] = candidate
          heap.push(candidate, next.node)
        }
      }
    }
    func tight(_ node: Int, _ next: Neighbour) -> Bool {
      let candidate = costs[node] + weight(next.edge)
      return abs(candidate - costs[next.node]) <= 1e-9 * max(1, abs(candidate))
    }
    // Kahn's order over the tight relationships between reached nodes.
    var incoming = [Int](repeating: 0, count: nodeCount)
    for node in 0..<nodeCount where costs[node].isFinite {
      for next in neighbours[node] where tight(node, next) { incoming[next.node] += 1 }
    }
    var paths = [Double](repeating: 0, count: nodeCount)
    paths[source] = 1
    var ready = (0..<nodeCount).filter { costs[$0].isFinite && incoming[$0] == 0 }
    var done = 0
    while let node = ready.popLast() {
      done += 1
      for next in neighbours[node] where tight(node, next) {
        paths[next.node] += paths[node]
        incoming[next.node] -= 1
        if incoming[next.node] == 0 { ready.append(next.node) }
      }
    }
    if done < costs.filter(\.isFinite).count {
      // What is left lies on or behind a cycle of weight 0: every node it reaches along tight
      // relationships has infinitely many cheapest paths (when the source reaches the cycle).
      var stack = (0..<nodeCount).filter { costs[$0].isFinite && incoming[$0] > 0 }
      var infinite = [Bool](repeating: false, count: nodeCount)
      for node in stack { infinite[node] = true }
      while let node = stack.popLast() {
        for next in neighbours[node] where tight(node, next) && !infinite[next.node] {
          infinite[next.node] = true
          stack.append(next.node)
        }
      }
      for node in 0..<nodeCount where infinite[node] { paths[node] = .infinity }
    }
    return (costs, paths)
  }
}

/// A binary min-heap of (cost, node) for `ReportGraph.costCounts`.
private struct CostHeap {
  private var items: [(cost: Double, node: Int)] = []

  mutating func push(_ cost: Double, _ node: Int) {
    items.append((cost, node))
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard items[child].cost < items[parent].cost else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> (Double, Int)? {
    guard let first = items.first else { return nil }
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var parent = 0
      while true {
        let left = 2 * parent + 1
        guard left < items.count else { break }
        let right = left + 1
        let child = right < items.count && items[right].cost < items[left].cost ? right : left
        guard items[child].cost < items[parent].cost else { break }
        items.swapAt(child, parent)
        parent = child
      }
    }
    return (first.cost, first.node)
  }
}
