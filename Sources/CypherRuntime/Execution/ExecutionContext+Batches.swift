// The batches of a CALL subquery IN TRANSACTIONS: each starts from a mark (the statement's
// version and what it tracked), ends with the statement's end-of-write checks on its own changes,
// and then either commits through the embedding database (`commitBatch`) or rolls back to its
// mark alone.
import GraphCore
import GraphStorage

/// What a batch can roll back to.
struct BatchMark {
  let store: GraphStore
  let statistics: QueryStatistics
  let deletedNodes: [Int64: Node]
  let deletedRelationships: [Int64: Relationship]
}

extension ExecutionContext {
  /// Starts a batch: the changes tracked so far are checked and counted first, so that the
  /// batch's own checks see only its changes.
  func beginBatch() throws -> BatchMark {
    try finishBatchWrites()
    return BatchMark(
      store: store, statistics: statistics, deletedNodes: deletedNodes, deletedRelationships: deletedRelationships)
  }

  /// Runs the end-of-statement checks (deferred deletes, constraints) on the batch's changes and
  /// counts them, then forgets what it tracked.
  func finishBatchWrites() throws {
    try finishWrites()
    propertyOriginals = [:]
    createdNodes = []
    touchedNodes = []
    labelCountsBefore = [:]
    createdRelationships = []
  }

  /// Commits the batch's changes (when the database lets batches commit) and goes on from the
  /// committed version.
  func commitBatchChanges() throws {
    if let commitBatch { store = try commitBatch(store) }
  }

  /// Undoes everything since `mark`.
  func rollBack(to mark: BatchMark) {
    store = mark.store
    statistics = mark.statistics
    deletedNodes = mark.deletedNodes
    deletedRelationships = mark.deletedRelationships
    pendingNodeDeletes = []
    propertyOriginals = [:]
    createdNodes = []
    touchedNodes = []
    labelCountsBefore = [:]
    createdRelationships = []
  }
}
