// A centrality report on a graph: for each chosen measure its top-k nodes and summary
// statistics, the Pearson and Spearman correlation of the measures over all nodes, and the
// degree distribution, and for the HTML form the graph drawing. Computed from a database's
// `algorithms` on one snapshot; the renderers (text, CSV, JSON, HTML) only format it.
import Quiver

/// What a report covers: which measures, how many top nodes, and which part of the graph.
package struct ReportOptions: Sendable {
  package var algorithms: [CentralityAlgorithm] = CentralityAlgorithm.defaults
  /// How many nodes each top list shows; at least 1.
  package var top = 20
  /// Only nodes with any of these labels (all nodes when empty).
  package var labels: [String] = []
  /// Only relationships of any of these types (all when empty).
  package var relationshipTypes: [String] = []
  /// The property shown for each node; nil for `name` when present, else the first key.
  package var displayProperty: String?
  package var direction: ReportDirection = .directed
  /// Source nodes of betweenness, closeness and harmonic (ReportSampling.swift).
  package var sample: ReportSample = .automatic
  /// Whether to lay out the graph drawing (the HTML format shows it).
  package var draws = false
  /// Most nodes drawn; beyond, the highest-scored ones by the first measure.
  package var drawLimit = 2000

  package init() {}
}

/// The computed report, ready to render.
package struct CentralityReport: Sendable {
  /// A node of a top list.
  package struct RankedNode: Sendable, Equatable {
    package var rank: Int
    package var id: Int64
    package var labels: [String]
    /// The display property's value as text; "" when the node has none.
    package var display: String
    package var score: Double
  }

  /// One measure's top nodes and the statistics of all its scores.
  package struct Measure: Sendable {
    package var algorithm: CentralityAlgorithm
    package var top: [RankedNode]
    package var summary: SummaryStatistics
  }

  /// One degree and how many nodes have it.
  package struct DegreeCount: Sendable, Equatable {
    package var degree: Int
    package var nodes: Int

    package init(degree: Int, nodes: Int) {
      self.degree = degree
      self.nodes = nodes
    }
  }

  package var options: ReportOptions
  /// Nodes and relationships of the analysed graph (after the label and type filters).
  package var nodeCount: Int
  package var relationshipCount: Int
  package var measures: [Measure]
  /// `pearson[i][j]` correlates `measures[i]` with `measures[j]`; nil where undefined (a
  /// constant measure, fewer than two nodes).
  package var pearson: [[Double?]]
  package var spearman: [[Double?]]
  /// Total degree (relationships touching a node, either direction) → node count, by degree.
  package var degreeDistribution: [DegreeCount]
  /// How betweenness, closeness and harmonic were sampled; nil when computed exactly.
  package var sampling: ReportSampling?
  /// The graph drawing, when `options.draws`: sized by the first measure, coloured by Louvain
  /// community.
  package var drawing: GraphDrawing?

  /// Tells which measure is being computed: its 1-based position and the number of steps.
  package typealias Progress = @Sendable (_ step: String, _ position: Int, _ count: Int) -> Void

  /// Computes the report on the current snapshot of `database`. `progress` is called before
  /// each measure and, last, before the degree distribution; `work` as the long measures
  /// (betweenness, closeness, harmonic) advance, from the threads doing them.
  /// - Throws: `QuiverError` when an algorithm refuses the graph.
  package static func compute(
    on database: Database, options: ReportOptions, progress: Progress = { _, _, _ in },
    work: @escaping @Sendable (AlgorithmProgress) -> Void = { _ in }
  ) throws -> CentralityReport {
    let analytics = database.algorithms.reportingProgress(work)
    let graph = AnalyticsGraph(
      labels: options.labels.isEmpty ? nil : options.labels,
      relationshipTypes: options.relationshipTypes.isEmpty ? nil : options.relationshipTypes,
      direction: options.direction.analytics)
    var undirected = graph
    undirected.direction = .both
    // The degrees first: they give the node count that decides the sampling.
    let degrees = try analytics.degree(undirected)
    let nodeIDs = degrees.nodeIDs
    let sampling = options.sample.sampling(nodeCount: nodeIDs.count, measures: options.algorithms)
    let size = sampling?.size
    let seed = sampling?.seed ?? 0
    let steps = options.algorithms.count + (options.draws ? 2 : 1)
    var scores: [NodeValues<Double>] = []
    var hits: (hubs: NodeValues<Double>, authorities: NodeValues<Double>)?
    for (index, algorithm) in options.algorithms.enumerated() {
      progress(algorithm.rawValue, index + 1, steps)
      switch algorithm {
      case .degree: scores.append(try analytics.degree(graph))
      case .pagerank: scores.append(try analytics.pageRank(graph))
      case .betweenness: scores.append(try analytics.betweenness(graph, samplingSize: size, seed: seed))
      case .closeness: scores.append(try analytics.closeness(graph, samplingSize: size, seed: seed))
      case .harmonic: scores.append(try analytics.harmonic(graph, samplingSize: size, seed: seed))
      case .eigenvector: scores.append(try analytics.eigenvector(graph))
      case .hubs, .authorities:
        let both = try hits ?? analytics.hits(graph)
        hits = both
        scores.append(algorithm == .hubs ? both.hubs : both.authorities)
      }
    }

    progress("degree distribution", options.algorithms.count + 1, steps)
    let vectors = scores.map { byNode in nodeIDs.map { byNode[$0] ?? 0 } }
    let tops = zip(options.algorithms, scores).map { ($0, topNodes($1, count: options.top)) }
    var shown = Set(tops.flatMap { $0.1.map(\.id) })
    var layout: (graph: ReportGraph, input: GraphDrawing.Input)?
    if options.draws {
      progress("layout", steps, steps)
      let drawn = try ReportGraph.load(database, graph, direction: options.direction)
      let partition = try CommunityPartition.louvain(database, drawn, filters: graph)
      let first = scores.first ?? degrees
      let input = GraphDrawing.Input(
        scores: drawn.nodeIDs.map { first[$0] ?? 0 }, scoreName: options.algorithms.first?.title ?? "degree",
        groups: partition.rankOf, limit: options.drawLimit)
      shown.formUnion(GraphDrawing.sample(drawn, input).map { drawn.nodeIDs[$0] })
      layout = (drawn, input)
    }
    let details = try nodeDetails(shown, in: database)
    let drawing = layout.map { layout in
      GraphDrawing.make(
        layout.graph, layout.input, labels: details.mapValues { display($0, property: options.displayProperty) })
    }
    let measures = zip(tops, vectors).map { entry, vector in
      let (algorithm, top) = entry
      let ranked = top.enumerated().map { offset, pair in
        let node = details[pair.id] ?? Node(id: pair.id)
        return RankedNode(
          rank: offset + 1, id: pair.id, labels: node.labels.sorted(),
          display: display(node, property: options.displayProperty), score: pair.score)
      }
      return Measure(algorithm: algorithm, top: ranked, summary: SummaryStatistics(vector))
    }
    let degreeTotal = degrees.values.reduce(0, +)
    return CentralityReport(
      options: options, nodeCount: nodeIDs.count, relationshipCount: Int((degreeTotal / 2).rounded()),
      measures: measures,
      pearson: matrix(vectors, Correlation.pearson), spearman: matrix(vectors, Correlation.spearman),
      degreeDistribution: distribution(degrees.values), sampling: sampling, drawing: drawing)
  }

  /// The `count` highest-scoring nodes, highest first; ties (and non-finite scores, last) go
  /// by ascending node id.
  static func topNodes(_ scores: NodeValues<Double>, count: Int) -> [(id: Int64, score: Double)] {
    let sorted = scores.sorted { a, b in
      let (x, y) = (a.value.isFinite ? a.value : -.infinity, b.value.isFinite ? b.value : -.infinity)
      return x != y ? x > y : a.nodeID < b.nodeID
    }
    return sorted.prefix(count).map { ($0.nodeID, $0.value) }
  }

  /// The text shown for a node: `property`, or when nil `name` if present, else the
  /// alphabetically first property; strings as they are, other values in Cypher notation.
  package static func display(_ node: Node, property: String?) -> String {
    let key = property ?? (node.properties["name"] != nil ? "name" : node.properties.keys.min())
    guard let key, let value = node.properties[key], !value.isNull else { return "" }
    return value.stringValue ?? CypherNotation.cell(value)
  }

  /// Degree → node count, ascending by degree.
  static func distribution(_ degrees: [Double]) -> [DegreeCount] {
    var counts: [Int: Int] = [:]
    for degree in degrees { counts[Int(degree.rounded()), default: 0] += 1 }
    return counts.keys.sorted().map { DegreeCount(degree: $0, nodes: counts[$0] ?? 0) }
  }

  private static func matrix(_ vectors: [[Double]], _ coefficient: ([Double], [Double]) -> Double?) -> [[Double?]] {
    vectors.map { x in vectors.map { y in coefficient(x, y) } }
  }

  /// Labels and properties of the nodes `ids`, read in one query.
  static func nodeDetails(_ ids: Set<Int64>, in database: Database) throws -> [Int64: Node] {
    guard !ids.isEmpty else { return [:] }
    let result = try database.execute(
      "MATCH (n) WHERE id(n) IN $ids RETURN n", parameters: ["ids": .list(ids.sorted().map { .int($0) })])
    var nodes: [Int64: Node] = [:]
    for row in result.rows {
      if let node = row.first?.nodeValue { nodes[node.id] = node }
    }
    return nodes
  }
}
