// An explicit transaction: statements run against a private version of the graph that becomes
// visible to others only on commit. A statement that fails inside it is undone alone; the
// transaction stays usable. Statements go through the database's one pipeline with the
// transaction as their scope.
import CypherPlanner
import CypherRuntime
import GraphStorage

/// A transaction started by `Database.beginTransaction()` or `Database.transaction { … }`.
/// Use it from one thread at a time.
public final class Transaction {
  private let database: Database
  private var store: GraphStore
  private let procedures: ProcedureRegistry
  public let isReadOnly: Bool
  /// False once committed or rolled back.
  public private(set) var isOpen = true
  /// What the transaction's statements changed so far.
  public private(set) var statistics = QueryStatistics()

  init(database: Database, store: GraphStore, procedures: ProcedureRegistry, readOnly: Bool) {
    self.database = database
    self.store = store
    self.procedures = procedures
    self.isReadOnly = readOnly
  }

  deinit {
    if isOpen && !isReadOnly { database.writerSlot.release() }
  }

  /// Runs one statement inside the transaction; `limits`, when given, replace the database's
  /// resource limits for this statement.
  @discardableResult
  public func execute(
    _ query: String, parameters: [String: Value] = [:], timeout: Duration? = nil, cancellation: QueryCancellation? = nil,
    limits: ResourceLimits? = nil
  ) throws -> QueryResult {
    var control = RunControl(timeout: timeout, cancellation: cancellation)
    control.limits = limits
    return try start(query, parameters: parameters, control: control).collect()
  }

  /// Starts one statement inside the transaction and returns the stream of its rows.
  func start(
    _ query: String, parameters: [String: Value], control: RunControl, prepared: PreparedStatement? = nil,
    onEnd: @escaping (ResultSummary?) -> Void = { _ in }
  ) throws -> ResultStream {
    try checkOpen()
    return try database.start(query, parameters: parameters, control: control, in: self, prepared: prepared, onEnd: onEnd)
  }

  /// Makes the transaction's changes visible to everyone and ends it.
  public func commit() throws {
    try checkOpen()
    isOpen = false
    if !isReadOnly { try database.commitReleasingSlot(store) }
  }

  /// Throws away the transaction's changes and ends it. Does nothing when already ended.
  public func rollback() {
    guard isOpen else { return }
    isOpen = false
    if !isReadOnly { database.writerSlot.release() }
  }

  private func checkOpen() throws {
    guard isOpen else {
      throw QuiverError.runtime(.semantic, .transactionClosed, "the transaction was already committed or rolled back")
    }
  }
}

extension Transaction: StatementScope {
  var snapshot: (store: GraphStore, procedures: ProcedureRegistry) { (store, procedures) }

  func checkWritable(schema: Bool) throws {
    guard isReadOnly else { return }
    try database.checkWritable()
    let what = schema ? "the schema" : "the graph"
    throw QuiverError(.semantic, .writeInReadOnlyTransaction, "cannot change \(what) in a read-only transaction", phase: .compile)
  }

  /// Runs `body` on the transaction's version and keeps its result; a statement that throws
  /// leaves the version as it was, so it is undone alone; one already cancelled does not start.
  func write<T>(
    control: RunControl, _ body: (GraphStore, ProcedureRegistry) throws -> (value: T, store: GraphStore, statistics: QueryStatistics)
  ) throws -> T {
    try control.check()
    let outcome = try body(store, procedures)
    store = outcome.store
    statistics.add(outcome.statistics)
    return outcome.value
  }
}
