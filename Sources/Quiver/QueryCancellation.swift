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

/// The cancellation flag one run checks: the caller's token, or a fresh one with a deadline.
struct RunControl {
  let flag: CancellationFlag?

  init(timeout: Duration?, cancellation: QueryCancellation?) {
    if let timeout {
      flag = CancellationFlag(parent: cancellation?.flag, deadline: ContinuousClock.now.advanced(by: timeout))
    } else {
      flag = cancellation?.flag
    }
  }
}
