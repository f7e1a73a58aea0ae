// The embedding API for graph analytics: `db.algorithms.pageRank(...)` and friends make the same
// typed algorithm calls as the `algo.*` procedures (CypherRuntime's `Analytics`, over a shared
// projection cache) on the current snapshot of the graph, and return typed results looked up by
// node id: per-node values as `NodeValues` over the projection's arrays.
import CypherRuntime
import GraphAlgorithms
import GraphStorage

/// Which part of the graph an algorithm sees and how it treats direction and weights.
public struct AnalyticsGraph: Sendable {
  /// How relationship direction is used.
  public enum Direction: String, Sendable {
    /// As stored.
    case outgoing = "OUTGOING"
    /// Reversed.
    case incoming = "INCOMING"
    /// Undirected.
    case both = "BOTH"
  }

  /// Only nodes with any of these labels (all nodes when nil).
  public var labels: [String]?
  /// Only relationships of any of these types (all when nil).
  public var relationshipTypes: [String]?
  /// Direction; nil takes the algorithm's default (undirected for components, communities,
  /// triangles and spanning trees; as stored otherwise).
  public var direction: Direction?
  /// Numeric relationship property to use as weight; unweighted when nil. On a named graph, one
  /// of the relationship properties it projected.
  public var weightProperty: String?
  /// Weight of a relationship without the property.
  public var defaultWeight: Double
  /// How relationships joining the same two nodes merge (`.none` keeps them all).
  public var aggregation: GraphAggregation
  /// A graph of the catalog (`GraphAnalytics.project`) to run on instead of projecting; the
  /// other settings but `weightProperty` are then unused.
  public var graphName: String?

  public init(
    labels: [String]? = nil, relationshipTypes: [String]? = nil, direction: Direction? = nil,
    weightProperty: String? = nil, defaultWeight: Double = 1, aggregation: GraphAggregation = .none
  ) {
    self.labels = labels
    self.relationshipTypes = relationshipTypes
    self.direction = direction
    self.weightProperty = weightProperty
    self.defaultWeight = defaultWeight
    self.aggregation = aggregation
  }

  /// The graph of the catalog called `name`, optionally weighted by one of its relationship
  /// properties.
  public static func named(_ name: String, weightProperty: String? = nil) -> AnalyticsGraph {
    var graph = AnalyticsGraph(weightProperty: weightProperty)
    graph.graphName = name
    return graph
  }

  /// The projection this graph describes, in `defaultDirection` unless `direction` is set;
  /// unweighted unless `weighted` and `weightProperty` are.
  func spec(_ defaultDirection: ProjectionDirection, weighted: Bool = true) -> ProjectionSpec {
    let weight = weighted ? weightProperty : nil
    return ProjectionSpec(
      labels: labels, types: relationshipTypes,
      direction: direction.flatMap { ProjectionDirection(rawValue: $0.rawValue) } ?? defaultDirection,
      weightProperty: weight, defaultWeight: weight == nil ? 1 : defaultWeight,
      aggregation: ProjectionAggregation(rawValue: aggregation.rawValue) ?? .none, graphName: graphName)
  }
}

/// A weighted path found by Dijkstra, A* or Yen's algorithm.
public struct WeightedPath: Sendable, Hashable {
  public let nodeIDs: [Int64]
  public let relationshipIDs: [Int64]
  /// Cost from the first node to each node of `nodeIDs`.
  public let costs: [Double]
  public var totalCost: Double { costs.last ?? 0 }
}

/// Communities found by Louvain, with the modularity reached.
public struct Communities: Sendable {
  /// The community number of each node.
  public let communityOf: NodeValues<Int>
  public let modularity: Double
}

/// How two nodes' neighbour sets A and B are compared.
public enum NodeSimilarityMetric: String, Sendable, CaseIterable {
  /// |A ∩ B| / |A ∪ B|.
  case jaccard
  /// |A ∩ B| / min(|A|, |B|).
  case overlap
  /// |A ∩ B| / √(|A| |B|).
  case cosine
}

/// A pair of nodes and their neighbourhood similarity.
public struct SimilarNodes: Sendable, Hashable {
  public let node1: Int64
  public let node2: Int64
  public let similarity: Double
}

/// A relationship of a minimum spanning tree.
public struct SpanningTreeEdge: Sendable, Hashable {
  public let source: Int64
  public let target: Int64
  public let relationshipID: Int64
  public let weight: Double
}

