// node2vec embeddings and the minimum directed Steiner tree as typed calls: node2vec with GDS's
// options (walks, the return and in-out factors, skip-gram sizes, seed), deterministic for a
// seed; the Steiner tree from a source to terminal nodes by the shortest-path heuristic.
import GraphAlgorithms
import GraphCore

/// node2vec's options are the algorithm's settings (GDS's names), checked here by key.
package typealias Node2VecOptions = Node2VecSettings

extension Node2VecSettings {
  func check(_ c: OptionCheck) throws {
    // Upper bounds far above GDS's defaults; the products they size (steps held, values
    // trained) are checked against the graph once it is projected.
    try c.int(walkLength, "walkLength", minimum: 2, maximum: 100_000)
    try c.int(walksPerNode, "walksPerNode", minimum: 1, maximum: 10_000)
    try c.double(returnFactor, "returnFactor", in: 1e-9...1e9)
    try c.double(inOutFactor, "inOutFactor", in: 1e-9...1e9)
    try c.int(embeddingDimension, "embeddingDimension", minimum: 1, maximum: 4096)
    try c.int(windowSize, "windowSize", minimum: 1, maximum: 1_000)
    try c.int(negativeSamplingRate, "negativeSamplingRate", minimum: 0, maximum: 1_000)
    try c.int(iterations, "iterations", minimum: 1, maximum: 1_000)
    try c.double(initialLearningRate, "initialLearningRate", in: 1e-9...1)
    try c.double(minLearningRate, "minLearningRate", in: 0...1)
  }
}

extension Analytics {
  /// node2vec embeddings by dense node index.
  package func node2vec(_ spec: ProjectionSpec, _ options: Node2VecOptions) throws -> Projected<[[Double]]> {
    let check = OptionCheck(procedure: .node2vec)
    try options.check(check)
    let p = try projectNonNegative(spec, check)
    // The walks are kept (4 bytes a step) and two tables of n × dimension doubles trained.
    try check.size([p.graph.nodeCount, options.walksPerNode, options.walkLength], within: 1 << 31, "walksPerNode', 'walkLength", unit: "walk steps")
    try check.size([p.graph.nodeCount, options.embeddingDimension], within: 1 << 28, "embeddingDimension", unit: "embedding values")
    return Projected(projection: p, result: Node2Vec.run(p.graph, options, weighted: p.graph.isWeighted, stop: stop))
  }

  /// A directed Steiner tree from `source` reaching each of `targets` that it can (shortest-path
  /// heuristic); its edges parent → child and the unreached targets, by dense index.
  package func steinerTree(_ spec: ProjectionSpec, from source: Int64, targets: [Int64]) throws -> Projected<SteinerResult> {
    let check = OptionCheck(procedure: .steinerTree)
    if targets.isEmpty { throw check.invalid("targetNodes", "is required (a node, a node id or a list of them)") }
    let p = try projectNonNegative(spec, check)
    let s = try check.index(of: source, in: p, "sourceNode")
    let t = try targets.map { try check.index(of: $0, in: p, "targetNodes") }
    return Projected(projection: p, result: SteinerTree.run(p.graph, from: s, terminals: t, stop: stop))
  }
}
