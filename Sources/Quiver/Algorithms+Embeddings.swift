// Random walks, FastRP embeddings and maximum flow in the embedding API: the same typed calls as
// `algo.randomWalk`, `algo.fastRP` and `algo.maxFlow`.
import CypherRuntime
import GraphAlgorithms

/// A maximum flow's value and the source side of a minimum cut.
public struct MaximumFlow: Sendable {
  public let value: Double
  /// Node ids the source still reaches once the flow is at its maximum, ascending.
  public let sourceSide: [Int64]
}

extension GraphAnalytics {
  /// Seeded random walks (each a list of node ids, start first), `walksPerNode` from each of
  /// `sourceNodes` (every node when empty), in that order; deterministic for a seed.
  public func randomWalks(
    _ graph: AnalyticsGraph = .init(), walkLength: Int = 80, walksPerNode: Int = 10, sourceNodes: [Int64] = [], seed: Int = 42
  ) throws -> [[Int64]] {
    var options = RandomWalkOptions()
    options.walkLength = walkLength
    options.walksPerNode = walksPerNode
    options.sourceNodes = sourceNodes
    options.randomSeed = seed
    let r = try analytics.randomWalks(graph.spec(.outgoing), options)
    let ids = r.projection.graph.nodeIDs
    return r.result.map { $0.map { ids[$0] } }
  }

  /// FastRP embeddings of `dimension` numbers per node; deterministic for a seed.
  public func fastRP(
    _ graph: AnalyticsGraph = .init(), dimension: Int = 128, iterationWeights: [Double] = [0, 1, 1], nodeSelfInfluence: Double = 0,
    seed: Int = 42
  ) throws -> NodeValues<[Double]> {
    var options = FastRPOptions()
    options.embeddingDimension = dimension
    options.iterationWeights = iterationWeights
    options.nodeSelfInfluence = nodeSelfInfluence
    options.randomSeed = seed
    return values(try analytics.fastRP(graph.spec(.both), options))
  }

  /// The maximum flow from `source` to `target`, weights as capacities (1 when unweighted).
  public func maxFlow(_ graph: AnalyticsGraph = .init(), from source: Int64, to target: Int64) throws -> MaximumFlow {
    let r = try analytics.maxFlow(graph.spec(.outgoing), from: source, to: target)
    return MaximumFlow(value: r.result.value, sourceSide: r.result.sourceSide.map { r.projection.graph.nodeIDs[$0] })
  }
}
