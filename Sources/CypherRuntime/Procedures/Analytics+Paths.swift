// The traversal and path algorithms as typed calls: BFS and DFS orders, Dijkstra (single source
// and single pair), delta-stepping, A*, Yen's k shortest paths, all-pairs distances and the minimum spanning tree.
// Nodes are named by id and checked against the projection.
import GraphAlgorithms
import GraphCore

extension Analytics {
  /// Largest graph `allPairsShortestPaths` accepts (its output grows with n²).
  static let allPairsNodeLimit = 2_000

  /// Nodes in breadth-first (or depth-first) order from `source`, with their depths.
  package func traverse(
    _ spec: ProjectionSpec, from source: Int64, depthFirst: Bool, maxDepth: Int = .max
  ) throws -> Projected<[(node: Int, depth: Int)]> {
    let check = OptionCheck(procedure: depthFirst ? .dfs : .bfs)
    try check.int(maxDepth, "maxDepth")
    let p = try project(spec, check)
    let s = try check.index(of: source, in: p, "sourceNode")
    let g = p.graph
    let visits =
      depthFirst
      ? Traversal.dfs(g.forward, nodeCount: g.nodeCount, from: s, maxDepth: maxDepth)
      : Traversal.bfs(g.forward, nodeCount: g.nodeCount, from: s, maxDepth: maxDepth)
    return Projected(projection: p, result: visits)
  }

  /// Cost of the cheapest path from `source` to every node (infinity where unreached), and the
  /// reached nodes in the order they were settled.
  package func distances(
    _ spec: ProjectionSpec, from source: Int64
  ) throws -> Projected<(distance: ContiguousArray<Double>, settled: ContiguousArray<Int32>)> {
    let check = OptionCheck(procedure: .dijkstraSingleSource)
    let p = try projectNonNegative(spec, check)
    let r = WeightedPaths.distances(p.graph, from: try check.index(of: source, in: p, "sourceNode"))
    return Projected(projection: p, result: (r.distance, r.settled))
  }

  /// The bucket width delta-stepping takes when none is given (GDS's default).
  package static let defaultDelta = 2.0

  /// What `distances` computes, by parallel delta-stepping with buckets `delta` wide: the cost
  /// of the cheapest path from `source` to every node (infinity where unreached), and the reached
  /// nodes by cost (ties by projection order).
  package func deltaStepping(
    _ spec: ProjectionSpec, from source: Int64, delta: Double = defaultDelta
  ) throws -> Projected<(distance: ContiguousArray<Double>, settled: ContiguousArray<Int32>)> {
    let check = OptionCheck(procedure: .deltaStepping)
    try check.double(delta, "delta")
    guard delta > 0 else { throw check.invalid("delta", "must be greater than 0, got \(delta)") }
    let p = try projectNonNegative(spec, check)
    let r = DeltaStepping.run(p.graph, from: try check.index(of: source, in: p, "sourceNode"), delta: delta, stop: stop)
    return Projected(projection: p, result: (r.distance, r.settled))
  }

  /// A cheapest path by Dijkstra, or nil when `target` is unreachable.
  package func shortestPath(_ spec: ProjectionSpec, from source: Int64, to target: Int64) throws -> Projected<IndexPath?> {
    let check = OptionCheck(procedure: .dijkstra)
    let p = try projectNonNegative(spec, check)
    let (s, t) = (try check.index(of: source, in: p, "sourceNode"), try check.index(of: target, in: p, "targetNode"))
    return Projected(projection: p, result: WeightedPaths.singlePair(p.graph, from: s, to: t))
  }

  /// A cheapest path by A*, guided by the great-circle distance between the nodes' coordinates
  /// (the properties `latitudeKey` and `longitudeKey`), and how many nodes it expanded.
  package func aStar(
    _ spec: ProjectionSpec, from source: Int64, to target: Int64, latitudeKey: String, longitudeKey: String
  ) throws -> Projected<(path: IndexPath?, expanded: Int)> {
    let check = OptionCheck(procedure: .aStar)
    let p = try projectNonNegative(spec, check)
    let (s, t) = (try check.index(of: source, in: p, "sourceNode"), try check.index(of: target, in: p, "targetNode"))
    let latitude = try nodeNumbers(latitudeKey, p, spec)
    let longitude = try nodeNumbers(longitudeKey, p, spec)
    let r = WeightedPaths.aStar(p.graph, from: s, to: t, latitude: latitude, longitude: longitude)
    return Projected(projection: p, result: (r.path, r.expanded))
  }

  /// Up to `k` cheapest loopless paths (Yen), cheapest first.
  package func kShortestPaths(_ spec: ProjectionSpec, from source: Int64, to target: Int64, k: Int) throws -> Projected<[IndexPath]> {
    let check = OptionCheck(procedure: .kShortestPaths)
    try check.int(k, "k", minimum: 1, maximum: 1000)
    let p = try projectNonNegative(spec, check)
    let (s, t) = (try check.index(of: source, in: p, "sourceNode"), try check.index(of: target, in: p, "targetNode"))
    return Projected(projection: p, result: KShortestPaths.yen(p.graph, from: s, to: t, k: k))
  }

  /// The cost between every ordered pair of nodes that are connected; refuses graphs over
  /// `allPairsNodeLimit` nodes.
  package func allPairs(_ spec: ProjectionSpec) throws -> Projected<[(source: Int, target: Int, cost: Double)]> {
    let check = OptionCheck(procedure: .allPairsShortestPaths)
    let p = try project(spec, check)
    guard p.graph.nodeCount <= Self.allPairsNodeLimit else {
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue,
        "\(check.procedure.rawValue): the projected graph has \(p.graph.nodeCount) nodes, more than the limit of \(Self.allPairsNodeLimit); "
          + "select fewer nodes with 'label' or use algo.dijkstra.singleSource")
    }
    if let key = spec.weightProperty { try WeightedPaths.requireNonNegative(p.graph, property: key) }
    return Projected(projection: p, result: WeightedPaths.allPairs(p.graph, weighted: p.graph.isWeighted, stop: stop))
  }

  /// The edges of a minimum (or, with `maximum`, maximum) spanning forest.
  package func spanningTree(_ spec: ProjectionSpec, maximum: Bool = false) throws -> Projected<[TreeEdge]> {
    let p = try project(spec, OptionCheck(procedure: .spanningTree))
    return Projected(projection: p, result: SpanningTree.kruskal(p.graph, maximum: maximum))
  }
}
