// The on-disk side of a durable database: a directory with `snapshot` (the graph as of some
// transaction), `wal` (every transaction committed since), `manifest` (the last transaction known
// durable) and `lock`. Opening loads the snapshot, replays the log and checks that nothing the
// manifest records is missing; a commit appends one record (fsynced unless group commit batches
// it) and then updates the manifest; a checkpoint writes a new snapshot atomically and empties
// the log; a bulk import commits by writing its graph as the new snapshot, logging nothing.
import GraphCore
import GraphStorage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The files of one open database directory and the commit and checkpoint protocol over them.
final class DiskStorage: Sendable {
  /// The log file and where its records end; one writer at a time holds it.
  struct LogState: Sendable {
    var file: DiskFile?
    var size = 0
    var lastSequence: UInt64 = 0
    var failure: QuiverError?
    /// The transaction the snapshot file holds the graph after, when it is of the current format
    /// (nil without a snapshot or with an older one): a checkpoint with nothing after it has
    /// nothing to write.
    var snapshotSequence: UInt64?
    /// The manifest, open for its slot updates, and the position it last recorded.
    var manifest: DiskFile?
    var manifested = LogPosition(sequence: 0, logSize: 0)
  }

  let directory: String
  let readOnly: Bool
  let options: DatabaseOptions
  private let directoryLock: DirectoryLock?
  private let log: Locked<LogState>
  private let groupCommit: GroupCommit?
  private let notes: Locked<[String]>

  var snapshotPath: String { directory + "/snapshot" }
  var logPath: String { directory + "/wal" }
  var manifestPath: String { directory + "/manifest" }

  /// Warnings from recovery and from automatic checkpoints that failed.
  var warnings: [String] { notes.withLock { $0 } }

  /// Opens (or, unless `readOnly`, creates) the database directory at `path` and returns the
  /// storage with the recovered store.
  static func open(path: String, readOnly: Bool, options: DatabaseOptions) throws -> (DiskStorage, GraphStore) {
    // A writer's checkpoint between reading the snapshot and the log can make the two disagree
    // for a reader that holds no lock; reading again then sees a consistent pair.
    var attempt = 0
    while true {
      do { return try load(path: path, readOnly: readOnly, options: options) } catch {
        attempt += 1
        if !readOnly || attempt >= 3 { throw error }
      }
    }
  }

