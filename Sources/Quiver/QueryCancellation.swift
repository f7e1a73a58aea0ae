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

  /// How far the long algorithm the statement runs (`algo.betweenness`, `algo.closeness`,
  /// `algo.harmonic`) has got, or nil when it runs none.
  public var algorithmProgress: AlgorithmProgress? { flag.workProgress.map { AlgorithmProgress($0) } }
}

/// What can stop one run: its deadline and a cancellation flag of its own under the caller's
/// token. Cancelling the statement (`Session.cancel()`) sets only this flag, so the caller's
/// token stays usable; cancelling the token still stops the statement. A run that nothing can
/// stop (no timeout, no token, not a session's) has no flag, and costs nothing to check.
struct RunControl {
  /// Nil when nothing can stop the run.
  let flag: CancellationFlag?
  /// When the statement's timeout runs out; nil for no limit.
  let deadline: ContinuousClock.Instant?
  /// Resource limits for this statement instead of the database's; nil for the database's.
  var limits: ResourceLimits?

  /// A run stopped by its timeout or by `cancellation`, if either is given.
  init(timeout: Duration?, cancellation: QueryCancellation?) {
    deadline = timeout.map { ContinuousClock.now.advanced(by: $0) }
    flag = deadline == nil && cancellation == nil ? nil : CancellationFlag(parent: cancellation?.flag, deadline: deadline)
  }

  /// A run that can always be stopped through the returned flag (a session's statements, which
  /// `Session.cancel()` reaches), besides its timeout and `cancellation`.
  static func stoppable(timeout: Duration?, cancellation: QueryCancellation?) -> (RunControl, CancellationFlag) {
    let deadline = timeout.map { ContinuousClock.now.advanced(by: $0) }
    let flag = CancellationFlag(parent: cancellation?.flag, deadline: deadline)
    return (RunControl(flag: flag, deadline: deadline), flag)
  }

  private init(flag: CancellationFlag, deadline: ContinuousClock.Instant?) {
    self.flag = flag
    self.deadline = deadline
  }

  /// Throws a `Cancelled` error when the run was cancelled or ran past its deadline.
  func check() throws { try flag?.check() }
}
