// Random walks, FastRP and node2vec embeddings, maximum flow and Steiner trees in the embedding
// API: the same typed calls as `algo.randomWalk`, `algo.fastRP`, `algo.node2vec`, `algo.maxFlow`
// and `algo.steinerTree`.
import CypherRuntime
import GraphAlgorithms

/// A maximum flow's value and the source side of a minimum cut.
public struct MaximumFlow: Sendable {
  public let value: Double
  /// Node ids the source still reaches once the flow is at its maximum, ascending.
  public let sourceSide: [Int64]
}

/// A directed Steiner tree: its relationships parent → child, their total weight and the targets
/// the source does not reach.
public struct SteinerTreeResult: Sendable {
  /// The tree's relationships in the order they joined it.
  public let edges: [SpanningTreeEdge]
  /// The sum of the tree's relationship weights (its relationship count when unweighted).
  public let totalWeight: Double
  /// Target node ids the source does not reach, ascending by projection order.
  public let unreachedTargets: [Int64]
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

  /// node2vec embeddings of `embeddingDimension` numbers per node (undirected view by default);
  /// deterministic for a seed.
  public func node2vec(
    _ graph: AnalyticsGraph = .init(), walkLength: Int = 80, walksPerNode: Int = 10, returnFactor: Double = 1, inOutFactor: Double = 1,
    embeddingDimension: Int = 128, windowSize: Int = 10, negativeSamplingRate: Int = 5, iterations: Int = 1, seed: Int = 42
  ) throws -> NodeValues<[Double]> {
    var options = Node2VecOptions()
    options.walkLength = walkLength
    options.walksPerNode = walksPerNode
    options.returnFactor = returnFactor
    options.inOutFactor = inOutFactor
    options.embeddingDimension = embeddingDimension
    options.windowSize = windowSize
    options.negativeSamplingRate = negativeSamplingRate
    options.iterations = iterations
    options.seed = UInt64(bitPattern: Int64(seed))
    return values(try analytics.node2vec(graph.spec(.both), options))
  }

  /// A directed Steiner tree from `source` reaching `targets` (shortest-path heuristic).
  public func steinerTree(_ graph: AnalyticsGraph = .init(), from source: Int64, to targets: [Int64]) throws -> SteinerTreeResult {
    let r = try analytics.steinerTree(graph.spec(.outgoing), from: source, targets: targets)
    let p = r.projection
    let edges = r.result.edges.map {
      SpanningTreeEdge(
        source: p.graph.nodeIDs[$0.source], target: p.graph.nodeIDs[$0.target], relationshipID: p.relationshipID(slot: $0.edge),
        weight: $0.weight)
    }
    return SteinerTreeResult(edges: edges, totalWeight: r.result.totalWeight, unreachedTargets: r.result.unreached.map { p.graph.nodeIDs[$0] })
  }

  /// The maximum flow from `source` to `target`, weights as capacities (1 when unweighted).
  public func maxFlow(_ graph: AnalyticsGraph = .init(), from source: Int64, to target: Int64) throws -> MaximumFlow {
    let r = try analytics.maxFlow(graph.spec(.outgoing), from: source, to: target)
    return MaximumFlow(value: r.result.value, sourceSide: r.result.sourceSide.map { r.projection.graph.nodeIDs[$0] })
  }
}
