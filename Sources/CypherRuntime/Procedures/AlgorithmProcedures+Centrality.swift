// Runners for the centrality procedures: degree, PageRank, betweenness, closeness, harmonic,
// eigenvector and HITS. Each reads its keys into the typed options, runs the typed algorithm call
// (Analytics+Centrality.swift) and yields one row per node.
import GraphAlgorithms
import GraphCore

extension AlgorithmProcedure {
  func runCentrality(_ analytics: Analytics, _ config: inout AlgorithmConfig) throws -> AlgorithmOutput {
    let spec = try ProjectionSpec(&config, direction: .outgoing)
    switch self {
    case .pageRank:
      var options = PageRankOptions()
      options.dampingFactor = try config.double("dampingFactor", default: options.dampingFactor)
      options.maxIterations = try config.int("maxIterations", default: options.maxIterations)
      options.tolerance = try config.double("tolerance", default: options.tolerance)
      options.sourceNodes = try config.nodeIDs("sourceNodes")
      try config.finish()
      return .scores(try analytics.pageRank(spec, options))
    case .betweenness:
      var options = BetweennessOptions()
      options.sampling = try config.sampling()
      options.normalized = try config.bool("normalized", default: options.normalized)
      try config.finish()
      return .scores(try analytics.betweenness(spec, options))
    case .closeness:
      let improved = try config.bool("wfImproved", default: true)
      let sampling = try config.sampling()
      try config.finish()
      return .scores(try analytics.closeness(spec, wfImproved: improved, sampling: sampling))
    case .harmonic:
      let sampling = try config.sampling()
      try config.finish()
      return .scores(try analytics.harmonic(spec, sampling: sampling))
    case .eigenvector, .hits:
      var options = IterationOptions(tolerance: self == .hits ? 1e-8 : 1e-6)
      options.maxIterations = try config.int("maxIterations", default: options.maxIterations)
      options.tolerance = try config.double("tolerance", default: options.tolerance)
      try config.finish()
      if self == .eigenvector { return .scores(try analytics.eigenvector(spec, options)) }
      let r = try analytics.hits(spec, options)
      return .hubsAndAuthorities(r.projection, hubs: r.result.hubs, authorities: r.result.authorities)
    default:
      try config.finish()
      return .scores(try analytics.degree(spec))
    }
  }
}
