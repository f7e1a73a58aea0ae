// The component, community and similarity algorithms as typed calls: weakly and strongly
// connected components, label propagation, Louvain, triangles with clustering, core numbers, and
// Jaccard, overlap or cosine similarity.
import GraphAlgorithms
import GraphCore

extension Analytics {
  /// Weakly (`strong` false) or strongly connected component of each node.
  package func components(_ spec: ProjectionSpec, strong: Bool) throws -> Projected<[Int]> {
    let p = try project(spec, OptionCheck(procedure: strong ? .stronglyConnectedComponents : .weaklyConnectedComponents))
    return Projected(projection: p, result: strong ? Components.strong(p.graph) : Components.weak(p.graph))
  }

  /// Community of each node by seeded label propagation.
  package func labelPropagation(_ spec: ProjectionSpec, _ options: LabelPropagationOptions) throws -> Projected<[Int]> {
    let check = OptionCheck(procedure: .labelPropagation)
    try options.check(check)
    let p = try project(spec, check)
    let r = LabelPropagation.run(NeighbourSets(p.graph), maxIterations: options.maxIterations, seed: UInt64(options.seed), stop: stop)
    return Projected(projection: p, result: r.communities)
  }

  /// Louvain communities and the modularity they reach.
  package func louvain(_ spec: ProjectionSpec, _ options: LouvainOptions) throws -> Projected<(communities: [Int], modularity: Double)> {
    let check = OptionCheck(procedure: .louvain)
    try options.check(check)
    let p = try project(spec, check)
    let r = Louvain.run(
      NeighbourSets(p.graph), resolution: options.resolution, maxLevels: options.maxLevels, maxPasses: options.maxIterations,
      tolerance: options.tolerance, seed: UInt64(options.seed), stop: stop)
    return Projected(projection: p, result: (r.communities, r.modularity))
  }

  /// The modularity of the partition that node property `communityProperty` gives (read from
  /// the named graph when running on one, else from the store); every node needs a number.
  package func modularity(
    _ spec: ProjectionSpec, communityProperty key: String, resolution: Double = 1
  ) throws -> Projected<(communityCount: Int, modularity: Double)> {
    let check = OptionCheck(procedure: .modularity)
    try check.double(resolution, "resolution", in: 0...1e9)
    let p = try project(spec, check)
    let values = try nodeNumbers(key, p, spec)
    var number: [Double: Int] = [:]
    var community = [Int](repeating: 0, count: values.count)
    for (i, x) in values.enumerated() {
      guard !x.isNaN else {
        throw check.invalid("communityProperty", "'\(key)' is missing on node \(p.graph.nodeIDs[i]); every node needs a community")
      }
      community[i] = number[x] ?? number.count
      number[x] = community[i]
    }
    let q = Louvain.modularity(NeighbourSets(p.graph), community, resolution: resolution)
    return Projected(projection: p, result: (number.count, q))
  }

  /// Node property `key` of each node of `p` as a number (NaN where missing): from the named
  /// graph when `spec` names one, else from the store.
  func nodeNumbers(_ key: String, _ p: GraphProjection, _ spec: ProjectionSpec) throws -> [Double] {
    if let name = spec.graphName { return try namedGraph(name).nodeProperty(key) }
    let id = store.propertyKeyID(key)
    return p.graph.nodeIDs.map { store.nodeProperty($0, key: id)??.doubleValue ?? .nan }
  }

  /// The local clustering coefficient: networkx's directed one on a directed projection, the
  /// simple undirected graph's otherwise.
  package func localClustering(_ spec: ProjectionSpec) throws -> Projected<[Double]> {
    let p = try project(spec, OptionCheck(procedure: .localClusteringCoefficient))
    guard p.graph.isDirected else {
      let sets = NeighbourSets(p.graph)
      return Projected(projection: p, result: Triangles.clustering(sets, triangles: Triangles.count(sets)))
    }
    let (succ, pred) = NodeSimilarity.neighbourRows(p.graph, .outgoing)
    return Projected(projection: p, result: Triangles.directedClustering(succ: succ, pred: pred, nodeCount: p.graph.nodeCount))
  }

  package func triangles(_ spec: ProjectionSpec) throws -> Projected<(triangles: [Int], clustering: [Double])> {
    let p = try project(spec, OptionCheck(procedure: .triangleCount))
    let sets = NeighbourSets(p.graph)
    let t = Triangles.count(sets)
    return Projected(projection: p, result: (t, Triangles.clustering(sets, triangles: t)))
  }

  /// Core number of each node.
  package func coreNumbers(_ spec: ProjectionSpec) throws -> Projected<[Int]> {
    let p = try project(spec, OptionCheck(procedure: .kCore))
    return Projected(projection: p, result: Triangles.coreNumbers(NeighbourSets(p.graph)))
  }

  /// For each node its most similar nodes by Jaccard, overlap or cosine similarity of outgoing
  /// neighbour sets; pairs by dense node index.
  package func similarity(
    _ spec: ProjectionSpec, metric: SimilarityMetric, _ options: SimilarityOptions
  ) throws -> Projected<[SimilarPair]> {
    let procedure: AlgorithmProcedure = switch metric {
    case .jaccard: .jaccard
    case .overlap: .overlap
    case .cosine: .cosine
    }
    let check = OptionCheck(procedure: procedure)
    try options.check(check)
    let p = try project(spec, check)
    let (rows, reverse) = NodeSimilarity.neighbourRows(p.graph, .outgoing)
    let pairs = NodeSimilarity.run(
      rows: rows, reverse: reverse, nodeCount: p.graph.nodeCount, metric: metric, topK: options.topK,
      cutoff: options.similarityCutoff)
    return Projected(projection: p, result: pairs)
  }
}
