// Constraints of the store: creating them (after checking the stored data), dropping them, and
// the checks every write path runs on what it touched (a statement when it ends, a bulk load or
// CSV import before it is published). Node and relationship constraints share the code: an
// entity is a node with a label or a relationship with a type, read through the store's
// accessors only. Uniqueness and keys own an index (GraphStore+Indexes.swift) of their name.
import GraphCore

extension GraphStore {
  /// Creates a constraint after checking that the stored data satisfies it; a uniqueness or key
  /// constraint gets an index of its own. Logs the change.
  /// - Throws: `ConstraintAlreadyExists` for a taken name or an equivalent constraint,
  ///   `ConstraintCreationFailed` naming the first entity that violates it.
  package mutating func createConstraint(_ def: ConstraintDefinition) throws {
    if constraints[def.name] != nil {
      throw QuiverError.runtime(.semantic, .constraintAlreadyExists, "a constraint named `\(def.name)` already exists")
    }
    if constraints.values.contains(where: { $0.sameSchema(as: def) }) {
      throw QuiverError.runtime(.semantic, .constraintAlreadyExists, "an equivalent constraint already exists")
    }
    let entity = def.kind.entity
    if def.kind.requiresUniqueness,
      let other = constraints.values.first(where: {
        $0.kind.requiresUniqueness && $0.kind.entity == entity && $0.label == def.label && $0.properties == def.properties
      })
    {
      throw QuiverError.runtime(
        .semantic, .constraintAlreadyExists, "constraint `\(other.name)` already makes the same properties unique")
    }
    let ids = entities(of: def)
    let shared = def.kind.requiresUniqueness ? sharingKeys(def, ids) : []
    for id in ids {
      if let problem = violation(of: def, id, uniqueness: shared.contains(id)) {
        throw QuiverError.runtime(.constraint, .constraintCreationFailed, "cannot create constraint `\(def.name)`: \(problem)")
      }
    }
    if def.kind.requiresUniqueness {
      let index = IndexDefinition(name: def.name, entity: entity, label: def.label, properties: def.properties, owningConstraint: def.name)
      if let existing = indexes.values.first(where: { $0.sameSchema(as: index) && $0.owningConstraint == nil }) {
        _ = removeIndex(existing.name)
      }
      try addIndex(index)
    }
    constraints[def.name] = def
    schemaVersion += 1
    changeLog?.append(.createConstraint(def))
  }

  /// Drops a constraint (and its index) and logs the change; returns false when there is none
  /// of that name.
  @discardableResult
  package mutating func dropConstraint(_ name: String) -> Bool {
    guard let def = constraints.removeValue(forKey: name) else { return false }
    if def.kind.requiresUniqueness { _ = removeIndex(name) }
    schemaVersion += 1
    changeLog?.append(.dropConstraint(name))
    return true
  }

  /// Checks the node constraints that apply to each of `nodes`.
  /// - Throws: `ConstraintValidationFailed` naming the constraint and the first violation.
  package func checkConstraints(nodes: some Sequence<Int64>) throws {
    try check(constraints.values.filter { $0.kind.entity == .node }, nodes)
  }

  /// Whether any constraint is on relationships (so a statement must collect the relationships
  /// it touched for `checkConstraints(relationships:)`).
  package var hasRelationshipConstraints: Bool {
    constraints.values.contains { $0.kind.entity == .relationship }
  }

  /// Checks the relationship constraints that apply to each of `relationships`.
  /// - Throws: `ConstraintValidationFailed` naming the constraint and the first violation.
  package func checkConstraints(relationships: some Sequence<Int64>) throws {
    try check(constraints.values.filter { $0.kind.entity == .relationship }, relationships)
  }

  private func check(_ defs: [ConstraintDefinition], _ ids: some Sequence<Int64>) throws {
    if defs.isEmpty { return }
    for id in ids {
      for def in defs {
        if let problem = violation(of: def, id) {
          throw QuiverError.runtime(.constraint, .constraintValidationFailed, "constraint `\(def.name)` violated: \(problem)")
        }
      }
    }
  }

