// The centrality algorithms as typed calls: degree, PageRank, betweenness, closeness, harmonic,
// eigenvector and HITS, each a score per projected node.
import GraphAlgorithms
import GraphCore

extension Analytics {
  /// Out-degree of each node, or the sum of its outgoing weights when `spec` is weighted.
  package func degree(_ spec: ProjectionSpec) throws -> Projected<[Double]> {
    let p = try project(spec, OptionCheck(procedure: .degree))
    return Projected(projection: p, result: DegreeCentrality.run(p.graph, orientation: .outgoing, weighted: p.graph.isWeighted))
  }

  /// PageRank, personalised to `options.sourceNodes` when there are any.
  package func pageRank(_ spec: ProjectionSpec, _ options: PageRankOptions) throws -> Projected<[Double]> {
    let check = OptionCheck(procedure: .pageRank)
    try options.check(check)
    let p = try projectNonNegative(spec, check)
    let sources = try options.sourceNodes.map { try check.index(of: $0, in: p, "sourceNodes") }
    let r = PageRank.run(
      p.graph, damping: options.dampingFactor, maxIterations: options.maxIterations, tolerance: options.tolerance,
      sources: sources, weighted: p.graph.isWeighted, stop: stop)
    return Projected(projection: p, result: r.scores)
  }

  /// Betweenness (Brandes), exact or sampled.
  package func betweenness(_ spec: ProjectionSpec, _ options: BetweennessOptions) throws -> Projected<[Double]> {
    let check = OptionCheck(procedure: .betweenness)
    try options.check(check)
    let p = try projectNonNegative(spec, check)
    let scores = Betweenness.run(
      p.graph, samples: options.sampling.samplingSize, seed: UInt64(options.sampling.samplingSeed), weighted: p.graph.isWeighted,
      normalized: options.normalized, stop: stop)
    return Projected(projection: p, result: scores)
  }

  /// Closeness, with the Wasserman–Faust correction when `wfImproved`; estimated from
  /// `sampling.samplingSize` seeded pivots when set (SampledCloseness.swift).
  package func closeness(_ spec: ProjectionSpec, wfImproved: Bool = true, sampling: SamplingOptions = .init()) throws -> Projected<[Double]> {
    let check = OptionCheck(procedure: .closeness)
    try sampling.check(check)
    let p = try projectNonNegative(spec, check)
    let weighted = p.graph.isWeighted
    guard let k = sampling.samplingSize else {
      return Projected(projection: p, result: Closeness.closeness(p.graph, weighted: weighted, wfImproved: wfImproved, stop: stop))
    }
    let r = Closeness.sampled(p.graph, pivots: k, seed: UInt64(sampling.samplingSeed), weighted: weighted, wfImproved: wfImproved, stop: stop)
    return Projected(projection: p, result: r.closeness)
  }

  /// Harmonic centrality; estimated from `sampling.samplingSize` seeded pivots when set.
  package func harmonic(_ spec: ProjectionSpec, sampling: SamplingOptions = .init()) throws -> Projected<[Double]> {
    let check = OptionCheck(procedure: .harmonic)
    try sampling.check(check)
    let p = try projectNonNegative(spec, check)
    guard let k = sampling.samplingSize else {
      return Projected(projection: p, result: Closeness.harmonic(p.graph, weighted: p.graph.isWeighted, stop: stop))
    }
    let r = Closeness.sampled(p.graph, pivots: k, seed: UInt64(sampling.samplingSeed), weighted: p.graph.isWeighted, stop: stop)
    return Projected(projection: p, result: r.harmonic)
  }

  /// Eigenvector centrality.
  package func eigenvector(_ spec: ProjectionSpec, _ options: IterationOptions) throws -> Projected<[Double]> {
    let check = OptionCheck(procedure: .eigenvector)
    try options.check(check)
    let p = try project(spec, check)
    let r = EigenvectorCentrality.run(
      p.graph, maxIterations: options.maxIterations, tolerance: options.tolerance, weighted: p.graph.isWeighted, stop: stop)
    return Projected(projection: p, result: r.scores)
  }

  /// HITS hub and authority scores.
  package func hits(_ spec: ProjectionSpec, _ options: IterationOptions) throws -> Projected<(hubs: [Double], authorities: [Double])> {
    let check = OptionCheck(procedure: .hits)
    try options.check(check)
    let p = try project(spec, check)
    let r = HITS.run(p.graph, maxIterations: options.maxIterations, tolerance: options.tolerance, stop: stop)
    return Projected(projection: p, result: (r.hubs, r.authorities))
  }
}
