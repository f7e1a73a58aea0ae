// Progress of a long-running algorithm: the units of work it has done (sources searched) out of
// its total, the time elapsed and an estimate of the time left, assuming the units left cost what
// the units done did. One meter is shared by the threads of one run; it hands a snapshot to its
// handler whenever another hundredth of the work is done or a quarter of a second has passed.
import GraphCore

/// A snapshot of an algorithm's progress.
package struct WorkProgress: Sendable, Equatable {
  package var done: Int
  package var total: Int
  package var elapsed: Duration

  package init(done: Int, total: Int, elapsed: Duration) {
    self.done = done
    self.total = total
    self.elapsed = elapsed
  }

  /// The part done, from 0 to 1.
  package var fraction: Double { total > 0 ? min(1, Double(done) / Double(total)) : 0 }

  /// elapsed × left / done; nil before anything is done.
  package var remaining: Duration? {
    guard done > 0 else { return nil }
    guard total > done else { return .zero }
    let (seconds, attoseconds) = elapsed.components
    let spent = Double(seconds) + Double(attoseconds) / 1e18
    return .seconds(spent * Double(total - done) / Double(done))
  }
}

/// Counts an algorithm's units of work and reports them to a handler (from the counting thread).
package final class WorkMeter: Sendable {
  private struct State {
    var total = 0
    var done = 0
    var started: ContinuousClock.Instant?
    var reported: ContinuousClock.Instant?
    var hundredth = 0
  }

  private let state = Locked(State())
  private let handler: @Sendable (WorkProgress) -> Void

  /// A meter calling `handler` as the work advances.
  package init(_ handler: @escaping @Sendable (WorkProgress) -> Void) { self.handler = handler }

  /// Starts counting `total` units from now (again from zero when a run has several phases).
  package func begin(_ total: Int) {
    let now = ContinuousClock.now
    state.withLock { $0 = State(total: total, done: 0, started: now, reported: now, hundredth: 0) }
    handler(WorkProgress(done: 0, total: total, elapsed: .zero))
  }

  /// Counts `units` more done; reports when another hundredth is done or 250 ms have passed.
  package func advance(_ units: Int = 1) {
    let now = ContinuousClock.now
    let snapshot: WorkProgress? = state.withLock { s in
      guard let started = s.started else { return nil }
      s.done += units
      // In floating point: `done * 100` overflows when a run skips a huge rest of its iterations
      // (pageRank with maxIterations 2^63 - 1); the quotient lies in 0...100 and converts safely.
      let hundredth = s.total > 0 ? Int(min(100, max(0, Double(s.done) * 100 / Double(s.total)))) : 0
      guard hundredth != s.hundredth || s.reported.map({ now - $0 >= .milliseconds(250) }) != false else { return nil }
      s.hundredth = hundredth
      s.reported = now
      return WorkProgress(done: s.done, total: s.total, elapsed: now - started)
    }
    if let snapshot { handler(snapshot) }
  }
}
