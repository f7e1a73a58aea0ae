// The write-ahead log and snapshot readers on mutated files. The seeds are a real log and a real
// snapshot, written by a durable database with a few transactions of every kind of change. A
// mutated file must be read, cut at a torn tail, or refused with an error; a log whose records
// are read is replayed as opening a directory does, and the store it gives must be consistent.
import Foundation
import GraphStorage
import Quiver

/// A log and a snapshot of a small history, as a durable database writes them.
enum StorageSeeds {
  static func files() throws -> (log: [UInt8], snapshot: [UInt8]) {
    let dir = try ScratchDirectory()
    let log: [UInt8]
    do {
      let db = try Database(path: dir.path)
      for statement in [
        "CREATE (:P {name: 'Ann', born: date('1990-05-01'), tags: ['a', 'b'], w: 1.5})",
        "CREATE INDEX p_name FOR (p:P) ON (p.name)",
        "MATCH (a:P) CREATE (a)-[:KNOWS {since: 2020}]->(:P {name: 'Bo', w: -0.0})",
        "MATCH (p:P {name: 'Ann'}) SET p.name = 'Anna', p:Admin REMOVE p.w",
        "MATCH (p:P {name: 'Bo'}) DETACH DELETE p",
        "CREATE CONSTRAINT p_id FOR (p:P) REQUIRE p.id IS UNIQUE",
      ] { _ = try db.execute(statement) }
      log = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir.path + "/wal")))
      try db.checkpoint()
    }
    let snapshot = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir.path + "/snapshot")))
    return (log, snapshot)
  }
}

/// Scans and replays mutated write-ahead logs.
final class LogTarget: FuzzTarget {
  let maxLength = 1 << 16
  let dictionary: [[UInt8]] = [Array("QUIVRWAL".utf8), [1, 0, 0, 0], [0xFF, 0xFF, 0xFF, 0x7F]]

  func seeds(corpus: String) throws -> [[UInt8]] { [try StorageSeeds.files().log] }

  func run(_ input: [UInt8]) -> String? {
    guard let scan = try? LogFormat.scan(input, file: "wal") else { return nil }
    var store = GraphStore()
    var sequence: UInt64 = 0
    for record in scan.records {
      guard record.sequence == sequence + 1 else { return nil }
      for change in record.changes {
        do { try store.apply(change) } catch { return nil }
      }
      sequence = record.sequence
    }
    let violations = store.invariantViolations()
    return violations.isEmpty ? nil : "a replayed log gave an inconsistent store: " + violations.prefix(3).joined(separator: "; ")
  }
}

/// Reads mutated snapshots.
final class SnapshotTarget: FuzzTarget {
  let maxLength = 1 << 16
  let dictionary: [[UInt8]] = [[0], [0xFF, 0xFF, 0xFF, 0xFF], [0x80, 0x80, 0x80, 0x80, 0x01]]

  func seeds(corpus: String) throws -> [[UInt8]] { [try StorageSeeds.files().snapshot] }

  func run(_ input: [UInt8]) -> String? {
    guard let (store, _) = try? SnapshotReader.read(input, file: "snapshot") else { return nil }
    let violations = store.invariantViolations()
    return violations.isEmpty ? nil : "a snapshot read as an inconsistent store: " + violations.prefix(3).joined(separator: "; ")
  }
}
