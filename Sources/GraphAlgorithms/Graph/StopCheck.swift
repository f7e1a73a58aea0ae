// Cooperative cancellation for long-running algorithms: they poll a check between sources,
// iterations or passes and return early when it fires; the caller then reports the cancellation.

/// A cheap question "should the running algorithm stop?", asked between units of work.
package struct StopCheck: Sendable {
  package let isStopped: @Sendable () -> Bool

  package init(_ isStopped: @escaping @Sendable () -> Bool) { self.isStopped = isStopped }

  /// Never stops.
  package static let never = StopCheck { false }
}
