// Runners for random walks, FastRP, node2vec and maximum flow: each reads its keys and runs the typed call
// (Analytics+Embeddings.swift).
import GraphAlgorithms
import GraphCore

extension AlgorithmProcedure {
  func runEmbeddings(_ analytics: Analytics, _ config: inout AlgorithmConfig) throws -> AlgorithmOutput {
    let spec = try ProjectionSpec(&config, direction: self == .fastRP || self == .node2vec ? .both : .outgoing)
    switch self {
    case .randomWalk:
      var options = RandomWalkOptions()
      options.walkLength = try config.int("walkLength", default: options.walkLength)
      options.walksPerNode = try config.int("walksPerNode", default: options.walksPerNode)
      options.sourceNodes = try config.nodeIDs("sourceNodes")
      options.randomSeed = try config.int("randomSeed", default: options.randomSeed)
      try config.finish()
      let r = try analytics.randomWalks(spec, options)
      return .rows(r.result.map { walk in [.list(walk.map { r.projection.node($0) })] })
    case .fastRP:
      var options = FastRPOptions()
      options.embeddingDimension = try config.int("embeddingDimension", default: options.embeddingDimension)
      options.iterationWeights = try config.doubles("iterationWeights") ?? options.iterationWeights
      options.nodeSelfInfluence = try config.double("nodeSelfInfluence", default: options.nodeSelfInfluence)
      options.randomSeed = try config.int("randomSeed", default: options.randomSeed)
      try config.finish()
      let r = try analytics.fastRP(spec, options)
      return .embeddings(r.projection, r.result)
    case .node2vec:
      var options = Node2VecOptions()
      options.walkLength = try config.int("walkLength", default: options.walkLength)
      options.walksPerNode = try config.int("walksPerNode", default: options.walksPerNode)
      options.returnFactor = try config.double("returnFactor", default: options.returnFactor)
      options.inOutFactor = try config.double("inOutFactor", default: options.inOutFactor)
      options.embeddingDimension = try config.int("embeddingDimension", default: options.embeddingDimension)
      options.windowSize = try config.int("windowSize", default: options.windowSize)
      options.negativeSamplingRate = try config.int("negativeSamplingRate", default: options.negativeSamplingRate)
      options.iterations = try config.int("iterations", default: options.iterations)
      options.initialLearningRate = try config.double("initialLearningRate", default: options.initialLearningRate)
      options.minLearningRate = try config.double("minLearningRate", default: options.minLearningRate)
      options.seed = UInt64(bitPattern: Int64(try config.int("randomSeed", default: 42)))
      try config.finish()
      let r = try analytics.node2vec(spec, options)
      return .embeddings(r.projection, r.result)
    default:
      let source = try config.requiredNodeID("sourceNode")
      let target = try config.requiredNodeID("targetNode")
      try config.finish()
      let r = try analytics.maxFlow(spec, from: source, to: target)
      return .rows([[.float(r.result.value), .list(r.result.sourceSide.map { r.projection.node($0) })]])
    }
  }
}
