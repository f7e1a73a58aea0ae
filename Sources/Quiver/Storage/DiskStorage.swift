// The on-disk side of a durable database: a directory with `snapshot` (the graph as of some
// transaction), `wal` (every transaction committed since) and `lock`. Opening loads the snapshot
// and replays the log; a commit appends one record (fsynced unless group commit batches it);
// a checkpoint writes a new snapshot atomically and empties the log.
import GraphStorage
import Synchronization

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
  }

  let directory: String
  let readOnly: Bool
  let options: DatabaseOptions
  private let directoryLock: DirectoryLock?
  private let log: Mutex<LogState>
  private let groupCommit: GroupCommit?
  private let notes: Mutex<[String]>

  var snapshotPath: String { directory + "/snapshot" }
  var logPath: String { directory + "/wal" }

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
    let snapshotPath = directory + "/snapshot", logPath = directory + "/wal"
    if !readOnly { DiskDirectory.remove(snapshotPath + ".tmp") }
    var warnings: [String] = []
    var store = GraphStore()
    var sequence: UInt64 = 0
    if DiskDirectory.exists(snapshotPath) {
      let bytes = try DiskFile(snapshotPath, flags: O_RDONLY).readAll()
      (store, sequence) = try SnapshotReader.read(bytes, file: snapshotPath)
    }
    var state = LogState()
    if DiskDirectory.exists(logPath) {
      let file = try DiskFile(logPath, flags: readOnly ? O_RDONLY : O_RDWR)
      let bytes = try file.readAll()
      let scan = try LogFormat.scan(bytes, file: logPath)
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
      if !readOnly {
        if scan.validEnd < LogFormat.headerSize {
          try file.truncate(to: 0)
          try file.write(LogFormat.header(), at: 0)
          state.size = LogFormat.headerSize
        } else {
          if scan.validEnd < bytes.count { try file.truncate(to: scan.validEnd) }
          state.size = scan.validEnd
        }
        try file.sync()
        state.file = file
      }
    } else if !readOnly {
      try DiskDirectory.replace(logPath, in: directory) { try $0.write(LogFormat.header(), at: 0) }
      state.file = try DiskFile(logPath, flags: O_RDWR)
      state.size = LogFormat.headerSize
    }
    state.lastSequence = sequence
    store.changeLog = readOnly ? nil : []
    store.markNamesCommitted()
    let storage = DiskStorage(directory: directory, readOnly: readOnly, options: options, lock: lock, log: state)
    storage.notes.withLock { $0 = warnings }
    return (storage, store)
  }

  private init(directory: String, readOnly: Bool, options: DatabaseOptions, lock: DirectoryLock?, log state: LogState) {
    self.directory = directory
    self.readOnly = readOnly
    self.options = options
    self.directoryLock = lock
    if case .groupCommit(let delay) = options.durability, let file = state.file {
      groupCommit = GroupCommit(log: file, maxDelay: delay, durableUpTo: state.lastSequence)
    } else {
      groupCommit = nil
    }
    self.log = Mutex(state)
    self.notes = Mutex([])
  }

  /// The error for a write to a database opened read-only.
  var readOnlyError: QuiverError {
    QuiverError(.io, .readOnlyDatabase, "the database at `\(directory)` was opened read-only", phase: .runtime)
  }

  /// Appends `changes` as the next transaction's record, makes it durable (or, with group
  /// commit, leaves that to `waitDurable`), then calls `publish` with `store`, the version they
  /// produce. Returns the transaction's sequence number.
  func append(_ changes: [StoreChange], producing store: GraphStore, publish: (GraphStore) -> Void) throws -> UInt64 {
    try log.withLock { state throws -> UInt64 in
      if let failure = state.failure ?? groupCommit?.failed { throw failure }
      guard let file = state.file else { throw readOnlyError }
      let sequence = state.lastSequence + 1
      let record = LogFormat.record(sequence: sequence, changes: changes)
      do {
        try file.write(record, at: state.size)
        if groupCommit == nil { try file.sync() }
      } catch {
        // Take back a partly written record so later records do not follow garbage.
        do { try file.truncate(to: state.size) } catch { state.failure = Self.ioError(error) }
        if groupCommit == nil { state.failure = Self.ioError(error) }
        throw error
      }
      state.size += record.count
      state.lastSequence = sequence
      publish(store)
      groupCommit?.wrote(sequence)
      if state.size > options.checkpointLogSize {
        do { try checkpoint(store, &state) } catch {
          notes.withLock { $0.append("automatic checkpoint failed: \(error)") }
        }
      }
      return sequence
    }
  }

  /// Returns once transaction `sequence` is durable.
  func waitDurable(_ sequence: UInt64) throws {
    try groupCommit?.waitDurable(sequence)
  }

  /// Writes a snapshot of the published version (which `current` returns) and empties the log.
  func checkpoint(current: () -> GraphStore) throws {
    try log.withLock { state throws in
      if let failure = state.failure { throw failure }
      guard state.file != nil else { throw readOnlyError }
      try checkpoint(current(), &state)
    }
  }

  /// Writes `store`, the version after transaction `state.lastSequence`, as the new snapshot
  /// (temporary file, fsync, rename, directory fsync), then truncates the log to its header.
  private func checkpoint(_ store: GraphStore, _ state: inout LogState) throws {
    guard let file = state.file else { throw readOnlyError }
    let sequence = state.lastSequence
    try DiskDirectory.replace(snapshotPath, in: directory) { snapshot in
      var offset = 0
      try SnapshotFormat.write(store, sequence: sequence) { chunk in
        try snapshot.write(chunk, at: offset)
        offset += chunk.count
      }
    }
    groupCommit?.covered(upTo: sequence)
    try file.truncate(to: LogFormat.headerSize)
    state.size = LogFormat.headerSize
    do { try file.sync() } catch {
      state.failure = error
      throw error
    }
  }

  /// `error` as a QuiverError (the file calls throw nothing else).
  private static func ioError(_ error: any Error) -> QuiverError {
    error as? QuiverError ?? QuiverError(.io, .fileError, "\(error)", phase: .runtime)
  }
}
