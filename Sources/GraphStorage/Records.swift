// The stored form of nodes and relationships: interned labels and types, string-keyed property
// maps, and per-node adjacency grouped by relationship type.
import GraphCore

/// Interned label id.
package typealias LabelID = Int32
/// Interned relationship-type id.
package typealias TypeID = Int32

/// Relationship ids of one node in one direction, grouped by relationship type.
package struct Adjacency: Sendable {
  package private(set) var byType: [TypeID: [Int64]] = [:]

  package var isEmpty: Bool { byType.isEmpty }
  package var count: Int { byType.values.reduce(0) { $0 + $1.count } }

  mutating func add(_ rel: Int64, type: TypeID) {
    byType[type, default: []].append(rel)
  }

  mutating func remove(_ rel: Int64, type: TypeID) {
    guard var list = byType[type], let i = list.lastIndex(of: rel) else { return }
    list.remove(at: i)
    byType[type] = list.isEmpty ? nil : list
  }

  /// All relationship ids, or only those of the given types, in insertion order per type.
  package func relationships(types: [TypeID]?) -> [Int64] {
    if let types {
      // One type: hand out the stored list itself (shared, not copied).
      if types.count == 1 { return byType[types[0]] ?? [] }
      var out: [Int64] = []
      for t in types { out.append(contentsOf: byType[t] ?? []) }
      return out
    }
    if byType.count == 1, let only = byType.first { return only.value }
    return byType.keys.sorted().flatMap { byType[$0] ?? [] }
  }
}

/// A stored node.
package struct NodeRecord: Sendable {
  package var labels: [LabelID]
  package var properties: [String: Value]
  package var outgoing = Adjacency()
  package var incoming = Adjacency()

  package init(labels: [LabelID], properties: [String: Value]) {
    self.labels = labels
    self.properties = properties
  }
}

/// A stored relationship.
package struct RelationshipRecord: Sendable {
  package var type: TypeID
  package var start: Int64
  package var end: Int64
  package var properties: [String: Value]
}
