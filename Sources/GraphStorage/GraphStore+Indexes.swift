// Property indexes of the store: creating and dropping them, keeping every index exact on each
// write (the write functions call `indexNode…` here) and look-ups for the planner's index seeks.
// Constraints are in GraphStore+Constraints.swift.
import GraphCore

extension GraphStore {
  /// The index key of a record for `def`, or nil when one of its properties is missing. A
  /// single-property key holds its value inline (no array).
  private func key(_ def: IndexDefinition, _ properties: PropertyMap) -> IndexKey? {
    if def.properties.count == 1 { return value(properties, def.properties[0]).map(IndexKey.single) }
    var key: [Value] = []
    for p in def.properties {
      guard let v = value(properties, p) else { return nil }
      key.append(v)
    }
    return .composite(key)
  }

  /// The index key of live node `id` for an index on `keys` (nil: a key never stored), read
  /// from their `columns` (nil: a key no node in the columns has) or from the node's record when
  /// it is newer than the columns; nil when one of its properties is missing.
  private func nodeKey(_ keys: [PropertyKeyID?], _ columns: [PropertyValueColumn?], _ id: Int64) -> IndexKey? {
    let inColumns = Int(id) < tables.nodeColumnLimit
    func value(_ i: Int) -> Value? {
      guard let k = keys[i] else { return nil }
      return inColumns ? columns[i]?.value(at: Int(id)) : nodes[Int(id)].properties[k]
    }
    if keys.count == 1 { return value(0).map(IndexKey.single) }
    var key: [Value] = []
    key.reserveCapacity(keys.count)
    for i in keys.indices {
      guard let v = value(i) else { return nil }
      key.append(v)
    }
    return .composite(key)
  }

  /// Node indexes on any of `labels`.
  private func nodeIndexes(on labels: NodeLabels) -> [IndexDefinition] {
    if indexes.isEmpty { return [] }
    // Compared in place: a node has few labels, and a set of their names cost an allocation
    // and a hash per name for every node created (a bulk load creates millions).
    return indexes.values.filter { def in def.entity == .node && labels.contains { labelName($0) == def.label } }
  }

  /// Adds (or with `remove`, takes out) one entity's entry in `def`'s index.
  private mutating func updateEntry(_ def: IndexDefinition, id: Int64, properties: PropertyMap, remove: Bool) {
    guard let key = key(def, properties) else { return }
    let entry = IndexEntry(key, id: id)
    if remove {
      indexTrees[def.name]?.remove(entry)
    } else {
      indexTrees[def.name]?.insert(entry)
    }
  }

  /// Adds (or with `remove`, takes out) stored node `id`'s entries in the indexes on `labels`,
  /// gathering its properties from the columns only when there is such an index.
  mutating func indexStoredNode(_ id: Int64, labels: NodeLabels, remove: Bool = false) {
    if nodeIndexes(on: labels).isEmpty { return }
    indexNode(id, labels: labels, properties: storedProperties(ofNode: id), remove: remove)
  }

  /// Adds (or with `remove`, takes out) a node's entries in the indexes on `labels`.
  mutating func indexNode(_ id: Int64, labels: NodeLabels, properties: PropertyMap, remove: Bool = false) {
    for def in nodeIndexes(on: labels) {
      updateEntry(def, id: id, properties: properties, remove: remove)
    }
  }

  /// Adds or takes out a relationship's entries in the indexes on its type.
  mutating func indexRelationship(_ id: Int64, type: TypeID, properties: PropertyMap, remove: Bool = false) {
    if indexes.isEmpty { return }
    let name = typeName(type)
    for def in indexes.values where def.entity == .relationship && def.label == name {
      updateEntry(def, id: id, properties: properties, remove: remove)
    }
  }

  /// Whether an index is on relationships of `type` (so a change to one must update it).
  func relationshipIndexed(type: TypeID) -> Bool {
    if indexes.isEmpty { return false }
    let name = typeName(type)
    return indexes.values.contains { $0.entity == .relationship && $0.label == name }
  }

  /// Whether any index covers `key` on a node with these labels (so a property change must
  /// update an index).
  func indexesCover(key: String, labels: NodeLabels) -> Bool {
    !indexes.isEmpty && nodeIndexes(on: labels).contains { $0.properties.contains(key) }
  }

  /// All index definitions, sorted by name.
  package var indexDefinitions: [IndexDefinition] { indexes.values.sorted { $0.name < $1.name } }

  /// All constraints, sorted by name.
  package var constraintDefinitions: [ConstraintDefinition] { constraints.values.sorted { $0.name < $1.name } }

