// L1 and Q1–Q7 of queries.md (and G1–G2, GQL forms against classic ones) on one dataset: load once (timed), then each query repeated (at
// most `repetitions` times, fewer once its runs add up to a second, the rule the Kuzu peer
// follows too), one JSON line per measurement with the answer so that peers can be checked
// against it and the first, cold run beside the median.
import Foundation
import Quiver

/// The query workloads.
struct QueryWorkload {
  let directory: String
  let dataset: String
  let parameters: QueryParameters
  let repetitions: Int
  let triangles: Bool
  /// The queries to run (all when nil).
  let only: Set<String>?

  func measure() throws {
    let data = SocialDataset(directory: directory)
    var db = try Database()
    var load = Measurement(workload: "L1", dataset: dataset)
    load.seconds = try Measurement.time(1) {
      db = try Database()
      try data.load(into: db)
    }
    load.extra["answer"] = ["nodes": db.counts.nodes, "relationships": db.counts.relationships]
    load.report()
    let ids = parameters.ids
    try run("Q1", per: ids.count, answer: { $0.rows.count }) {
      var found = 0
      for id in ids {
        found += try db.execute("MATCH (p:Person {id: $id}) RETURN p.name, p.age, p.city", parameters: ["id": .int(id)]).rows.count
      }
      return QueryResult(columns: ["found"], rows: Array(repeating: [.int(1)], count: found))
    }
    // The same look-ups with the id in the query text (each text planned once), as a peer that
    // plans parameters badly is also measured.
    try run("Q1-literal", per: ids.count, answer: { $0.rows.count }) {
      var found = 0
      for id in ids {
        found += try db.execute("MATCH (p:Person {id: \(id)}) RETURN p.name, p.age, p.city").rows.count
      }
      return QueryResult(columns: ["found"], rows: Array(repeating: [.int(1)], count: found))
    }
    for (name, id) in [("hub", parameters.hub), ("typical", parameters.typical)] {
      try run("Q2-\(name)") {
        try db.execute("MATCH (a:Person {id: $id})-[:KNOWS]->(b:Person) RETURN count(b)", parameters: ["id": .int(id)])
      }
      try run("Q3-\(name)") {
        try db.execute(
          "MATCH (a:Person {id: $id})-[:KNOWS]->(:Person)-[:KNOWS]->(c:Person) WHERE c.id <> $id RETURN count(DISTINCT c)",
          parameters: ["id": .int(id)])
      }
    }
    try run("Q4", answer: { $0.rows.count }) { try db.execute("MATCH (p:Person) RETURN p.city AS city, count(*) AS c ORDER BY c DESC, city") }
    try run("Q5") { try db.execute("MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE a.age < b.age RETURN count(*)") }
    try run("Q6") {
      try db.execute(
        "MATCH p = shortestPath((a:Person {id: $src})-[:KNOWS*..30]->(b:Person {id: $dst})) RETURN length(p)",
        parameters: ["src": .int(parameters.typical), "dst": .int(parameters.farthest)])
    }
    // GQL forms against the classic forms they are planned as (not in queries.md: Quiver only,
    // so they run only when --only names them, as compare.py's gql workload does).
    // G1: a quantified path pattern and the equivalent variable-length relationship; G2: the
    // SHORTEST 1 selector and shortestPath, between the Q6 endpoints.
    if only != nil { try gql(db) }
    if triangles {
      try run("Q7") { try db.execute("MATCH (a:Person)-[:KNOWS]->(b:Person)-[:KNOWS]->(c:Person)-[:KNOWS]->(a) RETURN count(*)") }
    }
  }

  /// G1 and G2 (see above).
  private func gql(_ db: Database) throws {
    for (name, pattern) in [("G1-varlength", "(a:Person {id: $id})-[:KNOWS*1..3]->(b)"),
                            ("G1-qpp", "(a:Person {id: $id}) ((x)-[:KNOWS]->(y)){1,3} (b)")] {
      try run(name) { try db.execute("MATCH \(pattern) RETURN count(b)", parameters: ["id": .int(parameters.typical)]) }
    }
    for (name, pattern) in [("G2-shortestPath", "shortestPath((a:Person {id: $src})-[:KNOWS*..30]->(b:Person {id: $dst}))"),
                            ("G2-shortest1", "SHORTEST 1 (a:Person {id: $src})-[:KNOWS]->{1,30}(b:Person {id: $dst})")] {
      try run(name) {
        try db.execute(
          "MATCH p = \(pattern) RETURN length(p)",
          parameters: ["src": .int(parameters.typical), "dst": .int(parameters.farthest)])
      }
    }
  }

  /// Times `body` and prints its line; the answer is the first cell unless `answer` says otherwise.
  private func run(_ name: String, per: Int = 1, answer: ((QueryResult) -> Int)? = nil, _ body: () throws -> QueryResult) throws {
    if let only, !only.contains(name) { return }
    var last: QueryResult?
    var m = Measurement(workload: name, dataset: dataset)
    var total = 0.0
    repeat {
      let seconds = try Measurement.time(1) { last = try body() }[0]
      total += seconds
      m.seconds.append(seconds / Double(per))
    } while m.seconds.count < repetitions && total < 1
    m.extra["first_s"] = m.seconds[0]
    if let last {
      let value = answer?(last) ?? Int(last.rows.first?.first?.intValue ?? -1)
      m.extra["answer"] = value
    }
    m.report()
  }
}
