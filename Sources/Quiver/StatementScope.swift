// Where a statement runs: the published graph in auto-commit mode (the database itself) or an
// explicit transaction's private version. The one statement pipeline (`Database.start`) reads,
// plans and writes through this, so auto-committed statements, `Transaction.execute` and
// `Session.run` share it.
import CypherRuntime
import GraphStorage

/// What a statement reads and where its changes go.
protocol StatementScope: AnyObject {
  /// The version statements read and are planned against, with the procedures they can call.
  var snapshot: (store: GraphStore, procedures: ProcedureRegistry) { get }

  /// Throws when changes cannot be made here (a read-only database or transaction);
  /// `schema` says whether the change is to the schema rather than the graph.
  func checkWritable(schema: Bool) throws

  /// Runs `body` on the version changes go to and keeps the version it returns; nothing changes
  /// when `body` throws or the commit fails. Returns the value `body` returned.
  ///
  /// One exception in a durable database under group commit: when waiting for the log record to
  /// reach the disk fails (an fsync error), `write` throws although the change was published
  /// and other statements may already see it; only its durability is unknown, and the log
  /// refuses later writes. Throws without running `body` when
  /// `control`'s statement was cancelled or ran past its deadline before its turn to write came.
  func write<T>(control: RunControl, _ body: (GraphStore, ProcedureRegistry) throws -> (value: T, store: GraphStore, statistics: QueryStatistics)) throws -> T
}

extension Database: StatementScope {
  var snapshot: (store: GraphStore, procedures: ProcedureRegistry) {
    state.withLock { ($0.store, $0.procedures) }
  }

  func checkWritable(schema: Bool) throws { try checkWritable() }

  /// Auto-commit: takes the writer slot (waiting at most until the statement's deadline, and
  /// giving up when it is cancelled), runs `body` on the latest version, commits what it
  /// returns (logging its changes first in a durable database), lets the slot go, and returns
  /// once the commit is durable. Every statement that changes the graph or the schema outside a
  /// transaction commits here.
  func write<T>(
    control: RunControl, _ body: (GraphStore, ProcedureRegistry) throws -> (value: T, store: GraphStore, statistics: QueryStatistics)
  ) throws -> T {
    try writerSlot.acquire(control)
    let outcome: (value: T, store: GraphStore, statistics: QueryStatistics)
    do {
      // A statement cancelled, or past its deadline, while it waited for the slot does no work.
      try control.check()
      let latest = snapshot
      outcome = try body(latest.store, latest.procedures)
    } catch {
      writerSlot.release()
      throw error
    }
    try commitReleasingSlot(outcome.store)
    return outcome.value
  }
}
