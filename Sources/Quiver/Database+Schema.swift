// Carrying out schema commands (indexes, constraints, SHOW) against a version of the store, for
// auto-committed statements and transactions alike. The store logs schema changes as it logs
// data changes, and they commit through the same scope (`StatementScope.write`).
import CypherPlanner
import CypherRuntime
import CypherSyntax
import GraphStorage

extension Database {
  /// A parsed and planned statement, or a schema command to carry out directly.
  enum Prepared: Sendable {
    case query(CompiledQuery)
    /// A schema command; for SHOW, the YIELD/WHERE/RETURN clauses that follow it (empty if none).
    case schema(SchemaCommand, show: [Clause])
  }

  /// Whether the command changes the schema (and so needs the writer slot).
  static func changesSchema(_ command: SchemaCommand) -> Bool {
    switch command {
    case .createIndex, .createVectorIndex, .createFulltextIndex, .createLookupIndex, .dropIndex, .createConstraint, .dropConstraint:
      return true
    case .showIndexes, .showConstraints, .showProcedures, .showFunctions, .showTransactions, .terminateTransactions:
      return false
    }
  }

  /// What a schema command that changed the schema (`changed`; `IF [NOT] EXISTS` may make it a
  /// no-op) counts, as Neo4j counts it.
  static func statistics(of command: SchemaCommand, changed: Bool) -> QueryStatistics {
    var statistics = QueryStatistics()
    guard changed else { return statistics }
    switch command {
    case .createIndex, .createVectorIndex, .createFulltextIndex, .createLookupIndex: statistics.indexesAdded = 1
    case .dropIndex: statistics.indexesRemoved = 1
    case .createConstraint: statistics.constraintsAdded = 1
    case .dropConstraint: statistics.constraintsRemoved = 1
    case .showIndexes, .showConstraints, .showProcedures, .showFunctions, .showTransactions, .terminateTransactions: break
    }
    return statistics
  }

