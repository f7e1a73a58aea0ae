// `quiver` on a database directory whose write-ahead log was deleted: refused with the
// `LostTransactions` error and the way out, and opened with what is left (and a warning) when
// given `--accept-lost-transactions`.
import Foundation
import Testing

@Suite("quiver on a directory that lost its log", .tags(.engine))
struct LostTransactionsCommandTests {
  @Test("refused, then opened with --accept-lost-transactions")
  func deletedLog() throws {
    let directory = try TemporaryDirectory()
    let db = directory.file("graph.quiver").path
    let created = try QuiverExecutable.run([db, "-c", "CREATE (:P), (:P)"])
    #expect(created.status == 0, "\(created.standardError)")
    let logSize = (try FileManager.default.attributesOfItem(atPath: db + "/wal")[.size] as? Int) ?? -1
    try FileManager.default.removeItem(atPath: db + "/wal")

    let lost =
      "database directory `\(db)` recorded 1 committed transactions (a write-ahead log of \(logSize) bytes) "
      + "in its manifest, but its write-ahead log `\(db)/wal` is missing (the snapshot holds transactions up to 0): "
      + "the log was deleted or cut short"
    let refused = try QuiverExecutable.run([db, "-c", "MATCH (n) RETURN count(n) AS n", "--format", "csv"])
    #expect(refused.status == 1)
    #expect(refused.standardOutput.isEmpty)
    #expect(
      refused.standardError
        == "quiver: cannot open the database: IOError (LostTransactions): " + lost
        + "; to open it with what is left, use DatabaseOptions.acceptsLostTransactions (in the shell, --accept-lost-transactions)\n")

    let salvaged = try QuiverExecutable.run(
      [db, "--accept-lost-transactions", "-c", "MATCH (n) RETURN count(n) AS n", "--format", "csv"])
    #expect(salvaged.status == 0)
    #expect(salvaged.standardOutput == "n\n0\n")
    #expect(salvaged.standardError == "quiver: " + lost + "; opened as it is, as asked\n")
  }
}
