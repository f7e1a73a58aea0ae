// Durable databases: fsync'd single-statement commits per second and group-commit throughput
// with several writer threads, each on a fresh database directory under the temporary directory.
import Foundation
import Quiver

/// The `durable` workload: one JSON line per commit setting.
struct DurableWorkload {
  let statements: Int
  let threads: Int
  let repetitions: Int

  func measure() throws {
    let group = DatabaseOptions(durability: .groupCommit(maxDelay: .milliseconds(1)))
    try commits(DatabaseOptions(), threads: 1, name: "D1-fsync-1-thread")
    try commits(group, threads: 1, name: "D2-group-1-thread")
    try commits(group, threads: threads, name: "D2-group-\(threads)-threads")
    try commits(DatabaseOptions(), threads: threads, name: "D1-fsync-\(threads)-threads")
  }

  /// Runs `statements` auto-committed CREATE statements spread over `threads` threads.
  private func commits(_ options: DatabaseOptions, threads: Int, name: String) throws {
    let each = statements / threads
    var m = Measurement(workload: name, dataset: "\(each * threads) statements")
    m.seconds = try Measurement.time(repetitions) {
      let path = try DatabaseDirectory.scratch()
      defer { try? FileManager.default.removeItem(atPath: path) }
      let db = try Database(path: path, options: options)
      DispatchQueue.concurrentPerform(iterations: threads) { t in
        for i in 0..<each {
          let id = Int64(t * each + i)
          _ = try? db.execute("CREATE (:Person {id: $id, name: $name})", parameters: ["id": .int(id), "name": .string("person\(id)")])
        }
      }
      guard db.counts.nodes == each * threads else {
        throw BenchError(description: "\(name): \(db.counts.nodes) of \(each * threads) commits arrived")
      }
    }
    m.extra["commits_per_s"] = Double(each * threads) / m.median
    m.extra["answer"] = ["nodes": each * threads]
    m.report()
  }
}

/// Database directories of the benchmark.
enum DatabaseDirectory {
  /// A fresh directory under the temporary directory.
  static func scratch() throws -> String {
    let path = NSTemporaryDirectory() + "quiver-bench-db-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// The size of a file in bytes (0 when missing).
  static func size(_ path: String) -> Int {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
  }
}
