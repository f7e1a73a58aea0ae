// One conversation with a database, as a shell, a Bolt connection or an HTTP transaction holds
// it: an optional explicit transaction, parameters bound to every statement, a default timeout,
// the stream of the statement running now (one at a time) and the summary of the last one.
import CypherRuntime
import Synchronization

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
/// (which is why the type is `Sendable`: its other state is not guarded).
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
  private let running = Mutex<CancellationFlag?>(nil)

  /// A session on `database` with `parameters` bound to every statement and a default `timeout`.
  public init(database: Database, parameters: [String: Value] = [:], timeout: Duration? = nil) {
    self.database = database
    self.parameters = parameters
    self.timeout = timeout
  }

  deinit { transaction?.rollback() }

  /// Whether an explicit transaction is open.
  public var isInTransaction: Bool { transaction != nil }

  /// Starts `query` with the session's parameters merged with `parameters` (which win), in the
  /// open transaction if any, and returns the stream of its rows. Closes the previous stream.
  /// - Parameters:
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
    let control = RunControl(timeout: timeout ?? self.timeout, cancellation: cancellation)
    running.withLock { $0 = control.flag }
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
  /// session's parameters (how a shell's `:param name => expression` sets a parameter).
  /// `cancellation` stops it as it stops `run`.
  /// - Throws: `QuiverError` when the expression does not parse or fails; positions count from
  ///   the start of `RETURN `.
  public func evaluate(_ expression: String, cancellation: QueryCancellation? = nil) throws -> Value {
    let stream = try run("RETURN " + expression + " AS value", cancellation: cancellation)
    let value = try stream.next()?.first ?? .null
    stream.close()
    return value
  }

  /// Asks the running statement to stop: its stream's next pull (or the updating statement
  /// itself) fails with a `Cancelled` error. The session stays usable. Safe from any thread.
  public func cancel() {
    running.withLock { $0?.cancel() }
  }

  /// Rows the running statement has produced so far, for progress displays. Safe from any thread.
  public var rowsProduced: Int {
    running.withLock { $0?.rowsProduced ?? 0 }
  }

  /// Opens an explicit transaction; a writing one waits for other writers to finish.
  /// - Throws: `QuiverError` (code `TransactionAlreadyOpen`) when one is open.
  public func begin(readOnly: Bool = false) throws {
    guard transaction == nil else {
      throw QuiverError.runtime(.semantic, "TransactionAlreadyOpen", "a transaction is already open; commit or roll it back first")
    }
    openStream?.close()
    transaction = database.beginTransaction(readOnly: readOnly)
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
  /// rolls back the open transaction, if any. Parameters and the timeout stay.
  public func reset() {
    openStream?.close()
    transaction?.rollback()
    transaction = nil
  }

  /// Closes the open stream and hands over the open transaction, no longer the session's.
  private func endTransaction() throws -> Transaction {
    guard let transaction else {
      throw QuiverError.runtime(.semantic, "NoTransaction", "no transaction is open; begin one first")
    }
    openStream?.close()
    self.transaction = nil
    return transaction
  }
}
