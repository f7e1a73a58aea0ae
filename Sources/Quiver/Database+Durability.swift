// Opening a database on a directory, and the commit point every writer goes through: the
// changes a writer's version recorded are appended to the write-ahead log (and made durable)
// before that version is published; a bulk import is instead committed as a new snapshot. Also
// checkpoints and recovery warnings.
import GraphStorage

extension Database {
  /// Opens the database in directory `path`, creating it (and the directory) when missing:
  /// loads the last snapshot and replays the write-ahead log. With `readOnly`, nothing is
  /// written, no lock is taken (so a writer may hold the directory), and writes fail.
  /// - Throws: `QuiverError` of category IOError when the files are damaged, of a newer format,
  ///   or the directory is already open for writing (code `DatabaseLocked`).
  public convenience init(path: String, readOnly: Bool = false, options: DatabaseOptions = DatabaseOptions()) throws {
    let (storage, store) = try DiskStorage.open(path: path, readOnly: readOnly, options: options)
    self.init(storage: storage, store: store)
    limits = options.limits
    importDirectory = options.importDirectory ?? (path.hasSuffix("/") ? path : path + "/") + "import"
    register(
      Procedure(name: "db.checkpoint", parameters: [], outputs: []) { [weak self] _ in
        try self?.checkpoint()
        return []
      })
  }

  /// The database directory, or nil for an in-memory database.
  public var path: String? { storage?.directory }

  /// Whether the database was opened read-only.
  public var isReadOnly: Bool { storage?.readOnly ?? false }

  /// What opening the database had to repair (a cut-off torn log tail) and automatic
  /// checkpoints that failed. Empty for an in-memory database.
  public var recoveryWarnings: [String] { storage?.warnings ?? [] }

  /// Writes a snapshot of the committed graph and empties the write-ahead log. Does nothing for
  /// an in-memory database; also reachable as `CALL db.checkpoint()`.
  public func checkpoint() throws {
    guard let storage else { return }
    compactPublishedAdjacency()
    try storage.checkpoint { state.withLock { $0.store } }
  }

  /// Folds the relationships written since the published version's compact adjacency rows were
  /// built into new rows, and publishes the result: the same graph under the same stamp, so
  /// caches stay valid. Built outside the lock; dropped when a writer published meanwhile.
  private func compactPublishedAdjacency() {
    var store = state.withLock { $0.store }
    let stamp = store.stamp
    guard store.compactAdjacency() else { return }
    state.withLock { if $0.store.stamp == stamp { $0.store = store } }
  }

  /// Throws when the database was opened read-only.
  func checkWritable() throws {
    if let storage, storage.readOnly { throw storage.readOnlyError }
  }

  /// Publishes `store`, a writer's new version; in a durable database its changes are logged
  /// first. Called with the writer slot held; `awaitDurable` takes the result after the slot
  /// was let go.
  private func commit(_ store: GraphStore) throws -> UInt64? {
    var store = store
    guard let storage, let changes = store.changeLog, !changes.isEmpty else {
      publish(store)
      return nil
    }
    store.changeLog = []
    return try storage.append(changes, producing: store) { published in publish(published) }
  }

  /// Runs a bulk writer's `body` on the latest version with the writer slot held and publishes
  /// the version it returns; nothing changes when `body` throws. `body` records no changes: a
  /// durable database commits the result by writing it as the new snapshot (see
  /// `DiskStorage.commitAsSnapshot`), not as a log record per node and relationship followed by a
  /// checkpoint that writes them all again. Readers keep the version they started with until
  /// the snapshot is on disk.
  func writeInBulk<T>(_ body: (GraphStore) throws -> (value: T, store: GraphStore)) throws -> T {
    try checkWritable()
    try writerSlot.acquire(RunControl(timeout: nil, cancellation: nil))
    defer { writerSlot.release() }
    var latest = state.withLock { $0.store }
    if latest.changeLog != nil { latest.changeLog = nil }
    var (value, store) = try body(latest)
    guard let storage else {
      publish(store)
      return value
    }
    store.changeLog = []
    try storage.commitAsSnapshot(store) { published in publish(published) }
    return value
  }

  /// Makes `store` the graph new statements see, and lets go of the columns of earlier versions.
  private func publish(_ store: GraphStore) {
    store.markNamesCommitted()
    state.withLock { $0.store = store }
    columns.keep(only: store)
  }

  /// Publishes `store` (see `commit`) with the writer slot held, lets the slot go (also when the
  /// commit fails), and returns once the commit is durable: how every writer ends.
  func commitReleasingSlot(_ store: GraphStore) throws {
    let ticket = try {
      defer { writerSlot.release() }
      return try commit(store)
    }()
    try awaitDurable(ticket)
  }

  /// Publishes `store` (see `commit`) keeping the writer slot, waits until the commit is durable,
  /// and returns the published version for the writer to go on from: how each batch of a CALL
  /// subquery IN TRANSACTIONS ends.
  func commitKeepingSlot(_ store: GraphStore) throws -> GraphStore {
    try awaitDurable(try commit(store))
    return state.withLock { $0.store }
  }

  /// Returns once the commit `ticket` (from `commit`) is durable.
  private func awaitDurable(_ ticket: UInt64?) throws {
    if let ticket { try storage?.waitDurable(ticket) }
  }

  /// Problems found by the store's consistency checks (adjacency, label index, property
  /// indexes); empty when the graph is consistent. For tests.
  package var consistencyViolations: [String] {
    state.withLock { $0.store }.invariantViolations()
  }

  /// Whether something besides the database holds the published version of the graph (an open
  /// result stream, a transaction). For tests of when readers let go of their snapshot.
  package var publishedVersionIsShared: Bool {
    state.withLock { !$0.store.holdsVersionAlone() }
  }
}