  /// The ids of the entities `def` applies to, in id order.
  private func entities(of def: ConstraintDefinition) -> [Int64] {
    switch def.kind.entity {
    case .node: return nodeIDs(withLabel: def.label)
    case .relationship: return allRelationshipIDs().filter { type(of: $0) == def.label }
    }
  }

  /// Property `key` of entity `id` of `def`'s kind, nil when it has none.
  private func property(_ def: ConstraintDefinition, _ id: Int64, _ key: String) -> Value? {
    switch def.kind.entity {
    case .node: return nodeProperty(id, key) ?? nil
    case .relationship: return relationshipProperty(id, key) ?? nil
    }
  }

  /// Whether entity `id` exists and has `def`'s label (or type).
  private func applies(_ def: ConstraintDefinition, to id: Int64) -> Bool {
    switch def.kind.entity {
    case .node: return nodeExists(id) && hasLabel(id, def.label)
    case .relationship: return type(of: id) == def.label
    }
  }

  /// The values of `def`'s properties on `id`, or nil when one is missing.
  private func key(_ def: ConstraintDefinition, _ id: Int64) -> [Value]? {
    var key: [Value] = []
    for p in def.properties {
      guard let v = property(def, id, p) else { return nil }
      key.append(v)
    }
    return key
  }

  /// Those of `ids` whose key (all of `def`'s properties) another of them shares, found in one
  /// pass so that creating a uniqueness constraint on many entities stays linear.
  private func sharingKeys(_ def: ConstraintDefinition, _ ids: [Int64]) -> Set<Int64> {
    var holders: [[GroupingKey]: Int] = [:]
    var keys: [(Int64, [GroupingKey])] = []
    for id in ids {
      guard let key = key(def, id)?.map(GroupingKey.init) else { continue }
      holders[key, default: 0] += 1
      keys.append((id, key))
    }
    return Set(keys.filter { holders[$0.1, default: 0] > 1 }.map(\.0))
  }

  /// Why entity `id` violates `def`, or nil; `uniqueness` false skips the search for another
  /// entity with the same key (when creating the constraint has ruled it out).
  private func violation(of def: ConstraintDefinition, _ id: Int64, uniqueness: Bool = true) -> String? {
    guard applies(def, to: id) else { return nil }
    let (noun, labelNoun) = def.kind.entity == .node ? ("node", "label") : ("relationship", "type")
    let entity = "\(noun) \(id) with \(labelNoun) `\(def.label)`"
    if def.kind.requiresExistence {
      let missing = def.properties.filter { property(def, id, $0) == nil }
      if !missing.isEmpty {
        if def.kind == .exists || def.kind == .relationshipExists {
          return "\(entity) must have property `\(missing[0])`"
        }
        return "\(entity) must have the properties (\(def.properties.map { "`\($0)`" }.joined(separator: ", ")))"
      }
    }
    if let type = def.propertyType {
      for p in def.properties {
        if let v = property(def, id, p), !type.matches(v) {
          let wanted = ConstraintDefinition.propertyTypeText(type)
          return "\(entity) requires property `\(p)` to be of type \(wanted), but it is a \(v.typeName) (\(v.cypherText))"
        }
      }
    }
    guard uniqueness, def.kind.requiresUniqueness, let key = key(def, id) else { return nil }
    let holders: [Int64]
    if let tree = indexTrees[def.name] {
      holders = tree.ids(equalTo: key)
    } else {
      let wanted = key.map(GroupingKey.init)
      holders = entities(of: def).filter { self.key(def, $0)?.map(GroupingKey.init) == wanted }
    }
    guard let other = holders.first(where: { $0 != id }) else { return nil }
    let shown = zip(def.properties, key).map { "\($0) = \($1.cypherText)" }.joined(separator: ", ")
    return "\(noun) \(id) and \(noun) \(other) both have \(labelNoun) `\(def.label)` and \(shown)"
  }
}
