// The procedures a database can CALL: built-in ones that read the graph (db.labels, …) and those
// an embedder registers. Immutable: registering makes a new registry.
import CypherPlanner
import GraphCore
import GraphStorage

/// Procedures by qualified name; also the planner's catalog of signatures.
package struct ProcedureRegistry: ProcedureCatalog, Sendable {
  private var registered: [String: Procedure] = [:]
  /// User-defined functions by lower-cased name.
  private var functions: [String: UserFunction] = [:]
  /// User-defined aggregating functions by lower-cased name.
  private var aggregates: [String: UserAggregateFunction] = [:]
  /// Grows with every registration, so cached plans made against an older catalog are dropped.
  package private(set) var version = 0
  /// Graph projections of the algorithm procedures, shared by every copy of the registry.
  package let projections = ProjectionCache()
  /// The named graphs of the algorithm procedures, shared by every copy of the registry.
  package let graphs = GraphCatalog()

  package init() {}

  /// A registry with `procedure` added (replacing one of the same name).
  package func adding(_ procedure: Procedure) -> ProcedureRegistry {
    var copy = self
    copy.registered[procedure.name.lowercased()] = procedure
    copy.version += 1
    return copy
  }

  /// A registry with the user-defined `function` added (replacing a function or aggregate of the same name).
  package func adding(_ function: UserFunction) -> ProcedureRegistry {
    var copy = self
    copy.aggregates[function.name.lowercased()] = nil
    copy.functions[function.name.lowercased()] = function
    copy.version += 1
    return copy
  }

  /// A registry with the user-defined `aggregate` added (replacing a function or aggregate of the same name).
  package func adding(_ aggregate: UserAggregateFunction) -> ProcedureRegistry {
    var copy = self
    copy.functions[aggregate.name.lowercased()] = nil
    copy.aggregates[aggregate.name.lowercased()] = aggregate
    copy.version += 1
    return copy
  }

  package func function(named name: String) -> UserFunction? { functions[name.lowercased()] }

  package func aggregate(named name: String) -> UserAggregateFunction? { aggregates[name.lowercased()] }

  /// The user-defined functions, sorted by name.
  package var userFunctions: [UserFunction] { functions.values.sorted { $0.name < $1.name } }

  /// The user-defined aggregates, sorted by name.
  package var userAggregates: [UserAggregateFunction] { aggregates.values.sorted { $0.name < $1.name } }

  package func procedure(named name: String) -> Procedure? {
    registered[name.lowercased()] ?? BuiltinProcedure(rawValue: name.lowercased())?.signature
      ?? AlgorithmCall(name: name)?.signature ?? CatalogProcedure(name: name)?.signature
      ?? IndexProcedure(name: name)?.signature
  }

  /// Every procedure, built-in and registered, sorted by name.
  package var all: [Procedure] {
    let builtins = BuiltinProcedure.allCases.filter { registered[$0.rawValue] == nil }.map(\.signature)
    let algorithms = AlgorithmCall.all.filter { registered[$0.name.lowercased()] == nil }.map(\.signature)
    let catalog = CatalogProcedure.allCases.filter { registered[$0.rawValue.lowercased()] == nil }.map(\.signature)
    let index = IndexProcedure.allCases.filter { registered[$0.rawValue.lowercased()] == nil }.map(\.signature)
    return (builtins + algorithms + catalog + index + registered.values).sorted { $0.name < $1.name }
  }

  /// Whether `name` is served by the engine itself rather than an embedder.
  func builtin(_ name: String) -> BuiltinProcedure? {
    registered[name.lowercased()] == nil ? BuiltinProcedure(rawValue: name.lowercased()) : nil
  }

  /// The graph algorithm `name` calls, unless an embedder registered a procedure of that name.
  func algorithm(_ name: String) -> AlgorithmCall? {
    registered[name.lowercased()] == nil ? AlgorithmCall(name: name) : nil
  }

  /// The index query procedure `name` calls, unless an embedder registered one of that name.
  func indexProcedure(_ name: String) -> IndexProcedure? {
    registered[name.lowercased()] == nil ? IndexProcedure(name: name) : nil
  }

  /// The graph catalog procedure `name` calls, unless an embedder registered one of that name.
  func catalogProcedure(_ name: String) -> CatalogProcedure? {
    registered[name.lowercased()] == nil ? CatalogProcedure(name: name) : nil
  }
}

/// Procedures implemented by the engine over the store.
enum BuiltinProcedure: String, CaseIterable {
  case labels = "db.labels"
  case relationshipTypes = "db.relationshiptypes"
  case propertyKeys = "db.propertykeys"
  case procedures = "dbms.procedures"
  case nodeTypeProperties = "db.schema.nodetypeproperties"
  case relTypeProperties = "db.schema.reltypeproperties"
  case info = "db.info"

  var signature: Procedure {
    let noBody: @Sendable ([Value]) throws -> [[Value]] = { _ in [] }
    switch self {
    case .labels:
      return Procedure(name: "db.labels", parameters: [], outputs: [ProcedureField("label", CypherType("STRING?"))], body: noBody)
    case .relationshipTypes:
      return Procedure(
        name: "db.relationshipTypes", parameters: [], outputs: [ProcedureField("relationshipType", CypherType("STRING?"))], body: noBody)
    case .propertyKeys:
      return Procedure(name: "db.propertyKeys", parameters: [], outputs: [ProcedureField("propertyKey", CypherType("STRING?"))], body: noBody)
    case .procedures:
      return Procedure(
        name: "dbms.procedures", parameters: [],
        outputs: [ProcedureField("name", CypherType("STRING?")), ProcedureField("signature", CypherType("STRING?"))], body: noBody)
    case .nodeTypeProperties:
      return Procedure(
        name: "db.schema.nodeTypeProperties", parameters: [],
        outputs: [
          ProcedureField("nodeType", "STRING?"), ProcedureField("nodeLabels", "LIST OF STRING?"),
          ProcedureField("propertyName", "STRING?"), ProcedureField("propertyTypes", "LIST OF STRING?"),
          ProcedureField("mandatory", "BOOLEAN?"),
        ], body: noBody)
    case .relTypeProperties:
      return Procedure(
        name: "db.schema.relTypeProperties", parameters: [],
        outputs: [
          ProcedureField("relType", "STRING?"), ProcedureField("propertyName", "STRING?"),
          ProcedureField("propertyTypes", "LIST OF STRING?"), ProcedureField("mandatory", "BOOLEAN?"),
        ], body: noBody)
    case .info:
      return Procedure(
        name: "db.info", parameters: [],
        outputs: [ProcedureField("id", "STRING?"), ProcedureField("name", "STRING?"), ProcedureField("creationDate", "STRING?")],
        body: noBody)
    }
  }

  func run(_ store: GraphStore, _ registry: ProcedureRegistry) -> [[Value]] {
    switch self {
    case .labels: return store.labelsInUse.map { [.string($0)] }
    case .relationshipTypes: return store.typesInUse.map { [.string($0)] }
    case .propertyKeys: return store.propertyKeys.sorted().map { [.string($0)] }
    case .procedures: return registry.all.map { [.string($0.name), .string($0.signature)] }
    case .nodeTypeProperties: return Self.nodeTypeProperties(store)
    case .relTypeProperties: return Self.relTypeProperties(store)
    // One database per store: a fixed id and Neo4j's default database name, no creation date.
    case .info: return [[.string("00000000-0000-0000-0000-000000000000"), .string("neo4j"), .null]]
    }
  }
}
