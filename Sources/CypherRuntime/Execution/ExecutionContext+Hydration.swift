// Fills in the entities of result values (labels, types and properties, or what a deleted entity
// had) as rows leave the runtime through `RowSource`.
import CypherPlanner
import GraphCore
import GraphStorage

extension ExecutionContext {
  /// Fills in labels, types and properties of the entities inside `v`.
  func hydrate(_ v: Value) -> Value {
    switch v {
    case .node(let n): return .node(hydrateNode(n.id))
    case .relationship(let r): return .relationship(hydrateRelationship(r.id))
    case .path(let p):
      return .path(Path(nodes: p.nodes.map { hydrateNode($0.id) }, relationships: p.relationships.map { hydrateRelationship($0.id) }))
    case .list(let items): return .list(items.map { hydrate($0) })
    case .map(let m): return .map(m.mapValues { hydrate($0) })
    default: return v
    }
  }

  private func hydrateNode(_ id: Int64) -> Node {
    if store.nodeExists(id), deletedNodes[id] == nil { return store.hydrateNode(id) }
    return deletedNodes[id] ?? Node(id: id)
  }

  private func hydrateRelationship(_ id: Int64) -> Relationship {
    if store.relationshipExists(id) { return store.hydrateRelationship(id) }
    return deletedRelationships[id] ?? Relationship(id: id)
  }
}
