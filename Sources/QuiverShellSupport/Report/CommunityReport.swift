// A community report on a graph: communities found by Louvain, Leiden or label propagation
// (from `db.algorithms`), their sizes, the modularity of the partition, the highest-degree nodes
// of each community, and the relationships between communities (the pairs joined by most). The
// renderers (CommunityReport+Text/CSV/JSON/HTML) only format it.
import Quiver

/// The community detection a community report runs.
package enum CommunityAlgorithm: String, CaseIterable, Sendable {
  case louvain
  case leiden
  case labelPropagation = "label-propagation"

  /// The algorithm's name for people.
  package var title: String {
    switch self {
    case .louvain: return "Louvain"
    case .leiden: return "Leiden"
    case .labelPropagation: return "label propagation"
    }
  }
}

/// What a community report covers.
package struct CommunityOptions: Sendable {
  package var algorithm: CommunityAlgorithm = .louvain
  /// Nodes listed per community, by degree; at least 1.
  package var top = 5
  /// Communities listed (largest first), and pairs of communities listed; at least 1.
  package var communities = 20
  package var labels: [String] = []
  package var relationshipTypes: [String] = []
  package var displayProperty: String?
  /// Numeric relationship property weighting Louvain, Leiden and the modularity; nil for none.
  package var weightProperty: String?
  package var seed = 42
  /// Whether to lay out the graph drawing (the HTML format shows it).
  package var draws = false
  /// Most nodes drawn; beyond, the highest-degree ones.
  package var drawLimit = 2000

  package init() {}

  /// The analytics graph under these filters (undirected, as community detection sees it).
  var graph: AnalyticsGraph {
    AnalyticsGraph(
      labels: labels.isEmpty ? nil : labels, relationshipTypes: relationshipTypes.isEmpty ? nil : relationshipTypes,
      direction: .both, weightProperty: weightProperty)
  }
}

/// The computed community report, ready to render.
package struct CommunityReport: Sendable {
  /// One community: its rank by size (1 for the largest), size, relationships inside it and its
  /// top nodes (score: degree, relationships in either direction).
  package struct Community: Sendable {
    package var rank: Int
    package var size: Int
    package var internalRelationships: Int
    package var top: [CentralityReport.RankedNode]
  }

  /// Relationships between two communities (by rank, `from` < `to`), in either direction.
  package struct Link: Sendable, Equatable {
    package var from: Int
    package var to: Int
    package var relationships: Int

    package init(from: Int, to: Int, relationships: Int) {
      self.from = from
      self.to = to
      self.relationships = relationships
    }
  }

  package var options: CommunityOptions
  package var nodeCount: Int
  package var relationshipCount: Int
  package var modularity: Double
  /// Size of every community, largest first.
  package var sizes: [Int]
  /// The largest `options.communities` communities.
  package var communities: [Community]
  /// The `options.communities` pairs of communities joined by most relationships, most first.
  package var links: [Link]
  /// Relationships whose end nodes are in different communities.
  package var relationshipsBetween: Int
  /// The graph drawing, when `options.draws`.
  package var drawing: GraphDrawing?

  package var communityCount: Int { sizes.count }

  /// Computes the report on the current snapshot of `database`; `progress` names each step.
  /// - Throws: `QuiverError` when the algorithm refuses the graph (a non-numeric weight).
  package static func compute(
    on database: Database, options: CommunityOptions, progress: CentralityReport.Progress = { _, _, _ in }
  ) throws -> CommunityReport {
    let steps = options.draws ? 3 : 2
    progress(options.algorithm.rawValue, 1, steps)
    let analytics = database.algorithms
    let found: (communityOf: NodeValues<Int>, modularity: Double?)
    switch options.algorithm {
    case .louvain:
      let result = try analytics.louvain(options.graph, seed: options.seed)
      found = (result.communityOf, result.modularity)
    case .leiden:
      let result = try analytics.leiden(options.graph, seed: options.seed)
      found = (result.communityOf, result.modularity)
    case .labelPropagation:
      found = (try analytics.labelPropagation(options.graph, seed: options.seed), nil)
    }
    progress("community statistics", 2, steps)
    let graph = try ReportGraph.load(database, options.graph, direction: .undirected)
    let partition = CommunityPartition(graph, raw: graph.nodeIDs.map { found.communityOf[$0] ?? -1 })
    let degrees = graph.degrees()
    let listed = Array(partition.members.prefix(options.communities))
    let tops = listed.map { members in
      members.sorted { degrees[$0] != degrees[$1] ? degrees[$0] > degrees[$1] : $0 < $1 }.prefix(options.top)
    }
    var drawing: GraphDrawing?
    var shown = Set(tops.flatMap { $0.map { graph.nodeIDs[$0] } })
    var input = GraphDrawing.Input(
      scores: degrees.map(Double.init), scoreName: "degree", groups: partition.rankOf, limit: options.drawLimit)
    input.seed = UInt64(truncatingIfNeeded: options.seed)
    if options.draws {
      progress("layout", 3, steps)
      shown.formUnion(GraphDrawing.sample(graph, input).map { graph.nodeIDs[$0] })
    }
    let details = try CentralityReport.nodeDetails(shown, in: database)
    if options.draws {
      let labels = details.mapValues { CentralityReport.display($0, property: options.displayProperty) }
      drawing = GraphDrawing.make(graph, input, labels: labels)
    }
    let communities = zip(listed.indices, tops).map { rank, top in
      Community(
        rank: rank + 1, size: listed[rank].count, internalRelationships: partition.inside[rank],
        top: top.enumerated().map { offset, index in
          let id = graph.nodeIDs[index]
          let node = details[id] ?? Node(id: id)
          return CentralityReport.RankedNode(
            rank: offset + 1, id: id, labels: node.labels.sorted(),
            display: CentralityReport.display(node, property: options.displayProperty), score: Double(degrees[index]))
        })
    }
    return CommunityReport(
      options: options, nodeCount: graph.nodeCount, relationshipCount: graph.relationshipCount,
      modularity: found.modularity ?? partition.modularity(graph),
      sizes: partition.members.map(\.count), communities: communities,
      links: Array(partition.links.prefix(options.communities)), relationshipsBetween: partition.between, drawing: drawing)
  }
}

