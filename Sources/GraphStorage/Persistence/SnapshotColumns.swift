// The relationships of a version-2 snapshot, as the relationship table holds them: its columns by
// id in runs of 65,536 ids (type plus one, 0 for a vacant id; start; end; position within the
// type — each a packed little-endian integer column), then each type's property columns in runs
// of 65,536 positions (a presence bitmap, then integers zigzag-encoded and packed, floats' bit
// patterns packed, other values coded one by one). A reader appends each run to its columns in
// bulk, checking every id, type, node and position, instead of creating relationships one by one.
import GraphCore

extension SnapshotFormat {
  /// Ids (and positions) per run: a multiple of 64, so that each run starts a word of the
  /// bitmaps.
  static let columnRun = 1 << 16

  /// How a run of a property column holds its values.
  enum ValueRun: UInt8 {
    /// Each value in the tagged value coding.
    case coded = 0
    /// Integers, zigzag-encoded and packed.
    case int
    /// Floats' bit patterns, packed.
    case float
  }

  /// Writes `table`'s columns, then its property columns (runs without a value left out).
  static func writeRelationshipColumns(
    _ table: RelationshipTable, _ block: inout BlockWriter, _ sink: ([UInt8]) throws -> Void
  ) throws {
    var first = 0
    while first < table.count {
      let n = min(columnRun, table.count - first)
      let live = (0..<n).map { table.types[first + $0] >= 0 }
      block.w.byte(Entry.relationshipColumns.rawValue)
      block.w.count(first)
      block.w.count(n)
      block.w.packed(count: n) { live[$0] ? UInt64(table.types[first + $0]) + 1 : 0 }
      block.w.packed(count: n) { live[$0] ? UInt64(table.starts[first + $0]) : 0 }
      block.w.packed(count: n) { live[$0] ? UInt64(table.ends[first + $0]) : 0 }
      block.w.packed(count: n) { live[$0] ? UInt64(table.positions[first + $0]) : 0 }
      try block.flushIfFull(sink)
      first += n
    }
    try table.forEachColumn { type, column in
      let words = column.presentWords
      let run: ValueRun = column.kind == .int ? .int : column.kind == .float ? .float : .coded
      var from = 0
      while from < table.positionCount(ofType: type) {
        defer { from += columnRun }
        let slice = Array(words[min(from >> 6, words.count)..<min((from + columnRun) >> 6, words.count)])
        guard slice.contains(where: { $0 != 0 }) else { continue }
        var values: [Value] = []
        for (k, word) in slice.enumerated() {
          var w = word
          while w != 0 {
            values.append(column.value(at: from + 64 * k + w.trailingZeroBitCount) ?? .null)
            w &= w - 1
          }
        }
        block.w.byte(Entry.relationshipProperties.rawValue)
        block.w.count(Int(type))
        block.w.count(Int(column.key))
        block.w.byte(run.rawValue)
        block.w.count(from)
        block.w.count(slice.count)
        block.w.packed(count: slice.count) { slice[$0] }
        switch run {
        case .int:
          block.w.packed(count: values.count) {
            guard case .int(let v) = values[$0] else { return 0 }
            return UInt64(bitPattern: (v << 1) ^ (v >> 63))
          }
        case .float:
          block.w.packed(count: values.count) {
            guard case .float(let d) = values[$0] else { return 0 }
            return d.bitPattern
          }
        case .coded:
          for v in values { block.w.value(v) }
        }
        try block.flushIfFull(sink)
      }
    }
  }
}

/// Reads the relationship entries of a version-2 snapshot into a store, remembering which
/// positions of each type live relationships hold, so that a property run can be checked to
/// give values to those only.
struct RelationshipColumnReader {
  /// Per type, the positions held by live relationships, as bitmap words.
  private var held: [[UInt64]] = []
  /// Per type, the last position read (positions ascend with ids within a type).
  private var last: [Int] = []

