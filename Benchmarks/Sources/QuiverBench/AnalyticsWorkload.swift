// Graph analytics on a generated social graph (gen_social.py's nodes.csv and edges.csv): loads it
// through Cypher, then times projecting the store into CSR form, and PageRank, BFS, Dijkstra, weakly
// connected components and sampled betweenness through one `db.algorithms` value (projection cached).
import Foundation
import Quiver

/// The analytics workload; `directory` holds nodes.csv and edges.csv.
struct AnalyticsWorkload {
  let directory: String

  func measure(repetitions: Int) throws {
    let db = try load()
    let (nodes, relationships) = db.counts
    let dataset = "\(URL(fileURLWithPath: directory).lastPathComponent): \(nodes) nodes, \(relationships) relationships"
    let algorithms = db.algorithms
    let weighted = AnalyticsGraph(weightProperty: "weight")
    // Projection alone: a fresh snapshot value each time, so nothing is cached.
    let cases: [(String, () throws -> Int)] = [
      ("projection", { try db.algorithms.degree().count }),
      ("projection-weighted", { try db.algorithms.degree(weighted).count }),
      ("pagerank", { try algorithms.pageRank(maxIterations: 20, tolerance: 0).count }),
      ("bfs", { try algorithms.traverse(from: 0).count }),
      ("dijkstra", { try algorithms.shortestPathCosts(weighted, from: 0).count }),
      ("wcc", { Set(try algorithms.weaklyConnectedComponents(AnalyticsGraph(direction: .outgoing)).values).count }),
      ("betweenness-100", { try algorithms.betweenness(samplingSize: 100, seed: 1).count }),
    ]
    for (name, body) in cases {
      var result = try body()  // warm-up; also fills the projection cache of `algorithms`
      var m = Measurement(workload: "analytics-\(name)", dataset: dataset)
      m.seconds = try Measurement.time(repetitions) { result = try body() }
      m.extra["result"] = Double(result)
      m.report()
    }
  }

  /// Creates the :Person nodes (ids 0..<n in file order) and the KNOWS relationships.
  private func load() throws -> Database {
    let db = try Database()
    let nodeLines = try lines("nodes.csv")
    _ = try db.execute("UNWIND range(0, $n - 1) AS i CREATE (:Person {id: i})", parameters: ["n": .int(Int64(nodeLines.count))])
    var batch: [Value] = []
    func flush() throws {
      _ = try db.execute(
        """
        MATCH (p:Person) WITH p ORDER BY p.id WITH collect(p) AS people
        UNWIND $edges AS e WITH people[e[0]] AS a, people[e[1]] AS b, e[2] AS w
        CREATE (a)-[:KNOWS {weight: w}]->(b)
        """, parameters: ["edges": .list(batch)])
      batch.removeAll(keepingCapacity: true)
    }
    for line in try lines("edges.csv") {
      let f = line.split(separator: ",")
      guard f.count >= 4, let s = Int64(f[0]), let d = Int64(f[1]), let w = Double(f[3]) else { continue }
      batch.append(.list([.int(s), .int(d), .float(w)]))
      if batch.count == 250_000 { try flush() }
    }
    if !batch.isEmpty { try flush() }
    return db
  }

  /// The data lines of a CSV file (header dropped).
  private func lines(_ name: String) throws -> [Substring] {
    let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
    return Array(text.split(separator: "\n").dropFirst())
  }
}
