// The rows of a running statement, pulled by the caller in batches of any size. A reading
// statement streams from the cursor tree and holds its snapshot of the graph only until its last
// row has been pulled or the stream is closed; an updating one has already run and committed
// (in auto-commit mode) and hands out the rows it kept, filled in, holding no version of the
// graph. Servers map Bolt's PULL n / DISCARD and HTTP's chunked responses onto `fetch` and
// `consume`.
import CypherPlanner
import CypherRuntime

/// The rows of one statement started with `Session.run`, pulled one at a time or in batches.
///
/// `columns` is known at once. The stream reads one row ahead, so `hasMore` is exact: it turns
/// false as soon as the last row has been pulled from the engine, and the graph snapshot is then
/// released and `summary` filled in. An error raised while computing a row is thrown by the
/// `next()` or `fetch(_:)` call that would have returned that row (a batch stops before it and
/// returns the rows computed so far); the stream is closed then.
/// Not a `Sequence`: pulling a row can fail, and `IteratorProtocol.next()` cannot throw.
/// Use it from one thread at a time; stop it from another with `Session.cancel()`.
///
/// Its mutable state is `@exclusivity(unchecked)`: a stream is used from one thread at a time,
/// and no access to its fields overlaps a change of them (`onEnd` does not call back into the
/// stream), while the dynamic checks cost about 2% of an indexed point lookup.
public final class ResultStream {
  /// Where the rows come from.
  enum Feed {
    /// A reading statement, streaming from its cursor tree.
    case source(RowSource)
    /// Rows computed up front (schema commands, EXPLAIN).
    case rows([[Value]])
    /// The rows an updating statement kept, filled in, once it ran (and in auto-commit mode
    /// committed), with what it changed.
    case kept([[Value]], statistics: QueryStatistics)
  }

  /// How the summary's plan is made.
  enum PlanText {
    case none
    /// Known before the first row: the text and the tree.
    case fixed(String, PlanDescription)
    /// PROFILE: the plan with the measurements taken while the rows were pulled.
    case profiled(CompiledQuery)
  }

  /// Column names in RETURN order; empty for a statement that returns nothing.
  public let columns: [String]
  /// True while a row or an error is still to be handed out: after a batch that stopped before
  /// a failing row, it stays true and the next pull throws the error. False once every row has
  /// been handed out, or the stream was closed or failed.
  @exclusivity(unchecked) public private(set) var hasMore = true
  /// The statement's summary, once the stream ended (its last row pulled, or closed); nil
  /// while the engine still has rows to compute, and after a failure.
  @exclusivity(unchecked) public private(set) var summary: ResultSummary?

  private let query: String
  private let queryType: QueryType
  private let notifications: [QueryNotification]
  private let control: RunControl
  /// Whether the statement did all its work before the first row: an updating statement or a
  /// schema change (which in auto-commit mode has committed then), or rows computed up front;
  /// false for a reading statement streaming from the engine.
  /// Failing it afterwards would report a change that stays as failed, so handing out its rows
  /// never checks the cancellation flag, and dropping its stream unread is a success.
  private let ranToCompletion: Bool
  private let started: ContinuousClock.Instant
  @exclusivity(unchecked) private var firstRowReady: ContinuousClock.Instant?
  /// Whether the engine's side of the stream is open. Its state lives in the fields below,
  /// read and changed in place (per row, a copy of a state struct cost a copy and its retains),
  /// and dropped when it ends, to let go of the snapshot.
  @exclusivity(unchecked) private var isRunning = true
  /// A reading statement's cursor tree.
  @exclusivity(unchecked) private var source: RowSource?
  /// Rows computed before the first pull, and how many of them were handed out.
  @exclusivity(unchecked) private var keptRows: [[Value]]
  @exclusivity(unchecked) private var position = 0
  @exclusivity(unchecked) private var plan: PlanText
  /// What a statement that ran before its first row changed.
  @exclusivity(unchecked) private var keptStatistics = QueryStatistics()
  /// The row read ahead, handed out by the next pull.
  @exclusivity(unchecked) private var lookahead: [Value]?
  /// An error met while reading ahead; thrown by the pull that would have returned its row.
  @exclusivity(unchecked) private var pendingError: (any Error)?
  /// Set by `close()`, `consume()` and a failure: pulling throws from then on.
  @exclusivity(unchecked) private var isClosed = false
  @exclusivity(unchecked) private var rowCount = 0
  /// Told once when the engine's side ends, with the summary (nil after a failure).
  private let onEnd: (ResultSummary?) -> Void

  init(
    query: String, columns: [String], feed: Feed, queryType: QueryType, plan: PlanText, control: RunControl,
    started: ContinuousClock.Instant, notifications: [QueryNotification] = [], onEnd: @escaping (ResultSummary?) -> Void
  ) {
    self.query = query
    self.notifications = notifications
    self.columns = columns
    self.queryType = queryType
    self.control = control
    self.started = started
    self.onEnd = onEnd
    self.plan = plan
    switch feed {
    case .source(let source):
      ranToCompletion = false
      self.source = source
      keptRows = []
    case .rows(let rows):
      ranToCompletion = true
      keptRows = rows
    case .kept(let rows, let statistics):
      ranToCompletion = true
      keptRows = rows
      keptStatistics = statistics
    }
    readAhead()
  }

  /// A stream dropped unread: a success only for a statement whose work is done (it changed
  /// the graph already); a reading one just stops.
  deinit { end(summary: ranToCompletion && pendingError == nil) }

