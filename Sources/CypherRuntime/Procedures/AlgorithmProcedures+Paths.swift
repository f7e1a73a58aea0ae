// Runners for the traversal and path procedures: BFS and DFS orders, Dijkstra (single source and
// single pair), delta-stepping, the Steiner tree, A*, Yen's k shortest paths, all-pairs distances and the minimum spanning tree.
// Each reads its keys and runs the typed algorithm call (Analytics+Paths.swift).
import GraphAlgorithms
import GraphCore

extension AlgorithmProcedure {
  func runPaths(_ analytics: Analytics, _ config: inout AlgorithmConfig) throws -> AlgorithmOutput {
    let undirected = self == .spanningTree
    let spec = try ProjectionSpec(&config, direction: undirected ? .both : .outgoing, weighted: self != .bfs && self != .dfs)
    switch self {
    case .bfs, .dfs:
      let source = try config.requiredNodeID("sourceNode")
      let maxDepth = try config.int("maxDepth", default: .max)
      try config.finish()
      let r = try analytics.traverse(spec, from: source, depthFirst: self == .dfs, maxDepth: maxDepth)
      return .visits(r.projection, r.result)
    case .dijkstraSingleSource:
      let source = try config.requiredNodeID("sourceNode")
      try config.finish()
      let r = try analytics.distances(spec, from: source)
      return .costs(r.projection, distance: r.result.distance, settled: r.result.settled)
    case .deltaStepping:
      let source = try config.requiredNodeID("sourceNode")
      let delta = try config.double("delta", default: Analytics.defaultDelta)
      try config.finish()
      let r = try analytics.deltaStepping(spec, from: source, delta: delta)
      return .costs(r.projection, distance: r.result.distance, settled: r.result.settled)
    case .dijkstra, .aStar, .kShortestPaths:
      return .rows(try runPairPaths(analytics, spec, &config))
    case .steinerTree:
      let source = try config.requiredNodeID("sourceNode")
      let targets = try config.nodeIDs("targetNodes")
      try config.finish()
      let r = try analytics.steinerTree(spec, from: source, targets: targets)
      let p = r.projection
      return .rows(
        r.result.edges.map {
          [p.node($0.source), p.node($0.target), .relationship(Relationship(id: p.relationshipID(slot: $0.edge))), .float($0.weight)]
        })
    case .allPairsShortestPaths:
      try config.finish()
      let r = try analytics.allPairs(spec)
      let p = r.projection
      return .rows(r.result.map { [p.node($0.source), p.node($0.target), .float($0.cost)] })
    default:
      let maximum = try config.bool("maximum", default: false)
      try config.finish()
      let r = try analytics.spanningTree(spec, maximum: maximum)
      let p = r.projection
      return .rows(
        r.result.map {
          [p.node($0.source), p.node($0.target), .relationship(Relationship(id: p.relationshipID(slot: $0.edge))), .float($0.weight)]
        })
    }
  }

  /// Dijkstra, A* and Yen between `sourceNode` and `targetNode`.
  private func runPairPaths(_ analytics: Analytics, _ spec: ProjectionSpec, _ config: inout AlgorithmConfig) throws -> [[Value]] {
    let source = try config.requiredNodeID("sourceNode")
    let target = try config.requiredNodeID("targetNode")
    let k = self == .kShortestPaths ? try config.int("k", default: 3) : 1
    let latitudeKey = self == .aStar ? try config.string("latitudeProperty") ?? "latitude" : ""
    let longitudeKey = self == .aStar ? try config.string("longitudeProperty") ?? "longitude" : ""
    try config.finish()
    func row(_ p: GraphProjection, _ path: IndexPath) -> [Value] {
      [.float(path.totalCost), .list(path.nodes.map { p.node($0) }), .list(path.costs.map { .float($0) }), p.pathValue(path)]
    }
    switch self {
    case .aStar:
      let r = try analytics.aStar(spec, from: source, to: target, latitudeKey: latitudeKey, longitudeKey: longitudeKey)
      return r.result.path.map { [row(r.projection, $0) + [.int(Int64(r.result.expanded))]] } ?? []
    case .kShortestPaths:
      let r = try analytics.kShortestPaths(spec, from: source, to: target, k: k)
      return r.result.enumerated().map { [.int(Int64($0.offset))] + row(r.projection, $0.element) }
    default:
      let r = try analytics.shortestPath(spec, from: source, to: target)
      return r.result.map { [row(r.projection, $0)] } ?? []
    }
  }
}
