// Runs one statement on a worker thread while the calling thread waits in short steps: each
// step it turns a Ctrl-C into a cancellation of the statement, and once a second has passed
// on a terminal it redraws a spinner with the elapsed time on standard error. Reports run
// their computation the same way, with a line naming the step being computed.
import Foundation
import GraphCore
import Quiver
import QuiverShellSupport

/// Runs statements so that they can be interrupted.
enum QueryExecution {
  /// Runs `body` on a worker thread with a fresh cancellation token and returns what it
  /// returned or throws what it threw. Ctrl-C cancels the token (made before the worker starts,
  /// so that no Ctrl-C is lost); `showsProgress` draws the spinner after `ProgressLine.delay`.
  static func run<T: Sendable>(
    showsProgress: Bool, _ body: @escaping @Sendable (QueryCancellation) throws -> T
  ) throws -> T {
    let token = QueryCancellation()
    // A Ctrl-C that arrived as the statement ended must not cancel the next one.
    defer { _ = Interrupt.take() }
    let outcome = try onWorker({ try body(token) }) { elapsed in
      if Interrupt.take() { token.cancel() }
      guard showsProgress && elapsed >= ProgressLine.delay else { return nil }
      return ProgressLine.frame(elapsed: elapsed, rows: token.rowsProduced, work: token.algorithmProgress)
    }
    guard let outcome else {
      throw QuiverError.runtime(.cancelled, .cancelled, "the statement ended without a result")
    }
    return outcome
  }

  /// Runs `body` on a worker thread (with a large stack: deeply nested statements recurse in
  /// the parser and planner) and returns its result. Every 50 ms until it is done, `tick` is
  /// given the elapsed time and returns the progress line to show on standard error, or nil
  /// for none; a line shown is erased at the end. Returns nil if the worker left no result.
  static func onWorker<T: Sendable>(
    _ body: @escaping @Sendable () throws -> T, tick: (Duration) -> String?
  ) throws -> T? {
    let outcome = Locked<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    let worker = Thread {
      let result = Result { try body() }
      outcome.withLock { $0 = result }
      done.signal()
    }
    worker.stackSize = 64 << 20
    worker.start()
    let clock = ContinuousClock()
    let start = clock.now
    var shown: String?
    while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
      guard let frame = tick(start.duration(to: clock.now)) else { continue }
      if frame != shown { Console.writeError(frame) }
      shown = frame
    }
    if shown != nil { Console.writeError(ProgressLine.erase) }
    return try outcome.withLock({ $0 })?.get()
  }
}