  /// Number of entries and of distinct keys in an index.
  package func indexSize(_ name: String) -> (entries: Int, distinct: Int) {
    guard let tree = indexTrees[name] else { return (0, 0) }
    return (tree.count, tree.distinctKeys)
  }

  /// The index on exactly `properties` of `label`, if there is one.
  package func index(for entity: SchemaEntity, label: String, properties: [String]) -> IndexDefinition? {
    indexes.values.filter { $0.entity == entity && $0.label == label && $0.properties == properties }
      .min { $0.name < $1.name }
  }

  /// The first property an index is on ("" for an unknown index).
  package func indexProperty(_ index: String) -> String {
    indexes[index]?.properties.first ?? ""
  }

  /// Ids in `index` whose key equals `key` (Cypher equivalence), in id order.
  /// - Complexity: O(log n + k).
  package func indexLookup(_ index: String, equalTo key: [Value]) -> [Int64] {
    indexTrees[index]?.ids(equalTo: key) ?? []
  }

  /// Ids in `index` whose key lies in the given bounds (see `SortedIndexTree.ids`).
  package func indexLookup(
    _ index: String, from lower: [Value]?, inclusive lowerInclusive: Bool, to upper: [Value]?, inclusive upperInclusive: Bool
  ) -> [Int64] {
    indexTrees[index]?.ids(from: lower, inclusive: lowerInclusive, to: upper, inclusive: upperInclusive) ?? []
  }

  /// Creates an index and fills it from the data already stored; logs the change (as every
  /// mutation does) when the store keeps a change log.
  /// - Throws: when an index of that name or on the same schema exists.
  package mutating func createIndex(_ def: IndexDefinition) throws {
    try addIndex(def)
    changeLog?.append(.createIndex(def))
  }

  /// Drops an index and logs the change; returns false when there is none of that name.
  @discardableResult
  package mutating func dropIndex(_ name: String) -> Bool {
    guard removeIndex(name) else { return false }
    changeLog?.append(.dropIndex(name))
    return true
  }

  /// Creates an index without logging it (also as part of a constraint).
  mutating func addIndex(_ def: IndexDefinition) throws {
    if indexes[def.name] != nil {
      throw QuiverError.runtime(.semantic, .indexAlreadyExists, "an index named `\(def.name)` already exists")
    }
    if let same = indexes.values.first(where: { $0.sameSchema(as: def) }) {
      throw QuiverError.runtime(.semantic, .indexAlreadyExists, "index `\(same.name)` already covers the same properties")
    }
    // Gathered in id order, sorted (when the keys do not already ascend with the ids), and
    // built in bulk.
    var entries: [IndexEntry] = []
    switch def.entity {
    case .node:
      let keys = def.properties.map { propertyKeyIDs[$0] }
      let columns = keys.map { $0.flatMap { nodeColumns.column($0) } }
      for id in nodeIDs(withLabel: def.label) {
        if let key = nodeKey(keys, columns, id) { entries.append(IndexEntry(key, id: id)) }
      }
    case .relationship:
      if let t = typeID(def.label) {
        for id in allRelationshipIDs() where relationships.types[Int(id)] == t {
          if let key = key(def, relationships.properties(id)) { entries.append(IndexEntry(key, id: id)) }
        }
      }
    }
    if zip(entries, entries.dropFirst()).contains(where: { IndexEntry.compare($0, $1) >= 0 }) {
      entries.sort { IndexEntry.compare($0, $1) < 0 }
    }
    let tree = SortedIndexTree(sorted: entries)
    indexes[def.name] = def
    indexTrees[def.name] = tree
    schemaVersion += 1
  }

  /// Drops an index without logging it (also as part of a constraint).
  mutating func removeIndex(_ name: String) -> Bool {
    guard indexes.removeValue(forKey: name) != nil else { return false }
    indexTrees[name] = nil
    schemaVersion += 1
    return true
  }
}

extension GraphStore: GraphStatistics {
  package func nodeIndexName(label: String, properties: [String]) -> String? {
    index(for: .node, label: label, properties: properties)?.name
  }

  package func relationshipIndexName(type: String, properties: [String]) -> String? {
    index(for: .relationship, label: type, properties: properties)?.name
  }

  package func indexStatistics(_ name: String) -> (entries: Int, distinct: Int, unique: Bool) {
    let (entries, distinct) = indexSize(name)
    return (entries, max(1, distinct), indexes[name]?.owningConstraint != nil)
  }
}
