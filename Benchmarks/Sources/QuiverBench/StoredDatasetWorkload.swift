// A dataset in an on-disk database: `store` loads it into a directory and checkpoints (reporting
// snapshot bytes per node and per relationship); `open`, run in a fresh process, times opening
// that directory until a query can run, to set beside loading the CSV files (L1).
import Foundation
import Quiver

/// `store --data DIR --db PATH`: loads the dataset into a new database at PATH and checkpoints.
struct StoreWorkload {
  let directory: String
  let database: String
  let dataset: String

  func measure() throws {
    let data = SocialDataset(directory: directory)
    try? FileManager.default.removeItem(atPath: database)
    var m = Measurement(workload: "S1-store", dataset: dataset)
    var nodeBytes = 0, totalBytes = 0, logBytes = 0
    var nodes = 0, relationships = 0
    // The nodes alone first, in a directory of their own, for the snapshot bytes per node.
    let nodesOnly = database + "-nodes"
    try? FileManager.default.removeItem(atPath: nodesOnly)
    do {
      let db = try Database(path: nodesOnly)
      try data.importNodes(into: db)
      nodeBytes = DatabaseDirectory.size(nodesOnly + "/snapshot")
    }
    try? FileManager.default.removeItem(atPath: nodesOnly)
    m.seconds = try Measurement.time(1) {
      let db = try Database(path: database, options: DatabaseOptions(checkpointLogSize: Int.max))
      try data.load(into: db)
      try db.checkpoint()
      totalBytes = DatabaseDirectory.size(database + "/snapshot")
      logBytes = DatabaseDirectory.size(database + "/wal")
      (nodes, relationships) = (db.counts.nodes, db.counts.relationships)
    }
    m.extra["snapshot_bytes"] = totalBytes
    m.extra["snapshot_bytes_per_node"] = Double(nodeBytes) / Double(max(nodes, 1))
    m.extra["snapshot_bytes_per_relationship"] = Double(totalBytes - nodeBytes) / Double(max(relationships, 1))
    m.extra["log_bytes_after_checkpoint"] = logBytes
    m.extra["answer"] = ["nodes": nodes, "relationships": relationships]
    m.report()
  }
}

/// `open --db PATH`: opens the database and counts its persons, timed.
struct OpenWorkload {
  let database: String
  let dataset: String
  let repetitions: Int

  func measure() throws {
    guard FileManager.default.fileExists(atPath: database + "/snapshot") else {
      throw BenchError(description: "open: no snapshot in \(database); run `store` first")
    }
    var m = Measurement(workload: "O1-open", dataset: dataset)
    var persons: Int64 = 0, relationships = 0
    m.seconds = try Measurement.time(repetitions) {
      let db = try Database(path: database)
      persons = try db.execute("MATCH (p:Person) RETURN count(*)").rows.first?.first?.intValue ?? -1
      relationships = db.counts.relationships
    }
    m.extra["answer"] = ["nodes": persons, "relationships": relationships]
    m.report()
  }
}
