// `:checkpoint`: the shell's way to `CALL db.checkpoint()`, reporting what the checkpoint wrote
// (the snapshot) and what it removed (the write-ahead log's records).
import Foundation
import Quiver

extension Session {
  /// Checkpoints an on-disk database and says what it did; an in-memory one has nothing to do.
  func checkpoint() throws(SessionError) {
    guard let path = database.path else {
      say("Nothing to checkpoint: the database is in memory. Open a directory (quiver DIR) to keep one on disk.")
      return
    }
    if database.isReadOnly {
      throw SessionError("Cannot checkpoint \(path): the database is open read-only")
    }
    let snapshot = (path as NSString).appendingPathComponent("snapshot")
    let log = (path as NSString).appendingPathComponent("wal")
    let logBefore = Self.fileSize(log)
    do {
      try database.checkpoint()
    } catch {
      throw SessionError("Checkpoint of \(path) failed: \((error as? QuiverError)?.message ?? "\(error)")")
    }
    let counts = database.counts
    let removed = max(0, logBefore - Self.fileSize(log))
    var text = "Checkpointed \(path): the snapshot holds \(Self.count(counts.nodes, "node")) and "
    text += "\(Self.count(counts.relationships, "relationship")) in \(Self.count(Self.fileSize(snapshot), "byte")); "
    text += removed > 0 ? "the log was emptied (\(Self.count(removed, "byte")) removed)." : "the log was already empty."
    if isInTransaction {
      text += " The open transaction's changes are not in it until it commits."
    }
    say(text)
  }

  private static func fileSize(_ path: String) -> Int {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
  }

  /// `1 node`, `2 nodes`.
  private static func count(_ n: Int, _ noun: String) -> String {
    "\(n) \(noun)\(n == 1 ? "" : "s")"
  }
}
