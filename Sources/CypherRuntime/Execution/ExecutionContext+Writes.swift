// The one place a statement changes the graph. Every write goes through these functions, which
// validate property values, remember what each property was before the statement touched it,
// and so can report the statistics the statement caused.
import GraphCore
import GraphStorage

/// A node or relationship, as a key for change tracking.
enum EntityKey: Hashable {
  case node(Int64)
  case relationship(Int64)
}

extension ExecutionContext {
  /// Rejects values that cannot be stored as properties (maps, nested lists, lists of vectors,
  /// entities). A vector is storable, as in Neo4j's block format.
  func checkStorable(_ v: Value, key: String) throws {
    switch v {
    case .null, .bool, .int, .float, .string, .temporal, .point, .vector: return
    case .list(let items):
      for item in items {
        switch item {
        case .null, .bool, .int, .float, .string, .temporal, .point: continue
        default:
          throw QuiverError.runtime(.type, .invalidPropertyType, "property `\(key)` cannot hold a list containing a \(item.typeName)")
        }
      }
    default:
      throw QuiverError.runtime(.type, .invalidPropertyType, "property `\(key)` cannot hold a \(v.typeName)")
    }
  }

  private func remember(_ entity: EntityKey, _ key: String, _ old: Value?) {
    // Everything on an entity this statement created is new; it is counted at the end.
    switch entity {
    case .node(let id) where createdNodes.contains(id): return
    case .relationship(let id) where createdRelationships.contains(id): return
    default: break
    }
    if propertyOriginals[entity]?[key] == nil {
      propertyOriginals[entity, default: [:]][key] = .some(old)
    }
  }

  func createNode(labels: [InternedName], properties: [String: Value]) throws -> Int64 {
    for (k, v) in properties { try checkStorable(v, key: k) }
    for l in labels { noteLabel(l.name) }
    dbHits += 1 + properties.count
    let id = store.createNode(internedLabels: labels, properties: properties)
    statistics.nodesCreated += 1
    statistics.labelsAdded += labels.count < 2 ? labels.count : Set(labels.map(\.name)).count
    createdNodes.insert(id)
    return id
  }

  func createRelationship(type: InternedName, from: Int64, to: Int64, properties: [String: Value]) throws -> Int64 {
    for (k, v) in properties { try checkStorable(v, key: k) }
    guard store.nodeExists(from), store.nodeExists(to), deletedNodes[from] == nil, deletedNodes[to] == nil else {
      throw QuiverError.runtime(.entityNotFound, .deletedEntityAccess, "cannot create a relationship to a deleted node")
    }
    dbHits += 1 + properties.count
    let id = store.createRelationship(type: type, from: from, to: to, properties: properties)
    statistics.relationshipsCreated += 1
    createdRelationships.insert(id)
    return id
  }

  /// Sets `key` (a name computed per row) on a node or relationship; null removes it.
  func setProperty(_ target: Value, _ key: String, _ value: Value) throws {
    try setProperty(target, InternedName(key, id: nil), value)
  }

  /// Sets the key a plan names on a node or relationship; null removes it.
  func setProperty(_ target: Value, _ key: InternedName, _ value: Value) throws {
    try checkStorable(value, key: key.name)
    dbHits += 1
    switch target {
    case .null: return
    case .node(let n):
      guard store.nodeExists(n.id), deletedNodes[n.id] == nil else {
        throw QuiverError.runtime(.entityNotFound, .deletedEntityAccess, "node \(n.id) was deleted")
      }
      remember(.node(n.id), key.name, store.nodeProperty(n.id, key: store.existingPropertyKey(key)) ?? nil)
      store.setNodeProperty(n.id, key: key, value)
      touchedNodes.insert(n.id)
    case .relationship(let r):
      guard store.relationshipExists(r.id), deletedRelationships[r.id] == nil else {
        throw QuiverError.runtime(.entityNotFound, .deletedEntityAccess, "relationship \(r.id) was deleted")
      }
      remember(.relationship(r.id), key.name, store.relationshipProperty(r.id, key: store.existingPropertyKey(key)) ?? nil)
      store.setRelationshipProperty(r.id, key: key, value)
    default:
      throw QuiverError.typeError("cannot set property `\(key.name)` on a \(target.typeName)")
    }
  }

  /// Adds a label computed per row (`SET n:$(expr)`).
  func addLabel(_ target: Value, _ label: String) throws {
    try changeLabel(target, InternedName(label, id: nil), add: true)
  }

  /// Removes a label computed per row (`REMOVE n:$(expr)`).
  func removeLabel(_ target: Value, _ label: String) throws {
    try changeLabel(target, InternedName(label, id: nil), add: false)
  }

