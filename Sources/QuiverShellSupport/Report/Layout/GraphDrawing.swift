// The graph drawing of the HTML reports: which nodes are drawn (all up to a limit, else the
// highest-scored ones and the relationships between them, plus any highlighted path), where
// (ForceLayout, scaled into the SVG's viewBox), how big (by score) and in which colour (by
// community). GraphDrawing+SVG.swift writes it as inline SVG.
import Quiver

/// A laid-out drawing of a report's graph or of a sample of it.
package struct GraphDrawing: Sendable, Equatable {
  /// A drawn node: where, how big, its community's colour group and its tooltip.
  package struct Node: Sendable, Equatable {
    package var id: Int64
    package var x: Double
    package var y: Double
    package var radius: Double
    /// The community's rank (0 for the largest), nil when the report has no communities.
    package var group: Int?
    package var label: String
    package var highlighted: Bool
  }

  /// A drawn relationship between `nodes[from]` and `nodes[to]`.
  package struct Edge: Sendable, Equatable {
    package var from: Int
    package var to: Int
    package var highlighted: Bool
  }

  /// What to draw a report's graph with.
  package struct Input {
    /// The score that sizes each node (by dense index) and picks the sample.
    package var scores: [Double]
    /// What the score is, for the caption: "degree", "PageRank".
    package var scoreName: String
    /// The community rank of each node (0 for the largest), or nil.
    package var groups: [Int]?
    /// Nodes (dense indices) always drawn and highlighted, e.g. a path.
    package var highlightedNodes: [Int] = []
    /// Relationships (indices into the graph's edges) highlighted.
    package var highlightedEdges: Set<Int> = []
    /// Most nodes drawn.
    package var limit: Int
    package var seed: UInt64 = 1

    package init(scores: [Double], scoreName: String, groups: [Int]?, limit: Int) {
      self.scores = scores
      self.scoreName = scoreName
      self.groups = groups
      self.limit = limit
    }
  }

  static let width = 760.0
  static let height = 560.0
  static let margin = 16.0
  static let smallest = 2.5
  static let largest = 11.0

  package var nodes: [Node]
  package var edges: [Edge]
  /// Nodes and relationships of the whole graph.
  package var totalNodes: Int
  package var totalRelationships: Int
  package var scoreName: String

  /// Whether only a sample of the graph is drawn.
  package var sampled: Bool { nodes.count < totalNodes }

  /// The drawing of `graph`: every node when there are at most `input.limit`, else the
  /// highlighted ones and the highest-scored others (ties by node id), `input.limit` in all
  /// (more only when more are highlighted), with the relationships among the drawn nodes. `labels` gives each drawn node's tooltip by id.
  package static func make(_ graph: ReportGraph, _ input: Input, labels: [Int64: String] = [:]) -> GraphDrawing {
    let chosen = sample(graph, input)
    var position = [Int: Int]()
    for (slot, node) in chosen.enumerated() { position[node] = slot }
    let edges = graph.edges
    var drawnEdges: [Edge] = []
    var pairs: [(Int, Int)] = []
    for edge in edges.sources.indices {
      guard let a = position[Int(edges.sources[edge])], let b = position[Int(edges.targets[edge])] else { continue }
      drawnEdges.append(Edge(from: a, to: b, highlighted: input.highlightedEdges.contains(edge)))
      pairs.append((a, b))
    }
    let points = ForceLayout.positions(nodeCount: chosen.count, edges: pairs, seed: input.seed)
    let top = chosen.map { score(input, $0) }.max() ?? 0
    let highlighted = Set(input.highlightedNodes)
    let span = (x: width - 2 * margin, y: height - 2 * margin)
    let nodes = zip(chosen, points).map { index, point in
      let id = graph.nodeIDs[index]
      let share = top > 0 ? max(0, score(input, index)) / top : 0
      return Node(
        id: id, x: margin + point.x * span.x, y: margin + point.y * span.y,
        radius: smallest + (largest - smallest) * share.squareRoot(), group: input.groups?[index],
        label: labels[id].map { $0.isEmpty ? "node \(id)" : "\($0) (node \(id))" } ?? "node \(id)",
        highlighted: highlighted.contains(index))
    }
    return GraphDrawing(
      nodes: nodes, edges: drawnEdges, totalNodes: graph.nodeCount, totalRelationships: graph.relationshipCount,
      scoreName: input.scoreName)
  }

  /// Dense indices of the nodes to draw, ascending: all of them within the limit, else the
  /// highlighted ones and the highest-scored others up to the limit.
  static func sample(_ graph: ReportGraph, _ input: Input) -> [Int] {
    let all = graph.nodeCount
    let limit = max(0, input.limit)
    guard all > limit else { return Array(0..<all) }
    var chosen = Set(input.highlightedNodes.filter { $0 >= 0 && $0 < all })
    let ranked = (0..<all).sorted { a, b in
      let (x, y) = (score(input, a), score(input, b))
      return x != y ? x > y : a < b
    }
    for node in ranked {
      if chosen.count >= limit { break }
      chosen.insert(node)
    }
    return chosen.sorted()
  }

  /// The finite score of node `index`, else 0.
  private static func score(_ input: Input, _ index: Int) -> Double {
    guard index < input.scores.count, input.scores[index].isFinite else { return 0 }
    return input.scores[index]
  }

  /// One sentence on what the drawing shows: all nodes, or which sample.
  package var sentence: String {
    let sizing = "node size by \(scoreName)"
    guard sampled else {
      return "All \(ReportDescription.count(totalNodes, "node")) and \(ReportDescription.count(totalRelationships, "relationship")); \(sizing)."
    }
    return "A sample: the \(nodes.count) highest-scored (by \(scoreName)) of \(totalNodes) nodes and the "
      + "\(ReportDescription.count(edges.count, "relationship")) among them (of \(totalRelationships)); \(sizing)."
  }
}
