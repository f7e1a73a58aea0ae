// The index query procedures of Neo4j 5: `db.index.vector.queryNodes` and
// `db.index.vector.queryRelationships`, the k nearest neighbours of a vector in a vector index
// with their scores, and `db.index.fulltext.queryNodes` and `…queryRelationships`, the entities
// whose text matches a query, best first (an options map skips and limits them). They run in the procedure cursor over the statement's
// store.
import GraphCore
import GraphStorage

/// A procedure that queries a named index.
package enum IndexProcedure: String, CaseIterable, Sendable {
  case vectorQueryNodes = "db.index.vector.queryNodes"
  case vectorQueryRelationships = "db.index.vector.queryRelationships"
  case fulltextQueryNodes = "db.index.fulltext.queryNodes"
  case fulltextQueryRelationships = "db.index.fulltext.queryRelationships"

  /// Whether the procedure yields nodes (rather than relationships).
  private var onNodes: Bool { self == .vectorQueryNodes || self == .fulltextQueryNodes }

  /// The procedure called `name` (case-insensitively), if it is one of these.
  package init?(name: String) {
    let lower = name.lowercased()
    guard let found = IndexProcedure.allCases.first(where: { $0.rawValue.lowercased() == lower }) else { return nil }
    self = found
  }

  /// The signature the planner checks calls against and SHOW PROCEDURES lists.
  package var signature: Procedure {
    let entity = onNodes ? ProcedureField("node", "NODE?") : ProcedureField("relationship", "RELATIONSHIP?")
    let parameters =
      switch self {
      case .vectorQueryNodes, .vectorQueryRelationships:
        [ProcedureField("indexName", "STRING"), ProcedureField("numberOfNearestNeighbours", "INTEGER"), ProcedureField("query", "ANY")]
      case .fulltextQueryNodes, .fulltextQueryRelationships:
        [
          ProcedureField("indexName", "STRING"), ProcedureField("queryString", "STRING"),
          ProcedureField("options", "MAP?", default: .map([:])),
        ]
      }
    return Procedure(name: rawValue, parameters: parameters, outputs: [entity, ProcedureField("score", "FLOAT?")], body: { _ in [] })
  }

  /// Runs the query on `store` with the call's arguments: one row per neighbour or match, best
  /// first.
  /// - Throws: `IndexNotFound` for an unknown index or one on the other kind of entity, and the
  ///   errors of `GraphStore.vectorSearch`, `GraphStore.fulltextSearch` and
  ///   `FulltextQueryOptions`.
  func run(_ store: GraphStore, _ arguments: [Value]) throws -> [[Value]] {
    let name = arguments.first?.stringValue ?? ""
    let wanted: SchemaEntity = onNodes ? .node : .relationship
    func row(_ hit: (id: Int64, score: Double)) -> [Value] {
      [wanted == .node ? .node(Node(id: hit.id)) : .relationship(store.hydrateRelationship(hit.id)), .float(hit.score)]
    }
    if self == .fulltextQueryNodes || self == .fulltextQueryRelationships {
      guard let def = store.fulltextIndex(name), def.entity == wanted else {
        throw QuiverError.runtime(
          .procedure, .indexNotFound, "there is no full-text index on \(wanted == .node ? "nodes" : "relationships") named `\(name)`")
      }
      let query = arguments.count > 1 ? arguments[1].stringValue ?? "" : ""
      let options = try FulltextQueryOptions(arguments.count > 2 ? arguments[2] : .null)
      return options.apply(try store.fulltextSearch(name, query: query)).map(row)
    }
    guard let def = store.vectorIndex(name), def.entity == wanted else {
      throw QuiverError.runtime(
        .procedure, .indexNotFound, "there is no vector index on \(wanted == .node ? "nodes" : "relationships") named `\(name)`")
    }
    let k = arguments.count > 1 ? arguments[1].intValue ?? 0 : 0
    let query = arguments.count > 2 ? arguments[2] : .null
    return try store.vectorSearch(name, k: Int(clamping: k), query: query).map(row)
  }
}
