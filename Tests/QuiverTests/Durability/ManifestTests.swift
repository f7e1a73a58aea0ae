// The manifest of a database directory: it records the last durable transaction, so a log that
// was deleted or cut short (to 0 bytes, to 1 byte, by a record) is refused with `LostTransactions`
// instead of opening as a smaller graph, unless DatabaseOptions.acceptsLostTransactions asks to
// salvage what is left. A damaged slot falls back on the other; both damaged is `CorruptManifest`.
import Foundation
import Quiver
import Testing

@Suite struct ManifestTests {
  /// A directory with three committed transactions (three nodes), closed, and its log's size.
  private func threeTransactions(_ options: DatabaseOptions = DatabaseOptions()) throws -> (ScratchDirectory, Int) {
    let dir = try ScratchDirectory()
    do {
      let db = try Database(path: dir.path, options: options)
      for i in 1...3 { _ = try db.execute("CREATE (:P {i: \(i)})") }
    }
    return (dir, try dir.read("wal").count)
  }

  /// The transaction the newest whole slot of the manifest records (slots are 32 bytes; the
  /// sequence number is the little-endian u64 at byte 16 of a slot).
  private func recordedSequence(_ dir: ScratchDirectory) throws -> UInt64 {
    let bytes = try dir.read("manifest")
    #expect(bytes.count == 64)
    return [0, 32].map { start in (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[start + 16 + $1]) << (8 * $1) } }.max() ?? 0
  }

  private func count(_ db: Database) throws -> Int64? {
    try db.execute("MATCH (p:P) RETURN count(p)").rows.first?.first?.intValue
  }

  private static let hint =
    "; to open it with what is left, use DatabaseOptions.acceptsLostTransactions (in the shell, --accept-lost-transactions)"

  /// The error opening `dir` throws, if any.
  private func openingError(_ dir: ScratchDirectory, _ options: DatabaseOptions = DatabaseOptions()) -> QuiverError? {
    do {
      _ = try Database(path: dir.path, options: options)
      return nil
    } catch {
      return error as? QuiverError
    }
  }

  @Test func eachCommitAndCheckpointAdvancesTheManifest() throws {
    let (dir, _) = try threeTransactions()
    #expect(try recordedSequence(dir) == 3)
    let db = try Database(path: dir.path)
    #expect(db.recoveryWarnings.isEmpty)
    #expect(try count(db) == 3)
    try db.checkpoint()
    _ = try db.execute("CREATE (:P {i: 4})")
    #expect(try recordedSequence(dir) == 4)
  }

  @Test(arguments: [0, 1, 16, 40])
  func logCutShortIsRefused(length: Int) throws {
    let (dir, logSize) = try threeTransactions()
    try dir.write("wal", Array(try dir.read("wal").prefix(length)))
    let error = openingError(dir)
    #expect(error?.code == .lostTransactions)
    #expect(error?.category == .io)
    #expect(
      error?.message
        == "database directory `\(dir.path)` recorded 3 committed transactions (a write-ahead log of \(logSize) bytes) "
        + "in its manifest, but its snapshot and write-ahead log hold transactions up to 0 only: "
        + "the log was deleted or cut short" + Self.hint)
    // Refusing repairs nothing: the log is as it was.
    #expect(try dir.read("wal").count == length)
  }

  @Test func deletedLogIsRefusedUnlessAccepted() throws {
    let (dir, logSize) = try threeTransactions()
    try FileManager.default.removeItem(atPath: dir.file("wal"))
    let error = openingError(dir)
    #expect(error?.code == .lostTransactions)
    #expect(
      error?.message
        == "database directory `\(dir.path)` recorded 3 committed transactions (a write-ahead log of \(logSize) bytes) "
        + "in its manifest, but its write-ahead log `\(dir.path)/wal` is missing (the snapshot holds transactions up to 0): "
        + "the log was deleted or cut short" + Self.hint)
    #expect(!FileManager.default.fileExists(atPath: dir.file("wal")))

    let salvaged = try Database(path: dir.path, options: DatabaseOptions(acceptsLostTransactions: true))
    #expect(try count(salvaged) == 0)
    #expect(salvaged.recoveryWarnings.count == 1)
    #expect(salvaged.recoveryWarnings.first?.hasSuffix("the log was deleted or cut short; opened as it is, as asked") == true)
    _ = try salvaged.execute("CREATE (:P {i: 9})")
    #expect(try recordedSequence(dir) == 1)
  }

  @Test func deletedLogAfterACheckpointLosesNothing() throws {
    let (dir, _) = try threeTransactions()
    do {
      let db = try Database(path: dir.path)
      try db.checkpoint()
    }
    try FileManager.default.removeItem(atPath: dir.file("wal"))
    let db = try Database(path: dir.path)
    #expect(db.recoveryWarnings.isEmpty)
    #expect(try count(db) == 3)
  }

  @Test func snapshotDeletedAfterACheckpointIsRefused() throws {
    let (dir, _) = try threeTransactions()
    do {
      let db = try Database(path: dir.path)
      try db.checkpoint()
    }
    try FileManager.default.removeItem(atPath: dir.file("snapshot"))
    #expect(openingError(dir)?.code == .lostTransactions)
  }

  @Test func groupCommitRecordsWhatAnFsyncCovered() throws {
    let options = DatabaseOptions(durability: .groupCommit(maxDelay: .milliseconds(1)))
    let (dir, _) = try threeTransactions(options)
    // Each commit waited for its fsync and then recorded it, so the manifest holds all three.
    #expect(try recordedSequence(dir) == 3)
    try dir.write("wal", [])
    #expect(openingError(dir, options)?.code == .lostTransactions)
  }

  @Test func oneTornSlotFallsBackOnTheOther() throws {
    let (dir, _) = try threeTransactions()
    var manifest = try dir.read("manifest")
    // Transaction 3 went to the odd slot (bytes 32..<64); tearing it leaves transaction 2's.
    manifest[40] ^= 0xFF
    try dir.write("manifest", manifest)
    let db = try Database(path: dir.path)
    #expect(db.recoveryWarnings.isEmpty)
    #expect(try count(db) == 3)
  }

  @Test func bothSlotsDamagedIsACorruptManifest() throws {
    let (dir, _) = try threeTransactions()
    try dir.write("manifest", [UInt8](repeating: 7, count: 64))
    let error = openingError(dir)
    #expect(error?.code == .corruptManifest)
    #expect(
      error?.message
        == "manifest `\(dir.path)/manifest` at byte offset 0: no whole manifest record (bad magic number or checksum)"
        + Self.hint)
    let salvaged = try Database(path: dir.path, options: DatabaseOptions(acceptsLostTransactions: true))
    #expect(try count(salvaged) == 3)
    #expect(
      salvaged.recoveryWarnings
        == ["manifest `\(dir.path)/manifest` at byte offset 0: no whole manifest record (bad magic number or checksum)"
          + "; ignored, as asked"])
  }

  @Test func aDirectoryWithoutAManifestOpensAndGetsOne() throws {
    let (dir, _) = try threeTransactions()
    try FileManager.default.removeItem(atPath: dir.file("manifest"))
    let db = try Database(path: dir.path)
    #expect(db.recoveryWarnings.isEmpty)
    #expect(try count(db) == 3)
    #expect(try recordedSequence(dir) == 3)
  }
}
