// The table of graph-analytics procedures in the `algo.*` namespace: their names, the output
// columns they yield, and dispatch to the runner for each. Every one takes a single configuration
// map; the runners (AlgorithmProcedures+Centrality/+Paths/+Community) read it and call the typed
// algorithm calls of `Analytics`, which the embedding API calls directly.
import GraphAlgorithms
import GraphCore
import GraphStorage

/// A built-in graph-analytics procedure.
package enum AlgorithmProcedure: String, CaseIterable, Sendable {
  case degree = "algo.degree"
  case pageRank = "algo.pageRank"
  case betweenness = "algo.betweenness"
  case closeness = "algo.closeness"
  case harmonic = "algo.harmonic"
  case eigenvector = "algo.eigenvector"
  case hits = "algo.hits"
  case bfs = "algo.bfs"
  case dfs = "algo.dfs"
  case dijkstraSingleSource = "algo.dijkstra.singleSource"
  case dijkstra = "algo.dijkstra"
  case deltaStepping = "algo.deltaStepping"
  case aStar = "algo.aStar"
  case kShortestPaths = "algo.kShortestPaths"
  case allPairsShortestPaths = "algo.allPairsShortestPaths"
  case spanningTree = "algo.spanningTree"
  case weaklyConnectedComponents = "algo.weaklyConnectedComponents"
  case stronglyConnectedComponents = "algo.stronglyConnectedComponents"
  case labelPropagation = "algo.labelPropagation"
  case louvain = "algo.louvain"
  case modularity = "algo.modularity"
  case triangleCount = "algo.triangleCount"
  case localClusteringCoefficient = "algo.localClusteringCoefficient"
  case kCore = "algo.kCore"
  case jaccard = "algo.similarity.jaccard"
  case bridges = "algo.bridges"
  case articulationPoints = "algo.articulationPoints"
  case topologicalSort = "algo.topologicalSort"
  case longestPath = "algo.longestPath"
  case bellmanFord = "algo.bellmanFord"
  case articleRank = "algo.articleRank"
  case k1Coloring = "algo.k1Coloring"
  case leiden = "algo.leiden"
  case randomWalk = "algo.randomWalk"
  case fastRP = "algo.fastRP"
  case maxFlow = "algo.maxFlow"
  case overlap = "algo.similarity.overlap"
  case cosine = "algo.similarity.cosine"
  case knn = "algo.knn"
  case node2vec = "algo.node2vec"
  case steinerTree = "algo.steinerTree"

  /// The procedure called `name` (case-insensitively), if it is an algorithm.
  package init?(name: String) {
    let lower = name.lowercased()
    guard let found = AlgorithmProcedure.allCases.first(where: { $0.rawValue.lowercased() == lower }) else { return nil }
    self = found
  }

  /// Output columns in order.
  var outputs: [(String, String)] {
    let scored = [("node", "NODE?"), ("score", "FLOAT?")]
    let paths = [("totalCost", "FLOAT?"), ("nodes", "LIST OF NODE?"), ("costs", "LIST OF FLOAT?"), ("path", "PATH?")]
    switch self {
    case .degree, .pageRank, .betweenness, .closeness, .harmonic, .eigenvector: return scored
    case .hits: return [("node", "NODE?"), ("hub", "FLOAT?"), ("authority", "FLOAT?")]
    case .bfs, .dfs: return [("node", "NODE?"), ("depth", "INTEGER?")]
    case .dijkstraSingleSource, .deltaStepping: return [("node", "NODE?"), ("cost", "FLOAT?")]
    case .dijkstra: return paths
    case .aStar: return paths + [("expanded", "INTEGER?")]
    case .kShortestPaths: return [("index", "INTEGER?")] + paths
    case .allPairsShortestPaths: return [("source", "NODE?"), ("target", "NODE?"), ("cost", "FLOAT?")]
    case .spanningTree:
      return [("source", "NODE?"), ("target", "NODE?"), ("relationship", "RELATIONSHIP?"), ("weight", "FLOAT?")]
    case .weaklyConnectedComponents, .stronglyConnectedComponents: return [("node", "NODE?"), ("componentId", "INTEGER?")]
    case .labelPropagation: return [("node", "NODE?"), ("communityId", "INTEGER?")]
    case .louvain: return [("node", "NODE?"), ("communityId", "INTEGER?"), ("modularity", "FLOAT?")]
    case .modularity: return [("communityCount", "INTEGER?"), ("modularity", "FLOAT?")]
    case .triangleCount: return [("node", "NODE?"), ("triangles", "INTEGER?"), ("clusteringCoefficient", "FLOAT?")]
    case .localClusteringCoefficient: return [("node", "NODE?"), ("localClusteringCoefficient", "FLOAT?")]
    case .kCore: return [("node", "NODE?"), ("coreNumber", "INTEGER?")]
    case .jaccard, .overlap, .cosine, .knn: return [("node1", "NODE?"), ("node2", "NODE?"), ("similarity", "FLOAT?")]
    case .bridges: return [("source", "NODE?"), ("target", "NODE?"), ("relationship", "RELATIONSHIP?")]
    case .articulationPoints: return [("node", "NODE?")]
    case .topologicalSort: return [("node", "NODE?"), ("index", "INTEGER?")]
    case .longestPath: return [("node", "NODE?"), ("distance", "FLOAT?")]
    case .bellmanFord: return [("node", "NODE?"), ("cost", "FLOAT?"), ("isNegativeCycle", "BOOLEAN?")]
    case .articleRank: return scored
    case .k1Coloring: return [("node", "NODE?"), ("color", "INTEGER?")]
    case .leiden: return [("node", "NODE?"), ("communityId", "INTEGER?"), ("modularity", "FLOAT?")]
    case .randomWalk: return [("nodes", "LIST OF NODE?")]
    case .fastRP, .node2vec: return [("node", "NODE?"), ("embedding", "LIST OF FLOAT?")]
    case .steinerTree:
      return [("source", "NODE?"), ("target", "NODE?"), ("relationship", "RELATIONSHIP?"), ("weight", "FLOAT?")]
    case .maxFlow: return [("maxFlow", "FLOAT?"), ("sourceSide", "LIST OF NODE?")]
    }
  }

  /// Whether its result is one value per node, so that it has the stats, mutate and write modes.
  var hasModes: Bool {
    switch self {
    case .hits, .dijkstra, .aStar, .kShortestPaths, .allPairsShortestPaths, .spanningTree, .jaccard, .overlap, .cosine, .knn, .modularity,
      .bridges, .articulationPoints, .bellmanFord, .randomWalk, .fastRP, .maxFlow, .node2vec, .steinerTree:
      false
    default: true
    }
  }

  /// The modes it has beside plain streaming: all four for a value per node, stream and write
  /// for scored pairs, stream and stats for embeddings (a list per node), none otherwise.
  var modes: [AlgorithmMode] {
    if hasModes { return AlgorithmMode.allCases }
    if writesRelationships { return [.stream, .write] }
    return self == .fastRP || self == .node2vec ? [.stream, .stats] : []
  }

  /// Whether its result is scored pairs of nodes (similarities), so that it has a write mode
  /// that stores them as relationships.
  var writesRelationships: Bool {
    switch self {
    case .jaccard, .overlap, .cosine, .knn: true
    default: false
    }
  }

  /// Runs the algorithm (in stream mode) on `store` with the call's arguments, returning rows
  /// aligned with `outputs`; projections come from `cache` when given (it must belong to this
  /// very snapshot).
  package func run(
    _ store: GraphStore, _ arguments: [Value], cache: ProjectionCache? = nil, cancellation: CancellationFlag? = nil
  ) throws -> [[Value]] {
    var config = try AlgorithmConfig(procedure: rawValue, arguments: arguments)
    return try evaluate(Analytics(store: store, cache: cache, cancellation: cancellation), &config).rows
  }

  /// Runs the algorithm with its configuration map and returns its output before it is turned
  /// into rows; throws `Cancelled` when the statement is cancelled while it runs.
  func evaluate(_ analytics: Analytics, _ config: inout AlgorithmConfig) throws -> AlgorithmOutput {
    let output = try dispatch(analytics, &config)
    try analytics.checkCancelled()
    return output
  }

  /// Reads the configuration map for this procedure and runs the typed algorithm call.
  private func dispatch(_ input: Analytics, _ config: inout AlgorithmConfig) throws -> AlgorithmOutput {
    switch self {
    case .degree, .pageRank, .betweenness, .closeness, .harmonic, .eigenvector, .hits:
      return try runCentrality(input, &config)
    case .bfs, .dfs, .dijkstraSingleSource, .deltaStepping, .dijkstra, .aStar, .kShortestPaths, .allPairsShortestPaths,
      .spanningTree, .steinerTree:
      return try runPaths(input, &config)
    case .weaklyConnectedComponents, .stronglyConnectedComponents, .labelPropagation, .louvain, .modularity, .triangleCount,
      .localClusteringCoefficient, .kCore, .jaccard, .overlap, .cosine:
      return try runCommunity(input, &config)
    case .bridges, .articulationPoints, .topologicalSort, .longestPath, .bellmanFord, .articleRank, .k1Coloring, .leiden:
      return try runStructure(input, &config)
    case .randomWalk, .fastRP, .node2vec, .maxFlow:
      return try runEmbeddings(input, &config)
    case .knn:
      return try runNearestNeighbours(input, &config)
    }
  }
}

