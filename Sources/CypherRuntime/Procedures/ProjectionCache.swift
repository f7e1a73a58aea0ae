// Projections kept for one snapshot of the store. A snapshot never changes, so a projection built
// from it stays valid for as long as the snapshot is in use; the embedding API keeps one cache per
// `db.algorithms` value so that repeated algorithm runs project the graph once.
import GraphAlgorithms
import GraphCore
import GraphStorage
import Synchronization

/// Projections of one unchanging store snapshot, by specification.
package final class ProjectionCache: Sendable {
  private let entries = Mutex<[ProjectionSpec: GraphProjection]>([:])

  package init() {}

  /// The cached projection for `spec`, building it with `make` on first use.
  func projection(_ spec: ProjectionSpec, _ make: () throws -> GraphProjection) throws -> GraphProjection {
    if let hit = entries.withLock({ $0[spec] }) { return hit }
    let built = try make()
    entries.withLock { $0[spec] = built }
    return built
  }
}

/// What an algorithm runner reads: the store snapshot, optionally a cache of its projections, and
/// the statement's cancellation flag.
struct AlgorithmInput {
  let store: GraphStore
  let cache: ProjectionCache?
  let cancellation: CancellationFlag?

  /// Polled by the long-running algorithms.
  var stop: StopCheck {
    guard let cancellation else { return .never }
    return StopCheck { cancellation.isCancelled }
  }

  /// Throws `Cancelled` when the statement was cancelled or timed out (the algorithm may then have
  /// returned early with partial results).
  func checkCancelled() throws {
    guard let cancellation, cancellation.isCancelled else { return }
    throw QuiverError.runtime(
      .cancelled, "Cancelled", cancellation.timedOut ? "the query ran past its timeout and was stopped" : "the query was cancelled")
  }

  /// Projects the graph after every configuration key is read, so that an unknown key fails
  /// before any work.
  func project(_ spec: ProjectionSpec, _ config: AlgorithmConfig) throws -> GraphProjection {
    try config.finish()
    guard let cache else { return try GraphProjection(store, spec) }
    return try cache.projection(spec) { try GraphProjection(store, spec) }
  }
}