  private static func load(path: String, readOnly: Bool, options: DatabaseOptions) throws -> (DiskStorage, GraphStore) {
    let directory = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    var lock: DirectoryLock?
    if readOnly {
      guard DiskDirectory.exists(directory) else {
        throw QuiverError(.io, .databaseNotFound, "there is no database directory `\(directory)`", phase: .runtime)
      }
    } else {
      try DiskDirectory.create(directory)
      lock = try DirectoryLock(directory: directory)
    }
    let snapshotPath = directory + "/snapshot", logPath = directory + "/wal", manifestPath = directory + "/manifest"
    if !readOnly {
      DiskDirectory.remove(snapshotPath + ".tmp")
      DiskDirectory.remove(manifestPath + ".tmp")
    }
    var warnings: [String] = []
    var recorded: LogPosition?
    do { recorded = try readManifest(manifestPath) } catch {
      guard options.acceptsLostTransactions || error.code != .corruptManifest else {
        throw QuiverError(.io, .corruptManifest, error.message + optionHint, phase: .runtime)
      }
      guard options.acceptsLostTransactions else { throw error }
      warnings.append("\(error.message); ignored, as asked")
    }
    var store = GraphStore()
    var sequence: UInt64 = 0
    var state = LogState()
    if DiskDirectory.exists(snapshotPath) {
      let bytes = try DiskFile(snapshotPath, flags: O_RDONLY).readAll()
      (store, sequence) = try SnapshotReader.read(bytes, file: snapshotPath)
      // The reader checked the header; its version is the little-endian word at byte 8.
      let current = withUnsafeBytes(of: SnapshotFormat.version.littleEndian) { bytes[8..<12].elementsEqual($0) }
      state.snapshotSequence = current ? sequence : nil
    }
    let logExists = DiskDirectory.exists(logPath)
    var logFile: DiskFile?
    var logBytes = 0
    var validEnd = 0
    var logCovered = false
    if logExists {
      let file = try DiskFile(logPath, flags: readOnly ? O_RDONLY : O_RDWR)
      let bytes = try file.readAll()
      let scan = try LogFormat.scan(bytes, file: logPath)
      validEnd = scan.validEnd
      if let warning = scan.warning { warnings.append(warning) }
      for record in scan.records where record.sequence > sequence {
        guard record.sequence == sequence + 1 else {
          throw LogFormat.damaged(
            logPath, record.offset, "transaction \(record.sequence) follows transaction \(sequence) of the snapshot; the transactions between are missing")
        }
        for change in record.changes {
          do { try store.apply(change) } catch {
            throw LogFormat.damaged(logPath, record.offset, "transaction \(record.sequence) does not fit the graph: \(error.message)")
          }
        }
        sequence = record.sequence
      }
      logFile = file
      logBytes = bytes.count
      // A bulk import commits as a snapshot one transaction ahead of the log; a crash before it
      // emptied the log leaves records the snapshot holds, which the next record could not
      // follow. They are dropped below, once the directory's fsync made the snapshot's rename
      // durable.
      if let last = scan.records.last, last.sequence < sequence { logCovered = true }
    }
    // Checked before anything is repaired, so a refused directory stays as it was. A missing log
    // loses nothing right after a checkpoint (it held only its header): only transactions count.
    if let recorded, sequence < recorded.sequence {
      let message = lostTransactionsMessage(directory, recorded: recorded, recovered: sequence, logExists: logExists)
      guard options.acceptsLostTransactions else {
        throw QuiverError(.io, .lostTransactions, message + optionHint, phase: .runtime)
      }
      warnings.append(message + "; opened as it is, as asked")
    }
    if !readOnly, let file = logFile {
      if logCovered {
        try DiskDirectory.sync(directory)
        validEnd = LogFormat.headerSize
      }
      if validEnd < LogFormat.headerSize {
        try file.truncate(to: 0)
        try file.write(LogFormat.header(), at: 0)
        state.size = LogFormat.headerSize
      } else {
        if validEnd < logBytes { try file.truncate(to: validEnd) }
        state.size = validEnd
      }
      try file.sync()
      state.file = file
    } else if !readOnly {
      try DiskDirectory.replace(logPath, in: directory) { try $0.write(LogFormat.header(), at: 0) }
      state.file = try DiskFile(logPath, flags: O_RDWR)
      state.size = LogFormat.headerSize
    }
    state.lastSequence = sequence
    if !readOnly {
      // A fresh manifest for the recovered state: the old one may record more (when losses were
      // accepted) or nothing yet (a directory of an older Quiver).
      let position = LogPosition(sequence: sequence, logSize: UInt64(state.size))
      try DiskDirectory.replace(manifestPath, in: directory) { try $0.write(ManifestFormat.file(position), at: 0) }
      state.manifest = try DiskFile(manifestPath, flags: O_RDWR)
      state.manifested = position
    }
    store.changeLog = readOnly ? nil : []
    store.markNamesCommitted()
    let storage = DiskStorage(directory: directory, readOnly: readOnly, options: options, lock: lock, log: state)
    storage.notes.withLock { $0 = warnings }
    return (storage, store)
  }

  /// What the manifest at `path` records, or nil when there is none (a directory of an older
  /// Quiver, or one created before its first open finished).
  private static func readManifest(_ path: String) throws(QuiverError) -> LogPosition? {
    guard DiskDirectory.exists(path) else { return nil }
    let bytes = try DiskFile(path, flags: O_RDONLY).readAll()
    do { return try ManifestFormat.read(bytes) } catch {
      throw QuiverError(
        .io, .corruptManifest, "manifest `\(path)` at byte offset \(error.offset): \(error.message)", phase: .runtime)
    }
  }

  /// How to open a directory anyway when its files lost committed transactions.
  private static let optionHint =
    "; to open it with what is left, use DatabaseOptions.acceptsLostTransactions (in the shell, --accept-lost-transactions)"

  /// Why a directory holds less than its manifest records.
  private static func lostTransactionsMessage(
    _ directory: String, recorded: LogPosition, recovered: UInt64, logExists: Bool
  ) -> String {
    let found =
      logExists
      ? "its snapshot and write-ahead log hold transactions up to \(recovered) only"
      : "its write-ahead log `\(directory)/wal` is missing (the snapshot holds transactions up to \(recovered))"
    return "database directory `\(directory)` recorded \(recorded.sequence) committed transactions "
      + "(a write-ahead log of \(recorded.logSize) bytes) in its manifest, but \(found): the log was deleted or cut short"
  }

  private init(directory: String, readOnly: Bool, options: DatabaseOptions, lock: DirectoryLock?, log state: LogState) {
    self.directory = directory
    self.readOnly = readOnly
    self.options = options
    self.directoryLock = lock
    if case .groupCommit(let delay) = options.durability, let file = state.file {
      groupCommit = GroupCommit(log: file, maxDelay: delay, durableUpTo: state.manifested)
    } else {
      groupCommit = nil
    }
    self.log = Locked(state)
    self.notes = Locked([])
  }

