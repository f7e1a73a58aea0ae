// Schema commands: creating, dropping and listing indexes and constraints, and listing
// procedures. They are not queries; the database carries them out directly.
import GraphCore

/// Which kind of entity an index covers.
package enum IndexTarget: Sendable, Hashable {
  case node, relationship
}

/// The rule a constraint enforces.
package enum ConstraintRule: Sendable, Hashable {
  case unique, notNull
  /// `IS [NODE | REL[ATIONSHIP]] KEY`: present and unique in combination.
  case key
  /// `IS :: type` (or `IS TYPED type`): the property, when present, has the type.
  case propertyType(ValueTypeSpec)
}

/// A schema command.
package enum SchemaCommand: Sendable, Hashable {
  case createIndex(name: String?, ifNotExists: Bool, target: IndexTarget, label: String, properties: [String])
  /// `CREATE VECTOR INDEX … ON n.p OPTIONS {indexConfig: {…}}`; `similarity` is `cosine` or
  /// `euclidean`, `dimensions` nil when the options leave it out.
  case createVectorIndex(
    name: String?, ifNotExists: Bool, target: IndexTarget, label: String, property: String, dimensions: Int?, similarity: String)
  /// `CREATE FULLTEXT INDEX … FOR (n:A|B) ON EACH [n.p, n.q]`: `labels` are the labels (or
  /// relationship types) any of which an entity must have.
  case createFulltextIndex(name: String?, ifNotExists: Bool, target: IndexTarget, labels: [String], properties: [String])
  /// `CREATE LOOKUP INDEX … FOR (n) ON EACH labels(n)` (or `FOR ()-[r]-() ON EACH type(r)`).
  case createLookupIndex(name: String?, ifNotExists: Bool, target: IndexTarget)
  case dropIndex(name: String, ifExists: Bool)
  case showIndexes
  /// `CREATE CONSTRAINT … FOR pattern REQUIRE properties rule`; `label` is the node label or
  /// the relationship type, as `target` says.
  case createConstraint(
    name: String?, ifNotExists: Bool, target: IndexTarget, label: String, properties: [String], rule: ConstraintRule)
  case dropConstraint(name: String, ifExists: Bool)
  case showConstraints
  case showProcedures
  case showFunctions
  /// `SHOW TRANSACTIONS`: the statements running now.
  case showTransactions
  /// `TERMINATE TRANSACTIONS 'id', …`: asks those to stop.
  case terminateTransactions([String])
}
