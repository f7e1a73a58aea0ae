// Runners for the component, community and similarity procedures: weakly and strongly connected
// components, label propagation, Louvain, triangle counts with clustering, k-cores, and Jaccard,
// overlap and cosine similarity. Each reads its keys into the typed options and runs the typed algorithm call
// (Analytics+Community.swift).
import GraphAlgorithms
import GraphCore

extension AlgorithmProcedure {
  func runCommunity(_ analytics: Analytics, _ config: inout AlgorithmConfig) throws -> AlgorithmOutput {
    let natural = [.stronglyConnectedComponents, .jaccard, .overlap, .cosine].contains(self)
    let spec = try ProjectionSpec(&config, direction: natural ? .outgoing : .both)
    switch self {
    case .weaklyConnectedComponents, .stronglyConnectedComponents:
      try config.finish()
      return .numbers(try analytics.components(spec, strong: self == .stronglyConnectedComponents))
    case .labelPropagation:
      var options = LabelPropagationOptions()
      options.maxIterations = try config.int("maxIterations", default: options.maxIterations)
      options.seed = try config.int("seed", default: options.seed)
      try config.finish()
      return .numbers(try analytics.labelPropagation(spec, options))
    case .louvain:
      var options = LouvainOptions()
      options.resolution = try config.double("resolution", default: options.resolution)
      options.maxLevels = try config.int("maxLevels", default: options.maxLevels)
      options.maxIterations = try config.int("maxIterations", default: options.maxIterations)
      options.tolerance = try config.double("tolerance", default: options.tolerance)
      options.seed = try config.int("seed", default: options.seed)
      try config.finish()
      let r = try analytics.louvain(spec, options)
      return .communities(r.projection, r.result.communities, modularity: r.result.modularity)
    case .localClusteringCoefficient:
      try config.finish()
      return .scores(try analytics.localClustering(spec))
    case .triangleCount:
      try config.finish()
      let r = try analytics.triangles(spec)
      return .triangles(r.projection, triangles: r.result.triangles, clustering: r.result.clustering)
    case .kCore:
      try config.finish()
      return .numbers(try analytics.coreNumbers(spec))
    case .modularity:
      let key = try config.requiredString("communityProperty")
      let resolution = try config.double("resolution", default: 1)
      try config.finish()
      let r = try analytics.modularity(spec, communityProperty: key, resolution: resolution)
      return .rows([[.int(Int64(r.result.communityCount)), .float(r.result.modularity)]])
    default:
      var options = SimilarityOptions()
      options.topK = try config.int("topK", default: options.topK)
      options.similarityCutoff = try config.double("similarityCutoff", default: options.similarityCutoff)
      try config.finish()
      let metric: SimilarityMetric = self == .overlap ? .overlap : self == .cosine ? .cosine : .jaccard
      let r = try analytics.similarity(spec, metric: metric, options)
      return .pairs(r.projection, r.result)
    }
  }
}
