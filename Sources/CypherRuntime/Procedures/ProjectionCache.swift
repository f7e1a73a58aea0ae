// Projections kept until the graph changes. Each database keeps one cache, shared by its algorithm
// procedures and `db.algorithms`, so that repeated algorithm runs on an unchanged graph project it
// once; a projection is keyed by the store's stamp, which every change renews.
import GraphAlgorithms
import GraphCore
import GraphStorage
import Synchronization

/// Projections of the latest store version seen, by specification (a few at most).
package final class ProjectionCache: Sendable {
  private static let capacity = 4
  private let entries = Locked<(stamp: UInt64, projections: [ProjectionSpec: GraphProjection])>((0, [:]))
  private let built = Atomic<Int>(0)
  private let derived = Atomic<Int>(0)

  package init() {}

  /// The cached projection of `store` for `spec`, building it on first use; a store with another
  /// stamp than the cached one replaces the whole cache. A reversed or undirected projection is
  /// derived from the outgoing one (and an aggregated one from the unaggregated one), which is cached too, so that projecting one graph in several
  /// directions reads the store (and the weights) once.
  func projection(_ spec: ProjectionSpec, of store: GraphStore) throws -> GraphProjection {
    let stamp = store.stamp
    if let hit = entries.withLock({ $0.stamp == stamp ? $0.projections[spec] : nil }) { return hit }
    let projection: GraphProjection
    if spec.direction == .outgoing && spec.aggregation == .none {
      projection = try GraphProjection(store, spec)
      built.add(1, ordering: .relaxed)
    } else {
      projection = try self.projection(spec.raw, of: store).shaped(spec.direction, spec.aggregation)
      derived.add(1, ordering: .relaxed)
    }
    entries.withLock { cache in
      if cache.stamp != stamp || cache.projections.count >= Self.capacity { cache = (stamp, [:]) }
      cache.projections[spec] = projection
    }
    return projection
  }

  /// Number of projections held (for tests).
  package var count: Int { entries.withLock { $0.projections.count } }

  /// Projections read from the store since this cache was made (each a pass over the store's
  /// nodes and relationships); for tests and the benchmark of shared projections.
  package var builds: Int { built.load(ordering: .relaxed) }

  /// Projections derived from a cached one (reversed, undirected or aggregated), without
  /// reading the store.
  package var derivations: Int { derived.load(ordering: .relaxed) }
}