  /// The error for a write to a database opened read-only.
  var readOnlyError: QuiverError {
    QuiverError(.io, .readOnlyDatabase, "the database at `\(directory)` was opened read-only", phase: .runtime)
  }

  /// Appends `changes` as the next transaction's record, makes it durable (or, with group
  /// commit, leaves that to `waitDurable`), then calls `publish` with `store`, the version they
  /// produce. Returns the transaction's sequence number. The record is written in pieces of
  /// about 1 MiB as it is encoded. A record that would take the log past the checkpoint size is
  /// not written at all: the transaction commits as a snapshot of `store` (see
  /// `commitAsSnapshot`), which the checkpoint due after it would have written anyway; when that
  /// snapshot cannot be written, the record is logged after all and the failure noted.
  func append(_ changes: [StoreChange], producing store: GraphStore, publish: (GraphStore) -> Void) throws -> UInt64 {
    try log.withLock { state throws -> UInt64 in
      if let failure = state.failure ?? groupCommit?.failed { throw failure }
      guard let file = state.file else { throw readOnlyError }
      let sequence = state.lastSequence + 1
      let room = options.checkpointLogSize - min(state.size, options.checkpointLogSize)
      var size = try writeRecord(changes, sequence: sequence, limit: room, file, &state)
      if size == nil {
        do { try writeSnapshotFile(store, sequence: sequence) } catch {
          DiskDirectory.remove(snapshotPath + ".tmp")
          notes.withLock { $0.append("automatic checkpoint failed: \(error)") }
          size = try writeRecord(changes, sequence: sequence, limit: .max, file, &state)
        }
      }
      guard let size else {
        try installSnapshot(store, sequence: sequence, &state, publish: publish)
        return sequence
      }
      state.size += size
      state.lastSequence = sequence
      publish(store)
      let position = LogPosition(sequence: sequence, logSize: UInt64(state.size))
      if let groupCommit {
        groupCommit.wrote(position)
        // Only what an fsync covered goes into the manifest; `waitDurable` records this batch
        // once its fsync is done.
        noteInManifest(groupCommit.durablePosition, &state)
      } else {
        noteInManifest(position, &state)
      }
      return sequence
    }
  }

  /// Writes the record of `changes` as transaction `sequence` at the log's end, fsynced unless
  /// group commit batches it, and returns its size; or returns nil, leaving the log as it was,
  /// when the record would pass `limit` bytes. A failed write is cut off again.
  private func writeRecord(
    _ changes: [StoreChange], sequence: UInt64, limit: Int, _ file: DiskFile, _ state: inout LogState
  ) throws -> Int? {
    let start = state.size
    do {
      let size = try LogFormat.encodeRecord(sequence: sequence, changes: changes, limit: limit) { piece, offset in
        try file.write(piece, at: start + offset)
      }
      if size == nil {
        try file.truncate(to: start)
      } else if groupCommit == nil {
        try file.sync()
      }
      return size
    } catch {
      // Take back a partly written record so later records do not follow garbage.
      do { try file.truncate(to: start) } catch { state.failure = Self.ioError(error) }
      if groupCommit == nil { state.failure = Self.ioError(error) }
      throw error
    }
  }

  /// Returns once transaction `sequence` is durable, and records it in the manifest.
  func waitDurable(_ sequence: UInt64) throws {
    guard let groupCommit else { return }
    try groupCommit.waitDurable(sequence)
    // The fsync that covered `sequence` may have come after its own commit noted the manifest;
    // noting it here keeps the manifest at most one commit behind the durable log, not one batch.
    let durable = groupCommit.durablePosition
    log.withLock { state in
      // A checkpoint since the fsync recorded a later position already (with a shorter log).
      guard durable.sequence > state.manifested.sequence else { return }
      noteInManifest(durable, &state)
    }
  }

  /// Writes a snapshot of the published version (which `current` returns) and empties the log;
  /// does nothing when the snapshot on disk already holds every committed transaction (as after
  /// a bulk import, which commits by writing one).
  func checkpoint(current: () -> GraphStore) throws {
    try log.withLock { state throws in
      if let failure = state.failure { throw failure }
      guard state.file != nil else { throw readOnlyError }
      if state.snapshotSequence == state.lastSequence && state.size == LogFormat.headerSize && DiskDirectory.exists(snapshotPath) {
        return
      }
      try checkpoint(current(), &state)
    }
  }

