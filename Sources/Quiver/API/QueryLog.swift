// Observability for embedders: a hook told about every statement once it ends (its text,
// parameters, duration, rows and outcome), optionally only about the slow ones. Off by default;
// when off, a statement pays one lock to find that out. Every way of running Cypher (execute,
// sessions, transactions, prepared statements, streams) goes through `Database.start`, which
// reports here.
import GraphCore

/// What the query log is told about one statement when it ends.
public struct QueryLogEntry: Sendable {
  /// The statement's text.
  public let query: String
  /// The parameters it ran with.
  public let parameters: [String: Value]
  /// From the start of the statement until its last row was pulled or its stream closed (or
  /// until it failed).
  public let duration: Duration
  /// Rows handed out (0 for a statement that failed).
  public let rowCount: Int
  /// The summary of a statement that succeeded; nil when it failed.
  public let summary: ResultSummary?
  /// The error of a statement that failed before its stream was handed out; nil otherwise (a
  /// stream that fails later is reported with a nil `summary` and no error).
  public let error: QuiverError?
  /// Whether the statement took at least the log's `slowerThan` threshold.
  public let isSlow: Bool

  /// Whether the statement succeeded.
  public var succeeded: Bool { summary != nil }
}

/// A query log: `db.queryLog = QueryLog(slowerThan: .milliseconds(200)) { print($0.query) }`.
public struct QueryLog: Sendable {
  /// Only statements that took at least this long are reported; nil reports every statement.
  public var slowerThan: Duration?
  /// Told about each reported statement, on the thread that ended it; keep it quick.
  public let handler: @Sendable (QueryLogEntry) -> Void

  /// A log reporting every statement, or with `slowerThan` only the slow ones, to `handler`.
  public init(slowerThan: Duration? = nil, handler: @escaping @Sendable (QueryLogEntry) -> Void) {
    self.slowerThan = slowerThan
    self.handler = handler
  }

  /// Reports one ended statement when it is slow enough.
  func report(
    _ query: String, _ parameters: [String: Value], started: ContinuousClock.Instant, summary: ResultSummary?,
    error: QuiverError?
  ) {
    let duration = summary?.totalTime ?? started.duration(to: .now)
    let isSlow = slowerThan.map { duration >= $0 } ?? false
    if slowerThan != nil && !isSlow { return }
    handler(
      QueryLogEntry(
        query: query, parameters: parameters, duration: duration, rowCount: summary?.rowCount ?? 0, summary: summary,
        error: error, isSlow: isSlow))
  }
}

/// The database's query log setting, read once by each statement.
final class QueryLogSlot: Sendable {
  private let log = Locked<QueryLog?>(nil)

  var current: QueryLog? {
    get { log.withLock { $0 } }
    set { log.withLock { $0 = newValue } }
  }
}

extension Database {
  /// The query log, or nil (the default) for none. Setting it affects statements started after.
  public var queryLog: QueryLog? {
    get { queryLogSlot.current }
    set { queryLogSlot.current = newValue }
  }

  /// Starts `query` through `startStatement`, reporting it to the query log (when one is set)
  /// when it ends or fails. See `startStatement` for the parameters.
  func start(
    _ query: String, parameters: [String: Value], control: RunControl, in scope: any StatementScope,
    prepared statement: PreparedStatement? = nil, onEnd: @escaping (ResultSummary?) -> Void = { _ in }
  ) throws -> ResultStream {
    guard let log = queryLogSlot.current else {
      return try startStatement(query, parameters: parameters, control: control, in: scope, prepared: statement, onEnd: onEnd)
    }
    let started = ContinuousClock.now
    do {
      return try startStatement(query, parameters: parameters, control: control, in: scope, prepared: statement) {
        summary in
        onEnd(summary)
        log.report(query, parameters, started: started, summary: summary, error: nil)
      }
    } catch {
      log.report(query, parameters, started: started, summary: nil, error: error as? QuiverError)
      throw error
    }
  }
}
