// The structural algorithms as typed calls: bridges and articulation points, topological order
// and longest paths of a DAG, Bellman–Ford with negative weights, ArticleRank, greedy (k-1)
// colouring and Leiden communities.
import GraphAlgorithms
import GraphCore

extension Analytics {
  /// Bridges of the projection seen as undirected.
  package func bridges(_ spec: ProjectionSpec) throws -> Projected<[Bridges.Bridge]> {
    let p = try project(spec, OptionCheck(procedure: .bridges))
    let g = p.graph.undirected()
    return Projected(projection: GraphProjection(graph: g, relationshipIDs: p.relationshipIDs, indexOfID: p.indexOfID), result: Bridges.run(g).bridges)
  }

  /// Articulation points of the projection seen as undirected, by dense index, ascending.
  package func articulationPoints(_ spec: ProjectionSpec) throws -> Projected<[Int]> {
    let p = try project(spec, OptionCheck(procedure: .articulationPoints))
    let flags = Bridges.run(p.graph.undirected()).articulation
    return Projected(projection: p, result: flags.indices.filter { flags[$0] })
  }

  /// The nodes on no cycle (and reachable from none) in topological order.
  package func topologicalOrder(_ spec: ProjectionSpec) throws -> Projected<[Int]> {
    let check = OptionCheck(procedure: .topologicalSort)
    let p = try project(spec, check)
    try requireDirected(p, check)
    return Projected(projection: p, result: TopologicalSort.order(p.graph))
  }

  /// The cost of the longest path ending at each node of a DAG (infinity for nodes on or behind
  /// a cycle), and the topological order.
  package func longestPaths(_ spec: ProjectionSpec) throws -> Projected<(distance: [Double], order: [Int])> {
    let check = OptionCheck(procedure: .longestPath)
    let p = try project(spec, check)
    try requireDirected(p, check)
    let order = TopologicalSort.order(p.graph)
    return Projected(projection: p, result: (TopologicalSort.longestPaths(p.graph, order: order).distance, order))
  }

  /// Bellman–Ford costs from `source`, or a negative cycle reachable from it.
  package func bellmanFord(_ spec: ProjectionSpec, from source: Int64) throws -> Projected<BellmanFord.Result> {
    let check = OptionCheck(procedure: .bellmanFord)
    let p = try project(spec, check)
    let s = try check.index(of: source, in: p, "sourceNode")
    return Projected(projection: p, result: BellmanFord.run(p.graph, from: s, stop: stop))
  }

  /// ArticleRank scores.
  package func articleRank(_ spec: ProjectionSpec, _ options: PageRankOptions) throws -> Projected<[Double]> {
    let check = OptionCheck(procedure: .articleRank)
    try options.check(check)
    let p = try projectNonNegative(spec, check)
    let r = ArticleRank.run(
      p.graph, damping: options.dampingFactor, maxIterations: options.maxIterations, tolerance: options.tolerance,
      weighted: p.graph.isWeighted, stop: stop)
    return Projected(projection: p, result: r.scores)
  }

  /// A greedy colouring of the simple undirected graph.
  package func coloring(_ spec: ProjectionSpec) throws -> Projected<[Int]> {
    let p = try project(spec, OptionCheck(procedure: .k1Coloring))
    return Projected(projection: p, result: Coloring.greedy(NeighbourSets(p.graph)))
  }

  /// Leiden communities and the modularity they reach.
  package func leiden(_ spec: ProjectionSpec, _ options: LouvainOptions) throws -> Projected<(communities: [Int], modularity: Double)> {
    let check = OptionCheck(procedure: .leiden)
    try options.check(check)
    let p = try project(spec, check)
    let r = Leiden.run(NeighbourSets(p.graph), resolution: options.resolution, maxLevels: options.maxLevels, seed: UInt64(options.seed), stop: stop)
    return Projected(projection: p, result: (r.communities, r.modularity))
  }

  /// Refuses an undirected projection for an algorithm on directed graphs.
  private func requireDirected(_ p: GraphProjection, _ check: OptionCheck) throws {
    if !p.graph.isDirected { throw check.invalid("direction", "must not be 'BOTH': the algorithm needs a directed graph") }
  }
}