/// What an algorithm procedure produced: values per projected node, or finished rows.
enum AlgorithmOutput {
  /// A score per node of the projection (rows: node, score).
  case scores(GraphProjection, [Double])
  /// A component, community or core number per node (rows: node, number).
  case numbers(GraphProjection, [Int])
  /// Nodes in visiting order with their depth (rows: node, depth).
  case visits(GraphProjection, [(node: Int, depth: Int)])
  /// The path cost to each node (infinity where unreached) and the reached nodes in the order
  /// they were settled (rows: node, cost, in that order).
  case costs(GraphProjection, distance: ContiguousArray<Double>, settled: ContiguousArray<Int32>)
  /// HITS hub and authority scores per node (rows: node, hub, authority).
  case hubsAndAuthorities(GraphProjection, hubs: [Double], authorities: [Double])
  /// Triangles through each node and its clustering coefficient (rows: node, triangles,
  /// clustering).
  case triangles(GraphProjection, triangles: [Int], clustering: [Double])
  /// A community per node and the modularity of the whole (rows: node, community, modularity).
  case communities(GraphProjection, [Int], modularity: Double)
  /// Scored pairs of nodes (rows: node1, node2, similarity).
  case pairs(GraphProjection, [SimilarPair])
  /// An embedding per node of the projection (rows: node, embedding).
  case embeddings(GraphProjection, [[Double]])
  case rows([[Value]])

