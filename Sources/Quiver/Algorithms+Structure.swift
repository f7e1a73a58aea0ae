// The structural algorithms in the embedding API: bridges and articulation points, topological
// order and longest paths of a DAG, Bellman–Ford, ArticleRank, greedy colouring, Leiden and the
// modularity of a given partition; the same typed calls as the matching `algo.*` procedures.
import CypherRuntime
import GraphAlgorithms

/// A relationship whose removal disconnects its two nodes.
public struct BridgeEdge: Sendable, Hashable {
  public let source: Int64
  public let target: Int64
  public let relationshipID: Int64
}

/// Shortest-path costs by Bellman–Ford, or the negative cycle that makes them undefined.
public struct BellmanFordResult: Sendable {
  /// Cost of the cheapest path from the source to each node it reaches (empty with a cycle).
  public let costs: NodeValues<Double>
  /// Node ids of a negative cycle reachable from the source, in edge order; nil when none.
  public let negativeCycle: [Int64]?
}

extension GraphAnalytics {
  /// The bridges of the graph seen as undirected.
  public func bridges(_ graph: AnalyticsGraph = .init()) throws -> [BridgeEdge] {
    let r = try analytics.bridges(graph.spec(.both))
    let p = r.projection
    return r.result.map {
      BridgeEdge(source: p.graph.nodeIDs[$0.source], target: p.graph.nodeIDs[$0.target], relationshipID: p.relationshipID(slot: $0.slot))
    }
  }

  /// The articulation points of the graph seen as undirected, ascending by node id.
  public func articulationPoints(_ graph: AnalyticsGraph = .init()) throws -> [Int64] {
    let r = try analytics.articulationPoints(graph.spec(.both))
    return r.result.map { r.projection.graph.nodeIDs[$0] }
  }

  /// Node ids in topological order (lowest node first among those ready); nodes on or behind a
  /// cycle are left out.
  public func topologicalSort(_ graph: AnalyticsGraph = .init()) throws -> [Int64] {
    let r = try analytics.topologicalOrder(graph.spec(.outgoing))
    return r.result.map { r.projection.graph.nodeIDs[$0] }
  }

  /// The cost of the longest path ending at each node of a DAG (hops when unweighted); nodes on
  /// or behind a cycle have none.
  public func longestPaths(_ graph: AnalyticsGraph = .init()) throws -> NodeValues<Double> {
    let r = try analytics.longestPaths(graph.spec(.outgoing))
    let d = r.result.distance
    return NodeValues(index: r.projection.nodeIndex, values: d, keeping: { d[$0] < .infinity })
  }

  /// Shortest-path costs from `source` allowing negative weights, or a negative cycle.
  public func bellmanFord(_ graph: AnalyticsGraph = .init(), from source: Int64) throws -> BellmanFordResult {
    let r = try analytics.bellmanFord(graph.spec(.outgoing), from: source)
    let ids = r.projection.graph.nodeIDs
    let d = r.result.distance
    if let cycle = r.result.negativeCycle {
      return BellmanFordResult(costs: NodeValues(index: r.projection.nodeIndex, values: d, keeping: { _ in false }), negativeCycle: cycle.map { ids[$0] })
    }
    return BellmanFordResult(costs: NodeValues(index: r.projection.nodeIndex, values: d, keeping: { d[$0] < .infinity }), negativeCycle: nil)
  }

  /// ArticleRank scores.
  public func articleRank(
    _ graph: AnalyticsGraph = .init(), dampingFactor: Double = 0.85, maxIterations: Int = 20, tolerance: Double = 1e-7
  ) throws -> NodeValues<Double> {
    var options = PageRankOptions()
    options.dampingFactor = dampingFactor
    options.maxIterations = maxIterations
    options.tolerance = tolerance
    let r = try analytics.articleRank(graph.spec(.outgoing), options)
    return NodeValues(index: r.projection.nodeIndex, values: r.result)
  }

  /// A greedy colouring (colours 0, 1, …; no two neighbours share one).
  public func k1Coloring(_ graph: AnalyticsGraph = .init()) throws -> NodeValues<Int> {
    let r = try analytics.coloring(graph.spec(.both))
    return NodeValues(index: r.projection.nodeIndex, values: r.result)
  }

  /// Leiden communities (each one connected) and the modularity they reach.
  public func leiden(_ graph: AnalyticsGraph = .init(), resolution: Double = 1, seed: Int = 42) throws -> Communities {
    var options = LouvainOptions()
    options.resolution = resolution
    options.seed = seed
    return communities(try analytics.leiden(graph.spec(.both), options))
  }

  /// The modularity of the partition node property `communityProperty` gives (read from the
  /// named graph when `graph` is one).
  public func modularity(_ graph: AnalyticsGraph = .init(), communityProperty: String, resolution: Double = 1) throws -> Double {
    try analytics.modularity(graph.spec(.both), communityProperty: communityProperty, resolution: resolution).result.modularity
  }
}
