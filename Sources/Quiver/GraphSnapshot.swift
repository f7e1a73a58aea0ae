// A read-only view of one committed version of the whole graph, for tools that walk every node
// and relationship (dumps and exports in QuiverExchange) without running Cypher per entity.
import GraphStorage

/// Every node and relationship of one committed version of a database, with labels, types and
/// properties. Later commits do not change it.
package struct GraphSnapshot: Sendable {
  private let store: GraphStore

  init(store: GraphStore) { self.store = store }

  /// Ids of the live nodes, ascending.
  package var nodeIDs: [Int64] { store.allNodeIDs() }

  /// Ids of the live relationships, ascending.
  package var relationshipIDs: [Int64] { store.allRelationshipIDs() }

  /// Number of live nodes and relationships.
  package var counts: (nodes: Int, relationships: Int) { (store.nodeCount, store.relationshipCount) }

  /// The node with its labels and properties.
  package func node(_ id: Int64) -> Node { store.hydrateNode(id) }

  /// The relationship with its type, end points and properties.
  package func relationship(_ id: Int64) -> Relationship { store.hydrateRelationship(id) }

  /// The estimated bytes of each part of the store (see `GraphStore.footprint()`).
  package func footprint() -> [StoreFootprintComponent] { store.footprint() }
}

extension Database {
  /// The committed graph as it is now.
  package var graphSnapshot: GraphSnapshot {
    GraphSnapshot(store: state.withLock { $0.store })
  }
}
