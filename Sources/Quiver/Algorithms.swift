// The embedding API for graph analytics: `db.algorithms.pageRank(...)` and friends run the same
// algorithms as the `algo.*` procedures on the current snapshot of the graph and return typed
// results looked up by node id: per-node values as `NodeValues` over the projection's arrays.
import CypherRuntime
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
  /// Numeric relationship property to use as weight; unweighted when nil.
  public var weightProperty: String?
  /// Weight of a relationship without the property.
  public var defaultWeight: Double

  public init(
    labels: [String]? = nil, relationshipTypes: [String]? = nil, direction: Direction? = nil,
    weightProperty: String? = nil, defaultWeight: Double = 1
  ) {
    self.labels = labels
    self.relationshipTypes = relationshipTypes
    self.direction = direction
    self.weightProperty = weightProperty
    self.defaultWeight = defaultWeight
  }

  /// The projection keys of the procedures' configuration map.
  var config: [String: Value] {
    var c: [String: Value] = [:]
    if let labels { c["label"] = .list(labels.map { .string($0) }) }
    if let relationshipTypes { c["relationshipType"] = .list(relationshipTypes.map { .string($0) }) }
    if let direction { c["direction"] = .string(direction.rawValue) }
    if let weightProperty {
      c["weightProperty"] = .string(weightProperty)
      c["defaultWeight"] = .float(defaultWeight)
    }
    return c
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
    state.withLock { GraphAnalytics(store: $0.store, projections: $0.procedures.projections) }
  }
}

/// Graph analytics over one snapshot of a database. Each method projects the graph (once per
/// distinct `AnalyticsGraph`, then from the cache), runs the algorithm and returns its results by
/// node id; per-node results are `NodeValues` that share the projection's arrays. Options are
/// those of the matching `algo.*` procedure; invalid ones throw `QuiverError` (ArgumentError).
public struct GraphAnalytics: Sendable {
  let store: GraphStore
  let projections: ProjectionCache

  /// Runs `procedure` with `graph`'s projection keys and the `extra` options.
  private func evaluate(_ procedure: AlgorithmProcedure, _ graph: AnalyticsGraph, _ extra: [String: Value]) throws -> AlgorithmOutput {
    try procedure.evaluate(store, [.map(graph.config.merging(extra) { _, new in new })], cache: projections)
  }

  private func rows(_ procedure: AlgorithmProcedure, _ graph: AnalyticsGraph, _ extra: [String: Value]) throws -> [[Value]] {
    try evaluate(procedure, graph, extra).rows
  }

  /// The error for an output of another kind than the method expects (a mismatch between a
  /// method and its procedure's runner, not a user error).
  private func unexpected(_ procedure: AlgorithmProcedure) -> QuiverError {
    QuiverError.runtime(.procedure, .unexpectedOutput, "\(procedure.rawValue) did not produce per-node values")
  }

  /// The scores (or, for Dijkstra, the costs of the reached nodes) `procedure` gives.
  private func scores(_ procedure: AlgorithmProcedure, _ graph: AnalyticsGraph, _ extra: [String: Value] = [:]) throws -> NodeValues<Double> {
    switch try evaluate(procedure, graph, extra) {
    case .scores(let p, let s): return NodeValues(index: p.nodeIndex, values: s)
    case .costs(let p, let distance, let settled):
      let costs = Array(distance)
      if settled.count == costs.count { return NodeValues(index: p.nodeIndex, values: costs) }
      return NodeValues(index: p.nodeIndex, values: costs, keeping: { costs[$0] < .infinity })
    default: throw unexpected(procedure)
    }
  }

  /// The community, component or core numbers `procedure` gives.
  private func numbers(_ procedure: AlgorithmProcedure, _ graph: AnalyticsGraph, _ extra: [String: Value] = [:]) throws -> NodeValues<Int> {
    guard case .numbers(let p, let n) = try evaluate(procedure, graph, extra) else { throw unexpected(procedure) }
    return NodeValues(index: p.nodeIndex, values: n)
  }

  private func path(_ r: [Value], from offset: Int) -> WeightedPath {
    let path = r[offset + 3]
    guard case .path(let p) = path else { return WeightedPath(nodeIDs: [], relationshipIDs: [], costs: []) }
    return WeightedPath(
      nodeIDs: p.nodes.map(\.id), relationshipIDs: p.relationships.map(\.id),
      costs: r[offset + 2].listValue?.compactMap(\.doubleValue) ?? [])
  }

