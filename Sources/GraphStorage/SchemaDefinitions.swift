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

/// A constraint on nodes with a label or relationships with a type: uniqueness, existence, a
/// key (both at once, over the combination of its properties) or a property type.
package struct ConstraintDefinition: Sendable, Hashable {
  /// What the constraint requires, named as Neo4j 5's SHOW CONSTRAINTS names it.
  package enum Kind: String, Sendable, Hashable, CaseIterable {
    case unique = "UNIQUENESS"
    case exists = "NODE_PROPERTY_EXISTENCE"
    case nodeKey = "NODE_KEY"
    case nodePropertyType = "NODE_PROPERTY_TYPE"
    case relationshipUnique = "RELATIONSHIP_UNIQUENESS"
    case relationshipExists = "RELATIONSHIP_PROPERTY_EXISTENCE"
    case relationshipKey = "RELATIONSHIP_KEY"
    case relationshipPropertyType = "RELATIONSHIP_PROPERTY_TYPE"

    /// Nodes or relationships.
    package var entity: SchemaEntity {
      switch self {
      case .unique, .exists, .nodeKey, .nodePropertyType: return .node
      default: return .relationship
      }
    }

    /// Whether the combination of the properties must be unique (and so the constraint owns an
    /// index on them).
    package var requiresUniqueness: Bool {
      [.unique, .nodeKey, .relationshipUnique, .relationshipKey].contains(self)
    }

    /// Whether every property must be present.
    package var requiresExistence: Bool {
      [.exists, .nodeKey, .relationshipExists, .relationshipKey].contains(self)
    }
  }

  package var name: String
  package var kind: Kind
  /// The label (or relationship type) it applies to.
  package var label: String
  package var properties: [String]
  /// For a property-type constraint, the type the property must have (see
  /// `ConstraintDefinition+PropertyType.swift` for the types allowed); nil otherwise.
  package var propertyType: ValueTypeSpec?

  package init(name: String, kind: Kind, label: String, properties: [String], propertyType: ValueTypeSpec? = nil) {
    self.name = name
    self.kind = kind
    self.label = label
    self.properties = properties
    self.propertyType = propertyType
  }

  /// The kinds by the byte the change log and snapshot store them as (the first two are what
  /// stores written before the other kinds hold; append, never reorder).
  package static let kindCodes: [Kind] = [
    .unique, .exists, .nodeKey, .nodePropertyType, .relationshipUnique, .relationshipExists, .relationshipKey,
    .relationshipPropertyType,
  ]

  /// Same kind on the same label and properties: Neo4j refuses the second as equivalent (or, for
  /// a property type, conflicting).
  package func sameSchema(as other: ConstraintDefinition) -> Bool {
    kind == other.kind && label == other.label && properties == other.properties
  }
}
