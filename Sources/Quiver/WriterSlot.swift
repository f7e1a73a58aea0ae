// The single slot writers take turns in. A flag under a condition variable rather than a mutex
// because a transaction may take it in one call and give it back in another, possibly on another
// thread; and because a statement waiting for it must be able to give up at its deadline or when
// it is cancelled, rather than block forever behind a long transaction.
import CypherRuntime

/// Lets one writer at a time in.
final class WriterSlot: @unchecked Sendable {
  /// Guards `isTaken`; waiters sleep on it.
  private let condition = Condition()
  /// Whether a writer holds the slot; read and written with the condition's lock held.
  private var isTaken = false
  /// How long a waiter sleeps before it looks at its cancellation flag again, so that a token
  /// cancelled without waking the slot (a `QueryCancellation` the caller holds) is noticed soon.
  private static let pollInterval: Duration = .milliseconds(20)

  /// Waits as long as it takes, then takes the slot.
  func acquire() {
    condition.locked {
      while isTaken { condition.wait() }
      isTaken = true
    }
  }

  /// Waits until the slot is free, then takes it; gives up when `control`'s statement is
  /// cancelled (a `Cancelled` error) or its deadline passes first (`WriterBusy`, a transient
  /// error: the same statement may well succeed when tried again).
  func acquire(_ control: RunControl) throws {
    try condition.locked {
      while isTaken {
        if let deadline = control.deadline, ContinuousClock.now >= deadline { throw Self.busyError }
        try control.check()
        let left = control.deadline.map { ContinuousClock.now.duration(to: $0) } ?? Self.pollInterval
        condition.wait(for: min(left, Self.pollInterval))
      }
      isTaken = true
    }
  }

  /// Gives the slot back and wakes the writers waiting for it.
  func release() {
    condition.locked {
      isTaken = false
      condition.broadcast()
    }
  }

  /// Wakes the writers waiting for the slot so that a cancelled one stops waiting at once.
  func wakeWaiters() {
    condition.locked { condition.broadcast() }
  }

  /// The error of a statement that waited for the slot until its deadline.
  static let busyError = QuiverError.runtime(
    .transient, .writerBusy, "another transaction held the writer slot until the statement's timeout; try again")
}
