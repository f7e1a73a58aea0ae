// M1: MERGE on an indexed key as the graph grows. For each size, a database of that many
// persons (bulk-imported, with an index on Person.id) then 1,000 auto-committed MERGEs of
// existing ids and 1,000 of new ones; the time per MERGE should not grow with the graph.
import Foundation
import Quiver

/// `merge`: M1 at each of `sizes` persons.
struct MergeWorkload {
  let sizes: [Int]
  let repetitions: Int

  func measure() throws {
    for size in sizes {
      let directory = NSTemporaryDirectory() + "quiver-merge-\(size)-\(ProcessInfo.processInfo.processIdentifier)"
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(atPath: directory) }
      var text = "id,name\n"
      for i in 0..<size { text += "\(i),p\(i)\n" }
      try text.write(toFile: directory + "/persons.csv", atomically: true, encoding: .utf8)
      let db = try Database()
      _ = try db.execute("CREATE INDEX person_id FOR (p:Person) ON (p.id)")
      try db.importCSV(nodes: [CSVNodeFile(path: directory + "/persons.csv", labels: ["Person"])])
      let statement = "MERGE (p:Person {id: $id}) ON CREATE SET p.name = 'new' RETURN p.name"
      for name in ["existing", "new"] {
        var m = Measurement(workload: "M1-merge-\(name)", dataset: "\(size) persons")
        var created = 0
        var round = 0
        m.seconds = try Measurement.time(repetitions) {
          // New ids are fresh in every round, so no clean-up runs inside the timing.
          let ids = (0..<1000).map { Int64(name == "existing" ? ($0 * 7919) % size : size + round * 1000 + $0) }
          round += 1
          let before = db.counts.nodes
          for id in ids { _ = try db.execute(statement, parameters: ["id": .int(id)]) }
          created = db.counts.nodes - before
        }.map { $0 / 1000 }
        m.extra["answer"] = ["created": created]
        m.report()
      }
    }
  }
}
