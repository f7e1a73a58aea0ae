// How far a long-running graph algorithm has got, for progress displays: what `db.algorithms`
// hands to a `reportingProgress` handler and what `QueryCancellation` shows of an `algo.*` call.
import GraphAlgorithms

/// A snapshot of a long algorithm's progress: units of work (sources searched) done out of the
/// total, the time spent, and an estimate of the time left.
public struct AlgorithmProgress: Sendable, Equatable {
  /// Units done so far.
  public let done: Int
  /// Units the run will do in all.
  public let total: Int
  /// Time since the algorithm started its work.
  public let elapsed: Duration
  /// The part done, from 0 to 1.
  public let fraction: Double
  /// The time left if the units left cost what the units done did (elapsed × left / done); nil
  /// before any unit is done.
  public let estimatedRemaining: Duration?

  /// `done` units of `total` after `elapsed`, with the fraction and estimate they imply.
  public init(done: Int, total: Int, elapsed: Duration) {
    self.init(WorkProgress(done: done, total: total, elapsed: elapsed))
  }

  init(_ progress: WorkProgress) {
    done = progress.done
    total = progress.total
    elapsed = progress.elapsed
    fraction = progress.fraction
    estimatedRemaining = progress.remaining
  }
}
