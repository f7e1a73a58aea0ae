// E1-E2: the embedding API's costs. E1: an indexed point lookup (`MATCH (p:Person {id: $id})
// RETURN p.name`) run from Swift through `Database.execute` (plan cache) and through a
// `PreparedStatement`, per lookup. E2: one million rows (`UNWIND` of an id, a name and a score)
// iterated as `Value`s and decoded into a `Decodable` struct; the target is decoding at most 2x
// the iteration.
import Foundation
import Quiver

/// `embedding`: E1 on `persons` persons with an index on id, E2 on `rows` rows.
struct EmbeddingWorkload {
  let persons: Int
  let rows: Int
  let repetitions: Int

  /// One decoded row of E2.
  private struct Item: Decodable {
    let id: Int
    let name: String
    let score: Double
  }

  func measure() throws {
    let db = try Database()
    try db.execute("CREATE INDEX person_id FOR (p:Person) ON (p.id)")
    try db.execute("UNWIND range(0, $n - 1) AS i CREATE (:Person {id: i, name: 'p' + toString(i)})", parameters: ["n": persons])
    let lookup = "MATCH (p:Person {id: $id}) RETURN p.name AS name"
    let prepared = try db.prepare(lookup)
    let lookups = 10_000
    let ids = (0..<lookups).map { ($0 * 7919) % persons }
    // The two forms alternate, one pass of every id each, so that drift of the machine falls on
    // both alike.
    let forms: [(String, (Int) throws -> QueryResult)] = [
      ("E1-lookup-execute", { (id: Int) in try db.execute(lookup, parameters: ["id": id]) }),
      ("E1-lookup-prepared", { (id: Int) in try prepared.execute(["id": id]) }),
    ]
    var measurements = forms.map { Measurement(workload: $0.0, dataset: "\(persons) persons") }
    var found = Array(repeating: 0, count: forms.count)
    for _ in 0..<repetitions {
      for (index, form) in forms.enumerated() {
        found[index] = 0
        measurements[index].seconds += try Measurement.time(1) {
          for id in ids { found[index] += try form.1(id).count }
        }.map { $0 / Double(lookups) }
      }
    }
    for index in forms.indices {
      measurements[index].extra["answer"] = ["found": found[index]]
      if index > 0 { measurements[index].extra["ratio_to_execute"] = measurements[index].median / max(measurements[0].median, 1e-12) }
      measurements[index].report()
    }

    let query = "UNWIND range(1, $n) AS i RETURN i AS id, 'name' AS name, i * 0.5 AS score"
    var iterated = Measurement(workload: "E2-rows-values", dataset: "\(rows) rows")
    var sum = 0.0
    iterated.seconds = try Measurement.time(repetitions) {
      sum = 0
      let stream = try db.stream(query, parameters: ["n": rows])
      while let row = try stream.next() {
        sum += Double(row[0].intValue ?? 0) + (row[2].doubleValue ?? 0) + Double(row[1].stringValue?.utf8.count ?? 0)
      }
    }
    iterated.extra["answer"] = ["sum": sum]
    iterated.report()
    var decoded = Measurement(workload: "E2-rows-decodable", dataset: "\(rows) rows")
    decoded.seconds = try Measurement.time(repetitions) {
      sum = 0
      let rows = try db.stream(query, parameters: ["n": rows]).rows
      for row in rows {
        let item = try row.decode(Item.self)
        sum += Double(item.id) + item.score + Double(item.name.utf8.count)
      }
      try rows.checkError()
    }
    decoded.extra["answer"] = ["sum": sum]
    decoded.extra["ratio_to_values"] = decoded.median / max(iterated.median, 1e-9)
    decoded.report()
  }
}
