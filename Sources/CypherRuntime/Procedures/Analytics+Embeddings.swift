// Random walks and FastRP node embeddings as typed calls: both seeded and deterministic for a
// seed, both sized by their options (walks per node and length; embedding dimension).
import GraphAlgorithms
import GraphCore

/// Random walks: length, count per start node, start nodes and seed.
package struct RandomWalkOptions: Sendable {
  package var walkLength = 80
  package var walksPerNode = 10
  /// Node ids to start from (every node when empty).
  package var sourceNodes: [Int64] = []
  package var randomSeed = 42
  package init() {}

  func check(_ c: OptionCheck) throws {
    // Upper bounds far above GDS's defaults; the products they size (steps held, values
    // trained) are checked against the graph once it is projected.
    try c.int(walkLength, "walkLength", minimum: 1, maximum: 100_000)
    try c.int(walksPerNode, "walksPerNode", minimum: 1, maximum: 10_000)
    try c.int(randomSeed, "randomSeed")
  }
}

/// FastRP: dimension, weights of the iterations, weight of the start vector, seed.
package struct FastRPOptions: Sendable {
  package var embeddingDimension = 128
  package var iterationWeights: [Double] = [0, 1, 1]
  package var nodeSelfInfluence = 0.0
  package var randomSeed = 42
  package init() {}

  func check(_ c: OptionCheck) throws {
    try c.int(embeddingDimension, "embeddingDimension", minimum: 1, maximum: 4096)
    if iterationWeights.isEmpty { throw c.invalid("iterationWeights", "must list at least one weight") }
    for w in iterationWeights { try c.double(w, "iterationWeights") }
    try c.double(nodeSelfInfluence, "nodeSelfInfluence")
    try c.int(randomSeed, "randomSeed")
  }
}

extension Analytics {
  /// Seeded random walks, each as dense node indices.
  package func randomWalks(_ spec: ProjectionSpec, _ options: RandomWalkOptions) throws -> Projected<[[Int]]> {
    let check = OptionCheck(procedure: .randomWalk)
    try options.check(check)
    let p = try projectNonNegative(spec, check)
    let starts = options.sourceNodes.isEmpty ? Array(0..<p.graph.nodeCount) : try options.sourceNodes.map { try check.index(of: $0, in: p, "sourceNodes") }
    // Every walk is returned as a row: its steps are all held at once.
    try check.size([starts.count, options.walksPerNode, options.walkLength], within: 1 << 28, "walksPerNode', 'walkLength", unit: "walk steps")
    let walks = RandomWalks.run(
      p.graph, starts: starts, walkLength: options.walkLength, walksPerNode: options.walksPerNode, weighted: p.graph.isWeighted,
      seed: UInt64(bitPattern: Int64(options.randomSeed)), stop: stop)
    return Projected(projection: p, result: walks)
  }

  /// FastRP embeddings by dense node index.
  package func fastRP(_ spec: ProjectionSpec, _ options: FastRPOptions) throws -> Projected<[[Double]]> {
    let check = OptionCheck(procedure: .fastRP)
    try options.check(check)
    let p = try project(spec, check)
    let embeddings = FastRP.run(
      NeighbourSets(p.graph), nodeIDs: p.graph.nodeIDs, dimension: options.embeddingDimension, iterationWeights: options.iterationWeights,
      nodeSelfInfluence: options.nodeSelfInfluence, seed: UInt64(bitPattern: Int64(options.randomSeed)), stop: stop)
    return Projected(projection: p, result: embeddings)
  }

  /// The maximum flow from `source` to `target` with weights as capacities, and the source side
  /// of a minimum cut.
  package func maxFlow(_ spec: ProjectionSpec, from source: Int64, to target: Int64) throws -> Projected<(value: Double, sourceSide: [Int])> {
    let check = OptionCheck(procedure: .maxFlow)
    let p = try project(spec, check)
    let (s, t) = (try check.index(of: source, in: p, "sourceNode"), try check.index(of: target, in: p, "targetNode"))
    let r = MaxFlow.run(p.graph, from: s, to: t, stop: stop)
    return Projected(projection: p, result: (r.value, r.sourceSide))
  }
}