extension Database {
  /// Graph algorithms over the current snapshot of the graph. Projections are cached until the
  /// graph changes (shared with the `algo.*` procedures), so running several algorithms on an
  /// unchanged graph projects it once.
  public var algorithms: GraphAnalytics {
    state.withLock { GraphAnalytics(store: $0.store, projections: $0.procedures.projections, catalog: $0.procedures.graphs) }
  }
}

/// Graph analytics over one snapshot of a database. Each method projects the graph (once per
/// distinct `AnalyticsGraph`, then from the cache), runs the algorithm and returns its results by
/// node id; per-node results are `NodeValues` that share the projection's arrays. Options are
/// those of the matching `algo.*` procedure, checked the same way; invalid ones throw
/// `QuiverError` (ArgumentError).
public struct GraphAnalytics: Sendable {
  let store: GraphStore
  let projections: ProjectionCache
  let catalog: GraphCatalog
  /// Called as long algorithms advance (see `reportingProgress`).
  var progress: (@Sendable (AlgorithmProgress) -> Void)? = nil

  /// The typed algorithm calls over this snapshot, its projection cache and the catalog, with a
  /// fresh progress meter per call when progress is watched.
  var analytics: Analytics {
    var analytics = Analytics(store: store, cache: projections, catalog: catalog)
    if let progress { analytics.meter = WorkMeter { progress(AlgorithmProgress($0)) } }
    return analytics
  }

  /// The same analytics, calling `handler` as the long algorithms advance (betweenness,
  /// closeness, harmonic: searches per source; PageRank: iterations; Louvain: levels;
  /// delta-stepping, kNN, node2vec, Steiner tree: nodes, walks or targets): at the start, then
  /// whenever another hundredth of the work is done or a quarter of a second has passed. `handler` runs on the threads
  /// doing the work, so it must be quick and thread-safe.
  public func reportingProgress(_ handler: @escaping @Sendable (AlgorithmProgress) -> Void) -> GraphAnalytics {
    var copy = self
    copy.progress = handler
    return copy
  }

  /// Per-node values over the projection of a typed call's result.
  func values<T>(_ r: Projected<[T]>) -> NodeValues<T> { NodeValues(index: r.projection.nodeIndex, values: r.result) }

  /// A path over `p` as node and relationship ids with the cost to each node.
  private func weightedPath(_ path: IndexPath, _ p: GraphProjection) -> WeightedPath {
    WeightedPath(
      nodeIDs: path.nodes.map { p.graph.nodeIDs[$0] },
      relationshipIDs: path.edges.map { $0 >= 0 ? p.relationshipID(slot: $0) : -1 }, costs: path.costs)
  }

  /// Degree of each node (summed weights when `graph.weightProperty` is set).
  public func degree(_ graph: AnalyticsGraph = .init()) throws -> NodeValues<Double> {
    values(try analytics.degree(graph.spec(.outgoing)))
  }

  /// PageRank, optionally personalised to `sourceNodes`.
  public func pageRank(
    _ graph: AnalyticsGraph = .init(), dampingFactor: Double = 0.85, maxIterations: Int = 20, tolerance: Double = 1e-7,
    sourceNodes: [Int64] = []
  ) throws -> NodeValues<Double> {
    var options = PageRankOptions()
    options.dampingFactor = dampingFactor
    options.maxIterations = maxIterations
    options.tolerance = tolerance
    options.sourceNodes = sourceNodes
    return values(try analytics.pageRank(graph.spec(.outgoing), options))
  }

  /// Betweenness (normalized as networkx), exact or from `samplingSize` seeded source samples.
  public func betweenness(_ graph: AnalyticsGraph = .init(), samplingSize: Int? = nil, seed: Int = 0) throws -> NodeValues<Double> {
    var options = BetweennessOptions()
    options.sampling = Self.sampling(samplingSize, seed)
    return values(try analytics.betweenness(graph.spec(.outgoing), options))
  }

  /// Closeness with the Wasserman–Faust correction, exact or estimated from `samplingSize`
  /// seeded pivot nodes (relative error falling as 1 / √samplingSize).
  public func closeness(_ graph: AnalyticsGraph = .init(), samplingSize: Int? = nil, seed: Int = 0) throws -> NodeValues<Double> {
    values(try analytics.closeness(graph.spec(.outgoing), sampling: Self.sampling(samplingSize, seed)))
  }

  /// Harmonic centrality, exact or estimated from `samplingSize` seeded pivot nodes.
  public func harmonic(_ graph: AnalyticsGraph = .init(), samplingSize: Int? = nil, seed: Int = 0) throws -> NodeValues<Double> {
    values(try analytics.harmonic(graph.spec(.outgoing), sampling: Self.sampling(samplingSize, seed)))
  }

