// Runners for the centrality procedures: degree, PageRank, betweenness, closeness, harmonic,
// eigenvector and HITS. Each reads its keys, projects the graph and yields one row per node.
import GraphAlgorithms
import GraphCore

extension AlgorithmProcedure {
  func runCentrality(_ input: AlgorithmInput, _ config: inout AlgorithmConfig) throws -> AlgorithmOutput {
    let spec = try ProjectionSpec(&config, direction: .outgoing)
    let weighted = spec.weightProperty != nil
    switch self {
    case .pageRank:
      let damping = try config.double("dampingFactor", default: 0.85, in: 0...0.999_999)
      let iterations = try config.int("maxIterations", default: 20, minimum: 1)
      let tolerance = try config.double("tolerance", default: 1e-7, in: 0...1)
      let sourceIDs = try config.nodeIDs("sourceNodes")
      let p = try input.project(spec, config)
      try requireNonNegative(p, spec)
      let sources = try sourceIDs.map { try p.index(of: $0, key: "sourceNodes", config) }
      let r = PageRank.run(
        p.graph, damping: damping, maxIterations: iterations, tolerance: tolerance, sources: sources, weighted: weighted,
        stop: input.stop)
      return .scores(p, r.scores)
    case .betweenness:
      let samples = config.has("samplingSize") ? try config.int("samplingSize", default: 0, minimum: 1) : nil
      let seed = try config.int("samplingSeed", default: 0, minimum: 0)
      let normalized = try config.bool("normalized", default: true)
      let p = try input.project(spec, config)
      try requireNonNegative(p, spec)
      return .scores(p, Betweenness.run(p.graph, samples: samples, seed: UInt64(seed), weighted: weighted, normalized: normalized, stop: input.stop))
    case .closeness:
      let improved = try config.bool("wfImproved", default: true)
      let p = try input.project(spec, config)
      try requireNonNegative(p, spec)
      return .scores(p, Closeness.closeness(p.graph, weighted: weighted, wfImproved: improved, stop: input.stop))
    case .harmonic:
      let p = try input.project(spec, config)
      try requireNonNegative(p, spec)
      return .scores(p, Closeness.harmonic(p.graph, weighted: weighted, stop: input.stop))
    case .eigenvector:
      let iterations = try config.int("maxIterations", default: 100, minimum: 1)
      let tolerance = try config.double("tolerance", default: 1e-6, in: 0...1)
      let p = try input.project(spec, config)
      return .scores(p, EigenvectorCentrality.run(p.graph, maxIterations: iterations, tolerance: tolerance, weighted: weighted, stop: input.stop).scores)
    case .hits:
      let iterations = try config.int("maxIterations", default: 100, minimum: 1)
      let tolerance = try config.double("tolerance", default: 1e-8, in: 0...1)
      let p = try input.project(spec, config)
      let r = HITS.run(p.graph, maxIterations: iterations, tolerance: tolerance, stop: input.stop)
      return .hubsAndAuthorities(p, hubs: r.hubs, authorities: r.authorities)
    default:
      let p = try input.project(spec, config)
      return .scores(p, DegreeCentrality.run(p.graph, orientation: .outgoing, weighted: weighted))
    }
  }

  /// Shortest-path based algorithms refuse negative weights.
  func requireNonNegative(_ p: GraphProjection, _ spec: ProjectionSpec) throws {
    if let key = spec.weightProperty { try WeightedPaths.requireNonNegative(p.graph, property: key) }
  }
}
