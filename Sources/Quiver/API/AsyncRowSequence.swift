// A statement's rows as an `AsyncSequence`, for `for try await row in db.rows(…)`. The statement
// starts when iteration starts, each row is computed when the loop asks for it, cancelling the
// iterating task cancels the statement (through its `QueryCancellation`), and leaving the loop
// early closes the stream, stopping the work and releasing the graph snapshot.

/// The rows of one statement, started when iteration starts and pulled lazily.
///
/// ```swift
/// for try await person in db.rows("MATCH (p:Person) RETURN p").decoded(as: Person.self) { … }
/// ```
/// The statement runs in a transaction of its own. Each row is computed on the iterating task;
/// an updating statement runs to completion (waiting for the writer slot) at the first pull.
/// Cancelling the task makes the current or next pull throw a `Cancelled` error.
public struct AsyncRowSequence: AsyncSequence, Sendable {
  /// A row of the result.
  public typealias Element = Row
  /// Any error the statement or its rows raise.
  public typealias Failure = any Error

  let database: Database
  let query: String
  let parameters: [String: Value]
  let timeout: Duration?

  /// Pulls the rows; starts the statement at the first pull and closes it when dropped.
  public final class AsyncIterator: AsyncIteratorProtocol {
    /// A row of the result.
    public typealias Element = Row
    /// Any error the statement or its rows raise.
    public typealias Failure = any Error

    private let sequence: AsyncRowSequence
    private let cancellation = QueryCancellation()
    private var stream: ResultStream?
    private var finished = false
    /// Rows handed out, to yield the thread every so often.
    private var pulled = 0

    init(sequence: AsyncRowSequence) { self.sequence = sequence }

    deinit { stream?.close() }

    /// The next row, or nil at the end.
    /// - Throws: `QuiverError` from the statement; `Cancelled` when the task was cancelled.
    public func next() async throws -> Row? {
      try await next(isolation: nil)
    }

    /// The next row, or nil at the end, computed in the caller's isolation.
    /// - Throws: `QuiverError` from the statement; `Cancelled` when the task was cancelled.
    public func next(isolation actor: isolated (any Actor)?) async throws(any Error) -> Row? {
      guard !finished else { return nil }
      // Computing a row never suspends; a long loop yields now and then so that it does not keep
      // a thread of the task pool (which has one per core) from the tasks that would cancel it.
      pulled += 1
      if pulled % 256 == 0 { await Task.yield() }
      let token = cancellation
      do {
        let row = try await withTaskCancellationHandler {
          try pull()
        } onCancel: {
          token.cancel()
        }
        if row == nil { finish() }
        return row
      } catch {
        finish()
        throw error
      }
    }

    /// Starts the statement when needed and pulls one row.
    private func pull() throws -> Row? {
      try Task.checkCancellation(orThrow: cancellation)
      let stream =
        try self.stream
        ?? sequence.database.stream(
          sequence.query, parameters: sequence.parameters, timeout: sequence.timeout, cancellation: cancellation)
      self.stream = stream
      return try stream.next().map { Row(columns: stream.columns, values: $0) }
    }

    /// Closes the stream and stops handing out rows.
    private func finish() {
      finished = true
      stream?.close()
      stream = nil
    }
  }

  /// An iterator that starts the statement at its first pull.
  public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(sequence: self) }

  /// The rows decoded as `T` (see `Row.decode(_:)`), lazily.
  public func decoded<T: Decodable & Sendable>(as type: T.Type) -> AsyncThrowingMapSequence<AsyncRowSequence, T> {
    map { try $0.decode(T.self) }
  }
}

extension Task where Success == Never, Failure == Never {
  /// Throws the `Cancelled` error of a statement when the current task is cancelled, cancelling
  /// `token` too.
  static func checkCancellation(orThrow token: QueryCancellation) throws {
    guard Task.isCancelled else { return }
    token.cancel()
    throw QueryCancellation.taskCancelled
  }
}

extension QueryCancellation {
  /// The error a statement whose task was cancelled before it started throws.
  static let taskCancelled = QuiverError.runtime(.cancelled, .cancelled, "the task running the statement was cancelled")
}

extension Database {
  /// The rows of `query` as an `AsyncSequence`: the statement starts when iteration starts
  /// (see `AsyncRowSequence`).
  public func rows(
    _ query: String, parameters: [String: any ValueConvertible] = [:], timeout: Duration? = nil
  ) -> AsyncRowSequence {
    AsyncRowSequence(database: self, query: query, parameters: parameters.cypherValues, timeout: timeout)
  }
}
