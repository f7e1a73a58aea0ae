// W1: single-statement writes. Each repetition creates a fresh database and runs N auto-committed
// `CREATE (:Person {...})` statements with parameters, as an application would.
import Quiver

/// W1 of queries.md.
struct WriteWorkload {
  let statements: Int
  static let cities = ["Lisbon", "Porto", "Madrid", "Seville", "Paris", "Berlin", "Rome", "Vienna"]

  func measure(repetitions: Int) throws {
    var m = Measurement(workload: "W1", dataset: "\(statements) statements")
    var nodes = 0
    m.seconds = try Measurement.time(repetitions) {
      let db = try Database()
      for i in 0..<statements {
        _ = try db.execute(
          "CREATE (:Person {id: $id, name: $name, age: $age, city: $city})",
          parameters: [
            "id": .int(Int64(i)), "name": .string("person\(i)"), "age": .int(Int64(18 + i % 60)),
            "city": .string(Self.cities[i % Self.cities.count]),
          ])
      }
      guard db.counts.nodes == statements else {
        throw BenchError(description: "W1 created \(db.counts.nodes) nodes, expected \(statements)")
      }
      nodes = db.counts.nodes
    }
    m.extra["statements_per_s"] = Double(statements) / m.median
    m.extra["answer"] = ["nodes": nodes]
    m.report()
  }
}
