// Bulk loading for the exchange formats (neo4j-admin CSV, JSONL, GraphML): a writer that creates
// nodes and relationships straight in a private version of the store, published only when the
// whole load succeeded, as `importCSV` does for Quiver's own CSV layout.
import GraphStorage

/// Creates nodes and relationships in a private version of the graph during
/// `Database.bulkLoad`. Relationships are gathered per type and created in large batches.
package struct BulkWriter {
  fileprivate var store: GraphStore
  fileprivate var created: [Int64] = []
  private var pending: [String: [PendingRelationship]] = [:]
  /// What was created so far.
  package private(set) var summary = ImportSummary(nodes: 0, relationships: 0, properties: 0)

  fileprivate init(store: GraphStore) { self.store = store }

  /// Creates a node and returns its id.
  @discardableResult
  package mutating func createNode(labels: [String], properties: [String: Value]) -> Int64 {
    let id = store.createNode(labels: labels, map: map(properties), direct: true)
    created.append(id)
    summary.nodes += 1
    summary.properties += properties.count
    return id
  }

  /// Queues a relationship between two nodes this writer created (or that existed before).
  package mutating func createRelationship(type: String, from start: Int64, to end: Int64, properties: [String: Value]) {
    let relationship = PendingRelationship(start: start, end: end, properties: map(properties))
    pending[type, default: []].append(relationship)
    summary.relationships += 1
    summary.properties += properties.count
    if pending[type]?.count ?? 0 >= PendingRelationship.batchSize { flush(type) }
  }

  /// Creates the queued relationships, type by type in name order.
  fileprivate mutating func flush() {
    for type in pending.keys.sorted() { flush(type) }
  }

  private mutating func flush(_ type: String) {
    guard let batch = pending.removeValue(forKey: type) else { return }
    store.createRelationships(type: type, batch, linking: false)
  }

  private mutating func map(_ properties: [String: Value]) -> PropertyMap {
    var out = PropertyMap()
    for (key, value) in properties { out.set(store.internPropertyKey(key), value) }
    return out
  }
}

extension Database {
  /// Runs `body` with a writer over a private version of the graph and publishes that version
  /// (checking constraints, and in a durable database writing it as the new snapshot, see
  /// `writeInBulk`) only when `body` returns; when it throws, the graph is unchanged.
  package func bulkLoad(_ body: (inout BulkWriter) throws -> Void) throws -> ImportSummary {
    try writeInBulk { latest in
      var writer = BulkWriter(store: latest)
      try body(&writer)
      writer.flush()
      writer.store.compactAdjacency()
      try writer.store.checkConstraints(nodes: writer.created)
      // Relationship ids only grow, so the new ones are those from the old limit on.
      try writer.store.checkConstraints(relationships: Int64(latest.relationshipIDLimit)..<Int64(writer.store.relationshipIDLimit))
      return (writer.summary, writer.store)
    }
  }
}
