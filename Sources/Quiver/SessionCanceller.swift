// Stopping a session's statement from another thread: the flag of the statement a session runs
// now, shared between the session and the `SessionCanceller`s it hands out, so that a server's
// I/O thread can cancel without holding the session itself.
import CypherRuntime
import GraphCore

/// Stops whatever statement a `Session` is running, from any thread. A server's I/O thread keeps
/// one (from `Session.canceller`) to act on a client's interrupt while another thread runs the
/// session; it never keeps the session alive or touches its other state.
public struct SessionCanceller: Sendable {
  let running: RunningStatement

  /// Asks the session's running statement to stop, as `Session.cancel()` does: its stream's next
  /// pull, the updating statement itself, or its wait for the writer slot fails with a
  /// `Cancelled` error. Does nothing when no statement runs.
  public func cancel() { running.cancel() }

  /// Rows the session's running statement has produced so far, for progress displays.
  public var rowsProduced: Int { running.rowsProduced }
}

/// The cancellation flag of the statement a session started last, and the writer slot it may be
/// waiting for (woken on cancel so that the wait ends at once).
final class RunningStatement: Sendable {
  private let flag = Locked<CancellationFlag?>(nil)
  private let slot: WriterSlot

  init(slot: WriterSlot) { self.slot = slot }

  /// Makes `flag` the one `cancel()` reaches.
  func start(_ flag: CancellationFlag) {
    self.flag.withLock { $0 = flag }
  }

  func cancel() {
    flag.withLock { $0?.cancel() }
    slot.wakeWaiters()
  }

  var rowsProduced: Int { flag.withLock { $0?.rowsProduced ?? 0 } }
}
