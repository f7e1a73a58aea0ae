// Runners for the component, community and similarity procedures: weakly and strongly connected
// components, label propagation, Louvain, triangle counts with clustering, k-cores, and Jaccard and
// overlap similarity.
import GraphAlgorithms
import GraphCore

extension AlgorithmProcedure {
  func runCommunity(_ input: AlgorithmInput, _ config: inout AlgorithmConfig) throws -> AlgorithmOutput {
    let natural = self == .stronglyConnectedComponents || self == .jaccard || self == .overlap
    let spec = try ProjectionSpec(&config, direction: natural ? .outgoing : .both)
    switch self {
    case .weaklyConnectedComponents:
      let p = try input.project(spec, config)
      return .numbers(p, Components.weak(p.graph))
    case .stronglyConnectedComponents:
      let p = try input.project(spec, config)
      return .numbers(p, Components.strong(p.graph))
    case .labelPropagation:
      let iterations = try config.int("maxIterations", default: 20, minimum: 1)
      let seed = try config.int("seed", default: 42, minimum: 0)
      let p = try input.project(spec, config)
      return .numbers(p, LabelPropagation.run(NeighbourSets(p.graph), maxIterations: iterations, seed: UInt64(seed), stop: input.stop).communities)
    case .louvain:
      let resolution = try config.double("resolution", default: 1, in: 0...1e9)
      let levels = try config.int("maxLevels", default: 10, minimum: 1)
      let passes = try config.int("maxIterations", default: 10, minimum: 1)
      let tolerance = try config.double("tolerance", default: 1e-7, in: 0...1)
      let seed = try config.int("seed", default: 42, minimum: 0)
      let p = try input.project(spec, config)
      let r = Louvain.run(
        NeighbourSets(p.graph), resolution: resolution, maxLevels: levels, maxPasses: passes, tolerance: tolerance,
        seed: UInt64(seed), stop: input.stop)
      return .communities(p, r.communities, modularity: r.modularity)
    case .triangleCount:
      let p = try input.project(spec, config)
      let sets = NeighbourSets(p.graph)
      let t = Triangles.count(sets)
      let c = Triangles.clustering(sets, triangles: t)
      return .triangles(p, triangles: t, clustering: c)
    case .kCore:
      let p = try input.project(spec, config)
      return .numbers(p, Triangles.coreNumbers(NeighbourSets(p.graph)))
    default:
      let topK = try config.int("topK", default: 10, minimum: 1)
      let cutoff = try config.double("similarityCutoff", default: 1e-9, in: 0...1)
      let p = try input.project(spec, config)
      let (rows, reverse) = NodeSimilarity.neighbourRows(p.graph, .outgoing)
      let pairs = NodeSimilarity.run(
        rows: rows, reverse: reverse, nodeCount: p.graph.nodeCount, metric: self == .jaccard ? .jaccard : .overlap,
        topK: topK, cutoff: cutoff)
      return .rows(pairs.map { [p.node($0.first), p.node($0.second), .float($0.similarity)] })
    }
  }
}
