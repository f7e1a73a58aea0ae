// An explicit transaction: statements run against a private version of the graph that becomes
// visible to others only on commit. A statement that fails inside it is undone alone; the
// transaction stays usable.
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

  /// Runs one statement inside the transaction.
  public func execute(
    _ query: String, parameters: [String: Value] = [:], timeout: Duration? = nil, cancellation: QueryCancellation? = nil
  ) throws -> QueryResult {
    guard isOpen else {
      throw QuiverError.runtime(.semantic, .transactionClosed, "the transaction was already committed or rolled back")
    }
    let compiled: CompiledQuery
    switch try database.prepare(query, parameters: parameters, store, procedures) {
    case .schema(let command):
      if Database.changesSchema(command) && isReadOnly {
        try database.checkWritable()
        throw QuiverError(.semantic, .writeInReadOnlyTransaction, "cannot change the schema in a read-only transaction", phase: .compile)
      }
      let (result, changed) = try Database.run(command, on: store, procedures: procedures)
      store = changed
      return result
    case .query(let q):
      compiled = q
    }
    if compiled.mode == .explain { return QueryResult(columns: [], rows: [], plan: compiled.explained(statistics: store)) }
    if compiled.isUpdating && isReadOnly {
      try database.checkWritable()
      throw QuiverError(.semantic, .writeInReadOnlyTransaction, "cannot change the graph in a read-only transaction", phase: .compile)
    }
    let control = RunControl(timeout: timeout, cancellation: cancellation)
    let (result, changed) = try database.run(compiled, on: store, procedures, parameters, control)
    store = changed
    statistics.add(result.statistics)
    return result
  }

  /// Makes the transaction's changes visible to everyone and ends it.
  public func commit() throws {
    guard isOpen else {
      throw QuiverError.runtime(.semantic, .transactionClosed, "the transaction was already committed or rolled back")
    }
    isOpen = false
    if !isReadOnly {
      let ticket = try {
        defer { database.writerSlot.release() }
        return try database.commit(store)
      }()
      try database.awaitDurable(ticket)
    }
  }

  /// Throws away the transaction's changes and ends it. Does nothing when already ended.
  public func rollback() {
    guard isOpen else { return }
    isOpen = false
    if !isReadOnly { database.writerSlot.release() }
  }
}
