// The relationships of a store as columns by relationship id (type, start, end, position within
// the type, liveness) and, per relationship type, one typed column per property key indexed by
// the position. Every column is chunked and copy-on-write, so a statement's private version of
// the table copies only the chunks it writes; node and type ids are held narrow while they fit
// (see CompactIDColumn).
import GraphCore

/// Node ids by relationship id: 32 bits each until a node id of 2^32 - 1 or more is stored.
typealias NodeIDColumn = CompactIDColumn<UInt32, Int64>
/// Type ids by relationship id: 16 bits each until a type id of 65,535 or more is stored.
typealias TypeIDColumn = CompactIDColumn<UInt16, TypeID>

/// Every relationship id ever used, live or vacant (a deleted relationship's id stays used).
///
/// Properties are stored per type, by the relationship's position within its type (0, 1, 2, …
/// in order of creation), not by id: a type's columns are then dense however the ids of several
/// types interleave, at the cost of one 32-bit position per id. (Columns by id would hold a
/// slot per id of every other type too, or need a sparse map per column.)
struct RelationshipTable: Sendable {
  /// The properties of one relationship type.
  struct TypeColumns: Sendable {
    /// Positions handed out so far (live and deleted relationships of the type).
    var count = 0
    /// One column per property key ever stored on the type, in ascending key order.
    var columns: [PropertyValueColumn] = []

    /// The index of `key`'s column, or where it would be inserted.
    func slot(of key: PropertyKeyID) -> (index: Int, found: Bool) {
      // Types have few keys: a scan beats a binary search.
      for i in columns.indices where columns[i].key >= key { return (i, columns[i].key == key) }
      return (columns.count, false)
    }
  }

  /// Each relationship's type (-1 for a vacant id), at 16 bits while the type ids allow.
  private(set) var types = TypeIDColumn()
  /// Each relationship's start and end nodes (-1 for a vacant id), at 32 bits while the node ids
  /// allow.
  private(set) var starts = NodeIDColumn()
  private(set) var ends = NodeIDColumn()
  /// Each relationship's position within its type.
  private(set) var positions = ChunkedArray<UInt32>()
  private(set) var live = ChunkedBitmap()
  /// Indexed by type id; types without relationships yet may be missing at the end.
  private(set) var byType: [TypeColumns] = []

  /// One past the highest id used.
  var count: Int { types.count }

  func isLive(_ id: Int64) -> Bool { id >= 0 && live.contains(id) }

  /// Appends a live relationship with `properties` (no nulls) and returns its id.
  @discardableResult
  mutating func append(type: TypeID, start: Int64, end: Int64, properties: PropertyMap) -> Int64 {
    let (id, position) = appendSlot(type: type, start: start, end: end)
    for e in properties.entries { set(type: type, position: position, e.key, e.value) }
    return id
  }

  /// Appends a live relationship whose properties are `values` under `keys`, pair by pair (a
  /// null value stores nothing; a key given twice keeps its last value), and returns its id.
  @discardableResult
  mutating func append(type: TypeID, start: Int64, end: Int64, keys: ArraySlice<PropertyKeyID>, values: ArraySlice<Value>) -> Int64 {
    let (id, position) = appendSlot(type: type, start: start, end: end)
    for (key, value) in zip(keys, values) where !value.isNull { set(type: type, position: position, key, value) }
    return id
  }

  /// Appends a live relationship without properties; returns its id and its position within
  /// its type.
  private mutating func appendSlot(type: TypeID, start: Int64, end: Int64) -> (id: Int64, position: Int) {
    let id = Int64(types.count)
    while byType.count <= Int(type) { byType.append(TypeColumns()) }
    let position = byType[Int(type)].count
    precondition(position < Int(UInt32.max), "more than 4 billion relationships of one type")
    byType[Int(type)].count += 1
    types.append(type)
    starts.append(start)
    ends.append(end)
    positions.append(UInt32(position))
    live.insert(id)
    return (id, position)
  }

  /// Appends relationships read back in bulk from a snapshot, ids `count..<count + types.count`:
  /// type -1 marks a vacant id (whose start, end and position are ignored). `liveWords` is the
  /// live ids' bitmap from the first id on, which must be a multiple of 64. Each live
  /// relationship's type must have room in `byType`'s counts for its position (see
  /// `reservePositions`).
  mutating func append(types added: [TypeID], starts: [Int64], ends: [Int64], positions: [UInt32], liveWords: [UInt64]) {
    live.append(words: liveWords, first: count >> 6)
    types.append(contentsOf: added)
    self.starts.append(contentsOf: starts)
    self.ends.append(contentsOf: ends)
    self.positions.append(contentsOf: positions)
  }

  /// Makes sure relationships of `type` hold positions below `limit`, and that there are columns
  /// for every type below it.
  mutating func reservePositions(_ limit: Int, type: TypeID) {
    while byType.count <= Int(type) { byType.append(TypeColumns()) }
    byType[Int(type)].count = max(byType[Int(type)].count, limit)
  }

  /// The number of positions handed out to relationships of `type` (0 for a type without
  /// relationships).
  func positionCount(ofType type: TypeID) -> Int {
    Int(type) < byType.count ? byType[Int(type)].count : 0
  }