/// A partition of a report's graph into communities ranked by size (largest first, ties by
/// their smallest node), with the relationships inside each and between each pair.
struct CommunityPartition {
  /// Community rank (0-based) of each node.
  let rankOf: [Int]
  /// Dense node indices of each community, ascending, by rank.
  let members: [[Int]]
  /// Relationships inside each community, by rank.
  let inside: [Int]
  /// Pairs of communities (1-based ranks) by relationships between them, most first, ties by rank.
  let links: [CommunityReport.Link]
  /// Relationships between different communities.
  let between: Int

  /// Louvain's partition (seed 42, unweighted, undirected) of `graph`, which `filters` selects:
  /// how the centrality and path reports colour their drawings.
  static func louvain(_ database: Database, _ graph: ReportGraph, filters: AnalyticsGraph) throws -> CommunityPartition {
    var undirected = filters
    undirected.direction = .both
    undirected.weightProperty = nil
    let found = try database.algorithms.louvain(undirected).communityOf
    return CommunityPartition(graph, raw: graph.nodeIDs.map { found[$0] ?? -1 })
  }

  /// The partition given by `raw` (any community number per node).
  init(_ graph: ReportGraph, raw: [Int]) {
    var byRaw: [Int: [Int]] = [:]
    for (node, community) in raw.enumerated() { byRaw[community, default: []].append(node) }
    let ordered = byRaw.values.sorted { a, b in a.count != b.count ? a.count > b.count : (a.first ?? 0) < (b.first ?? 0) }
    var rankOf = [Int](repeating: 0, count: raw.count)
    for (rank, group) in ordered.enumerated() { for node in group { rankOf[node] = rank } }
    var inside = [Int](repeating: 0, count: ordered.count)
    var pairs: [Int: Int] = [:]
    var between = 0
    let edges = graph.edges
    for edge in edges.sources.indices {
      let (a, b) = (rankOf[Int(edges.sources[edge])], rankOf[Int(edges.targets[edge])])
      if a == b {
        inside[a] += 1
      } else {
        between += 1
        pairs[min(a, b) * ordered.count + max(a, b), default: 0] += 1
      }
    }
    let count = ordered.count
    links = pairs.map { key, total in CommunityReport.Link(from: key / count + 1, to: key % count + 1, relationships: total) }
      .sorted { a, b in
        a.relationships != b.relationships ? a.relationships > b.relationships : (a.from, a.to) < (b.from, b.to)
      }
    self.rankOf = rankOf
    self.members = ordered
    self.inside = inside
    self.between = between
  }

  /// Newman's modularity of the partition on the undirected (weighted) graph:
  /// Σ_c [w_c / W − (d_c / 2W)²], w_c the weight inside community c, d_c its nodes' total
  /// weighted degree, W the total weight. 0 for a graph without relationships.
  func modularity(_ graph: ReportGraph) -> Double {
    var inside = [Double](repeating: 0, count: members.count)
    var degree = [Double](repeating: 0, count: members.count)
    var total = 0.0
    let edges = graph.edges
    for edge in edges.sources.indices {
      let weight = graph.weight(edge)
      let (a, b) = (rankOf[Int(edges.sources[edge])], rankOf[Int(edges.targets[edge])])
      total += weight
      degree[a] += weight
      degree[b] += weight
      if a == b { inside[a] += weight }
    }
    guard total > 0 else { return 0 }
    return zip(inside, degree).reduce(0) { sum, community in
      sum + community.0 / total - (community.1 / (2 * total)) * (community.1 / (2 * total))
    }
  }
}