  /// Runs `command` on `store`, returning its result and the changed store.
  static func run(_ command: SchemaCommand, on store: GraphStore, procedures: ProcedureRegistry) throws -> (QueryResult, GraphStore) {
    var store = store
    switch command {
    case .createIndex(let name, let ifNotExists, let target, let label, let properties):
      let entity: SchemaEntity = target == .node ? .node : .relationship
      let def = IndexDefinition(
        name: name ?? "index_\(label)_\(properties.joined(separator: "_"))", entity: entity, label: label, properties: properties)
      if ifNotExists, store.indexDefinitions.contains(where: { $0.name == def.name || $0.sameSchema(as: def) }) {
        return (QueryResult(columns: [], rows: []), store)
      }
      try refuseVectorIndexName(def.name, store)
      try store.createIndex(def)
    case .createVectorIndex(let name, let ifNotExists, let target, let label, let property, let dimensions, let similarity):
      let def = VectorIndexDefinition(
        name: name ?? "vector_index_\(label)_\(property)", entity: target == .node ? .node : .relationship, label: label,
        property: property, dimensions: dimensions, similarity: VectorSimilarity(rawValue: similarity) ?? .cosine)
      if ifNotExists,
        store.indexDefinitions.contains(where: { $0.name == def.name }) || store.fulltextIndex(def.name) != nil
          || store.vectorIndexDefinitions.contains(where: {
            $0.name == def.name || ($0.entity == def.entity && $0.label == def.label && $0.property == def.property)
          })
      {
        return (QueryResult(columns: [], rows: []), store)
      }
      try store.createVectorIndex(def)
    case .createFulltextIndex(let name, let ifNotExists, let target, let labels, let properties):
      let def = FulltextIndexDefinition(
        name: name ?? "fulltext_index_\(labels.joined(separator: "_"))_\(properties.joined(separator: "_"))",
        entity: target == .node ? .node : .relationship, labels: labels, properties: properties)
      let indexNamed = store.schemaNameTaken(def.name) && store.constraintDefinitions.allSatisfy { $0.name != def.name }
      if ifNotExists, indexNamed
        || store.fulltextIndexDefinitions.contains(where: {
          $0.entity == def.entity && Set($0.labels) == Set(def.labels) && Set($0.properties) == Set(def.properties)
        })
      {
        return (QueryResult(columns: [], rows: []), store)
      }
      try store.createFulltextIndex(def)
    case .createLookupIndex(let name, let ifNotExists, let target):
      let entity: SchemaEntity = target == .node ? .node : .relationship
      let def = LookupIndexDefinition(name: name ?? LookupIndexDefinition.defaultName(entity), entity: entity)
      let indexNamed = store.schemaNameTaken(def.name) && store.constraintDefinitions.allSatisfy { $0.name != def.name }
      if ifNotExists, indexNamed || store.lookupIndexDefinitions.contains(where: { $0.entity == entity }) {
        return (QueryResult(columns: [], rows: []), store)
      }
      try store.createLookupIndex(def)
    case .dropIndex(let name, let ifExists):
      if store.indexDefinitions.first(where: { $0.name == name })?.owningConstraint != nil {
        throw QuiverError.runtime(.semantic, .indexBelongsToConstraint, "index `\(name)` belongs to a constraint; drop the constraint instead")
      }
      if !store.dropIndex(name) && !store.dropVectorIndex(name) && !store.dropFulltextIndex(name) && !store.dropLookupIndex(name)
        && !ifExists {
        throw QuiverError.runtime(.semantic, .indexNotFound, "there is no index named `\(name)`")
      }
    case .showIndexes:
      var rows: [[Value]] = store.indexDefinitions.map { def in
        let size = store.indexSize(def.name)
        return [
          .string(def.name), .string("RANGE"), .string(def.entity.rawValue), .list([.string(def.label)]),
          .list(def.properties.map { .string($0) }), def.owningConstraint.map { .string($0) } ?? .null,
          .int(Int64(size.entries)), .int(Int64(size.distinct)),
          .map(["indexProvider": .string("range-1.0"), "indexConfig": .map([:])]),
        ]
      }
      // A vector index lists the entities holding a vector it accepts as its entries and as its
      // distinct values (vectors are not compared for equality).
      rows += store.vectorIndexDefinitions.map { def in
        let size = Int64(store.vectorIndexSize(def.name))
        var config: [String: Value] = ["vector.similarity_function": .string(def.similarity.rawValue.uppercased())]
        if let dimensions = def.dimensions { config["vector.dimensions"] = .int(Int64(dimensions)) }
        return [
          .string(def.name), .string("VECTOR"), .string(def.entity.rawValue), .list([.string(def.label)]),
          .list([.string(def.property)]), .null, .int(size), .int(size),
          .map(["indexProvider": .string("vector-2.0"), "indexConfig": .map(config)]),
        ]
      }
      rows += store.fulltextIndexDefinitions.map { def in
        let size = Int64(store.fulltextIndexSize(def.name))
        let config: [String: Value] = [
          "fulltext.analyzer": .string("standard-no-stop-words"), "fulltext.eventually_consistent": .bool(false),
        ]
        return [
          .string(def.name), .string("FULLTEXT"), .string(def.entity.rawValue), .list(def.labels.map { .string($0) }),
          .list(def.properties.map { .string($0) }), .null, .int(size), .int(size),
          .map(["indexProvider": .string("fulltext-1.0"), "indexConfig": .map(config)]),
        ]
      }
      // A lookup index holds no properties: its labels, types and properties are null, as in Neo4j.
      rows += store.lookupIndexDefinitions.map { def in
        let size = store.lookupIndexSize(def.entity)
        return [
          .string(def.name), .string("LOOKUP"), .string(def.entity.rawValue), .null, .null, .null, .int(Int64(size.entries)),
          .int(Int64(size.distinct)), .map(["indexProvider": .string("token-lookup-1.0"), "indexConfig": .map([:])]),
        ]
      }
      rows.sort { ($0[0].stringValue ?? "") < ($1[0].stringValue ?? "") }
      return (QueryResult(columns: ["name", "type", "entityType", "labelsOrTypes", "properties", "owningConstraint", "size", "distinctValues", "options"], rows: rows), store)
    case .createConstraint(let name, let ifNotExists, let target, let label, let properties, let rule):
      let def = try constraintDefinition(name: name, target: target, label: label, properties: properties, rule: rule)
      if ifNotExists, store.constraintDefinitions.contains(where: { $0.name == def.name || $0.sameSchema(as: def) }) {
        return (QueryResult(columns: [], rows: []), store)
      }
      try refuseVectorIndexName(def.name, store)
      try store.createConstraint(def)
    case .dropConstraint(let name, let ifExists):
      if !store.dropConstraint(name) && !ifExists {
        throw QuiverError.runtime(.semantic, .constraintNotFound, "there is no constraint named `\(name)`")
      }
    case .showConstraints:
      let rows: [[Value]] = store.constraintDefinitions.map { def in
        [
          .string(def.name), .string(def.kind.rawValue), .string(def.kind.entity.rawValue), .list([.string(def.label)]),
          .list(def.properties.map { .string($0) }), def.kind.requiresUniqueness ? .string(def.name) : .null,
          def.propertyType.map { .string(ConstraintDefinition.propertyTypeText($0)) } ?? .null,
        ]
      }
      let columns = ["name", "type", "entityType", "labelsOrTypes", "properties", "ownedIndex", "propertyType"]
      return (QueryResult(columns: columns, rows: rows), store)
    case .showProcedures:
      let rows: [[Value]] = procedures.all.map { [.string($0.name), .string($0.signature)] }
      return (QueryResult(columns: ["name", "signature"], rows: rows), store)
    case .showFunctions:
      var rows: [[Value]] = FunctionCatalog.builtins.map {
        [.string($0.name), .string($0.category), .string($0.description), .string($0.signature), .bool($0.aggregating)]
      }
      rows += procedures.userFunctions.map {
        [.string($0.name), .string("user-defined"), .string($0.description), .string($0.signature), .bool(false)]
      }
      rows += procedures.userAggregates.map {
        [.string($0.name), .string("user-defined"), .string($0.description), .string($0.signature), .bool(true)]
      }
      return (QueryResult(columns: ["name", "category", "description", "signature", "aggregating"], rows: rows), store)
    case .showTransactions, .terminateTransactions:
      // They read the database's running statements, not the store (Database+Transactions.swift).
      break
    }
    return (QueryResult(columns: [], rows: []), store)
  }

