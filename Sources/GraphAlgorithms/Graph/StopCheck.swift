// Cooperative cancellation for long-running algorithms: they poll a check between sources,
// iterations or passes and return early when it fires; the caller then reports the cancellation.
// The check also carries the meter the algorithm counts its work on, when someone watches its
// progress (WorkMeter.swift).

/// A cheap question "should the running algorithm stop?", asked between units of work, and where
/// to count those units.
package struct StopCheck: Sendable {
  package let isStopped: @Sendable () -> Bool
  /// Counts the work done for progress reports; nil when nobody watches.
  package let meter: WorkMeter?

  package init(_ isStopped: @escaping @Sendable () -> Bool) {
    self.isStopped = isStopped
    self.meter = nil
  }

  package init(meter: WorkMeter?, _ isStopped: @escaping @Sendable () -> Bool) {
    self.isStopped = isStopped
    self.meter = meter
  }

  /// Never stops.
  package static let never = StopCheck { false }

  /// Starts counting `units` units of work (sources to search, iterations at most).
  @inline(__always) package func begin(_ units: Int) { meter?.begin(units) }

  /// Counts `units` more units done.
  @inline(__always) package func advance(_ units: Int = 1) { meter?.advance(units) }
}
