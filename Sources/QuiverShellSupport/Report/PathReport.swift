// A path report between two nodes: the shortest path by hops (and the cheapest by a weight
// property when one is given), how many distinct shortest (and cheapest) paths there are, and
// the k shortest loopless paths (Yen, from `db.algorithms`) with the nodes along each, their
// labels and names and the relationship types between them. The renderers only format it.
import Quiver

/// What a path report covers.
package struct PathOptions: Sendable {
  package var from: NodeSelector
  package var to: NodeSelector
  /// Paths listed, shortest first; at least 1.
  package var k = 1
  /// Numeric relationship property giving each relationship's cost; nil to count hops.
  package var weightProperty: String?
  package var labels: [String] = []
  package var relationshipTypes: [String] = []
  package var displayProperty: String?
  package var direction: ReportDirection = .directed
  /// Whether to lay out the graph drawing (the HTML format shows it).
  package var draws = false
  /// Most nodes drawn; beyond, the path's nodes and the highest-degree others.
  package var drawLimit = 2000

  package init(from: NodeSelector, to: NodeSelector) {
    self.from = from
    self.to = to
  }

  /// The analytics graph under these filters, weighted when `weighted` and a weight is given.
  func graph(weighted: Bool) -> AnalyticsGraph {
    AnalyticsGraph(
      labels: labels.isEmpty ? nil : labels, relationshipTypes: relationshipTypes.isEmpty ? nil : relationshipTypes,
      direction: direction.analytics, weightProperty: weighted ? weightProperty : nil)
  }
}

/// The computed path report, ready to render.
package struct PathReport: Sendable {
  /// A node along a path (or an end node), with the relationship that led to it.
  package struct Stop: Sendable, Equatable {
    package var id: Int64
    package var labels: [String]
    package var display: String
    /// Cost (or hops, unweighted) from the start to this node.
    package var cost: Double
    /// Type of the relationship from the previous stop; nil for the first.
    package var relationshipType: String?
    package var relationshipID: Int64?
  }

  /// One path: its rank (1 for the shortest), hops, total cost and nodes.
  package struct Path: Sendable, Equatable {
    package var rank: Int
    package var hops: Int
    package var cost: Double
    package var stops: [Stop]
  }

  package var options: PathOptions
  package var nodeCount: Int
  package var relationshipCount: Int
  package var from: Stop
  package var to: Stop
  /// Hops of a shortest path; nil when `to` cannot be reached.
  package var hops: Int?
  /// Distinct paths of `hops` hops (0 when unreachable).
  package var shortestPathCount: Double
  /// With a weight: the least total cost (nil when unreachable) and how many paths reach it.
  package var cost: Double?
  package var cheapestPathCount: Double?
  /// Up to `options.k` loopless paths, cheapest (by weight, else by hops) first.
  package var paths: [Path]
  package var drawing: GraphDrawing?

  /// Computes the report on the current snapshot of `database`; `progress` names each step.
  /// - Throws: `ReportError` when an end node is not found (or not unique), or a weight is
  ///   negative; `QuiverError` when a weight is not a number.
  package static func compute(
    on database: Database, options: PathOptions, progress: CentralityReport.Progress = { _, _, _ in }
  ) throws -> PathReport {
    let steps = options.draws ? 3 : 2
    progress("shortest paths", 1, steps)
    let filters = options.graph(weighted: true)
    let graph = try ReportGraph.load(database, filters, direction: options.direction)
    if let weight = options.weightProperty, graph.edges.weights?.contains(where: { !($0 >= 0) }) == true {
      throw ReportError("weight property '\(weight)' has negative values; shortest paths need weights of at least 0")
    }
    let source = try options.from.resolve(in: graph, database: database)
    let target = try options.to.resolve(in: graph, database: database)
    let (hops, counts) = graph.hopCounts(from: source)
    var cost: Double?
    var cheapest: Double?
    if options.weightProperty != nil {
      let weighted = graph.costCounts(from: source)
      if weighted.costs[target].isFinite { (cost, cheapest) = (weighted.costs[target], weighted.paths[target]) }
    }
    let (sourceID, targetID) = (graph.nodeIDs[source], graph.nodeIDs[target])
    let analytics = database.algorithms
    let found =
      options.k == 1
      ? try analytics.shortestPath(filters, from: sourceID, to: targetID).map { [$0] } ?? []
      : try analytics.kShortestPaths(filters, from: sourceID, to: targetID, k: options.k)
    progress("path details", 2, steps)
    var drawing: GraphDrawing?
    var shown = Set(found.flatMap(\.nodeIDs) + [sourceID, targetID])
    var input: GraphDrawing.Input?
    if options.draws {
      progress("layout", 3, steps)
      let partition = try CommunityPartition.louvain(database, graph, filters: filters)
      var drawn = GraphDrawing.Input(
        scores: graph.degrees().map(Double.init), scoreName: "degree", groups: partition.rankOf, limit: options.drawLimit)
      // The first path is highlighted; without one, its two end nodes.
      drawn.highlightedNodes = found.first?.nodeIDs.compactMap(graph.index(of:)) ?? [source, target]
      let onPath = Set(found.first?.relationshipIDs ?? [])
      drawn.highlightedEdges = Set(graph.edges.relationshipIDs.indices.filter { onPath.contains(graph.edges.relationshipIDs[$0]) })
      shown.formUnion(GraphDrawing.sample(graph, drawn).map { graph.nodeIDs[$0] })
      input = drawn
    }
    let details = try CentralityReport.nodeDetails(shown, in: database)
    if let input {
      drawing = GraphDrawing.make(
        graph, input, labels: details.mapValues { CentralityReport.display($0, property: options.displayProperty) })
    }
    let snapshot = database.graphSnapshot
    func stop(_ id: Int64, cost: Double, relationship: Int64?) -> Stop {
      let node = details[id] ?? Node(id: id)
      return Stop(
        id: id, labels: node.labels.sorted(), display: CentralityReport.display(node, property: options.displayProperty),
        cost: cost, relationshipType: relationship.map { snapshot.relationship($0).type }, relationshipID: relationship)
    }
    let paths = found.enumerated().map { rank, path in
      Path(
        rank: rank + 1, hops: path.nodeIDs.count - 1, cost: path.totalCost,
        stops: path.nodeIDs.enumerated().map { step, id in
          let relationship = step > 0 && step - 1 < path.relationshipIDs.count ? path.relationshipIDs[step - 1] : nil
          return stop(id, cost: step < path.costs.count ? path.costs[step] : 0, relationship: relationship.flatMap { $0 >= 0 ? $0 : nil })
        })
    }
    return PathReport(
      options: options, nodeCount: graph.nodeCount, relationshipCount: graph.relationshipCount,
      from: stop(sourceID, cost: 0, relationship: nil), to: stop(targetID, cost: cost ?? Double(max(0, hops[target])), relationship: nil),
      hops: hops[target] >= 0 ? hops[target] : nil, shortestPathCount: counts[target], cost: cost, cheapestPathCount: cheapest,
      paths: paths, drawing: drawing)
  }
}
