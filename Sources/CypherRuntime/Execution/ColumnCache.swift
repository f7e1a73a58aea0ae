// Node property columns and adjacency columns kept until the graph changes. Each database keeps
// one cache, so that repeated read-only statements that filter, group or expand over most of
// the graph lay the data out once; columns are keyed by the store's stamp, which every change
// renews.
import GraphCore
import GraphStorage

/// Columns of the latest store version seen (a few at most).
package final class ColumnCache: Sendable {
  /// Which relationships an adjacency column follows.
  struct AdjacencyKey: Hashable, Sendable {
    var direction: Direction
    var types: [TypeID]?
    var withIDs: Bool
  }

  private struct Entries: Sendable {
    var stamp: UInt64 = 0
    var properties: [PropertyKeyID: PropertyColumn?] = [:]
    var adjacency: [AdjacencyKey: AdjacencyColumn] = [:]

    var count: Int { properties.count + adjacency.count }
  }

  private static let capacity = 8
  private let entries = Locked(Entries())

  package init() {}

  /// The column of `key` over `store`'s nodes, built on first use (nil: the store has more
  /// nodes than a column can code).
  func column(_ key: PropertyKeyID, of store: GraphStore) -> PropertyColumn? {
    cached(store, { $0.properties[key] }, { $0.properties[key] = .some($1) }) { store.nodeColumn(key) }
  }

  /// The adjacency column of `direction` and `types` (nil: every type) over `store`, with the
  /// relationship ids when `withIDs`, built on first use.
  func adjacency(_ direction: Direction, _ types: [TypeID]?, withIDs: Bool, of store: GraphStore) -> AdjacencyColumn {
    let key = AdjacencyKey(direction: direction, types: types, withIDs: withIDs)
    return cached(store, { $0.adjacency[key] }, { $0.adjacency[key] = $1 }) {
      store.adjacencyColumn(direction: direction, typeIDs: types, withIDs: withIDs)
    }
  }

  /// The entry `read` finds for `store`'s stamp, or the one `build` makes, stored with `write`.
  /// Stamps only grow, so a store with a newer stamp than the cached one replaces the whole
  /// cache, while one with an older stamp (a reader still on a replaced version) keeps what it
  /// builds to itself.
  private func cached<Column>(
    _ store: GraphStore, _ read: (Entries) -> Column?, _ write: (inout Entries, Column) -> Void, build: () -> Column
  ) -> Column {
    let stamp = store.stamp
    if let hit = entries.withLock({ $0.stamp == stamp ? read($0) : nil }) { return hit }
    let built = build()
    entries.withLock { cache in
      guard stamp >= cache.stamp else { return }
      if cache.stamp != stamp || cache.count >= Self.capacity { cache = Entries(stamp: stamp) }
      write(&cache, built)
    }
    return built
  }

  /// Drops the columns of every version but `store`'s (called when a write publishes it, so
  /// that the columns of a replaced version do not linger).
  package func keep(only store: GraphStore) {
    let stamp = store.stamp
    entries.withLock { if $0.stamp != stamp { $0 = Entries(stamp: stamp) } }
  }

  /// Number of columns held (for tests).
  package var count: Int { entries.withLock { $0.count } }
}
