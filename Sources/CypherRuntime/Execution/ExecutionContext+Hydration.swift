// Runs a compiled statement against a context: pulls every row from the plan, finishes the
// statement's writes and hands back the result columns with entities filled in.
import CypherPlanner
import GraphCore
import GraphStorage

/// The outcome of running one statement.
package struct ExecutionOutcome {
  package var columns: [String]
  package var rows: [[Value]]
  package var statistics: QueryStatistics
  package var store: GraphStore
}

extension ExecutionContext {
  /// Runs `query` to completion.
  package func run(_ query: CompiledQuery) throws -> ExecutionOutcome {
    rowWidth = query.slotCount
    isUpdating = query.isUpdating
    let cursor = makeCursor(query.root, argument: Row(repeating: .null, count: query.slotCount), path: [])
    var rows: [[Value]] = []
    while let row = try cursor.next() {
      try checkCancelled()
      cancellation?.countRow()
      if !query.columns.isEmpty { rows.append(query.columns.map { row[$0.1] }) }
    }
    if query.isUpdating { try finishWrites() }
    let hydrated = rows.map { $0.map { hydrate($0) } }
    return ExecutionOutcome(columns: query.columns.map(\.0), rows: hydrated, statistics: statistics, store: store)
  }

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
