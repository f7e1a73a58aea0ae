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

/// A stored node: its labels and its deltas. Tables hold records directly, not as optionals
/// (reading a field through an optional copies the whole record); a deleted node leaves a vacant
/// record behind, and the live-node bitmap tells the two apart.
package struct NodeRecord: Sendable {
  package var labels: NodeLabels
  /// The node's properties while it is newer than the property columns (see
  /// `StoreTables.nodeColumnLimit`); empty once they are moved into the columns.
  package var properties = PropertyMap()
  /// The delta: relationships created since the compact rows were built.
  package var outgoing = Adjacency()
  package var incoming = Adjacency()

  /// The record left in a deleted node's slot.
  static var vacant: NodeRecord { NodeRecord(labels: NodeLabels()) }

  package init(labels: NodeLabels) {
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
