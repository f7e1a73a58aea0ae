// `:checkpoint` in `quiver`: on a database directory it writes the snapshot and empties the log,
// saying how large the snapshot is and how many log bytes it removed; in memory it says there is
// nothing to do.
import Foundation
import Quiver
import QuiverShellSupport
import Testing

@Suite("The :checkpoint command", .tags(.engine))
struct CheckpointCommandTests {
  private static func size(_ url: URL) -> Int {
    (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? -1
  }

  @Test("parses, with a usage line when given arguments")
  func parse() {
    #expect(MetaCommand.parse(":checkpoint") == .checkpoint)
    #expect(MetaCommand.parse(":CHECKPOINT;") == .checkpoint)
    #expect(MetaCommand.parse(":checkpoint now") == .malformed(usage: "usage: :checkpoint"))
    #expect(HelpText.topic("checkpoint") != nil)
    #expect(CypherVocabulary.commands.contains(":checkpoint"))
  }

  @Test("an in-memory database has nothing to checkpoint")
  func inMemory() throws {
    let outcome = try QuiverExecutable.run([], input: ":checkpoint\n")
    #expect(outcome.status == 0)
    #expect(outcome.standardError.isEmpty)
    #expect(
      outcome.standardOutput
        == "Nothing to checkpoint: the database is in memory. Open a directory (quiver DIR) to keep one on disk.\n")
  }

  @Test("on a directory it writes the snapshot and empties the log")
  func onDisk() throws {
    let directory = try TemporaryDirectory()
    let db = directory.file("graph.quiver")
    let create = "CREATE (:P {n: 1}), (:P {n: 2})-[:R {w: 0.5}]->(:P {n: 3});\n"
    let first = try QuiverExecutable.run([db.path], input: create)
    #expect(first.status == 0, "\(first.standardError)")
    let snapshot = db.appendingPathComponent("snapshot")
    let log = db.appendingPathComponent("wal")
    #expect(!FileManager.default.fileExists(atPath: snapshot.path))
    let logBefore = Self.size(log)

    let outcome = try QuiverExecutable.run([db.path], input: ":checkpoint\n")
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let logAfter = Self.size(log)
    let snapshotBytes = Self.size(snapshot)
    #expect(snapshotBytes > 0)
    #expect(logAfter < logBefore)
    #expect(
      outcome.standardOutput
        == "Checkpointed \(db.path): the snapshot holds 3 nodes and 1 relationship in \(snapshotBytes) bytes; "
        + "the log was emptied (\(logBefore - logAfter) bytes removed).\n")

    // The snapshot alone holds the data: without the log, reopening finds all of it.
    try FileManager.default.removeItem(at: log)
    do {
      let reopened = try Database(path: db.path)
      let result = try reopened.execute(
        "MATCH (p:P) OPTIONAL MATCH (p)-[r:R]->() RETURN count(p) AS nodes, sum(p.n) AS total, count(r) AS rels")
      #expect(result.rows.first?.map(\.intValue) == [3, 6, 1])
    }

    let again = try QuiverExecutable.run([db.path], input: ":checkpoint\n")
    #expect(again.standardOutput.hasSuffix("the log was already empty.\n"))
  }
}
