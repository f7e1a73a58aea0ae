// k-nearest neighbours over node properties in the embedding API: the same typed call as
// `algo.knn`, with the properties and their metrics named in Swift.
import CypherRuntime
import GraphAlgorithms

/// How `GraphAnalytics.knn` compares one node property of two nodes (numbers need none: they
/// compare as 1 / (1 + |a − b|)).
public enum PropertySimilarityMetric: String, Sendable, CaseIterable {
  /// Cosine of two number lists, in [−1, 1] (the default for lists holding a float).
  case cosine = "COSINE"
  /// 1 / (1 + Euclidean distance) of two number lists.
  case euclidean = "EUCLIDEAN"
  /// Pearson correlation of two number lists.
  case pearson = "PEARSON"
  /// |A ∩ B| / |A ∪ B| of two lists as sets (the default for other lists).
  case jaccard = "JACCARD"
  /// |A ∩ B| / min(|A|, |B|) of two lists as sets.
  case overlap = "OVERLAP"
}

extension GraphAnalytics {
  /// For each node its `topK` most similar other nodes over `nodeProperties` (the mean of the
  /// similarities of the properties, each by the metric `metrics` gives it or its default),
  /// at least `similarityCutoff`, best first; exact, refused above 20,000 nodes.
  public func knn(
    _ graph: AnalyticsGraph = .init(), nodeProperties: [String], metrics: [String: PropertySimilarityMetric] = [:], topK: Int = 10,
    similarityCutoff: Double = 0
  ) throws -> [SimilarNodes] {
    var options = KNNOptions()
    options.nodeProperties = nodeProperties.map { ($0, metrics[$0]?.rawValue) }
    options.topK = topK
    options.similarityCutoff = similarityCutoff
    let r = try analytics.knn(graph.spec(.outgoing, weighted: false), options)
    let ids = r.projection.graph.nodeIDs
    return r.result.map { SimilarNodes(node1: ids[$0.first], node2: ids[$0.second], similarity: $0.similarity) }
  }
}
