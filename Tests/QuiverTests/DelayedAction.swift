// Runs an action on a thread of its own after a delay, for the tests that cancel a statement from
// another thread. A dedicated thread rather than Dispatch's global queue: while the whole suite
// runs, other tests may hold every global-queue worker in blocking waits, and an action queued
// there could then run only after the statement it should interrupt had timed out.
import Foundation

/// Starts `action` on a new thread once `delay` has passed.
func afterDelay(_ delay: Duration, _ action: @escaping @Sendable () -> Void) {
  let thread = Thread {
    Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
    action()
  }
  thread.start()
}
