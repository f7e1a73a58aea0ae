// Runners for the traversal and path procedures: BFS and DFS orders, Dijkstra (single source and
// single pair), A*, Yen's k shortest paths, all-pairs distances and the minimum spanning tree.
import GraphAlgorithms
import GraphCore

extension AlgorithmProcedure {
  /// Largest graph `algo.allPairsShortestPaths` accepts (its output grows with n²).
  static let allPairsNodeLimit = 2_000

  func runPaths(_ input: AlgorithmInput, _ config: inout AlgorithmConfig) throws -> AlgorithmOutput {
    let undirected = self == .spanningTree
    let spec = try ProjectionSpec(&config, direction: undirected ? .both : .outgoing, weighted: self != .bfs && self != .dfs)
    switch self {
    case .bfs, .dfs:
      let sourceID = try config.requiredNodeID("sourceNode")
      let maxDepth = try config.int("maxDepth", default: .max, minimum: 0)
      let p = try input.project(spec, config)
      let source = try p.index(of: sourceID, key: "sourceNode", config)
      let g = p.graph
      let visits =
        self == .bfs
        ? Traversal.bfs(g.forward, nodeCount: g.nodeCount, from: source, maxDepth: maxDepth)
        : Traversal.dfs(g.forward, nodeCount: g.nodeCount, from: source, maxDepth: maxDepth)
      return .visits(p, visits)
    case .dijkstraSingleSource:
      let sourceID = try config.requiredNodeID("sourceNode")
      let p = try input.project(spec, config)
      try requireNonNegative(p, spec)
      let source = try p.index(of: sourceID, key: "sourceNode", config)
      let r = WeightedPaths.distances(p.graph, from: source)
      return .costs(p, distance: r.distance, settled: r.settled)
    case .dijkstra, .aStar, .kShortestPaths:
      return .rows(try runPairPaths(input, spec, &config))
    case .allPairsShortestPaths:
      let p = try input.project(spec, config)
      guard p.graph.nodeCount <= Self.allPairsNodeLimit else {
        throw QuiverError.runtime(
          .argument, .invalidArgumentValue,
          "\(rawValue): the projected graph has \(p.graph.nodeCount) nodes, more than the limit of \(Self.allPairsNodeLimit); "
            + "select fewer nodes with 'label' or use algo.dijkstra.singleSource")
      }
      try requireNonNegative(p, spec)
      return .rows(
        WeightedPaths.allPairs(p.graph, weighted: spec.weightProperty != nil, stop: input.stop).map {
          [p.node($0.source), p.node($0.target), .float($0.cost)]
        })
    default:
      let maximum = try config.bool("maximum", default: false)
      let p = try input.project(spec, config)
      return .rows(
        SpanningTree.kruskal(p.graph, maximum: maximum).map {
          [p.node($0.source), p.node($0.target), .relationship(Relationship(id: p.relationshipID(slot: $0.edge))), .float($0.weight)]
        })
    }
  }

  /// Dijkstra, A* and Yen between `sourceNode` and `targetNode`.
  private func runPairPaths(_ input: AlgorithmInput, _ spec: ProjectionSpec, _ config: inout AlgorithmConfig) throws -> [[Value]] {
    let sourceID = try config.requiredNodeID("sourceNode")
    let targetID = try config.requiredNodeID("targetNode")
    let k = self == .kShortestPaths ? try config.int("k", default: 3, minimum: 1, maximum: 1000) : 1
    let latitudeKey = self == .aStar ? try config.string("latitudeProperty") ?? "latitude" : ""
    let longitudeKey = self == .aStar ? try config.string("longitudeProperty") ?? "longitude" : ""
    let p = try input.project(spec, config)
    try requireNonNegative(p, spec)
    let source = try p.index(of: sourceID, key: "sourceNode", config)
    let target = try p.index(of: targetID, key: "targetNode", config)
    func row(_ path: IndexPath) -> [Value] {
      [.float(path.totalCost), .list(path.nodes.map { p.node($0) }), .list(path.costs.map { .float($0) }), p.pathValue(path)]
    }
    switch self {
    case .aStar:
      var latitude = [Double](repeating: .nan, count: p.graph.nodeCount)
      var longitude = latitude
      let latitudeID = input.store.propertyKeyID(latitudeKey)
      let longitudeID = input.store.propertyKeyID(longitudeKey)
      for (i, id) in p.graph.nodeIDs.enumerated() {
        latitude[i] = input.store.nodeProperty(id, key: latitudeID)??.doubleValue ?? .nan
        longitude[i] = input.store.nodeProperty(id, key: longitudeID)??.doubleValue ?? .nan
      }
      let r = WeightedPaths.aStar(p.graph, from: source, to: target, latitude: latitude, longitude: longitude)
      return r.path.map { [row($0) + [.int(Int64(r.expanded))]] } ?? []
    case .kShortestPaths:
      return KShortestPaths.yen(p.graph, from: source, to: target, k: k).enumerated().map { [.int(Int64($0.offset))] + row($0.element) }
    default:
      return WeightedPaths.singlePair(p.graph, from: source, to: target).map { [row($0)] } ?? []
    }
  }
}
