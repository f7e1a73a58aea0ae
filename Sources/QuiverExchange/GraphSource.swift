// The graph an export walks: a whole committed database, or the subgraph a query returned (its
// nodes, relationships and paths, plus the end nodes of its relationships). Writers may walk it
// more than once (to gather column types first), so it hands out nodes and relationships on
// demand rather than as one materialised copy.
import Quiver

/// Nodes and relationships to export, each in ascending id order.
package struct GraphSource: Sendable {
  private enum Storage: Sendable {
    case snapshot(GraphSnapshot)
    case subgraph(nodes: [Node], relationships: [Relationship])
  }

  private let storage: Storage

  /// Every node and relationship of `database` as committed now.
  package init(database: Database) {
    storage = .snapshot(database.graphSnapshot)
  }

  /// The given nodes and relationships (deduplicated by id); the end nodes of the relationships
  /// are added from `database`'s committed graph when they are not among `nodes`.
  package init(nodes: [Node], relationships: [Relationship], database: Database) {
    var byID: [Int64: Node] = [:]
    for node in nodes { byID[node.id] = node }
    var relationshipsByID: [Int64: Relationship] = [:]
    for relationship in relationships { relationshipsByID[relationship.id] = relationship }
    let snapshot = database.graphSnapshot
    for relationship in relationshipsByID.values {
      for id in [relationship.startID, relationship.endID] where byID[id] == nil { byID[id] = snapshot.node(id) }
    }
    storage = .subgraph(
      nodes: byID.keys.sorted().compactMap { byID[$0] },
      relationships: relationshipsByID.keys.sorted().compactMap { relationshipsByID[$0] })
  }

  /// The nodes, relationships and paths anywhere in `rows` (inside lists and maps too).
  package init(rows: [[Value]], database: Database) {
    var nodes: [Node] = []
    var relationships: [Relationship] = []
    func collect(_ value: Value) {
      switch value {
      case .node(let node): nodes.append(node)
      case .relationship(let relationship): relationships.append(relationship)
      case .path(let path):
        nodes += path.nodes
        relationships += path.relationships
      case .list(let items): items.forEach(collect)
      case .map(let entries): entries.values.forEach(collect)
      default: break
      }
    }
    rows.forEach { $0.forEach(collect) }
    self.init(nodes: nodes, relationships: relationships, database: database)
  }

  /// Number of nodes and relationships.
  package var counts: (nodes: Int, relationships: Int) {
    switch storage {
    case .snapshot(let snapshot): return snapshot.counts
    case .subgraph(let nodes, let relationships): return (nodes.count, relationships.count)
    }
  }

  /// Calls `body` with each node, in id order.
  package func forEachNode(_ body: (Node) throws -> Void) rethrows {
    switch storage {
    case .snapshot(let snapshot): for id in snapshot.nodeIDs { try body(snapshot.node(id)) }
    case .subgraph(let nodes, _): for node in nodes { try body(node) }
    }
  }

  /// Calls `body` with each relationship, in id order.
  package func forEachRelationship(_ body: (Relationship) throws -> Void) rethrows {
    switch storage {
    case .snapshot(let snapshot): for id in snapshot.relationshipIDs { try body(snapshot.relationship(id)) }
    case .subgraph(_, let relationships): for relationship in relationships { try body(relationship) }
    }
  }

  /// The labels of every node by id (for writers that name a relationship's end labels).
  package func labelsByNode() -> [Int64: [String]] {
    var out: [Int64: [String]] = [:]
    forEachNode { out[$0.id] = $0.labels }
    return out
  }
}

/// What an export wrote, as the export procedures report it.
package struct ExportSummary: Sendable, Hashable {
  package var nodes = 0
  package var relationships = 0
  package var properties = 0
  /// Bytes written.
  package var bytes = 0

  package init() {}

  /// Counts a written node and its properties.
  package mutating func count(_ node: Node) {
    nodes += 1
    properties += node.properties.count
  }

  /// Counts a written relationship and its properties.
  package mutating func count(_ relationship: Relationship) {
    relationships += 1
    properties += relationship.properties.count
  }
}
