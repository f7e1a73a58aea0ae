// k-nearest neighbours over node properties as a typed call: reads each property of the
// projected nodes (from the named graph when it holds the property, else from the store), decides
// how it compares nodes (numbers, number lists as vectors, lists as sets) and runs the exact,
// brute-force search, which is refused above `knnNodeLimit` nodes.
import GraphAlgorithms
import GraphCore

/// k-nearest neighbours: the properties compared (each with its metric, or nil for the default
/// of its values), how many neighbours to keep and the least similarity.
package struct KNNOptions: Sendable {
  /// Property names with an optional metric each (COSINE, EUCLIDEAN, PEARSON, JACCARD, OVERLAP).
  package var nodeProperties: [(key: String, metric: String?)] = []
  package var topK = 10
  package var similarityCutoff = 0.0
  package init() {}

  func check(_ c: OptionCheck) throws {
    if nodeProperties.isEmpty { throw c.invalid("nodeProperties", "is required (a property name, a list of them, or a map of name to metric)") }
    try c.int(topK, "topK", minimum: 1)
    try c.double(similarityCutoff, "similarityCutoff")
  }
}

extension Analytics {
  /// Largest projection `knn` compares exhaustively (n² pairs).
  package static let knnNodeLimit = 20_000

  /// For each node its `topK` most similar other nodes over `options.nodeProperties`, best first
  /// (ties by projection order); pairs by dense node index.
  package func knn(_ spec: ProjectionSpec, _ options: KNNOptions) throws -> Projected<[SimilarPair]> {
    let check = OptionCheck(procedure: .knn)
    try options.check(check)
    let p = try project(spec, check)
    let n = p.graph.nodeCount
    guard n <= Self.knnNodeLimit else {
      throw check.invalid(
        spec.graphName == nil ? "label" : "graph",
        "selects \(n) nodes, more than the \(Self.knnNodeLimit) the exact search compares pairwise; select fewer nodes")
    }
    // A node has at most n - 1 neighbours; the pairs kept are bounded as well (24 bytes each).
    let topK = min(options.topK, max(n - 1, 1))
    try check.size([n, topK], within: 1 << 25, "topK", unit: "result pairs")
    let features = try options.nodeProperties.map { try feature($0.key, metric: $0.metric, p, spec, check) }
    let pairs = NearestNeighbours.run(features, nodeCount: n, topK: topK, cutoff: options.similarityCutoff, stop: stop)
    return Projected(projection: p, result: pairs)
  }

  /// How property `key` compares the nodes of `p`: numbers as scalars, lists of numbers as
  /// vectors (COSINE by default when any is a float) or sets (JACCARD by default for integers),
  /// other lists as sets; every node needs the property, and vectors one length.
  private func feature(_ key: String, metric: String?, _ p: GraphProjection, _ spec: ProjectionSpec, _ check: OptionCheck) throws -> NodeFeature {
    let metricName = metric?.uppercased()
    let vectorMetric = metricName.flatMap(VectorMetric.init(rawValue:))
    let setMetric = metricName.flatMap(SetMetric.init(rawValue:))
    if let metric, vectorMetric == nil, setMetric == nil {
      let known = (VectorMetric.allCases.map(\.rawValue) + SetMetric.allCases.map(\.rawValue)).map { "'\($0)'" }.joined(separator: ", ")
      throw check.invalid("nodeProperties", "names the metric '\(metric)' for '\(key)'; known metrics: \(known)")
    }
    if let name = spec.graphName, let graph = try? namedGraph(name), graph.nodeProperties[key] != nil {
      guard metric == nil else { throw check.invalid("nodeProperties", "'\(key)' holds numbers, which take no metric") }
      return .scalar(try graph.nodeProperty(key))
    }
    let keyID = store.propertyKeyID(key)
    let values: [Value] = try p.graph.nodeIDs.map { id in
      guard let v = store.nodeProperty(id, key: keyID) ?? nil, !v.isNull else {
        throw check.invalid("nodeProperties", "'\(key)' is missing on node \(id); every node needs it")
      }
      return v
    }
    if values.allSatisfy({ $0.doubleValue != nil }) {
      guard metric == nil else { throw check.invalid("nodeProperties", "'\(key)' holds numbers, which take no metric") }
      return .scalar(values.map { $0.doubleValue ?? 0 })
    }
    let lists: [[Value]] = try values.enumerated().map { i, v in
      guard let list = v.listValue else {
        throw check.invalid("nodeProperties", "'\(key)' must hold a number or a list on every node, got \(v.typeName) on node \(p.graph.nodeIDs[i])")
      }
      return list
    }
    let numeric = lists.allSatisfy { $0.allSatisfy { $0.doubleValue != nil } }
    let floats = lists.contains { $0.contains { if case .float = $0 { true } else { false } } }
    if let vectorMetric = vectorMetric ?? (setMetric == nil && numeric && floats ? .cosine : nil) {
      guard numeric else { throw check.invalid("nodeProperties", "'\(key)' must hold lists of numbers for \(vectorMetric.rawValue)") }
      let dimension = lists.first?.count ?? 0
      if let i = lists.firstIndex(where: { $0.count != dimension }) {
        throw check.invalid(
          "nodeProperties", "'\(key)' has \(lists[i].count) numbers on node \(p.graph.nodeIDs[i]) but \(dimension) on node \(p.graph.nodeIDs[0]); vectors need one length")
      }
      return .vectors(values: lists.flatMap { $0.map { $0.doubleValue ?? 0 } }, dimension: dimension, metric: vectorMetric)
    }
    var numbers: [SetElement: Int32] = [:]
    let sets = lists.map { list in
      Array(Set(list.map { item in
        let e = SetElement(item)
        if let k = numbers[e] { return k }
        let k = Int32(numbers.count)
        numbers[e] = k
        return k
      })).sorted()
    }
    return .sets(sets, metric: setMetric ?? .jaccard)
  }
}

/// A list element as a set member: integers and floats of equal value are one element, as
/// Cypher's equality has them.
private enum SetElement: Hashable {
  case number(Double)
  case text(String)
  case other(String)

  init(_ v: Value) {
    if let x = v.doubleValue { self = .number(x) } else if let s = v.stringValue { self = .text(s) } else { self = .other("\(v)") }
  }
}
