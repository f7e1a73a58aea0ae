// Runs one statement on a worker thread while the calling thread waits in short steps: each
// step it turns a Ctrl-C into a cancellation of the statement, and once a second has passed
// on a terminal it redraws a spinner with the elapsed time on standard error.
import Foundation
import Quiver
import QuiverShellSupport
import Synchronization

/// Carries a value to the worker thread. The caller blocks until the worker is done and does
/// not touch the value meanwhile, so only one thread uses it at a time.
struct Handoff<Value>: @unchecked Sendable {
  let value: Value
}

/// Runs statements so that they can be interrupted.
enum QueryExecution {
  /// Runs `body` on a worker thread with a fresh cancellation token and returns what it
  /// returned or throws what it threw. Ctrl-C cancels the token; `showsProgress` draws the
  /// spinner after `ProgressLine.delay`.
  static func run(
    showsProgress: Bool, _ body: @escaping @Sendable (QueryCancellation) throws -> QueryResult
  ) throws -> QueryResult {
    let token = QueryCancellation()
    let outcome = Mutex<Result<QueryResult, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    let worker = Thread {
      let result = Result { try body(token) }
      outcome.withLock { $0 = result }
      done.signal()
    }
    // Deeply nested statements recurse in the parser and planner; give them room.
    worker.stackSize = 64 << 20
    worker.start()
    let clock = ContinuousClock()
    let start = clock.now
    var shown: String?
    while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
      if Interrupt.take() { token.cancel() }
      let elapsed = start.duration(to: clock.now)
      if showsProgress && elapsed >= ProgressLine.delay {
        let frame = ProgressLine.frame(elapsed: elapsed, rows: token.rowsProduced)
        if frame != shown { Console.writeError(frame) }
        shown = frame
      }
    }
    if shown != nil { Console.writeError(ProgressLine.erase) }
    _ = Interrupt.take()
    guard let result = outcome.withLock({ $0 }) else {
      throw QuiverError.runtime(.cancelled, "Cancelled", "the statement ended without a result")
    }
    return try result.get()
  }
}