  /// Commits `store`, a bulk writer's version that recorded no changes, as the next transaction
  /// by writing it as the new snapshot instead of appending a log record (an import would log
  /// every node and relationship it creates, then write them all again in the checkpoint that
  /// follows). The rename of the finished snapshot file is the commit point: a crash before it
  /// leaves the previous snapshot and log, so the import never happened. Then `publish` is
  /// called with `store` and the log emptied, as a checkpoint does.
  ///
  /// When the directory's fsync after the rename or emptying the log fails, `store` is still
  /// published (the files hold it, and later records must follow it) but this throws and the
  /// log refuses later writes, as after a failed fsync of a commit.
  func commitAsSnapshot(_ store: GraphStore, publish: (GraphStore) -> Void) throws {
    try log.withLock { state throws in
      if let failure = state.failure ?? groupCommit?.failed { throw failure }
      guard state.file != nil else { throw readOnlyError }
      let sequence = state.lastSequence + 1
      do { try writeSnapshotFile(store, sequence: sequence) } catch {
        DiskDirectory.remove(snapshotPath + ".tmp")
        throw error
      }
      try installSnapshot(store, sequence: sequence, &state, publish: publish)
    }
  }

  /// Commits transaction `sequence` by renaming `snapshot.tmp`, which holds `store`, over the
  /// snapshot (see `commitAsSnapshot`), publishes `store` and empties the log.
  private func installSnapshot(
    _ store: GraphStore, sequence: UInt64, _ state: inout LogState, publish: (GraphStore) -> Void
  ) throws {
    try DiskDirectory.install(temporaryFor: snapshotPath)
    let synced = Result { () throws(QuiverError) in try DiskDirectory.sync(directory) }
    state.lastSequence = sequence
    state.snapshotSequence = sequence
    publish(store)
    if case .failure(let error) = synced {
      state.failure = error
      throw error
    }
    // Unlike after a checkpoint, the log's records end one transaction before the snapshot:
    // the next record could not follow them.
    do { try emptyLog(after: sequence, &state) } catch {
      state.failure = Self.ioError(error)
      throw error
    }
  }

  /// Writes `store`, the version after transaction `state.lastSequence`, as the new snapshot
  /// (temporary file, fsync, rename, directory fsync), then truncates the log to its header.
  private func checkpoint(_ store: GraphStore, _ state: inout LogState) throws {
    guard state.file != nil else { throw readOnlyError }
    let sequence = state.lastSequence
    try writeSnapshotFile(store, sequence: sequence)
    try DiskDirectory.install(temporaryFor: snapshotPath)
    state.snapshotSequence = sequence
    try DiskDirectory.sync(directory)
    try emptyLog(after: sequence, &state)
  }

  /// Writes `store`, the graph after transaction `sequence`, to `snapshot.tmp` and fsyncs it; the
  /// snapshot writer hands over blocks of about 1 MiB, each written as it comes.
  private func writeSnapshotFile(_ store: GraphStore, sequence: UInt64) throws {
    try DiskDirectory.writeTemporary(for: snapshotPath) { snapshot in
      var offset = 0
      try SnapshotFormat.write(store, sequence: sequence) { chunk in
        try snapshot.write(chunk, at: offset)
        offset += chunk.count
      }
    }
  }

  /// Truncates the log to its header once the snapshot holds every transaction up to
  /// `sequence`, and records that in the manifest.
  private func emptyLog(after sequence: UInt64, _ state: inout LogState) throws {
    guard let file = state.file else { throw readOnlyError }
    let position = LogPosition(sequence: sequence, logSize: UInt64(LogFormat.headerSize))
    groupCommit?.covered(upTo: position)
    try file.truncate(to: LogFormat.headerSize)
    state.size = LogFormat.headerSize
    do { try file.sync() } catch {
      state.failure = error
      throw error
    }
    noteInManifest(position, &state)
  }

  /// Writes `position`, which must be durable in the log, to the manifest slot of its parity.
  /// Unsynced on purpose: it is a lower bound (written after the fsync of what it names), so a
  /// manifest page lost in a power failure only makes the check weaker, and a commit pays one
  /// 32-byte write instead of a second fsync. A failed write is noted, never fails the commit.
  private func noteInManifest(_ position: LogPosition, _ state: inout LogState) {
    guard let manifest = state.manifest, position != state.manifested,
      position.sequence >= state.manifested.sequence
    else { return }
    do {
      try manifest.write(ManifestFormat.slot(position), at: ManifestFormat.slotOffset(for: position))
      state.manifested = position
    } catch {
      notes.withLock { $0.append("updating the manifest failed: \(error)") }
    }
  }

  /// `error` as a QuiverError (the file calls throw nothing else).
  private static func ioError(_ error: any Error) -> QuiverError {
    error as? QuiverError ?? QuiverError(.io, .fileError, "\(error)", phase: .runtime)
  }
}