  /// Degree of each node (summed weights when `graph.weightProperty` is set).
  public func degree(_ graph: AnalyticsGraph = .init()) throws -> NodeValues<Double> { try scores(.degree, graph) }

  /// PageRank, optionally personalised to `sourceNodes`.
  public func pageRank(
    _ graph: AnalyticsGraph = .init(), dampingFactor: Double = 0.85, maxIterations: Int = 20, tolerance: Double = 1e-7,
    sourceNodes: [Int64] = []
  ) throws -> NodeValues<Double> {
    try scores(
      .pageRank, graph,
      [
        "dampingFactor": .float(dampingFactor), "maxIterations": .int(Int64(maxIterations)), "tolerance": .float(tolerance),
        "sourceNodes": .list(sourceNodes.map { .int($0) }),
      ])
  }

  /// Betweenness (normalized as networkx), exact or from `samplingSize` seeded source samples.
  public func betweenness(_ graph: AnalyticsGraph = .init(), samplingSize: Int? = nil, seed: Int = 0) throws -> NodeValues<Double> {
    var extra: [String: Value] = ["samplingSeed": .int(Int64(seed))]
    if let samplingSize { extra["samplingSize"] = .int(Int64(samplingSize)) }
    return try scores(.betweenness, graph, extra)
  }

  /// Closeness with the Wasserman–Faust correction.
  public func closeness(_ graph: AnalyticsGraph = .init()) throws -> NodeValues<Double> { try scores(.closeness, graph) }

  /// Harmonic centrality.
  public func harmonic(_ graph: AnalyticsGraph = .init()) throws -> NodeValues<Double> { try scores(.harmonic, graph) }

  /// Eigenvector centrality.
  public func eigenvector(_ graph: AnalyticsGraph = .init(), maxIterations: Int = 100, tolerance: Double = 1e-6) throws -> NodeValues<Double> {
    try scores(.eigenvector, graph, ["maxIterations": .int(Int64(maxIterations)), "tolerance": .float(tolerance)])
  }

  /// HITS hub and authority scores.
  public func hits(
    _ graph: AnalyticsGraph = .init(), maxIterations: Int = 100
  ) throws -> (hubs: NodeValues<Double>, authorities: NodeValues<Double>) {
    let output = try evaluate(.hits, graph, ["maxIterations": .int(Int64(maxIterations))])
    guard case .hubsAndAuthorities(let p, let hubs, let authorities) = output else { throw unexpected(.hits) }
    return (NodeValues(index: p.nodeIndex, values: hubs), NodeValues(index: p.nodeIndex, values: authorities))
  }

  /// Nodes in breadth-first (or, with `depthFirst`, depth-first) order from `source`, with depths.
  public func traverse(
    _ graph: AnalyticsGraph = .init(), from source: Int64, depthFirst: Bool = false, maxDepth: Int? = nil
  ) throws -> [(nodeID: Int64, depth: Int)] {
    var extra: [String: Value] = ["sourceNode": .int(source)]
    if let maxDepth { extra["maxDepth"] = .int(Int64(maxDepth)) }
    let output = try evaluate(depthFirst ? .dfs : .bfs, graph, extra)
    if case .visits(let p, let v) = output { return v.map { (p.graph.nodeIDs[$0.node], $0.depth) } }
    return output.rows.compactMap { r in r[0].nodeValue.map { ($0.id, Int(r[1].intValue ?? 0)) } }
  }

  /// Cost of the cheapest path from `source` to every node it reaches (only those nodes).
  public func shortestPathCosts(_ graph: AnalyticsGraph = .init(), from source: Int64) throws -> NodeValues<Double> {
    try scores(.dijkstraSingleSource, graph, ["sourceNode": .int(source)])
  }

  /// A cheapest path by Dijkstra, or nil when `target` is unreachable.
  public func shortestPath(_ graph: AnalyticsGraph = .init(), from source: Int64, to target: Int64) throws -> WeightedPath? {
    try rows(.dijkstra, graph, ["sourceNode": .int(source), "targetNode": .int(target)]).first.map { path($0, from: 0) }
  }

