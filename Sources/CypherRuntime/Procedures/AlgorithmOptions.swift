// The options of the graph algorithms beyond the projection, one struct per algorithm family,
// with the defaults both the `algo.*` procedures and `db.algorithms` use. Each names its
// configuration keys in its checks, so that errors read the same from either side.

/// PageRank: damping, iteration cap, tolerance and optional personalisation.
package struct PageRankOptions: Sendable {
  package var dampingFactor = 0.85
  package var maxIterations = 20
  package var tolerance = 1e-7
  /// Node ids the random walk restarts at (all nodes when empty).
  package var sourceNodes: [Int64] = []
  package init() {}

  func check(_ c: OptionCheck) throws {
    try c.double(dampingFactor, "dampingFactor", in: 0...0.999_999)
    try c.int(maxIterations, "maxIterations", minimum: 1)
    try c.double(tolerance, "tolerance", in: 0...1)
  }
}

/// Betweenness: exact, or from `samplingSize` seeded source samples.
package struct BetweennessOptions: Sendable {
  package var sampling = SamplingOptions()
  package var normalized = true
  package init() {}

  func check(_ c: OptionCheck) throws { try sampling.check(c) }
}

/// Sampled sources of betweenness, closeness and harmonic centrality: how many (all when nil)
/// and the seed that picks them.
package struct SamplingOptions: Sendable {
  package var samplingSize: Int?
  package var samplingSeed = 0
  package init() {}

  func check(_ c: OptionCheck) throws {
    if let samplingSize { try c.int(samplingSize, "samplingSize", minimum: 1) }
    try c.int(samplingSeed, "samplingSeed")
  }
}

/// An iterative algorithm's cap and tolerance (eigenvector centrality, HITS).
package struct IterationOptions: Sendable {
  package var maxIterations: Int
  package var tolerance: Double
  package init(maxIterations: Int = 100, tolerance: Double) {
    self.maxIterations = maxIterations
    self.tolerance = tolerance
  }

  func check(_ c: OptionCheck) throws {
    try c.int(maxIterations, "maxIterations", minimum: 1)
    try c.double(tolerance, "tolerance", in: 0...1)
  }
}

/// Label propagation: iteration cap and seed.
package struct LabelPropagationOptions: Sendable {
  package var maxIterations = 20
  package var seed = 42
  package init() {}

  func check(_ c: OptionCheck) throws {
    try c.int(maxIterations, "maxIterations", minimum: 1)
    try c.int(seed, "seed")
  }
}

/// Louvain: resolution, levels, passes per level, tolerance and seed.
package struct LouvainOptions: Sendable {
  package var resolution = 1.0
  package var maxLevels = 10
  package var maxIterations = 10
  package var tolerance = 1e-7
  package var seed = 42
  package init() {}

  func check(_ c: OptionCheck) throws {
    try c.double(resolution, "resolution", in: 0...1e9)
    try c.int(maxLevels, "maxLevels", minimum: 1)
    try c.int(maxIterations, "maxIterations", minimum: 1)
    try c.double(tolerance, "tolerance", in: 0...1)
    try c.int(seed, "seed")
  }
}

/// Neighbourhood similarity: how many of the most similar nodes to keep and the least similarity.
package struct SimilarityOptions: Sendable {
  package var topK = 10
  package var similarityCutoff = 1e-9
  package init() {}

  func check(_ c: OptionCheck) throws {
    try c.int(topK, "topK", minimum: 1)
    try c.double(similarityCutoff, "similarityCutoff", in: 0...1)
  }
}
