// `async` variants of the database's statements and transactions for Swift concurrency. The
// work runs on a Dispatch thread, not on the task pool (a writer may wait for the writer slot,
// which must not hold a pool thread), and cancelling the awaiting task cancels the statement
// through its `QueryCancellation`.
import Dispatch

extension Database {
  /// Runs one statement as `execute(_:parameters:timeout:cancellation:)` does, without blocking
  /// the awaiting task's thread; cancelling the task cancels the statement, which then throws
  /// a `Cancelled` error (an updating statement that already committed is not undone).
  @discardableResult
  public func execute(
    _ query: String, parameters: [String: any ValueConvertible] = [:], timeout: Duration? = nil
  ) async throws -> QueryResult {
    let values = parameters.cypherValues
    return try await Self.offload { token in
      try self.execute(query, parameters: values, timeout: timeout, cancellation: token)
    }
  }

  /// Runs one statement and decodes every row as a `T`, as `query(_:_:parameters:timeout:cancellation:)`
  /// does, without blocking the awaiting task's thread; cancelling the task cancels it.
  public func query<T: Decodable & Sendable>(
    _ type: T.Type, _ query: String, parameters: [String: any ValueConvertible] = [:], timeout: Duration? = nil
  ) async throws -> [T] {
    try await execute(query, parameters: parameters, timeout: timeout).decode(T.self)
  }

  /// Runs `body` in a transaction as `transaction(readOnly:_:)` does, on a Dispatch thread. When
  /// the awaiting task is cancelled the transaction stops waiting for the writer slot, and when
  /// it was cancelled by the time `body` returns it is rolled back and a `Cancelled` error thrown.
  @discardableResult
  public func transaction<T: Sendable>(
    readOnly: Bool = false, _ body: @escaping @Sendable (Transaction) throws -> T
  ) async throws -> T {
    try await Self.offload { token in
      let tx = try self.beginTransaction(readOnly: readOnly, control: RunControl(timeout: nil, cancellation: token))
      do {
        let value = try body(tx)
        if token.isCancelled { throw QueryCancellation.taskCancelled }
        try tx.commit()
        return value
      } catch {
        tx.rollback()
        throw error
      }
    }
  }

  /// Runs `work` on a Dispatch thread with a token that cancelling the awaiting task cancels.
  static func offload<T: Sendable>(
    _ work: @escaping @Sendable (QueryCancellation) throws -> T
  ) async throws -> T {
    let token = QueryCancellation()
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
        DispatchQueue.global().async {
          continuation.resume(with: Result { try work(token) })
        }
      }
    } onCancel: {
      token.cancel()
    }
  }
}
