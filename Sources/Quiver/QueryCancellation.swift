// Stopping a running statement: a token another thread cancels, and the per-run control that
// combines it with a timeout.
import CypherRuntime

/// Cancel a running statement from another thread: pass it to `execute`, then call `cancel()`.
public final class QueryCancellation: Sendable {
  let flag = CancellationFlag()

  public init() {}

  /// Asks the statement to stop; it fails with a `Cancelled` error at its next check.
  public func cancel() { flag.cancel() }

  public var isCancelled: Bool { flag.isCancelled }

  /// Result rows the statement has produced so far (for progress displays).
  public var rowsProduced: Int { flag.rowsProduced }
}

/// The cancellation flag one run checks: a fresh one per statement, with the statement's
/// deadline, under the caller's token. Cancelling the statement (`Session.cancel()`) sets only
/// this flag, so the caller's token stays usable; cancelling the token still stops the statement.
struct RunControl {
  let flag: CancellationFlag
  /// When the statement's timeout runs out; nil for no limit.
  let deadline: ContinuousClock.Instant?

  init(timeout: Duration?, cancellation: QueryCancellation?) {
    deadline = timeout.map { ContinuousClock.now.advanced(by: $0) }
    flag = CancellationFlag(parent: cancellation?.flag, deadline: deadline)
  }
}