  /// The next row, aligned with `columns`, or nil when there are no more.
  /// - Throws: the error the statement raised computing this row (a `Cancelled` error once
  ///   `Session.cancel()` was called or the timeout passed), which closes the stream;
  ///   `ResultConsumed` after `close()`, `consume()` or a failure.
  public func next() throws -> [Value]? { try pull(checking: true) }

  /// Up to `count` more rows; fewer at the end, or when the row after them failed: the batch then
  /// holds the rows computed before it, `hasMore` stays true and the next call throws the error
  /// (as Bolt sends a PULL's records before its FAILURE).
  /// - Throws: as `next()`, when the first row of the batch fails.
  public func fetch(_ count: Int) throws -> [[Value]] {
    var rows: [[Value]] = []
    // A bounded batch is usually filled; an unbounded one (`fetchAll`) is often a row or two.
    if count <= 4096 { rows.reserveCapacity(max(count, 0)) }
    // One look at the cancellation flag per batch; the engine looks again every thousand rows.
    while rows.count < count {
      if !rows.isEmpty && lookahead == nil { break }
      guard let row = try pull(checking: rows.isEmpty) else { break }
      rows.append(row)
    }
    return rows
  }

  /// Every remaining row.
  /// - Throws: as `next()`, when any of them fails; the rows before it are not returned.
  public func fetchAll() throws -> [[Value]] {
    var rows = try fetch(Int.max)
    while hasMore { rows += try fetch(Int.max) }
    return rows
  }

  /// The remaining rows with the summary's statistics and plan, as one `QueryResult`; ends the
  /// stream.
  public func collect() throws -> QueryResult {
    let rows = try fetchAll()
    let summary = try consume()
    return QueryResult(columns: columns, rows: rows, statistics: summary.statistics, plan: summary.plan)
  }

  /// Ends the stream without reading the remaining rows (the work stops and the snapshot is
  /// released) and returns the summary. For an updating statement nothing is undone: its
  /// changes were made before the first row.
  /// - Throws: the error the statement raised, when it failed; `ResultConsumed` when the stream
  ///   failed earlier.
  @discardableResult
  public func consume() throws -> ResultSummary {
    if !isClosed, lookahead == nil, let pendingError { throw failure(pendingError) }
    close()
    guard let summary else { throw Self.consumedError }
    return summary
  }

  /// Ends the stream early, stopping its work and releasing its snapshot of the graph; pulling
  /// afterwards throws `ResultConsumed`. Does nothing when already closed. When the next row
  /// had already failed, the statement failed: `summary` stays nil (and so does the session's
  /// `lastSummary`).
  public func close() {
    guard !isClosed else { return }
    let failed = lookahead == nil && pendingError != nil
    isClosed = true
    hasMore = false
    lookahead = nil
    pendingError = nil
    end(summary: !failed)
  }

  /// Hands out the row read ahead and reads the next; with `checking`, first throws when the
  /// statement was cancelled or ran past its timeout.
  private func pull(checking: Bool) throws -> [Value]? {
    if isClosed { throw Self.consumedError }
    if checking, !ranToCompletion, isRunning {
      do { try control.check() } catch { throw failure(error) }
    }
    guard let row = lookahead else {
      if let pendingError { throw failure(pendingError) }
      return nil
    }
    lookahead = nil
    rowCount += 1
    readAhead()
    return row
  }

  /// Reads the next row into `lookahead`, or the error computing it into `pendingError`; when
  /// there is none, ends the engine's side.
  private func readAhead() {
    guard isRunning else { return }
    do {
      if let source {
        lookahead = try source.next()
      } else if position < keptRows.count {
        lookahead = keptRows[position]
        position += 1
      }
    } catch {
      pendingError = error
    }
    if firstRowReady == nil { firstRowReady = ContinuousClock.now }
    if lookahead == nil && pendingError == nil {
      hasMore = false
      end(summary: true)
    }
  }

  /// Closes the stream after a failure and returns `error` to throw.
  private func failure(_ error: any Error) -> any Error {
    isClosed = true
    hasMore = false
    lookahead = nil
    pendingError = nil
    end(summary: false)
    return error
  }

  /// Lets go of the engine's side of the stream (and so of its snapshot); with `summary`, fills
  /// in the summary first.
  private func end(summary makeSummary: Bool) {
    guard isRunning else { return }
    isRunning = false
    // Held here until the summary is made, then let go with the snapshot it reads.
    let source = self.source
    let planText = self.plan
    self.source = nil
    keptRows = []
    self.plan = .none
    guard makeSummary else {
      onEnd(nil)
      return
    }
    var plan: String?
    var tree: PlanDescription?
    switch planText {
    case .none: break
    case .fixed(let text, let description): (plan, tree) = (text, description)
    case .profiled(let compiled):
      if let measurements = source?.profile?.measurements {
        plan = compiled.explained(profile: measurements)
        tree = PlanDescription(compiled.planTree(profile: measurements, resultRows: rowCount))
      }
    }
    let now = ContinuousClock.now
    let made = ResultSummary(
      query: query, statistics: source?.statistics ?? keptStatistics, queryType: queryType, plan: plan,
      planDescription: tree, notifications: notifications,
      rowCount: rowCount, timeToFirstRow: started.duration(to: firstRowReady ?? now),
      totalTime: started.duration(to: now))
    summary = made
    onEnd(made)
  }

  /// The error for pulling from a stream that was closed or failed.
  static let consumedError = QuiverError.runtime(
    .semantic, .resultConsumed, "the result was closed or failed; run the statement again to read its rows")
}