  /// A cheapest path by A*, guided by the great-circle distance (km) between node coordinates.
  public func aStar(
    _ graph: AnalyticsGraph = .init(), from source: Int64, to target: Int64, latitudeProperty: String = "latitude",
    longitudeProperty: String = "longitude"
  ) throws -> WeightedPath? {
    try rows(
      .aStar, graph,
      [
        "sourceNode": .int(source), "targetNode": .int(target), "latitudeProperty": .string(latitudeProperty),
        "longitudeProperty": .string(longitudeProperty),
      ]
    ).first.map { path($0, from: 0) }
  }

  /// Up to `k` cheapest loopless paths (Yen), cheapest first.
  public func kShortestPaths(_ graph: AnalyticsGraph = .init(), from source: Int64, to target: Int64, k: Int) throws -> [WeightedPath] {
    try rows(.kShortestPaths, graph, ["sourceNode": .int(source), "targetNode": .int(target), "k": .int(Int64(k))])
      .map { path($0, from: 1) }
  }

  /// The relationships of a minimum spanning forest of the graph seen as undirected.
  public func minimumSpanningTree(_ graph: AnalyticsGraph = .init()) throws -> [SpanningTreeEdge] {
    try rows(.spanningTree, graph, [:]).compactMap { r in
      guard let s = r[0].nodeValue?.id, let t = r[1].nodeValue?.id, let rel = r[2].relationshipValue?.id else { return nil }
      return SpanningTreeEdge(source: s, target: t, relationshipID: rel, weight: r[3].doubleValue ?? 0)
    }
  }

  /// The weakly connected components: nodes joined by relationships in either direction.
  public func weaklyConnectedComponents(_ graph: AnalyticsGraph = .init()) throws -> ConnectedComponents {
    ConnectedComponents(try numbers(.weaklyConnectedComponents, graph))
  }

  /// The strongly connected components: nodes that reach each other along relationship direction.
  public func stronglyConnectedComponents(_ graph: AnalyticsGraph = .init()) throws -> ConnectedComponents {
    ConnectedComponents(try numbers(.stronglyConnectedComponents, graph))
  }

  /// Community of each node by seeded label propagation.
  public func labelPropagation(_ graph: AnalyticsGraph = .init(), seed: Int = 42) throws -> NodeValues<Int> {
    try numbers(.labelPropagation, graph, ["seed": .int(Int64(seed))])
  }

  /// Louvain communities and the modularity they reach.
  public func louvain(_ graph: AnalyticsGraph = .init(), resolution: Double = 1, seed: Int = 42) throws -> Communities {
    let output = try evaluate(.louvain, graph, ["resolution": .float(resolution), "seed": .int(Int64(seed))])
    guard case .communities(let p, let communities, let modularity) = output else { throw unexpected(.louvain) }
    return Communities(communityOf: NodeValues(index: p.nodeIndex, values: communities), modularity: modularity)
  }

  /// Triangles through each node and its local clustering coefficient.
  public func triangles(_ graph: AnalyticsGraph = .init()) throws -> (triangles: NodeValues<Int>, clustering: NodeValues<Double>) {
    guard case .triangles(let p, let triangles, let clustering) = try evaluate(.triangleCount, graph, [:]) else {
      throw unexpected(.triangleCount)
    }
    return (NodeValues(index: p.nodeIndex, values: triangles), NodeValues(index: p.nodeIndex, values: clustering))
  }

  /// Core number of each node.
  public func coreNumbers(_ graph: AnalyticsGraph = .init()) throws -> NodeValues<Int> { try numbers(.kCore, graph) }

  /// For each node its `topK` most similar nodes by Jaccard (or, with `overlap`, overlap)
  /// similarity of neighbour sets, at least `cutoff`.
  public func similarity(
    _ graph: AnalyticsGraph = .init(), overlap: Bool = false, topK: Int = 10, cutoff: Double = 1e-9
  ) throws -> [SimilarNodes] {
    try rows(overlap ? .overlap : .jaccard, graph, ["topK": .int(Int64(topK)), "similarityCutoff": .float(cutoff)]).compactMap { r in
      guard let a = r[0].nodeValue?.id, let b = r[1].nodeValue?.id else { return nil }
      return SimilarNodes(node1: a, node2: b, similarity: r[2].doubleValue ?? 0)
    }
  }
}

extension GraphProjection {
  /// The projection's nodes as the index of a per-node result, sharing its arrays.
  var nodeIndex: NodeIndex { NodeIndex(nodeIDs: graph.nodeIDs, positionOfID: indexOfID) }
}
