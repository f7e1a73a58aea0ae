// Creating many relationships at once, for the bulk importer: the records are appended in order
// and each node's adjacency lists grow once per batch, in node order, instead of once per
// relationship at random nodes.
import GraphCore

/// A relationship for `GraphStore.createRelationships`: its end nodes and its properties under
/// interned keys.
package struct PendingRelationship: Sendable {
  package var start: Int64
  package var end: Int64
  package var properties: PropertyMap

  package init(start: Int64, end: Int64, properties: PropertyMap) {
    self.start = start
    self.end = end
    self.properties = properties
  }
}

extension GraphStore {
  /// Creates `batch`'s relationships, all of type `type`, between live nodes, with consecutive
  /// ids in batch order; returns the first id. The store ends up exactly as if each had been
  /// created on its own, in order (the same ids, records and adjacency order), but each node's
  /// lists are reached once per batch and sized once.
  @discardableResult
  package mutating func createRelationships(type: String, _ batch: [PendingRelationship]) -> Int64 {
    let first = Int64(relationships.count)
    guard !batch.isEmpty else { return first }
    let t = internType(type)
    let indexed = indexes.values.contains { $0.entity == .relationship && $0.label == type }
    for (offset, r) in batch.enumerated() {
      precondition(nodeExists(r.start) && nodeExists(r.end), "relationship endpoints must exist")
      let id = first + Int64(offset)
      relationships.append(RelationshipRecord(type: t, start: r.start, end: r.end, properties: r.properties))
      if changeLog != nil {
        let properties = dictionary(r.properties)
        changeLog?.append(.createRelationship(id: id, type: type, start: r.start, end: r.end, properties: properties))
      }
      if indexed { indexRelationship(id, type: t, properties: r.properties) }
    }
    let limit = nodes.count
    makeUnique()
    Self.addAdjacency(batch, first: first, type: t, nodeLimit: limit, outgoing: true, to: &tables.nodes)
    Self.addAdjacency(batch, first: first, type: t, nodeLimit: limit, outgoing: false, to: &tables.nodes)
    typeCount[t, default: 0] += batch.count
    relationshipCount += batch.count
    return first
  }

  /// Adds the batch's entries to the outgoing (or incoming) lists of their start (end) nodes,
  /// visiting the nodes in id order and keeping each node's entries in batch order.
  private static func addAdjacency(
    _ batch: [PendingRelationship], first: Int64, type: TypeID, nodeLimit: Int, outgoing: Bool,
    to nodes: inout ChunkedArray<NodeRecord>
  ) {
    // A counting sort of the batch by the node whose list gets the entry.
    var offsets = [Int](repeating: 0, count: nodeLimit + 1)
    for r in batch { offsets[Int(outgoing ? r.start : r.end) + 1] += 1 }
    for i in 0..<nodeLimit { offsets[i + 1] += offsets[i] }
    var order = [Int](repeating: 0, count: batch.count)
    var next = offsets
    for (i, r) in batch.enumerated() {
      let node = Int(outgoing ? r.start : r.end)
      order[next[node]] = i
      next[node] += 1
    }
    var entries: [AdjacentRelationship] = []
    for node in 0..<nodeLimit where offsets[node] < offsets[node + 1] {
      entries.removeAll(keepingCapacity: true)
      for i in order[offsets[node]..<offsets[node + 1]] {
        let r = batch[i]
        entries.append(AdjacentRelationship(id: first + Int64(i), neighbour: outgoing ? r.end : r.start))
      }
      if outgoing {
        nodes[node].outgoing.add(entries, type: type)
      } else {
        nodes[node].incoming.add(entries, type: type)
      }
    }
  }
}