  private static func sampling(_ size: Int?, _ seed: Int) -> SamplingOptions {
    var sampling = SamplingOptions()
    sampling.samplingSize = size
    sampling.samplingSeed = seed
    return sampling
  }

  /// Eigenvector centrality.
  public func eigenvector(_ graph: AnalyticsGraph = .init(), maxIterations: Int = 100, tolerance: Double = 1e-6) throws -> NodeValues<Double> {
    values(try analytics.eigenvector(graph.spec(.outgoing), IterationOptions(maxIterations: maxIterations, tolerance: tolerance)))
  }

  /// HITS hub and authority scores.
  public func hits(
    _ graph: AnalyticsGraph = .init(), maxIterations: Int = 100
  ) throws -> (hubs: NodeValues<Double>, authorities: NodeValues<Double>) {
    let r = try analytics.hits(graph.spec(.outgoing), IterationOptions(maxIterations: maxIterations, tolerance: 1e-8))
    let index = r.projection.nodeIndex
    return (NodeValues(index: index, values: r.result.hubs), NodeValues(index: index, values: r.result.authorities))
  }

  /// Nodes in breadth-first (or, with `depthFirst`, depth-first) order from `source`, with depths.
  public func traverse(
    _ graph: AnalyticsGraph = .init(), from source: Int64, depthFirst: Bool = false, maxDepth: Int? = nil
  ) throws -> [(nodeID: Int64, depth: Int)] {
    let r = try analytics.traverse(graph.spec(.outgoing, weighted: false), from: source, depthFirst: depthFirst, maxDepth: maxDepth ?? .max)
    let ids = r.projection.graph.nodeIDs
    return r.result.map { (ids[$0.node], $0.depth) }
  }

  /// Cost of the cheapest path from `source` to every node it reaches (only those nodes).
  public func shortestPathCosts(_ graph: AnalyticsGraph = .init(), from source: Int64) throws -> NodeValues<Double> {
    let r = try analytics.distances(graph.spec(.outgoing), from: source)
    return reachedCosts(r.projection, r.result.distance, reached: r.result.settled.count)
  }

  /// What `shortestPathCosts` computes, by delta-stepping over buckets `delta` wide (parallel on
  /// large frontiers): the cost of the cheapest path from `source` to every node it reaches.
  public func deltaSteppingCosts(_ graph: AnalyticsGraph = .init(), from source: Int64, delta: Double = 2) throws -> NodeValues<Double> {
    let r = try analytics.deltaStepping(graph.spec(.outgoing), from: source, delta: delta)
    return reachedCosts(r.projection, r.result.distance, reached: r.result.settled.count)
  }

  /// Costs by node, keeping only the reached nodes (finite cost) unless all are.
  private func reachedCosts(_ p: GraphProjection, _ distance: ContiguousArray<Double>, reached: Int) -> NodeValues<Double> {
    let costs = Array(distance)
    if reached == costs.count { return NodeValues(index: p.nodeIndex, values: costs) }
    return NodeValues(index: p.nodeIndex, values: costs, keeping: { costs[$0] < .infinity })
  }

  /// A cheapest path by Dijkstra, or nil when `target` is unreachable.
  public func shortestPath(_ graph: AnalyticsGraph = .init(), from source: Int64, to target: Int64) throws -> WeightedPath? {
    let r = try analytics.shortestPath(graph.spec(.outgoing), from: source, to: target)
    return r.result.map { weightedPath($0, r.projection) }
  }

  /// A cheapest path by A*, guided by the great-circle distance (km) between node coordinates.
  public func aStar(
    _ graph: AnalyticsGraph = .init(), from source: Int64, to target: Int64, latitudeProperty: String = "latitude",
    longitudeProperty: String = "longitude"
  ) throws -> WeightedPath? {
    let r = try analytics.aStar(
      graph.spec(.outgoing), from: source, to: target, latitudeKey: latitudeProperty, longitudeKey: longitudeProperty)
    return r.result.path.map { weightedPath($0, r.projection) }
  }

  /// Up to `k` cheapest loopless paths (Yen), cheapest first.
  public func kShortestPaths(_ graph: AnalyticsGraph = .init(), from source: Int64, to target: Int64, k: Int) throws -> [WeightedPath] {
    let r = try analytics.kShortestPaths(graph.spec(.outgoing), from: source, to: target, k: k)
    return r.result.map { weightedPath($0, r.projection) }
  }

