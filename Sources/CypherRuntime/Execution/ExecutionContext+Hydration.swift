// Fills in the entities of result values (labels, types and properties, or what a deleted entity
// had) as rows leave the runtime through `RowSource`.
import CypherPlanner
import GraphCore
import GraphStorage

extension ExecutionContext {
  /// Fills in labels, types and properties of the entities inside `v`.
  func hydrate(_ v: Value) -> Value {
    switch v {
    case .node(let n): return .node(hydrateNode(n))
    case .relationship(let r): return .relationship(hydrateRelationship(r))
    case .path(let p):
      return .path(Path(nodes: p.nodes.map { hydrateNode($0) }, relationships: p.relationships.map { hydrateRelationship($0) }))
    case .list(let items): return .list(items.map { hydrate($0) })
    case .map(let m): return .map(m.mapValues { hydrate($0) })
    default: return v
    }
  }

  /// The node as stored, or as it was when deleted; a node the graph never had (a virtual node
  /// made by a procedure, such as db.schema.visualization's) keeps the details it came with.
  private func hydrateNode(_ node: Node) -> Node {
    let id = node.id
    if store.nodeExists(id), deletedNodes[id] == nil { return store.hydrateNode(id) }
    return deletedNodes[id] ?? node
  }

  /// The relationship as stored, as it was when deleted, or as given (virtual).
  private func hydrateRelationship(_ relationship: Relationship) -> Relationship {
    let id = relationship.id
    if store.relationshipExists(id) { return store.hydrateRelationship(id) }
    return deletedRelationships[id] ?? relationship
  }
}
