// One conversation with a database, as a shell, a Bolt connection or an HTTP transaction holds
// it: an optional explicit transaction, parameters bound to every statement, a default timeout,
// the stream of the statement running now (one at a time) and the summary of the last one.
import CypherRuntime

/// A conversation with a `Database`: statements run with `run`, in auto-commit mode or inside an
/// explicit transaction opened with `begin()`.
///
/// A session has at most one open `ResultStream`: running a statement closes the previous stream
/// (as Neo4j sessions do), and so do `begin()`, `commit()`, `rollback()` and `reset()`. In
/// auto-commit mode a reading statement holds its snapshot of the graph only until its stream is
/// exhausted or closed, and an updating one has committed before `run` returns. Inside a
/// transaction, statements see the transaction's earlier writes, and one that fails is undone
/// alone.
///
/// Use a session from one thread at a time; `cancel()` alone may be called from any thread
/// (which is why the type is `Sendable`: its other state is not guarded). A server's I/O thread
/// better holds a `canceller`, which is `Sendable` by construction and does not keep the
/// session alive.
public final class Session: @unchecked Sendable {
  /// The database the session runs statements on.
  public let database: Database
  /// Values bound to `$name` in every statement; a statement's own parameters override them.
  public var parameters: [String: Value]
  /// How long a statement may run (from `run` until its stream ends) before it fails with a
  /// `Cancelled` error; nil for no limit. A statement's own timeout overrides it.
  public var timeout: Duration?
  /// The summary of the last statement whose stream ended without failing.
  public private(set) var lastSummary: ResultSummary?
  private var transaction: Transaction?
  private weak var openStream: ResultStream?
  /// The cancellation flag of the statement started last, for `cancel()` from other threads.
  private let running: RunningStatement

  /// A session on `database` with `parameters` bound to every statement and a default `timeout`.
  public init(database: Database, parameters: [String: Value] = [:], timeout: Duration? = nil) {
    self.database = database
    self.parameters = parameters
    self.timeout = timeout
    running = RunningStatement(slot: database.writerSlot)
  }

  deinit { transaction?.rollback() }

  /// Whether an explicit transaction is open.
  public var isInTransaction: Bool { transaction != nil }

  /// Starts `query` with the session's parameters merged with `parameters` (which win), in the
  /// open transaction if any, and returns the stream of its rows.
  ///
  /// A session has one open stream: running a statement closes the previous one, and the rows
  /// not pulled from it are dropped (its summary stays readable). The timeout runs from `run`
  /// until the stream ends, so a stream left unread runs out of time too. An auto-committed
  /// updating statement first waits for the writer slot, at most until its timeout (then it
  /// fails with `WriterBusy`, a `transient` error) and no longer once cancelled.
  /// - Parameters:
  ///   - query: one Cypher statement.
  ///   - parameters: values of its `$name` placeholders, over the session's `parameters`.
  ///   - timeout: overrides the session's `timeout` for this statement.
  ///   - cancellation: a token that also stops the statement, for a caller that must be able to
  ///     cancel it before `run` is called (`cancel()` reaches only a statement already started).
  /// - Throws: `QuiverError` for syntax and semantic errors, a missing parameter, and errors of
  ///   an updating statement (which then changed nothing); errors of a reading statement come
  ///   from the stream's `next()`.
  public func run(
    _ query: String, parameters: [String: Value] = [:], timeout: Duration? = nil, cancellation: QueryCancellation? = nil
  ) throws -> ResultStream {
    openStream?.close()
    let (control, flag) = RunControl.stoppable(timeout: timeout ?? self.timeout, cancellation: cancellation)
    running.start(flag)
    let bound = self.parameters.merging(parameters) { $1 }
    let onEnd: (ResultSummary?) -> Void = { [weak self] summary in
      if let summary { self?.lastSummary = summary }
    }
    let stream =
      if let transaction {
        try transaction.start(query, parameters: bound, control: control, onEnd: onEnd)
      } else {
        try database.start(query, parameters: bound, control: control, in: database, onEnd: onEnd)
      }
    openStream = stream
    return stream
  }

