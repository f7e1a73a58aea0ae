// The in-memory graph store: node and relationship tables indexed by id, adjacency lists, the
// label index and the label/type interners. A value type: copying it is cheap (copy-on-write, one
// reference for all tables and the change log), which gives each statement a private version to
// change and to throw away if it fails.
import GraphCore

/// A property graph held in memory.
package struct GraphStore: Sendable {
  var tables = StoreTables()

  package init() {}


  package func labelID(_ name: String) -> LabelID? { labelIDs[name] }
  package func typeID(_ name: String) -> TypeID? { typeIDs[name] }
  package func labelName(_ id: LabelID) -> String { labelNames[Int(id)] }
  package func typeName(_ id: TypeID) -> String { typeNames[Int(id)] }

  /// Labels that at least one node carries, sorted.
  package var labelsInUse: [String] {
    labelIndex.indices.filter { labelIndex[$0].count > 0 }.map { labelNames[$0] }.sorted()
  }

  /// Relationship types that at least one relationship has, sorted.
  package var typesInUse: [String] { typeCounts.map(\.name) }

  /// Relationship types in use with the number of relationships of each, sorted by name.
  package var typeCounts: [(name: String, count: Int)] {
    typeCount.filter { $0.value > 0 }.map { (typeNames[Int($0.key)], $0.value) }.sorted { $0.name < $1.name }
  }

  /// Number of relationships of `type`.
  package func count(ofType type: String) -> Int {
    typeIDs[type].flatMap { typeCount[$0] } ?? 0
  }

  /// Number of nodes carrying `label`.
  package func count(ofLabel label: String) -> Int {
    labelIDs[label].map(count(ofLabelID:)) ?? 0
  }

  /// The number of live nodes carrying the interned label `id`.
  package func count(ofLabelID id: LabelID) -> Int {
    Int(id) < labelIndex.count ? labelIndex[Int(id)].count : 0
  }

  /// One past the highest node id ever used.
  package var nodeIDLimit: Int { nodes.count }

  /// One past the highest relationship id ever used.
  package var relationshipIDLimit: Int { relationships.count }

  mutating func internLabel(_ name: String) -> LabelID {
    if let id = labelIDs[name] { return id }
    let id = LabelID(labelNames.count)
    labelNames.append(name)
    labelIDs[name] = id
    labelIndex.append(ChunkedBitmap())
    return id
  }

  mutating func internType(_ name: String) -> TypeID {
    if let id = typeIDs[name] { return id }
    let id = TypeID(typeNames.count)
    typeNames.append(name)
    typeIDs[name] = id
    return id
  }


  package func node(_ id: Int64) -> NodeRecord? {
    nodeExists(id) ? nodes[Int(id)] : nil
  }

  /// A relationship's record, assembled from the columns (for cold paths: hot ones read the
  /// column they need through `endpoints(of:)`, `relationshipProperty` or `type(of:)`).
  package func relationship(_ id: Int64) -> RelationshipRecord? {
    guard relationshipExists(id) else { return nil }
    let i = Int(id)
    let table = relationships
    return RelationshipRecord(type: table.types[i], start: table.starts[i], end: table.ends[i], properties: table.properties(id))
  }

  package func nodeExists(_ id: Int64) -> Bool {
    // The bitmap of live nodes, a few cache lines, not the node's record.
    id >= 0 && liveNodes.contains(id)
  }

  package func relationshipExists(_ id: Int64) -> Bool {
    relationships.isLive(id)
  }

  /// A relationship's start and end node ids, without copying its record.
  package func endpoints(of id: Int64) -> (start: Int64, end: Int64)? {
    guard relationshipExists(id) else { return nil }
    return (relationships.starts[Int(id)], relationships.ends[Int(id)])
  }

  /// A node's property without copying its record: nil when the node is absent, `.some(nil)`
  /// when it lacks the property.
  package func nodeProperty(_ id: Int64, _ key: String) -> Value?? {
    nodeProperty(id, key: propertyKeyIDs[key])
  }

  /// A node's property under an interned key (nil: a key never stored, which no node has).
  package func nodeProperty(_ id: Int64, key: PropertyKeyID?) -> Value?? {
    guard nodeExists(id) else { return nil }
    guard let key else { return .some(nil) }
    return .some(storedValue(ofNode: id, key))
  }

  /// A relationship's property without copying its record (see `nodeProperty`).
  package func relationshipProperty(_ id: Int64, _ key: String) -> Value?? {
    relationshipProperty(id, key: propertyKeyIDs[key])
  }

  /// A relationship's property under an interned key (see `nodeProperty(_:key:)`).
  package func relationshipProperty(_ id: Int64, key: PropertyKeyID?) -> Value?? {
    guard relationshipExists(id) else { return nil }
    guard let key else { return .some(nil) }
    return .some(relationships.property(id, key))
  }

  /// A node's properties by key name; nil when the node is absent.
  package func nodeProperties(_ id: Int64) -> [String: Value]? {
    nodeExists(id) ? dictionary(storedProperties(ofNode: id)) : nil
  }

  /// The number of properties a node has (0 when it is absent).
  package func nodePropertyCount(_ id: Int64) -> Int {
    nodeExists(id) ? storedPropertyCount(ofNode: id) : 0
  }

  /// The number of properties a relationship has (0 when it is absent).
  package func relationshipPropertyCount(_ id: Int64) -> Int {
    relationshipExists(id) ? relationships.propertyCount(id) : 0
  }

  /// A relationship's properties by key name; nil when the relationship is absent.
  package func relationshipProperties(_ id: Int64) -> [String: Value]? {
    relationshipExists(id) ? dictionary(relationships.properties(id)) : nil
  }

  /// Ids of all live nodes in id order.
  package func allNodeIDs() -> [Int64] { liveNodes.members }

  /// Ids of all live relationships in id order.
  package func allRelationshipIDs() -> [Int64] {
    relationships.live.members
  }

  /// Ids of the nodes carrying `label`, in id order.
  /// - Complexity: O(n / 64 + k) for k such nodes among n.
  package func nodeIDs(withLabel label: String) -> [Int64] {
    guard let id = labelIDs[label] else { return [] }
    return nodeIDs(withLabelID: id)
  }

  /// Ids of the nodes carrying the interned label `id`, in id order.
  package func nodeIDs(withLabelID id: LabelID) -> [Int64] {
    guard Int(id) < labelIndex.count else { return [] }
    return labelIndex[Int(id)].members
  }

  package func labels(of id: Int64) -> [String] {
    node(id)?.labels.map { labelNames[Int($0)] } ?? []
  }

  package func hasLabel(_ id: Int64, _ label: String) -> Bool {
    guard let l = labelIDs[label] else { return false }
    return hasLabel(id, labelID: l)
  }

  /// True when the node is live and carries the interned label `labelID`; no array to build,
  /// for per-row label checks.
  package func hasLabel(_ id: Int64, labelID: LabelID) -> Bool {
    id >= 0 && Int(labelID) < labelIndex.count && labelIndex[Int(labelID)].contains(id)
  }

  /// True when the node is live and carries every one of the interned `labels`. Reads the
  /// labels' bitmaps (which hold live nodes only), not the node's record.
  package func hasLabels(_ id: Int64, _ labels: [LabelID]) -> Bool {
    guard id >= 0 else { return false }
    if labels.isEmpty { return nodeExists(id) }
    for l in labels where !labelIndex[Int(l)].contains(id) { return false }
    return true
  }

  /// The nodes carrying every one of `labels` (every live node when none) as flat bitmap words:
  /// bit `i & 63` of word `i >> 6` is node `i`.
  package func labelWords(_ labels: [LabelID]) -> [UInt64] {
    guard let first = labels.first else { return liveNodes.flatWords }
    var words = labelIndex[Int(first)].flatWords
    for l in labels.dropFirst() {
      let other = labelIndex[Int(l)].flatWords
      for i in words.indices { words[i] &= i < other.count ? other[i] : 0 }
    }
    return words
  }

  /// Interned ids of `labels`, or nil when one of them has never been used.
  package func resolve(labels: [String]) -> [LabelID]? {
    var out: [LabelID] = []
    for l in labels {
      guard let id = labelIDs[l] else { return nil }
      out.append(id)
    }
    return out
  }

  package func type(of rel: Int64) -> String? {
    relationshipExists(rel) ? typeNames[Int(relationships.types[Int(rel)])] : nil
  }

  /// Relationship ids at `node` in `direction`, optionally restricted to `types`. With `.both`,
  /// a self-loop appears once.
  package func relationships(of node: Int64, direction: Direction, types: [String]?) -> [Int64] {
    relationships(of: node, direction: direction, typeIDs: resolve(types: types))
  }

  /// Interned ids of `types` without repeats; nil for all types, empty when none exists.
  package func resolve(types: [String]?) -> [TypeID]? {
    guard let types else { return nil }
    var seen = Set<TypeID>()
    return types.compactMap { self.typeIDs[$0] }.filter { seen.insert($0).inserted }
  }

  /// Relationship ids at `node`, restricted to interned `typeIDs` (nil: all types).
  package func relationships(of node: Int64, direction: Direction, typeIDs: [TypeID]?) -> [Int64] {
    adjacent(to: node, direction: direction, typeIDs: typeIDs).map(\.id)
  }

  /// The relationships at `node` in `direction` with the node at each one's other end,
  /// restricted to interned `typeIDs` (nil: all types). With `.both`, a self-loop appears once.
  package func adjacent(to node: Int64, direction: Direction, typeIDs: [TypeID]?) -> [AdjacentRelationship] {
    guard nodeExists(node), typeIDs?.isEmpty != true else { return [] }
    switch direction {
    case .outgoing: return entries(of: node, outgoing: true, types: typeIDs)
    case .incoming: return entries(of: node, outgoing: false, types: typeIDs)
    case .both:
      let out = entries(of: node, outgoing: true, types: typeIDs)
      let inc = entries(of: node, outgoing: false, types: typeIDs)
      return out + inc.filter { $0.neighbour != node }
    }
  }

  /// Number of relationships attached to `node`.
  package func degree(of node: Int64) -> Int {
    guard nodeExists(node) else { return 0 }
    return entryCount(of: node, outgoing: true) + entryCount(of: node, outgoing: false)
  }


  /// A snapshot of the node for results.
  package func hydrateNode(_ id: Int64) -> Node {
    guard let n = node(id) else { return Node(id: id) }
    return Node(id: id, labels: n.labels.map { labelNames[Int($0)] }, properties: dictionary(storedProperties(ofNode: id)))
  }

  /// A snapshot of the relationship for results.
  package func hydrateRelationship(_ id: Int64) -> Relationship {
    guard let r = relationship(id) else { return Relationship(id: id) }
    return Relationship(id: id, type: typeNames[Int(r.type)], startID: r.start, endID: r.end, properties: dictionary(r.properties))
  }


  /// Creates a node and returns its id.
  @discardableResult
  package mutating func createNode(labels: [String], properties: [String: Value]) -> Int64 {
    createNode(labels: labels, map: propertyMap(properties))
  }

  /// Creates a node whose properties are already under interned keys (see `internPropertyKey`);
  /// `direct` for a bulk load, which writes them straight into the property columns.
  @discardableResult
  package mutating func createNode(labels: [String], map: PropertyMap, direct: Bool = false) -> Int64 {
    createNode(labelIDs: labels.map { internLabel($0) }, map: map, direct: direct)
  }

  /// Creates a node with the labels a plan names (their ids used as they are when valid here).
  @discardableResult
  package mutating func createNode(internedLabels labels: [InternedName], properties: [String: Value]) -> Int64 {
    let ids = labels.map { internLabel($0) }
    return createNode(labelIDs: ids, map: propertyMap(properties))
  }

  /// Creates a node carrying the interned labels `labelIDs` (a label given twice is carried once).
  @discardableResult
  mutating func createNode(labelIDs: [LabelID], map: PropertyMap, direct: Bool = false) -> Int64 {
    let id = Int64(nodes.count)
    let ids = NodeLabels(labelIDs)
    for lid in ids { labelIndex[Int(lid)].insert(id) }
    nodes.append(NodeRecord(labels: ids))
    placeProperties(ofNewNode: id, map, direct: direct)
    if changeLog != nil {
      let properties = dictionary(map)
      let names = ids.map { labelNames[Int($0)] }
      changeLog?.append(.createNode(id: id, labels: names, properties: properties))
    }
    liveNodes.insert(id)
    indexNode(id, labels: ids, properties: map)
    nodeCount += 1
    return id
  }

  /// Creates a relationship between two live nodes and returns its id.
  @discardableResult
  package mutating func createRelationship(type: String, from start: Int64, to end: Int64, properties: [String: Value]) -> Int64 {
    createRelationship(type: InternedName(type, id: nil), from: start, to: end, properties: properties)
  }

  /// Creates a relationship of the type a plan names (its id used as it is when valid here).
  @discardableResult
  package mutating func createRelationship(type name: InternedName, from start: Int64, to end: Int64, properties: [String: Value]) -> Int64 {
    precondition(nodeExists(start) && nodeExists(end), "relationship endpoints must exist")
    let id = Int64(relationships.count)
    let t = internType(name)
    let type = name.name
    let map = propertyMap(properties)
    relationships.append(type: t, start: start, end: end, properties: map)
    if changeLog != nil {
      changeLog?.append(.createRelationship(id: id, type: type, start: start, end: end, properties: properties.filter { !$0.value.isNull }))
    }
    indexRelationship(id, type: t, properties: map)
    addToDelta(id, type: t, from: start, to: end)
    typeCount[t, default: 0] += 1
    relationshipCount += 1
    return id
  }

  /// Deletes a node that has no relationships left. Returns false when it was already gone.
  @discardableResult
  package mutating func deleteNode(_ id: Int64) -> Bool {
    guard let n = node(id) else { return false }
    precondition(degree(of: id) == 0, "node still has relationships")
    changeLog?.append(.deleteNode(id))
    for l in n.labels { labelIndex[Int(l)].remove(id) }
    indexStoredNode(id, labels: n.labels, remove: true)
    removeStoredProperties(ofNode: id)
    nodes[Int(id)] = .vacant
    liveNodes.remove(id)
    nodeCount -= 1
    return true
  }

  /// Deletes a relationship. Returns false when it was already gone.
  @discardableResult
  package mutating func deleteRelationship(_ id: Int64) -> Bool {
    guard relationshipExists(id) else { return false }
    let i = Int(id)
    let (type, start, end) = (relationships.types[i], relationships.starts[i], relationships.ends[i])
    changeLog?.append(.deleteRelationship(id))
    removeFromAdjacency(id, type: type, from: start, to: end)
    if relationshipIndexed(type: type) {
      indexRelationship(id, type: type, properties: relationships.properties(id), remove: true)
    }
    relationships.remove(id)
    typeCount[type, default: 1] -= 1
    relationshipCount -= 1
    return true
  }

  /// Sets (or with `nil`, removes) a node property; returns the previous value.
  @discardableResult
  package mutating func setNodeProperty(_ id: Int64, _ key: String, _ value: Value?) -> Value? {
    setNodeProperty(id, key: InternedName(key, id: nil), value)
  }

  /// Sets (or with `nil`, removes) the node property a plan names; returns the previous value.
  @discardableResult
  package mutating func setNodeProperty(_ id: Int64, key: InternedName, _ value: Value?) -> Value? {
    guard let n = node(id) else { return nil }
    changeLog?.append(.setNodeProperty(id: id, key: key.name, value: value))
    if indexesCover(key: key.name, labels: n.labels) {
      indexStoredNode(id, labels: n.labels, remove: true)
      defer { if let updated = node(id) { indexStoredNode(id, labels: updated.labels) } }
      return setNodePropertyUnindexed(id, key, value)
    }
    return setNodePropertyUnindexed(id, key, value)
  }

  private mutating func setNodePropertyUnindexed(_ id: Int64, _ key: InternedName, _ value: Value?) -> Value? {
    guard nodeExists(id) else { return nil }
    if let value, !value.isNull {
      let k = internPropertyKey(key)
      return setStoredValue(ofNode: id, k, value)
    }
    guard let k = existingPropertyKey(key) else { return nil }
    return removeStoredValue(ofNode: id, k)
  }

  /// Sets (or with `nil`, removes) a relationship property; returns the previous value.
  @discardableResult
  package mutating func setRelationshipProperty(_ id: Int64, _ key: String, _ value: Value?) -> Value? {
    setRelationshipProperty(id, key: InternedName(key, id: nil), value)
  }

  /// Sets (or with `nil`, removes) the relationship property a plan names; returns the previous
  /// value.
  @discardableResult
  package mutating func setRelationshipProperty(_ id: Int64, key: InternedName, _ value: Value?) -> Value? {
    guard relationshipExists(id) else { return nil }
    changeLog?.append(.setRelationshipProperty(id: id, key: key.name, value: value))
    let type = relationships.types[Int(id)]
    if relationshipIndexed(type: type) {
      indexRelationship(id, type: type, properties: relationships.properties(id), remove: true)
      defer { indexRelationship(id, type: type, properties: relationships.properties(id)) }
      return setRelationshipPropertyUnindexed(id, key, value)
    }
    return setRelationshipPropertyUnindexed(id, key, value)
  }

  private mutating func setRelationshipPropertyUnindexed(_ id: Int64, _ key: InternedName, _ value: Value?) -> Value? {
    if let value, !value.isNull {
      let k = internPropertyKey(key)
      return relationships.setProperty(id, k, value)
    }
    guard let k = existingPropertyKey(key) else { return nil }
    return relationships.removeProperty(id, k)
  }

  /// Adds a label; returns true when the node did not have it.
  @discardableResult
  package mutating func addLabel(_ id: Int64, _ label: String) -> Bool {
    addLabel(id, InternedName(label, id: nil))
  }

  /// Adds the label a plan names; returns true when the node did not have it.
  @discardableResult
  package mutating func addLabel(_ id: Int64, _ label: InternedName) -> Bool {
    guard let n = node(id) else { return false }
    let l = internLabel(label)
    if n.labels.contains(l) { return false }
    changeLog?.append(.addLabel(id: id, label: label.name))
    nodes[Int(id)].labels.append(l)
    labelIndex[Int(l)].insert(id)
    indexStoredNode(id, labels: NodeLabels([l]))
    return true
  }

  /// Removes a label; returns true when the node had it.
  @discardableResult
  package mutating func removeLabel(_ id: Int64, _ label: String) -> Bool {
    removeLabel(id, InternedName(label, id: nil))
  }

  /// Removes the label a plan names; returns true when the node had it.
  @discardableResult
  package mutating func removeLabel(_ id: Int64, _ label: InternedName) -> Bool {
    guard let l = existingLabel(label), let n = node(id), let i = n.labels.firstIndex(of: l) else { return false }
    changeLog?.append(.removeLabel(id: id, label: label.name))
    nodes[Int(id)].labels.remove(at: i)
    labelIndex[Int(l)].remove(id)
    indexStoredNode(id, labels: NodeLabels([l]), remove: true)
    return true
  }

  /// Interns names in the order a saved store lists them, so that ids (and the order of
  /// relationship types at a node) come out as they were.
  package mutating func restoreNames(labels: [String], types: [String], propertyKeys: [String]) {
    for l in labels { _ = internLabel(l) }
    for t in types { _ = internType(t) }
    for k in propertyKeys { _ = internPropertyKey(k) }
  }

  /// Uses up the next node id as a deleted slot, when restoring a saved store with holes.
  package mutating func appendVacantNodeSlot() { nodes.append(.vacant) }

  /// Uses up the next relationship id as a deleted slot.
  package mutating func appendVacantRelationshipSlot() { relationships.appendVacant() }

  /// Names interned so far, in id order (labels, then relationship types).
  package var internedNames: (labels: [String], types: [String]) { (labelNames, typeNames) }
}