  /// The relationships of a minimum spanning forest of the graph seen as undirected.
  public func minimumSpanningTree(_ graph: AnalyticsGraph = .init()) throws -> [SpanningTreeEdge] {
    let r = try analytics.spanningTree(graph.spec(.both))
    let p = r.projection
    return r.result.map {
      SpanningTreeEdge(
        source: p.graph.nodeIDs[$0.source], target: p.graph.nodeIDs[$0.target], relationshipID: p.relationshipID(slot: $0.edge),
        weight: $0.weight)
    }
  }

  /// The weakly connected components: nodes joined by relationships in either direction.
  public func weaklyConnectedComponents(_ graph: AnalyticsGraph = .init()) throws -> ConnectedComponents {
    ConnectedComponents(values(try analytics.components(graph.spec(.both), strong: false)))
  }

  /// The strongly connected components: nodes that reach each other along relationship direction.
  public func stronglyConnectedComponents(_ graph: AnalyticsGraph = .init()) throws -> ConnectedComponents {
    ConnectedComponents(values(try analytics.components(graph.spec(.outgoing), strong: true)))
  }

  /// Community of each node by seeded label propagation.
  public func labelPropagation(_ graph: AnalyticsGraph = .init(), seed: Int = 42) throws -> NodeValues<Int> {
    var options = LabelPropagationOptions()
    options.seed = seed
    return values(try analytics.labelPropagation(graph.spec(.both), options))
  }

  /// Louvain communities and the modularity they reach.
  public func louvain(_ graph: AnalyticsGraph = .init(), resolution: Double = 1, seed: Int = 42) throws -> Communities {
    var options = LouvainOptions()
    options.resolution = resolution
    options.seed = seed
    return communities(try analytics.louvain(graph.spec(.both), options))
  }

  /// Communities by node id from a typed call's result.
  func communities(_ r: Projected<(communities: [Int], modularity: Double)>) -> Communities {
    Communities(communityOf: NodeValues(index: r.projection.nodeIndex, values: r.result.communities), modularity: r.result.modularity)
  }

  /// The local clustering coefficient of each node: on the simple undirected graph by default,
  /// networkx's directed one (Fagiolo) with `direction` `.outgoing` or `.incoming`.
  public func localClusteringCoefficient(_ graph: AnalyticsGraph = .init()) throws -> NodeValues<Double> {
    values(try analytics.localClustering(graph.spec(.both)))
  }

  /// Triangles through each node and its local clustering coefficient.
  public func triangles(_ graph: AnalyticsGraph = .init()) throws -> (triangles: NodeValues<Int>, clustering: NodeValues<Double>) {
    let r = try analytics.triangles(graph.spec(.both))
    let index = r.projection.nodeIndex
    return (NodeValues(index: index, values: r.result.triangles), NodeValues(index: index, values: r.result.clustering))
  }

  /// Core number of each node.
  public func coreNumbers(_ graph: AnalyticsGraph = .init()) throws -> NodeValues<Int> {
    values(try analytics.coreNumbers(graph.spec(.both)))
  }

  /// For each node its `topK` most similar nodes by Jaccard (or, with `overlap`, overlap)
  /// similarity of neighbour sets, at least `cutoff`.
  public func similarity(
    _ graph: AnalyticsGraph = .init(), overlap: Bool = false, topK: Int = 10, cutoff: Double = 1e-9
  ) throws -> [SimilarNodes] {
    try similarity(graph, metric: overlap ? .overlap : .jaccard, topK: topK, cutoff: cutoff)
  }

  /// For each node its `topK` most similar nodes by `metric` over neighbour sets, at least `cutoff`.
  public func similarity(
    _ graph: AnalyticsGraph = .init(), metric: NodeSimilarityMetric, topK: Int = 10, cutoff: Double = 1e-9
  ) throws -> [SimilarNodes] {
    var options = SimilarityOptions()
    options.topK = topK
    options.similarityCutoff = cutoff
    let measure: SimilarityMetric = switch metric {
    case .jaccard: .jaccard
    case .overlap: .overlap
    case .cosine: .cosine
    }
    let r = try analytics.similarity(graph.spec(.outgoing), metric: measure, options)
    let ids = r.projection.graph.nodeIDs
    return r.result.map { SimilarNodes(node1: ids[$0.first], node2: ids[$0.second], similarity: $0.similarity) }
  }
}

extension GraphProjection {
  /// The projection's nodes as the index of a per-node result, sharing its arrays.
  var nodeIndex: NodeIndex { NodeIndex(nodeIDs: graph.nodeIDs, positionOfID: indexOfID) }
}
