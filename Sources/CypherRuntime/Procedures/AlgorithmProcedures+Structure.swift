// Runners for the structural procedures: bridges, articulation points, topological sort, longest
// paths, Bellman–Ford, ArticleRank, k-1 colouring and Leiden. Each reads its keys and runs the
// typed algorithm call (Analytics+Structure.swift).
import GraphAlgorithms
import GraphCore

extension AlgorithmProcedure {
  func runStructure(_ analytics: Analytics, _ config: inout AlgorithmConfig) throws -> AlgorithmOutput {
    let undirected: Set<AlgorithmProcedure> = [.bridges, .articulationPoints, .k1Coloring, .leiden]
    let spec = try ProjectionSpec(&config, direction: undirected.contains(self) ? .both : .outgoing)
    switch self {
    case .bridges:
      try config.finish()
      let r = try analytics.bridges(spec)
      let p = r.projection
      return .rows(
        r.result.map { [p.node($0.source), p.node($0.target), .relationship(Relationship(id: p.relationshipID(slot: $0.slot)))] })
    case .articulationPoints:
      try config.finish()
      let r = try analytics.articulationPoints(spec)
      return .rows(r.result.map { [r.projection.node($0)] })
    case .topologicalSort:
      try config.finish()
      let r = try analytics.topologicalOrder(spec)
      return .visits(r.projection, r.result.enumerated().map { ($0.element, $0.offset) })
    case .longestPath:
      try config.finish()
      let r = try analytics.longestPaths(spec)
      return .costs(r.projection, distance: ContiguousArray(r.result.distance), settled: ContiguousArray(r.result.order.map { Int32($0) }))
    case .bellmanFord:
      let source = try config.requiredNodeID("sourceNode")
      try config.finish()
      let r = try analytics.bellmanFord(spec, from: source)
      let p = r.projection
      if let cycle = r.result.negativeCycle { return .rows(cycle.map { [p.node($0), .null, .bool(true)] }) }
      let d = r.result.distance
      return .rows(d.indices.filter { d[$0] < .infinity }.map { [p.node($0), .float(d[$0]), .bool(false)] })
    case .articleRank:
      var options = PageRankOptions()
      options.dampingFactor = try config.double("dampingFactor", default: options.dampingFactor)
      options.maxIterations = try config.int("maxIterations", default: options.maxIterations)
      options.tolerance = try config.double("tolerance", default: options.tolerance)
      try config.finish()
      return .scores(try analytics.articleRank(spec, options))
    case .k1Coloring:
      try config.finish()
      return .numbers(try analytics.coloring(spec))
    default:
      var options = LouvainOptions()
      options.resolution = try config.double("resolution", default: options.resolution)
      options.maxLevels = try config.int("maxLevels", default: options.maxLevels)
      options.seed = try config.int("seed", default: options.seed)
      try config.finish()
      let r = try analytics.leiden(spec, options)
      return .communities(r.projection, r.result.communities, modularity: r.result.modularity)
    }
  }
}