  /// Index and constraint names share one namespace, as in Neo4j: refuses `name` when a vector,
  /// full-text or lookup index has it (the store checks range indexes and constraints itself).
  private static func refuseVectorIndexName(_ name: String, _ store: GraphStore) throws {
    if store.vectorIndex(name) != nil || store.fulltextIndex(name) != nil || store.lookupIndex(name) != nil {
      throw QuiverError.runtime(.semantic, .indexAlreadyExists, "an index named `\(name)` already exists")
    }
  }

  /// The definition `CREATE CONSTRAINT` asks for, named `constraint_<label>_<properties>_<rule>`
  /// when it has no name.
  /// - Throws: `InvalidTypeExpression` for a type a property-type constraint cannot require.
  private static func constraintDefinition(
    name: String?, target: IndexTarget, label: String, properties: [String], rule: ConstraintRule
  ) throws -> ConstraintDefinition {
    let node = target == .node
    let kind: ConstraintDefinition.Kind
    let suffix: String
    var type: ValueTypeSpec?
    switch rule {
    case .unique: (kind, suffix) = (node ? .unique : .relationshipUnique, "unique")
    case .notNull: (kind, suffix) = (node ? .exists : .relationshipExists, "exists")
    case .key: (kind, suffix) = (node ? .nodeKey : .relationshipKey, "key")
    case .propertyType(let spec):
      guard ConstraintDefinition.propertyTypeCodes(spec) != nil else {
        throw QuiverError.syntax(
          .invalidTypeExpression,
          "a property type constraint cannot require \(spec.notNull ? "a NOT NULL type (use IS NOT NULL)" : "this type"); "
            + "it allows BOOLEAN, STRING, INTEGER, FLOAT, DATE, LOCAL TIME, ZONED TIME, LOCAL DATETIME, ZONED DATETIME, "
            + "DURATION, POINT, LIST<T NOT NULL> of those, and unions of them", at: nil)
      }
      (kind, suffix, type) = (node ? .nodePropertyType : .relationshipPropertyType, "type", spec)
    }
    return ConstraintDefinition(
      name: name ?? "constraint_\(label)_\(properties.joined(separator: "_"))_\(suffix)", kind: kind, label: label,
      properties: properties, propertyType: type)
  }
}
