// The index query procedures of Neo4j 5: `db.index.vector.queryNodes` and
// `db.index.vector.queryRelationships`, the k nearest neighbours of a vector in a vector index
// with their scores. They run in the procedure cursor over the statement's store.
import GraphCore
import GraphStorage

/// A procedure that queries a named index.
package enum IndexProcedure: String, CaseIterable, Sendable {
  case vectorQueryNodes = "db.index.vector.queryNodes"
  case vectorQueryRelationships = "db.index.vector.queryRelationships"

  /// The procedure called `name` (case-insensitively), if it is one of these.
  package init?(name: String) {
    let lower = name.lowercased()
    guard let found = IndexProcedure.allCases.first(where: { $0.rawValue.lowercased() == lower }) else { return nil }
    self = found
  }

  /// The signature the planner checks calls against and SHOW PROCEDURES lists.
  package var signature: Procedure {
    let entity = self == .vectorQueryNodes ? ProcedureField("node", "NODE?") : ProcedureField("relationship", "RELATIONSHIP?")
    return Procedure(
      name: rawValue,
      parameters: [
        ProcedureField("indexName", "STRING"), ProcedureField("numberOfNearestNeighbours", "INTEGER"),
        ProcedureField("query", "ANY"),
      ],
      outputs: [entity, ProcedureField("score", "FLOAT?")], body: { _ in [] })
  }

  /// Runs the query on `store` with the call's arguments: one row per neighbour, best first.
  /// - Throws: `IndexNotFound` for an unknown index or one on the other kind of entity, and the
  ///   argument errors of `GraphStore.vectorSearch`.
  func run(_ store: GraphStore, _ arguments: [Value]) throws -> [[Value]] {
    let name = arguments.first?.stringValue ?? ""
    let wanted: SchemaEntity = self == .vectorQueryNodes ? .node : .relationship
    guard let def = store.vectorIndex(name), def.entity == wanted else {
      throw QuiverError.runtime(
        .procedure, .indexNotFound, "there is no vector index on \(wanted == .node ? "nodes" : "relationships") named `\(name)`")
    }
    let k = arguments.count > 1 ? arguments[1].intValue ?? 0 : 0
    let query = arguments.count > 2 ? arguments[2] : .null
    return try store.vectorSearch(name, k: Int(clamping: k), query: query).map { hit in
      [wanted == .node ? .node(Node(id: hit.id)) : .relationship(store.hydrateRelationship(hit.id)), .float(hit.score)]
    }
  }
}
