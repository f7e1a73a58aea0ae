// Where a node's properties are: in the property columns for nodes below the column limit, in the
// node's own record (the delta) for nodes created since. A single-statement write then appends a
// record to the node table and writes no column: the first write to a version shared with readers
// copies a path of every chunked array it touches, and a node's four properties would touch a
// dozen (values, presence bitmaps, string dictionaries). Bulk loads write straight into the
// columns, and `foldNodeProperties` moves the delta into them at compaction and once it grows.
import GraphCore

extension GraphStore {
  /// Whether node `id`'s properties are in the columns (else in its record).
  @inline(__always)
  private func inColumns(_ id: Int64) -> Bool { Int(id) < tables.nodeColumnLimit }

  /// The value of `key` on live node `id`, or nil.
  func storedValue(ofNode id: Int64, _ key: PropertyKeyID) -> Value? {
    inColumns(id) ? tables.nodeColumns.value(id, key) : tables.nodes[Int(id)].properties[key]
  }

  /// The properties of live node `id`.
  func storedProperties(ofNode id: Int64) -> PropertyMap {
    inColumns(id) ? tables.nodeColumns.properties(id) : tables.nodes[Int(id)].properties
  }

  /// Number of properties of live node `id`.
  func storedPropertyCount(ofNode id: Int64) -> Int {
    inColumns(id) ? tables.nodeColumns.count(id) : tables.nodes[Int(id)].properties.count
  }

  /// Calls `body` with each property of live node `id`, in ascending key order.
  func forEachStoredProperty(ofNode id: Int64, _ body: (PropertyKeyID, Value) throws -> Void) rethrows {
    if inColumns(id) {
      try tables.nodeColumns.forEachProperty(id, body)
    } else {
      for e in tables.nodes[Int(id)].properties.entries { try body(e.key, e.value) }
    }
  }

  /// Stores (a null: takes out) `value` under `key` on live node `id`; returns the value it
  /// replaces.
  mutating func setStoredValue(ofNode id: Int64, _ key: PropertyKeyID, _ value: Value) -> Value? {
    inColumns(id) ? nodeColumns.set(id, key, value) : nodes[Int(id)].properties.set(key, value)
  }

  /// Takes out `key` of live node `id`; returns its value.
  mutating func removeStoredValue(ofNode id: Int64, _ key: PropertyKeyID) -> Value? {
    inColumns(id) ? nodeColumns.remove(id, key) : nodes[Int(id)].properties.remove(key)
  }

  /// Takes out every property of node `id` (a node being deleted).
  mutating func removeStoredProperties(ofNode id: Int64) {
    if inColumns(id) { nodeColumns.removeAll(id) }
  }

  /// Gives the node just appended at `id` its properties: in the columns when `direct` (a bulk
  /// load, which would otherwise hold a map per node until the fold; the delta is folded first),
  /// in its record otherwise. Folds the delta once it holds more nodes than a sixteenth of the
  /// columns' (and at least 65,536), so that it stays small beside them.
  mutating func placeProperties(ofNewNode id: Int64, _ map: PropertyMap, direct: Bool) {
    let delta = Int(id) - tables.nodeColumnLimit
    if direct || delta >= max(1 << 16, tables.nodeColumnLimit >> 4) { foldNodeProperties(upTo: Int(id)) }
    if direct {
      // The fold left the column limit at `id`.
      if !map.isEmpty { nodeColumns.set(id, map) }
      tables.nodeColumnLimit += 1
    } else if !map.isEmpty {
      nodes[Int(id)].properties = map
    }
  }

  /// Moves the properties of the nodes in the delta (ids from the column limit to `limit`, every
  /// node when nil) into the columns. True when there were such nodes.
  @discardableResult
  mutating func foldNodeProperties(upTo limit: Int? = nil) -> Bool {
    let end = limit ?? nodes.count
    guard tables.nodeColumnLimit < end else { return false }
    makeUnique()
    for i in tables.nodeColumnLimit..<end where !tables.nodes[i].properties.isEmpty {
      tables.nodeColumns.set(Int64(i), tables.nodes[i].properties)
      tables.nodes[i].properties = PropertyMap()
    }
    tables.nodeColumnLimit = end
    return true
  }

  /// The values of property `key` on every node that has it, in id order: the column's and then
  /// the delta's, with each column string's dictionary code (see
  /// `PropertyValueColumn.forEachValue`).
  func forEachNodeValue(of key: PropertyKeyID, _ body: (Int, UInt32?, Value) throws -> Void) rethrows {
    try tables.nodeColumns.column(key)?.forEachValue(body)
    for i in tables.nodeColumnLimit..<tables.nodes.count {
      if let v = tables.nodes[i].properties[key] { try body(i, nil, v) }
    }
  }

  /// Descriptions of broken invariants of where node properties are: the columns consistent and
  /// holding values only for live nodes below the limit, records below it holding none, and
  /// vacant records holding none.
  func nodePropertyViolations() -> [String] {
    var problems = tables.nodeColumns.violations(live: tables.liveNodes)
    for column in tables.nodeColumns.columns {
      if let last = column.present.members.last, Int(last) >= tables.nodeColumnLimit {
        problems.append("node column \(column.key) holds a value at node \(last), at or past the column limit")
      }
    }
    for i in 0..<tables.nodes.count where !tables.nodes[i].properties.isEmpty {
      if i < tables.nodeColumnLimit { problems.append("node \(i) below the column limit keeps a property map") }
      if !tables.liveNodes.contains(Int64(i)) { problems.append("vacant node \(i) keeps a property map") }
    }
    if tables.nodeColumnLimit > tables.nodes.count {
      problems.append("node column limit \(tables.nodeColumnLimit) past the \(tables.nodes.count) node ids")
    }
    return problems
  }
}