  /// Calls `body` with the column of `key` on relationships of `type` (a type with columns),
  /// created empty when missing: how a snapshot's property runs are added.
  mutating func withColumn<R>(
    type: TypeID, key: PropertyKeyID, _ body: (inout PropertyValueColumn) throws -> R
  ) rethrows -> R {
    let t = Int(type)
    let (c, found) = byType[t].slot(of: key)
    if !found { byType[t].columns.insert(PropertyValueColumn(key: key), at: c) }
    return try body(&byType[t].columns[c])
  }

  /// Calls `body` with each property column of each type.
  func forEachColumn(_ body: (TypeID, PropertyValueColumn) throws -> Void) rethrows {
    for (t, columns) in byType.enumerated() {
      for c in columns.columns { try body(TypeID(t), c) }
    }
  }

  /// Uses up the next id as a vacant slot.
  mutating func appendVacant() {
    types.append(-1)
    starts.append(-1)
    ends.append(-1)
    positions.append(0)
  }

  /// Deletes live relationship `id`: its slot stays used, its values are taken out.
  mutating func remove(_ id: Int64) {
    let i = Int(id)
    let type = Int(types[i]), position = Int(positions[i])
    for c in byType[type].columns.indices { byType[type].columns[c].remove(at: position) }
    live.remove(id)
    types[i] = -1
    starts[i] = -1
    ends[i] = -1
  }

  /// The value of `key` on live relationship `id`, or nil.
  func property(_ id: Int64, _ key: PropertyKeyID) -> Value? {
    let type = byType[Int(types[Int(id)])]
    let (c, found) = type.slot(of: key)
    guard found else { return Optional<Value>.none }
    return type.columns[c].value(at: Int(positions[Int(id)]))
  }

  /// The properties of live relationship `id`, in ascending key order.
  func properties(_ id: Int64) -> PropertyMap {
    var map = PropertyMap()
    forEachProperty(id) { key, value in map.set(key, value) }
    return map
  }

  /// Calls `body` with each property of live relationship `id`, in ascending key order.
  func forEachProperty(_ id: Int64, _ body: (PropertyKeyID, Value) throws -> Void) rethrows {
    let position = Int(positions[Int(id)])
    for column in byType[Int(types[Int(id)])].columns {
      if let v = column.value(at: position) { try body(column.key, v) }
    }
  }

  /// Number of properties of live relationship `id`.
  func propertyCount(_ id: Int64) -> Int {
    let position = Int64(positions[Int(id)])
    return byType[Int(types[Int(id)])].columns.reduce(0) { $0 + ($1.present.contains(position) ? 1 : 0) }
  }

  /// Stores (a null: takes out) `value` under `key` on live relationship `id`; returns the
  /// value it replaces.
  @discardableResult
  mutating func setProperty(_ id: Int64, _ key: PropertyKeyID, _ value: Value) -> Value? {
    set(type: types[Int(id)], position: Int(positions[Int(id)]), key, value)
  }

  /// Takes out `key` of live relationship `id`; returns its value.
  @discardableResult
  mutating func removeProperty(_ id: Int64, _ key: PropertyKeyID) -> Value? {
    let type = Int(types[Int(id)])
    let (c, found) = byType[type].slot(of: key)
    guard found else { return Optional<Value>.none }
    return byType[type].columns[c].remove(at: Int(positions[Int(id)]))
  }

  @discardableResult
  private mutating func set(type: TypeID, position: Int, _ key: PropertyKeyID, _ value: Value) -> Value? {
    let t = Int(type)
    let (c, found) = byType[t].slot(of: key)
    if value.isNull {
      guard found else { return Optional<Value>.none }
      return byType[t].columns[c].remove(at: position)
    }
    if !found { byType[t].columns.insert(PropertyValueColumn(key: key), at: c) }
    return byType[t].columns[c].set(value, at: position)
  }

  /// Number of live relationships of `type`.
  func liveCount(ofType type: TypeID) -> Int {
    var n = 0
    for id in live.members where types[Int(id)] == type { n += 1 }
    return n
  }

  /// Descriptions of broken invariants: the columns by id have one length, a live relationship
  /// has a type and a position of its own within it, a vacant slot has neither, and the property
  /// columns hold values only at the positions of live relationships (and agree with their kind).
  func violations() -> [String] {
    var problems: [String] = []
    if starts.count != count || ends.count != count || positions.count != count {
      problems.append("relationship columns of \(count), \(starts.count), \(ends.count) and \(positions.count) ids")
      return problems
    }
    var held = Array(repeating: Set<Int>(), count: byType.count)
    for i in 0..<count {
      let type = Int(types[i])
      guard live.contains(Int64(i)) else {
        if type != -1 { problems.append("vacant relationship slot \(i) keeps type \(type)") }
        continue
      }
      guard type >= 0, type < byType.count else {
        problems.append("relationship \(i) has type \(type) without columns")
        continue
      }
      let position = Int(positions[i])
      if position >= byType[type].count { problems.append("relationship \(i) at position \(position) beyond its type's \(byType[type].count)") }
      if !held[type].insert(position).inserted { problems.append("relationship \(i) shares position \(position) of its type") }
    }
    for (type, columns) in byType.enumerated() {
      for column in columns.columns {
        problems += column.violations()
        for p in column.present.members where !held[type].contains(Int(p)) {
          problems.append("column \(column.key) of type \(type) holds a value at position \(p), which no live relationship has")
        }
      }
      if zip(columns.columns, columns.columns.dropFirst()).contains(where: { $0.key >= $1.key }) {
        problems.append("columns of type \(type) are not in ascending key order")
      }
    }
    return problems
  }
}