  /// The value of a Cypher expression, computed as `RETURN expression AS value` with the
  /// session's parameters (how a shell's `:param name => expression` sets a parameter). It runs
  /// as a statement of the session: it closes the open stream, like `run`, and runs in the open
  /// transaction if any. `cancellation` stops it as it stops `run`.
  /// - Throws: `QuiverError` when the expression does not parse or fails (positions count from
  ///   the start of `RETURN `), and `NotASingleValue` when the text gives no row or several
  ///   (`1 AS value UNION ALL RETURN 2` is an expression only in appearance).
  public func evaluate(_ expression: String, cancellation: QueryCancellation? = nil) throws -> Value {
    let stream = try run("RETURN " + expression + " AS value", cancellation: cancellation)
    defer { stream.close() }
    guard let row = try stream.next(), let value = row.first, try stream.next() == nil else {
      throw QuiverError.runtime(.semantic, .notASingleValue, "the expression must give exactly one value")
    }
    return value
  }

  /// Asks the running statement to stop: its stream's next pull, the updating statement itself,
  /// or its wait for the writer slot (also `begin()`'s) fails with a `Cancelled` error. The
  /// session stays usable, and the caller's `QueryCancellation` token is not cancelled. Safe
  /// from any thread.
  public func cancel() {
    running.cancel()
  }

  /// A `Sendable` handle that cancels this session's running statement from any thread, for a
  /// server's I/O thread that must not hold the session itself.
  public var canceller: SessionCanceller { SessionCanceller(running: running) }

  /// Rows the running statement has produced so far, for progress displays. Safe from any thread.
  public var rowsProduced: Int { running.rowsProduced }

  /// Opens an explicit transaction; a writing one waits for other writers to finish, at most
  /// `timeout` (the session's `timeout` when nil; no limit when both are nil), and no longer
  /// once `cancel()` is called.
  /// - Throws: `QuiverError` (code `TransactionAlreadyOpen`) when one is open; `WriterBusy` (a
  ///   `transient` error: try again) when another writer held the slot until the timeout;
  ///   `Cancelled` when cancelled while waiting. No transaction is open after an error.
  public func begin(readOnly: Bool = false, timeout: Duration? = nil) throws {
    guard transaction == nil else {
      throw QuiverError.runtime(.semantic, .transactionAlreadyOpen, "a transaction is already open; commit or roll it back first")
    }
    openStream?.close()
    let (control, flag) = RunControl.stoppable(timeout: timeout ?? self.timeout, cancellation: nil)
    running.start(flag)
    transaction = try database.beginTransaction(readOnly: readOnly, control: control)
  }

  /// Publishes the open transaction's changes and ends it; returns what its statements changed.
  /// - Throws: `QuiverError` (code `NoTransaction`) when none is open, or when the commit
  ///   fails (the transaction is over then too).
  @discardableResult
  public func commit() throws -> QueryStatistics {
    let transaction = try endTransaction()
    try transaction.commit()
    return transaction.statistics
  }

  /// Throws the open transaction's changes away and ends it.
  /// - Throws: `QuiverError` (code `NoTransaction`) when none is open.
  public func rollback() throws {
    try endTransaction().rollback()
  }

  /// Returns the session to its starting state, as Bolt's RESET does: closes the open stream and
  /// rolls back the open transaction, if any. Parameters and the timeout stay. A statement still
  /// running on another thread is not stopped by this: a server first calls `cancel()` (or its
  /// `canceller`) from its I/O thread, then `reset()` from the thread that runs the session.
  public func reset() {
    openStream?.close()
    transaction?.rollback()
    transaction = nil
  }

  /// Closes the open stream and hands over the open transaction, no longer the session's.
  private func endTransaction() throws -> Transaction {
    guard let transaction else {
      throw QuiverError.runtime(.semantic, .noTransaction, "no transaction is open; begin one first")
    }
    openStream?.close()
    self.transaction = nil
    return transaction
  }
}
