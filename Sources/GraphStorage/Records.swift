// The stored form of nodes and relationships: interned labels and types (the properties live in
// columns: NodePropertyTable, RelationshipTable), and per-node adjacency (relationship and neighbour) grouped by relationship type:
// the relationships created since the store's compact rows were built (see AdjacencyBase).
import GraphCore


/// One entry of an adjacency list: a relationship and the node at its other end, so that a
/// traversal reaches the neighbour without reading the relationship's record.
package struct AdjacentRelationship: Sendable, Equatable {
  package var id: Int64
  package var neighbour: Int64

  @inlinable
  package init(id: Int64, neighbour: Int64) {
    self.id = id
    self.neighbour = neighbour
  }
}

/// A stored node. Tables hold records directly, not as optionals (reading a field through an
/// optional copies the whole record); a deleted node leaves a vacant record behind.
package struct NodeRecord: Sendable {
  package var labels: [LabelID]
  /// The delta: relationships created since the compact rows were built.
  package var outgoing = Adjacency()
  package var incoming = Adjacency()
  /// False for the vacant record of a deleted node.
  package var isLive = true

  /// The record left in a deleted node's slot.
  static var vacant: NodeRecord {
    var r = NodeRecord(labels: [])
    r.isLive = false
    return r
  }

  package init(labels: [LabelID]) {
    self.labels = labels
  }
}

/// A relationship as one value, assembled from the relationship table's columns for cold paths.
package struct RelationshipRecord: Sendable {
  package var type: TypeID
  package var start: Int64
  package var end: Int64
  package var properties: PropertyMap

  package init(type: TypeID, start: Int64, end: Int64, properties: PropertyMap) {
    self.type = type
    self.start = start
    self.end = end
    self.properties = properties
  }
}
