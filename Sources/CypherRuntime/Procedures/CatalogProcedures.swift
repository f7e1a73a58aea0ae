// The graph catalog's procedures: `algo.graph.project` (a native projection by labels and types),
// `algo.graph.project.cypher` (nodes and relationships from two read-only Cypher queries, GDS's
// legacy Cypher projection), `algo.graph.list` and `algo.graph.drop`. They run in the procedure
// cursor, which hands them the statement's context (the cypher form runs its queries in it).
import GraphAlgorithms
import GraphCore
import GraphStorage

/// A procedure of the graph catalog.
package enum CatalogProcedure: String, CaseIterable, Sendable {
  case project = "algo.graph.project"
  case projectCypher = "algo.graph.project.cypher"
  case list = "algo.graph.list"
  case drop = "algo.graph.drop"

  /// The procedure called `name` (case-insensitively), if it is one of the catalog's.
  package init?(name: String) {
    let lower = name.lowercased()
    guard let found = CatalogProcedure.allCases.first(where: { $0.rawValue.lowercased() == lower }) else { return nil }
    self = found
  }

  /// The columns `algo.graph.list` yields, in order.
  static let listColumns: [(String, String)] = [
    ("graphName", "STRING?"), ("nodeCount", "INTEGER?"), ("relationshipCount", "INTEGER?"), ("databaseVersion", "INTEGER?"),
    ("memoryBytes", "INTEGER?"), ("orientation", "STRING?"), ("aggregation", "STRING?"), ("nodeProperties", "LIST OF STRING?"),
    ("relationshipProperties", "LIST OF STRING?"),
  ]

  /// The signature the planner checks calls against and `dbms.procedures()` lists.
  package var signature: Procedure {
    let projected = [("graphName", "STRING?"), ("nodeCount", "INTEGER?"), ("relationshipCount", "INTEGER?"), ("projectMillis", "INTEGER?")]
    let (parameters, outputs): ([(String, String)], [(String, String)]) =
      switch self {
      case .project: ([("graphName", "STRING"), ("configuration", "MAP?")], projected)
      case .projectCypher:
        ([("graphName", "STRING"), ("nodeQuery", "STRING"), ("relationshipQuery", "STRING"), ("configuration", "MAP?")], projected)
      case .list: ([], Self.listColumns)
      case .drop: ([("graphName", "STRING")], Array(Self.listColumns.prefix(3)))
      }
    return Procedure(
      name: rawValue, parameters: parameters.map { ProcedureField($0.0, CypherType($0.1)) },
      outputs: outputs.map { ProcedureField($0.0, CypherType($0.1)) }, body: { _ in [] })
  }

  /// Runs the procedure with the call's arguments in the statement's context.
  func run(_ ctx: ExecutionContext, _ arguments: [Value]) throws -> [[Value]] {
    let catalog = ctx.procedures.graphs
    switch self {
    case .list:
      return catalog.all.map(\.listing)
    case .drop:
      let g = try catalog.drop(arguments.first?.stringValue ?? "")
      return [Array(g.listing.prefix(3))]
    case .project, .projectCypher:
      let clock = ContinuousClock()
      let start = clock.now
      let name = arguments.first?.stringValue ?? ""
      var config = try AlgorithmConfig(procedure: rawValue, arguments: [arguments.last ?? .null])
      let graph: NamedGraph
      if self == .project {
        graph = try NamedGraph.project(ctx.store, name: name, &config)
      } else {
        let nodes = try ctx.readRows(arguments[1].stringValue ?? "", for: rawValue)
        let relationships = try ctx.readRows(arguments[2].stringValue ?? "", for: rawValue)
        graph = try NamedGraph.project(ctx.store, name: name, nodes: nodes, relationships: relationships, &config)
      }
      try catalog.add(graph)
      let millis = (clock.now - start).components
      let elapsed = millis.seconds * 1000 + millis.attoseconds / 1_000_000_000_000_000
      return [[.string(name), .int(Int64(graph.nodeCount)), .int(Int64(graph.relationshipCount)), .int(elapsed)]]
    }
  }
}