  /// A score per node of a typed call's projection.
  static func scores(_ r: Projected<[Double]>) -> AlgorithmOutput { .scores(r.projection, r.result) }

  /// A number per node of a typed call's projection.
  static func numbers(_ r: Projected<[Int]>) -> AlgorithmOutput { .numbers(r.projection, r.result) }

  /// The output as procedure rows.
  var rows: [[Value]] {
    switch self {
    case .scores(let p, let s): return s.indices.map { [p.node($0), .float(s[$0])] }
    case .numbers(let p, let n): return n.indices.map { [p.node($0), .int(Int64(n[$0]))] }
    case .visits(let p, let v): return v.map { [p.node($0.node), .int(Int64($0.depth))] }
    case .costs(let p, let d, let s): return s.map { [p.node(Int($0)), .float(d[Int($0)])] }
    case .hubsAndAuthorities(let p, let h, let a): return h.indices.map { [p.node($0), .float(h[$0]), .float(a[$0])] }
    case .triangles(let p, let t, let c): return t.indices.map { [p.node($0), .int(Int64(t[$0])), .float(c[$0])] }
    case .communities(let p, let c, let q): return c.indices.map { [p.node($0), .int(Int64(c[$0])), .float(q)] }
    case .pairs(let p, let pairs): return pairs.map { [p.node($0.first), p.node($0.second), .float($0.similarity)] }
    case .embeddings(let p, let e): return e.indices.map { [p.node($0), .list(e[$0].map(Value.float))] }
    case .rows(let r): return r
    }
  }
}
