// Durable databases: fsync'd single-statement commits per second, group-commit throughput with
// eight writer threads, snapshot bytes per node and per relationship, and the time to reopen a
// database from its snapshot.
import Foundation
import Quiver

/// The `durable` workload: one JSON line per measurement.
struct DurableWorkload {
  let statements: Int

  /// A fresh database directory under the temporary directory.
  private func scratch() throws -> String {
    let path = NSTemporaryDirectory() + "quiver-bench-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  private func size(_ path: String) -> Double {
    Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
  }

  /// Runs `statements` auto-committed CREATE statements spread over `threads` threads.
  private func commits(_ options: DatabaseOptions, threads: Int, label: String, repetitions: Int) throws {
    var m = Measurement(workload: "durable-commits", dataset: "\(statements) statements, \(label)")
    m.seconds = try Measurement.time(repetitions) {
      let path = try scratch()
      defer { try? FileManager.default.removeItem(atPath: path) }
      let db = try Database(path: path, options: options)
      let each = statements / threads
      DispatchQueue.concurrentPerform(iterations: threads) { t in
        for i in 0..<each {
          _ = try? db.execute("CREATE (:Person {id: $id, name: $name})", parameters: ["id": .int(Int64(t * each + i)), "name": .string("p\(i)")])
        }
      }
      guard db.counts.nodes == each * threads else { throw BenchError(description: "lost commits") }
    }
    m.extra["commits_per_s"] = Double(statements / threads * threads) / m.seconds.sorted()[m.seconds.count / 2]
    m.report()
  }

  func measure(repetitions: Int) throws {
    try commits(DatabaseOptions(), threads: 1, label: "fsync per commit, 1 thread", repetitions: repetitions)
    let group = DatabaseOptions(durability: .groupCommit(maxDelay: .milliseconds(1)))
    try commits(group, threads: 1, label: "group commit 1 ms, 1 thread", repetitions: repetitions)
    try commits(group, threads: 8, label: "group commit 1 ms, 8 threads", repetitions: repetitions)
    try commits(DatabaseOptions(), threads: 8, label: "fsync per commit, 8 threads", repetitions: repetitions)

    let nodes = 1_000_000, rels = 2_000_000
    let path = try scratch()
    defer { try? FileManager.default.removeItem(atPath: path) }
    var m = Measurement(workload: "durable-snapshot", dataset: "\(nodes) nodes, \(rels) relationships")
    do {
      let db = try Database(path: path, options: DatabaseOptions(checkpointLogSize: Int.max))
      _ = try db.execute("UNWIND range(0, $n - 1) AS i CREATE (:Person {id: i, name: 'person' + toString(i), age: i % 90})", parameters: ["n": .int(Int64(nodes))])
      try db.checkpoint()
      let nodeBytes = size(path + "/snapshot")
      _ = try db.execute("MATCH (a:Person) CREATE (a)-[:KNOWS {since: 2000 + a.age}]->(a), (a)-[:LIKES]->(a)")
      try db.checkpoint()
      m.extra["snapshot_bytes_per_node"] = nodeBytes / Double(nodes)
      m.extra["snapshot_bytes_per_relationship"] = (size(path + "/snapshot") - nodeBytes) / Double(rels)
      m.extra["snapshot_bytes"] = size(path + "/snapshot")
    }
    m.seconds = try Measurement.time(repetitions) {
      let db = try Database(path: path)
      guard db.counts.nodes == nodes, db.counts.relationships == rels else { throw BenchError(description: "reopen lost data") }
    }
    m.extra["open_s"] = m.seconds.sorted()[m.seconds.count / 2]
    m.report()
  }
}
