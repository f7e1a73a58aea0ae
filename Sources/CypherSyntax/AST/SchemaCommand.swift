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
}

/// A schema command.
package enum SchemaCommand: Sendable, Hashable {
  case createIndex(name: String?, ifNotExists: Bool, target: IndexTarget, label: String, properties: [String])
  case dropIndex(name: String, ifExists: Bool)
  case showIndexes
  case createConstraint(name: String?, ifNotExists: Bool, label: String, properties: [String], rule: ConstraintRule)
  case dropConstraint(name: String, ifExists: Bool)
  case showConstraints
  case showProcedures
  case showFunctions
  /// `SHOW TRANSACTIONS`: the statements running now.
  case showTransactions
  /// `TERMINATE TRANSACTIONS 'id', …`: asks those to stop.
  case terminateTransactions([String])
}
