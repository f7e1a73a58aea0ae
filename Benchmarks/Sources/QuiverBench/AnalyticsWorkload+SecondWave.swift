// The second wave of analytics rows, after A0–A9 on the same database and `db.algorithms`:
// A10 Leiden, A11 bridges and articulation points (of the KNOWS weighing under 0.1), A12 maximum flow, A13 topological sort (on
// the DAG of the KNOWS relationships from a lower to a higher person id), beside igraph; A14
// FastRP (128 dimensions from a named graph, through Cypher, counting the streamed rows) and A15
// k-nearest neighbours over `age` (only up to 20,000 persons, where the exact search is allowed),
// Quiver alone; A16 four algorithms on one named graph against the same four on inline
// projections, each from a graph just changed (nothing cached), with the projections each built.
// Every line carries an answer that does not depend on tie-breaking or visiting order, so that
// the peers' can be checked against it.
import Foundation
import Quiver

extension AnalyticsWorkload {
  /// Whether row `name` is selected.
  private func wants(_ name: String) -> Bool { only.map { $0.contains(name) } ?? true }

  /// Runs A10–A16. `person` maps node ids to person ids, `node` the reverse; `source` is A6's.
  func measureSecondWave(_ db: Database, person: [Int64: Int64], node: [Int64: Int64], source: Int64) throws {
    let algorithms = db.algorithms
    func id(_ nodeID: Int64) -> Int64 { person[nodeID] ?? -1 }

    try run("A10-leiden", { try algorithms.leiden(undirectedWeighted, seed: 42) }) { c in
      ["modularity": c.modularity, "communities": Set(c.communityOf.values).count]
    }
    // The social graph has no bridges: A11 runs on its sparse part, the KNOWS weighing under 0.1
    // (about a tenth), as an undirected multigraph (a pair of reciprocal KNOWS is two parallel
    // edges, never a bridge), projected once (untimed).
    _ = try db.execute(
      """
      CALL algo.graph.project.cypher('knows-sparse', 'MATCH (p:Person) RETURN id(p) AS id',
        'MATCH (a:Person)-[r:KNOWS]->(b:Person) WHERE r.weight < 0.1 RETURN id(a) AS source, id(b) AS target',
        {orientation: 'UNDIRECTED'})
      """)
    let sparse = AnalyticsGraph.named("knows-sparse")
    try run("A11-bridges", { try algorithms.bridges(sparse) }) { bridges in
      let pairs = bridges.map { (min(id($0.source), id($0.target)), max(id($0.source), id($0.target))) }
      return ["bridges": pairs.count, "low_sum": pairs.reduce(0) { $0 + $1.0 }, "high_sum": pairs.reduce(0) { $0 + $1.1 }]
    }
    try run("A11-articulation", { try algorithms.articulationPoints(sparse) }) { points in
      ["points": points.count, "id_sum": points.reduce(0) { $0 + id($1) }]
    }
    // Weights as capacities, from A6's source to the hub.
    if wants("A12-maxflow"), let hub = node[parameters.hub] {
      try run("A12-maxflow", { try algorithms.maxFlow(directedWeighted, from: source, to: hub) }) { ["flow": $0.value] }
    }
    if wants("A13-toposort") {
      try measureTopologicalSort(db, person: person)
    }
    if wants("A14-fastrp") {
      try measureFastRP(db)
    }
    if wants("A16-shared-named") || wants("A16-shared-inline") {
      try measureSharedProjection(db)
    }
    // The exact k-NN refuses graphs above 20,000 nodes (quadratic): it runs on the small datasets.
    if wants("A15-knn"), person.count <= 20_000 {
      let persons = AnalyticsGraph(labels: ["Person"], relationshipTypes: Self.knows)
      try run("A15-knn", { try algorithms.knn(persons, nodeProperties: ["age"], topK: 10) }) { pairs in
        ["pairs": pairs.count, "similarity_sum": pairs.reduce(0) { $0 + $1.similarity }]
      }
    }
  }

  /// A13: the DAG is a named graph from a Cypher projection (untimed); the answer checks the
  /// order against every DAG edge read from edges.csv: the count of nodes ordered, the edges the
  /// order violates (0), and the longest path to each node computed along the order.
  private func measureTopologicalSort(_ db: Database, person: [Int64: Int64]) throws {
    _ = try db.execute(
      """
      CALL algo.graph.project.cypher('knows-dag', 'MATCH (p:Person) RETURN id(p) AS id',
        'MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE a.id < b.id RETURN id(a) AS source, id(b) AS target', {})
      """)
    let dag = try dagEdges()
    try run("A13-toposort", { try db.algorithms.topologicalSort(.named("knows-dag")) }) { order in
      var position = [Int64: Int](minimumCapacity: order.count)
      for (i, nodeID) in order.enumerated() { position[person[nodeID] ?? -1] = i }
      var violations = person.count - order.count
      var depth = [Int64: Int]()
      for (s, t) in dag {
        if let ps = position[s], let pt = position[t], ps < pt { continue }
        violations += 1
      }
      // Longest path (in edges) ending at each node, relaxed in the order found.
      var outgoing = [Int64: [Int64]]()
      for (s, t) in dag { outgoing[s, default: []].append(t) }
      for nodeID in order {
        let v = person[nodeID] ?? -1
        let d = depth[v] ?? 0
        for t in outgoing[v] ?? [] where (depth[t] ?? 0) < d + 1 { depth[t] = d + 1 }
      }
      return ["sorted": order.count, "violations": violations, "max_depth": depth.values.max() ?? 0, "depth_sum": depth.values.reduce(0, +)]
    }
  }

