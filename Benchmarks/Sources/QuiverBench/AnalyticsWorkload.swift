// Analytics A1–A8 of queries.md, and A9 (delta-stepping from the A6 source), on the KNOWS graph of one dataset, through one `db.algorithms`
// (A10–A15, the second wave of algorithms, in AnalyticsWorkload+SecondWave.swift)
// value: the projections are built first (timed as A0), then each algorithm is timed on the cached
// projection, as often as fits in a second (at most `repetitions` times). Every line carries the answer the peers are checked against: counts, path lengths,
// the top 20 of each centrality by person id, modularity.
import Foundation
import Quiver

/// The analytics workloads.
struct AnalyticsWorkload {
  let directory: String
  let dataset: String
  /// The BFS and Dijkstra source (A6) is its typical person.
  let parameters: QueryParameters
  /// Runs of each algorithm at most; fewer when they add up to a second.
  let repetitions: Int
  /// Betweenness from this many sampled sources; exact (Brandes from every node) when nil.
  let betweennessSources: Int?
  /// Whether to run closeness (A3), which is all-pairs.
  let closeness: Bool
  /// The workloads to run (all when nil).
  let only: Set<String>?

  static let knows = ["KNOWS"]
  let directed = AnalyticsGraph(relationshipTypes: knows, direction: .outgoing)
  let directedWeighted = AnalyticsGraph(relationshipTypes: knows, direction: .outgoing, weightProperty: "weight")
  let undirected = AnalyticsGraph(relationshipTypes: knows, direction: .both)
  let undirectedWeighted = AnalyticsGraph(relationshipTypes: knows, direction: .both, weightProperty: "weight")

  func measure() throws {
    let db = try Database()
    try SocialDataset(directory: directory).load(into: db)
    var person: [Int64: Int64] = [:]
    var node: [Int64: Int64] = [:]
    for row in try db.execute("MATCH (p:Person) RETURN id(p), p.id").rows {
      guard let nodeID = row[0].intValue, let id = row[1].intValue else { continue }
      person[nodeID] = id
      node[id] = nodeID
    }
    guard let source = node[parameters.typical] else { throw BenchError(description: "no person \(parameters.typical)") }
    let algorithms = db.algorithms

    let graphs = [directed, directedWeighted, undirected, undirectedWeighted]
    try run("A0-projection", { () throws -> Int in
      // Projections are cached until the graph changes: a one-property write first makes every
      // run build all four afresh.
      _ = try db.execute("MATCH (p:Person) WITH p LIMIT 1 SET p.touched = coalesce(p.touched, 0) + 1")
      let fresh = db.algorithms
      for graph in graphs { _ = try fresh.degree(graph) }
      return graphs.count
    }) { ["graphs": $0] }
    for graph in graphs { _ = try algorithms.degree(graph) }  // fills the cache the algorithms use
    func top(_ scores: NodeValues<Double>) -> [String: Any] {
      let best = scores.sorted {
        $0.value > $1.value || ($0.value == $1.value && (person[$0.nodeID] ?? 0) < (person[$1.nodeID] ?? 0))
      }
      return ["top": best.prefix(20).map { [person[$0.nodeID] ?? -1, $0.value] as [Any] }]
    }
    // Iterated to convergence (the L1 change below n × 1e-10, as networkx measures it), so that
    // the scores match igraph's exact solution on every dataset.
    try run("A1-pagerank", { try algorithms.pageRank(directed, dampingFactor: 0.85, maxIterations: 100, tolerance: 1e-10) }, top)
    let sampled: [String: Any] = betweennessSources.map { ["sampled_sources": $0] } ?? [:]
    for (name, graph) in [("directed", directed), ("undirected", undirected)] {
      try run("A2-betweenness-\(name)", { try algorithms.betweenness(graph, samplingSize: betweennessSources, seed: 1) }) {
        top($0).merging(sampled) { a, _ in a }
      }
    }
    if closeness {
      try run("A3-closeness", { try algorithms.closeness(undirected) }, top)
    }
    try run("A4-wcc", { try algorithms.weaklyConnectedComponents(undirected) }) { ["components": $0.componentCount] }
    try run("A5-scc", { try algorithms.stronglyConnectedComponents(directed) }) { ["components": $0.componentCount] }
    try run("A6-bfs", { try algorithms.traverse(directed, from: source) }) { visits in
      ["reached": visits.count, "max_depth": visits.map(\.depth).max() ?? 0, "depth_sum": visits.reduce(0) { $0 + $1.depth }]
    }
    try run("A6-dijkstra", { try algorithms.shortestPathCosts(directedWeighted, from: source) }) { costs in
      ["reached": costs.count, "cost_sum": costs.values.reduce(0, +), "max_cost": costs.values.max() ?? 0]
    }
    try run("A7-triangles", { try algorithms.triangles(undirected) }) { t in
      let triangles: Int = t.triangles.values.reduce(0, +) / 3
      let clustering: Double = t.clustering.values.reduce(0, +) / Double(max(t.clustering.count, 1))
      return ["triangles": triangles, "average_clustering": clustering]
    }
    try run("A8-louvain", { try algorithms.louvain(undirectedWeighted, seed: 42) }) { c in
      ["modularity": c.modularity, "communities": Set(c.communityOf.values).count]
    }
    // A6's weighted search again by parallel delta-stepping (the default bucket width): the same
    // answer, beside the peers' single-source shortest paths.
    try run("A9-delta", { try algorithms.deltaSteppingCosts(directedWeighted, from: source) }) { costs in
      ["reached": costs.count, "cost_sum": costs.values.reduce(0, +), "max_cost": costs.values.max() ?? 0]
    }
    try measureSecondWave(db, person: person, node: node, source: source)
  }

  /// Times `compute` (again while fewer than `repetitions` runs took less than a second in all)
  /// and prints its line with the answer made from the last run's result (untimed).
  func run<T>(_ name: String, _ compute: () throws -> T, _ answer: (T) -> [String: Any]) throws {
    if let only, !only.contains(name) { return }
    var result: T?
    var m = Measurement(workload: name, dataset: dataset)
    repeat {
      m.seconds += try Measurement.time(1) { result = try compute() }
    } while m.seconds.count < repetitions && m.seconds.reduce(0, +) < 1
    if let result { m.extra["answer"] = answer(result) }
    m.report()
  }
}
