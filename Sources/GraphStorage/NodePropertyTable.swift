// The nodes' properties as columns: one typed column per property key, indexed by node id (the
// same column type the relationships use per type), instead of a map per node. A node's value of
// a key is then two array reads, a loader writes values straight into columns, and a key's
// strings are dictionary-encoded once for all nodes.
import GraphCore

/// Every node's properties, one `PropertyValueColumn` per property key ever stored on a node, in
/// ascending key order, each indexed by node id.
///
/// A column spans node ids only up to the highest node that has its key, and the ids below a
/// node's first value are filled with shared empty chunks (see `ChunkedArray.append(repeating:)`):
/// the nodes of one label, created together as loaders create them, occupy one id range, so a key
/// held by one label costs little for the ids of the others. Keys whose nodes interleave by id
/// (labels created in alternation) pay a word per id for each such key.
struct NodePropertyTable: Sendable {
  /// One column per key, in ascending key order.
  private(set) var columns: [PropertyValueColumn] = []

  /// The index of `key`'s column, or where it would be inserted.
  func slot(of key: PropertyKeyID) -> (index: Int, found: Bool) {
    sortedSlot(of: key, count: columns.count) { columns[$0].key }
  }

  /// The column of `key`, or nil when no node has ever had it.
  func column(_ key: PropertyKeyID) -> PropertyValueColumn? {
    let (c, found) = slot(of: key)
    return found ? columns[c] : nil
  }

  /// The value of `key` on node `id`, or nil.
  func value(_ id: Int64, _ key: PropertyKeyID) -> Value? {
    let (c, found) = slot(of: key)
    guard found else { return Optional<Value>.none }
    return columns[c].value(at: Int(id))
  }

  /// Calls `body` with each property of node `id`, in ascending key order.
  func forEachProperty(_ id: Int64, _ body: (PropertyKeyID, Value) throws -> Void) rethrows {
    for column in columns {
      if let v = column.value(at: Int(id)) { try body(column.key, v) }
    }
  }

  /// The properties of node `id` as a map (for cold paths: results, index maintenance).
  func properties(_ id: Int64) -> PropertyMap {
    var map = PropertyMap()
    forEachProperty(id) { key, value in map.set(key, value) }
    return map
  }

  /// Number of properties node `id` has.
  func count(_ id: Int64) -> Int {
    columns.reduce(0) { $0 + ($1.present.contains(id) ? 1 : 0) }
  }

  /// Stores (a null: takes out) `value` under `key` on node `id`; returns the value it replaces.
  @discardableResult
  mutating func set(_ id: Int64, _ key: PropertyKeyID, _ value: Value) -> Value? {
    let (c, found) = slot(of: key)
    if value.isNull {
      guard found else { return Optional<Value>.none }
      return columns[c].remove(at: Int(id))
    }
    if !found { columns.insert(PropertyValueColumn(key: key), at: c) }
    return columns[c].set(value, at: Int(id))
  }

  /// Stores every entry of `map` (which holds no nulls) on node `id`, which has no properties.
  mutating func set(_ id: Int64, _ map: PropertyMap) {
    for e in map.entries { set(id, e.key, e.value) }
  }

  /// Takes out `key` of node `id`; returns its value.
  @discardableResult
  mutating func remove(_ id: Int64, _ key: PropertyKeyID) -> Value? {
    let (c, found) = slot(of: key)
    guard found else { return Optional<Value>.none }
    return columns[c].remove(at: Int(id))
  }

  /// Takes out every property of node `id` (a deleted node).
  mutating func removeAll(_ id: Int64) {
    for c in columns.indices where columns[c].present.contains(id) { columns[c].remove(at: Int(id)) }
  }

  /// Calls `body` with the column of `key`, created empty when missing (how bulk readers add
  /// values a column at a time).
  mutating func withColumn<R>(_ key: PropertyKeyID, _ body: (inout PropertyValueColumn) throws -> R) rethrows -> R {
    let (c, found) = slot(of: key)
    if !found { columns.insert(PropertyValueColumn(key: key), at: c) }
    return try body(&columns[c])
  }

  /// Heap bytes of the columns (for footprint estimates).
  var heapBytes: Int { columns.reduce(0) { $0 + $1.heapBytes } }

  /// Descriptions of broken invariants: columns in ascending key order, each consistent, holding
  /// values only at live node ids.
  func violations(live: ChunkedBitmap) -> [String] {
    var problems: [String] = []
    for column in columns {
      problems += column.violations()
      for p in column.present.members where !live.contains(p) {
        problems.append("node column \(column.key) holds a value at node \(p), which is not live")
      }
    }
    if zip(columns, columns.dropFirst()).contains(where: { $0.key >= $1.key }) {
      problems.append("node property columns are not in ascending key order")
    }
    return problems
  }
}