  /// The KNOWS relationships of edges.csv from a lower to a higher person id, as person ids.
  private func dagEdges() throws -> [(Int64, Int64)] {
    let text = try String(contentsOfFile: directory + "/edges.csv", encoding: .utf8)
    var edges: [(Int64, Int64)] = []
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",", maxSplits: 2)
      guard fields.count >= 2, let s = Int64(fields[0]), let t = Int64(fields[1]), s < t else { continue }
      edges.append((s, t))
    }
    return edges
  }

  /// A14: FastRP from a named undirected graph (projected untimed), 128 dimensions, through
  /// Cypher, every row consumed; no peer has FastRP, so the row reports the time alone.
  private func measureFastRP(_ db: Database) throws {
    try db.algorithms.project(
      "knows-undirected", CatalogProjection(nodeLabels: ["Person"], relationshipTypes: Self.knows, orientation: "UNDIRECTED"))
    try run("A14-fastrp", { () throws -> (rows: Int, dimension: Int, sum: Double) in
      let stream = try db.stream(
        "CALL algo.fastRP.stream({graph: 'knows-undirected', embeddingDimension: 128, randomSeed: 42}) YIELD node, embedding RETURN embedding")
      let rows = stream.rows
      var count = 0
      var dimension = 0
      var sum = 0.0
      for row in rows {
        count += 1
        if case .list(let values)? = row.first {
          dimension = values.count
          sum += values.first?.doubleValue ?? 0
        }
      }
      try rows.checkError()
      return (count, dimension, sum)
    }) { ["rows": $0.rows, "dimension": $0.dimension, "first_coordinate_sum": $0.sum] }
  }

  /// A16: PageRank, WCC, Louvain (weighted) and label propagation on the undirected KNOWS graph,
  /// once on a named graph projected for them (then dropped) and once on inline projections.
  /// Each run starts with a one-property write, so that neither finds a cached projection; the
  /// answer gives the projections each run built (from the store, derived, named).
  private func measureSharedProjection(_ db: Database) throws {
    func fourAlgorithms(_ algorithms: GraphAnalytics, _ graph: AnalyticsGraph, _ weighted: AnalyticsGraph) throws -> Double {
      _ = try algorithms.pageRank(graph)
      _ = try algorithms.weaklyConnectedComponents(graph)
      _ = try algorithms.labelPropagation(graph, seed: 42)
      return try algorithms.louvain(weighted, seed: 42).modularity
    }
    func touched() throws -> GraphAnalytics {
      _ = try db.execute("MATCH (p:Person) WITH p LIMIT 1 SET p.touched = coalesce(p.touched, 0) + 1")
      return db.algorithms
    }
    func builds(since start: (fromStore: Int, derived: Int, named: Int), _ algorithms: GraphAnalytics) -> [String: Int] {
      let now = algorithms.projectionBuilds
      return ["from_store": now.fromStore - start.fromStore, "derived": now.derived - start.derived, "named": now.named - start.named]
    }
    var start = db.algorithms.projectionBuilds
    var last: GraphAnalytics?
    try run("A16-shared-named", { () throws -> Double in
      let algorithms = try touched()
      start = algorithms.projectionBuilds
      try algorithms.project(
        "shared", CatalogProjection(nodeLabels: ["Person"], relationshipTypes: Self.knows, orientation: "UNDIRECTED", relationshipProperties: ["weight"]))
      defer { _ = try? algorithms.drop("shared") }
      last = algorithms
      return try fourAlgorithms(algorithms, .named("shared"), .named("shared", weightProperty: "weight"))
    }) { modularity in
      ["modularity": modularity, "builds": last.map { builds(since: start, $0) } ?? [:]] as [String: Any]
    }
    try run("A16-shared-inline", { () throws -> Double in
      let algorithms = try touched()
      start = algorithms.projectionBuilds
      last = algorithms
      let graph = AnalyticsGraph(labels: ["Person"], relationshipTypes: Self.knows, direction: .both)
      var weighted = graph
      weighted.weightProperty = "weight"
      return try fourAlgorithms(algorithms, graph, weighted)
    }) { modularity in
      ["modularity": modularity, "builds": last.map { builds(since: start, $0) } ?? [:]] as [String: Any]
    }
  }
}