  func addLabel(_ target: Value, _ label: InternedName) throws {
    try changeLabel(target, label, add: true)
  }

  func removeLabel(_ target: Value, _ label: InternedName) throws {
    try changeLabel(target, label, add: false)
  }

  /// Adds or removes a label of a node (null is left alone; the node is re-checked against the
  /// constraints when the statement ends).
  private func changeLabel(_ target: Value, _ label: InternedName, add: Bool) throws {
    switch target {
    case .null: return
    case .node(let n):
      guard store.nodeExists(n.id), deletedNodes[n.id] == nil else {
        throw QuiverError.runtime(.entityNotFound, .deletedEntityAccess, "node \(n.id) was deleted")
      }
      noteLabel(label.name)
      if add {
        if store.addLabel(n.id, label) { statistics.labelsAdded += 1 }
      } else if store.removeLabel(n.id, label) {
        statistics.labelsRemoved += 1
      }
      touchedNodes.insert(n.id)
    default:
      throw QuiverError.typeError("cannot \(add ? "add a label to" : "remove a label from") a \(target.typeName)")
    }
  }


  func deleteRelationship(_ id: Int64) {
    guard deletedRelationships[id] == nil, let properties = store.relationshipProperties(id) else { return }
    for (k, v) in properties { remember(.relationship(id), k, v) }
    deletedRelationships[id] = store.hydrateRelationship(id)
    store.deleteRelationship(id)
    // Something created and deleted by the same statement leaves no trace in the statistics.
    if createdRelationships.remove(id) != nil {
      statistics.relationshipsCreated -= 1
    } else {
      statistics.relationshipsDeleted += 1
    }
  }

  /// Deletes a node (with `detach`, its relationships first). Without `detach` the check that it
  /// has no relationships left waits until the statement ends.
  func deleteNode(_ id: Int64, detach: Bool) {
    guard deletedNodes[id] == nil, let properties = store.nodeProperties(id) else { return }
    if detach {
      for rel in store.relationships(of: id, direction: .both, types: nil) { deleteRelationship(rel) }
    }
    for (k, v) in properties { remember(.node(id), k, v) }
    for l in store.labels(of: id) { noteLabel(l) }
    deletedNodes[id] = store.hydrateNode(id)
    if createdNodes.remove(id) != nil {
      statistics.nodesCreated -= 1
    } else {
      statistics.nodesDeleted += 1
    }
    pendingNodeDeletes.append(id)
  }

  /// Remembers how many nodes carried `label` before this statement first touched it.
  private func noteLabel(_ label: String) {
    if labelCountsBefore[label] == nil { labelCountsBefore[label] = store.count(ofLabel: label) }
  }

  /// Completes the statement's writes and fills in the label-name and property statistics. Label
  /// names count as added or removed when they come into or go out of use in the whole graph
  /// (the TCK's measure; `labelsAdded` and `labelsRemoved` count per node, as they happen).
  package func finishWrites() throws {
    try finishDeletes()
    try store.checkConstraints(nodes: createdNodes.union(touchedNodes))
    if store.hasRelationshipConstraints {
      // A relationship whose properties changed has an entry in `propertyOriginals`.
      var touchedRelationships = createdRelationships
      for case .relationship(let id) in propertyOriginals.keys { touchedRelationships.insert(id) }
      try store.checkConstraints(relationships: touchedRelationships)
    }
    for (label, before) in labelCountsBefore {
      let after = store.count(ofLabel: label)
      if before == 0 && after > 0 { statistics.labelNamesAdded += 1 }
      if before > 0 && after == 0 { statistics.labelNamesRemoved += 1 }
    }
    for id in createdNodes { statistics.propertiesSet += store.nodePropertyCount(id) }
    for id in createdRelationships { statistics.propertiesSet += store.relationshipPropertyCount(id) }
    for (entity, keys) in propertyOriginals {
      let current: [String: Value]?
      switch entity {
      case .node(let id): current = store.nodeProperties(id)
      case .relationship(let id): current = store.relationshipProperties(id)
      }
      for (key, original) in keys {
        let now = current?[key]
        switch (original, now) {
        case (nil, nil): break
        case (nil, .some): statistics.propertiesSet += 1
        case (.some, nil): statistics.propertiesRemoved += 1
        case (.some(let a), .some(let b)):
          if GroupingKey(a) != GroupingKey(b) || a.typeName != b.typeName {
            statistics.propertiesSet += 1
            statistics.propertiesRemoved += 1
          }
        }
      }
    }
  }
}