  /// Reads one run of the columns by id and appends it to `store`'s relationships.
  mutating func columns(
    _ r: inout ByteReader, into store: inout GraphStore, limit: Int, types typeLimit: Int
  ) throws(FormatError) {
    let at = r.offset
    let first = try r.int(max: limit)
    guard first == store.relationshipIDLimit, first & 63 == 0 else {
      throw FormatError(offset: at, message: "relationships from \(first) out of order")
    }
    let n = try r.int(max: limit - first)
    let types = try r.packed(count: n), starts = try r.packed(count: n)
    let ends = try r.packed(count: n), positions = try r.packed(count: n)
    var typeColumn = [TypeID](repeating: -1, count: n)
    var startColumn = [Int64](repeating: -1, count: n), endColumn = [Int64](repeating: -1, count: n)
    var positionColumn = [UInt32](repeating: 0, count: n)
    var liveWords = [UInt64](repeating: 0, count: (n + 63) >> 6)
    if held.count < typeLimit {
      held += Array(repeating: [], count: typeLimit - held.count)
      last += Array(repeating: -1, count: typeLimit - last.count)
    }
    var liveCounts = [Int](repeating: 0, count: typeLimit)
    for i in 0..<n where types[i] != 0 {
      let id = first + i
      guard types[i] <= UInt64(typeLimit) else {
        throw FormatError(offset: at, message: "relationship \(id) has type \(types[i] - 1), beyond the name table")
      }
      let t = Int(types[i] - 1)
      guard starts[i] < UInt64(Int64.max), ends[i] < UInt64(Int64.max), store.nodeExists(Int64(starts[i])),
        store.nodeExists(Int64(ends[i]))
      else { throw FormatError(offset: at, message: "relationship \(id) joins a node that does not exist") }
      guard positions[i] <= UInt64(UInt32.max), Int(positions[i]) > last[t] else {
        throw FormatError(offset: at, message: "relationship \(id) has position \(positions[i]) out of order")
      }
      let p = Int(positions[i])
      last[t] = p
      while held[t].count <= p >> 6 { held[t].append(0) }
      held[t][p >> 6] |= 1 << UInt64(p & 63)
      typeColumn[i] = TypeID(t)
      startColumn[i] = Int64(starts[i])
      endColumn[i] = Int64(ends[i])
      positionColumn[i] = UInt32(p)
      liveWords[i >> 6] |= 1 << UInt64(i & 63)
      liveCounts[t] += 1
    }
    store.appendRelationshipColumns(
      types: typeColumn, starts: startColumn, ends: endColumn, positions: positionColumn, liveWords: liveWords,
      liveCounts: liveCounts, positionLimits: last.map { $0 + 1 })
  }

  /// Reads one run of a property column and adds its values to `store`'s relationships; `keys`
  /// maps the snapshot's key table to the store's key ids.
  mutating func properties(_ r: inout ByteReader, into store: inout GraphStore, keys: [PropertyKeyID]) throws(FormatError) {
    let at = r.offset
    let t = try r.int(max: held.count - 1)
    let key = keys[try r.int(max: keys.count - 1)]
    let runAt = r.offset
    guard let run = SnapshotFormat.ValueRun(rawValue: try r.byte()) else {
      throw FormatError(offset: runAt, message: "unknown kind of property values")
    }
    let from = try r.int(max: Int(UInt32.max))
    let wordCount = try r.int(max: SnapshotFormat.columnRun >> 6)
    guard from & 63 == 0 else { throw FormatError(offset: at, message: "property values from position \(from) out of order") }
    let present = try r.packed(count: wordCount)
    let heldWords = held[t]
    for (k, word) in present.enumerated() where word & ~((from >> 6) + k < heldWords.count ? heldWords[(from >> 6) + k] : 0) != 0 {
      throw FormatError(offset: at, message: "property values at positions no relationship of type \(t) holds")
    }
    let count = present.reduce(0) { $0 + $1.nonzeroBitCount }
    // A run holds at least one value, so its type has live relationships (and columns).
    guard count > 0 else { throw FormatError(offset: at, message: "a run of property values without a value") }
    let type = TypeID(t)
    switch run {
    case .int, .float:
      var bits = try r.packed(count: count)
      if run == .int { bits = bits.map { ($0 >> 1) ^ (0 &- ($0 & 1)) } }
      let kind: PropertyValueColumn.Kind = run == .int ? .int : .float
      let appended = store.relationships.withColumn(type: type, key: key) {
        $0.append(kind: kind, from: from, presentWords: present, bits: bits)
      }
      guard appended else { throw FormatError(offset: at, message: "property values out of order or of two kinds") }
    case .coded:
      for (k, word) in present.enumerated() {
        var w = word
        while w != 0 {
          let position = from + 64 * k + w.trailingZeroBitCount
          let value = try r.value()
          store.relationships.withColumn(type: type, key: key) { _ = $0.set(value, at: position) }
          w &= w - 1
        }
      }
    }
  }
}
