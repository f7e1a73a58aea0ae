// The state one statement runs against: its private version of the store, the parameters, the
// registered procedures, the statistics of what it changed, and the entities it deleted.
import CypherPlanner
import GraphAlgorithms
import GraphCore
import GraphStorage
import Synchronization

/// A row: one value per slot.
package typealias Row = [Value]

/// Everything a running statement reads and writes. One per statement; not shared.
///
/// The fields every row touches are marked `@exclusivity(unchecked)`: a context belongs to one
/// statement on one thread, and no access to them overlaps a change of them (store writes take
/// their arguments first and call nothing back), while the dynamic checks cost about a tenth of
/// the time of scanning and filtering rows.
package final class ExecutionContext {
  @exclusivity(unchecked) package var store: GraphStore
  package let parameters: [String: Value]
  package let procedures: ProcedureRegistry
  /// Property and adjacency columns shared by the database's statements (see `ColumnCache`).
  let columns: ColumnCache
  package var statistics = QueryStatistics()
  /// Nodes DELETEd by this statement whose relationships may still be deleted later in it.
  var pendingNodeDeletes: [Int64] = []
  /// Entities deleted by this statement, kept so results can still show them.
  @exclusivity(unchecked) var deletedNodes: [Int64: Node] = [:]
  @exclusivity(unchecked) var deletedRelationships: [Int64: Relationship] = [:]
  let regexCache = RegexCache()
  /// Each property this statement changed, with its value before the first change (nil: absent).
  var propertyOriginals: [EntityKey: [String: Value?]] = [:]
  var createdNodes = Set<Int64>()
  /// Existing nodes whose properties or labels changed, for the constraint checks.
  var touchedNodes = Set<Int64>()
  /// Per label this statement touched, how many nodes carried it before.
  var labelCountsBefore: [String: Int] = [:]
  var createdRelationships = Set<Int64>()
  /// Slots per row of the running statement.
  package var rowWidth = 0
  /// Whether the running statement writes; operators that stop early must then drain their input.
  package var isUpdating = false
  /// Set for PROFILE: collects rows and time per operator.
  package var profile: ProfileRecorder?
  /// Store accesses so far (records, relationships, properties, index entries read or written),
  /// which PROFILE reports per operator as database hits.
  @exclusivity(unchecked) var dbHits = 0
  /// Checked by long-running operators; set from another thread to stop the statement.
  package let cancellation: CancellationFlag?
  @exclusivity(unchecked) private var checks = 0
  /// Interned ids of the property keys and values of the parameters this statement has read.
  @exclusivity(unchecked) private var keyIDs = RecentLookups<PropertyKeyID>()
  @exclusivity(unchecked) private var recentParameters = RecentLookups<Value>()
  /// The statement's clock: every current-time function in one statement reads this instant.
  package lazy var statementInstant = TemporalInstant.now()
  /// Where LOAD CSV may read files.
  package var imports = ImportSettings()
  /// Commits the changes made so far by a statement with a CALL subquery IN TRANSACTIONS and
  /// returns the committed version to go on from. Nil where batches cannot commit on their own;
  /// they then stay part of the statement.
  package var commitBatch: ((GraphStore) throws -> GraphStore)?
  /// Parses and plans a query for a procedure that reads with Cypher (nil for a schema command);
  /// the front end sets it, since the runtime does not see the syntax layer.
  package var compileQuery: ((String, GraphStore, ProcedureRegistry) throws -> CompiledQuery?)?
  /// The resource limits of the statement, and its running counts against them (QueryLimits.swift).
  package var limits = QueryLimits()
  @exclusivity(unchecked) var materializedRows = 0
  @exclusivity(unchecked) var materializedBytes = 0
  @exclusivity(unchecked) var expansionSteps = 0

  package init(
    store: GraphStore, parameters: [String: Value], procedures: ProcedureRegistry, control: CancellationFlag? = nil,
    columns: ColumnCache = ColumnCache()
  ) {
    self.store = store
    self.columns = columns
    self.parameters = parameters
    self.procedures = procedures
    self.cancellation = control
  }

  /// Throws when the statement was cancelled; cheap enough to call per row.
  func checkCancelled() throws {
    checks &+= 1
    if checks & 1023 == 0 { try cancellation?.check() }
  }

  /// The interned id of property key `name`, or nil while no property of that name is stored.
  /// Ids stay valid for the whole statement: a store only ever adds keys.
  func propertyKeyID(_ name: String) -> PropertyKeyID? {
    keyIDs.value(of: name) { store.propertyKeyID(name) }
  }

  /// The value of parameter `name`, or nil when none was given.
  func parameter(_ name: String) -> Value? {
    recentParameters.value(of: name) { parameters[name] }
  }

  func isDeleted(node id: Int64) -> Bool { deletedNodes[id] != nil || !store.nodeExists(id) }

  func isDeleted(relationship id: Int64) -> Bool { deletedRelationships[id] != nil || !store.relationshipExists(id) }

  /// Finishes deferred node deletions; a node that still has relationships cannot be deleted.
  func finishDeletes() throws {
    for id in pendingNodeDeletes where store.nodeExists(id) {
      if store.degree(of: id) > 0 {
        throw QuiverError.runtime(
          .constraint, .deleteConnectedNode,
          "cannot delete node \(id) because it still has relationships; use DETACH DELETE to delete them too")
      }
      store.deleteNode(id)
    }
    pendingNodeDeletes.removeAll()
  }
}

/// A flag another thread sets to cancel a running statement, optionally with a deadline and a
/// parent flag whose cancellation it follows.
package final class CancellationFlag: Sendable {
  private let cancelled = Atomic<Bool>(false)
  private let parent: CancellationFlag?
  private let deadline: ContinuousClock.Instant?

  package init(parent: CancellationFlag? = nil, deadline: ContinuousClock.Instant? = nil) {
    self.parent = parent
    self.deadline = deadline
  }

  package var isCancelled: Bool {
    cancelled.load(ordering: .relaxed) || timedOut || parent?.isCancelled == true
  }

  /// True when the deadline has passed.
  package var timedOut: Bool {
    guard let deadline else { return false }
    return ContinuousClock.now >= deadline
  }

  package func cancel() { cancelled.store(true, ordering: .relaxed) }

  /// Throws a `cancelled` error when the flag is set or the deadline passed: code `TimedOut`
  /// for the deadline (servers report it apart, as Neo4j's TransactionTimedOut), `Cancelled`
  /// otherwise.
  package func check() throws {
    guard isCancelled else { return }
    if timedOut { throw QuiverError.runtime(.cancelled, .timedOut, "the query ran past its timeout and was stopped") }
    throw QuiverError.runtime(.cancelled, .cancelled, "the query was cancelled")
  }

  private let rows = Atomic<Int>(0)

  /// Result rows produced so far by the statement this flag watches (and its parent's count).
  package var rowsProduced: Int { rows.load(ordering: .relaxed) }

  /// Counts one more result row, here and in the parent flag.
  package func countRow() {
    rows.add(1, ordering: .relaxed)
    parent?.countRow()
  }

  private let work = Locked<WorkProgress?>(nil)

  /// The progress a long algorithm of the statement last reported (nil before one does).
  package var workProgress: WorkProgress? { work.withLock { $0 } }

  /// Records an algorithm's progress, here and in the parent flag.
  package func record(_ progress: WorkProgress) {
    work.withLock { $0 = progress }
    parent?.record(progress)
  }
}
