// Definitions of property indexes and constraints, as the store keeps them and SHOW lists them.
import GraphCore

/// Whether an index or constraint is on nodes (by label) or relationships (by type).
package enum SchemaEntity: String, Sendable, Hashable {
  case node = "NODE"
  case relationship = "RELATIONSHIP"
}

/// A property index: ordered on the values of `properties` of entities with `label` (or type).
package struct IndexDefinition: Sendable, Hashable {
  package var name: String
  package var entity: SchemaEntity
  package var label: String
  package var properties: [String]
  /// Set when the index backs a uniqueness constraint.
  package var owningConstraint: String?

  package init(name: String, entity: SchemaEntity, label: String, properties: [String], owningConstraint: String? = nil) {
    self.name = name
    self.entity = entity
    self.label = label
    self.properties = properties
    self.owningConstraint = owningConstraint
  }

  /// Same entity, label and properties: two such indexes would be redundant.
  package func sameSchema(as other: IndexDefinition) -> Bool {
    entity == other.entity && label == other.label && properties == other.properties
  }
}

/// A constraint on nodes with a label.
package struct ConstraintDefinition: Sendable, Hashable {
  package enum Kind: String, Sendable, Hashable {
    case unique = "UNIQUENESS"
    case exists = "NODE_PROPERTY_EXISTENCE"
  }

  package var name: String
  package var kind: Kind
  package var label: String
  package var properties: [String]

  package init(name: String, kind: Kind, label: String, properties: [String]) {
    self.name = name
    self.kind = kind
    self.label = label
    self.properties = properties
  }
}
