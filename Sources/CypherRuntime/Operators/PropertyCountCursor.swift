// NodeCountByProperty: a count of the nodes of a scan grouped by one of their properties, read
// from the property's column rather than from a row per node.
import CypherPlanner
import GraphCore
import GraphStorage

/// Yields one row per distinct value of `spec.key` among the scanned nodes (null for those
/// without it), with the number of such nodes times the number of input rows, in the order in
/// which a scan in id order first meets each value: the rows an aggregation over a node scan
/// would yield. In a statement that does not write it counts the codes of the property's column
/// when the scan covers a good part of the nodes; otherwise it reads each node's property.
final class PropertyCountCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let spec: PropertyCountSpec
  private var output = ComputedRows()

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: PropertyCountSpec) {
    self.input = input
    self.ctx = ctx
    self.spec = spec
  }

  func next() throws -> Row? {
    try output.next(compute)
  }

  private func compute() throws -> [Row] {
    var inputRows = 0
    while try input.next() != nil { inputRows += 1 }
    guard inputRows > 0 else { return [] }
    let groups = try (worthColumn() ? countByCode() : nil) ?? countByValue()
    return groups.map { value, count in
      var row = Row(repeating: .null, count: ctx.rowWidth)
      row[spec.keySlot] = value
      for slot in spec.countSlots { row[slot] = .int(Int64(count * inputRows)) }
      return row
    }
  }

  /// Whether to count by column: in a statement that does not write, when the scan covers a good
  /// part of the nodes (building the column reads every node once, and counting by code costs
  /// as much as the column has values).
  private func worthColumn() -> Bool {
    guard !ctx.isUpdating, keyID() != nil else { return false }
    let count: Int
    switch scanned() {
    case .all: count = ctx.store.nodeCount
    case .label(let id): count = ctx.store.count(ofLabelID: id)
    case .nothing: count = 0
    }
    return count * 4 >= ctx.store.nodeIDLimit
  }

  /// What the scan visits: every node, the nodes of an interned label, or nothing (a label the
  /// store does not have).
  private enum Scanned { case all, label(LabelID), nothing }

  /// The scan's label resolved by the plan's committed id, or else by name in this statement's
  /// store.
  private func scanned() -> Scanned {
    guard let label = spec.label else { return .all }
    return (label.id ?? ctx.store.labelID(label.name)).map(Scanned.label) ?? .nothing
  }

  /// The grouping key's id: the plan's committed id, or else the statement's lookup by name.
  private func keyID() -> PropertyKeyID? {
    spec.key.id ?? ctx.propertyKeyID(spec.key.name)
  }

  /// The scanned nodes' ids as flat bitmap words (empty for a label no node has had).
  private func scannedWords() -> [UInt64] {
    switch scanned() {
    case .all: return ctx.store.labelWords([])
    case .label(let id): return ctx.store.labelWords([id])
    case .nothing: return []
    }
  }

  /// Groups by column code: one increment per node, then one property read per group for its
  /// value as the scan first met it.
  /// Nil when the store has more nodes than a column can code.
  private func countByCode() throws -> [(Value, Int)]? {
    guard let key = keyID(), let column = ctx.columns.column(key, of: ctx.store) else { return nil }
    let words = scannedWords()
    var counts = [Int](repeating: 0, count: column.values.count + 1)
    var first = [Int64](repeating: -1, count: column.values.count + 1)
    for (index, word) in words.enumerated() {
      var w = word
      while w != 0 {
        let id = Int64(index << 6 + w.trailingZeroBitCount)
        w &= w - 1
        let slot = Int(column.code(id)) + 1
        if counts[slot] == 0 { first[slot] = id }
        counts[slot] += 1
      }
      try ctx.checkCancelled()
    }
    ctx.dbHits += counts.reduce(0, +)
    let met = counts.indices.filter { counts[$0] > 0 }.sorted { first[$0] < first[$1] }
    return met.map { slot in
      let value = slot == 0 ? Value.null : (ctx.store.nodeProperty(first[slot], key: key) ?? nil) ?? .null
      return (value, counts[slot])
    }
  }

  /// Groups by each node's property value, skipping nodes this statement deleted.
  private func countByValue() throws -> [(Value, Int)] {
    let key = keyID()
    let ids: [Int64]
    switch scanned() {
    case .all: ids = ctx.store.allNodeIDs()
    case .label(let id): ids = ctx.store.nodeIDs(withLabelID: id)
    case .nothing: ids = []
    }
    var groups: [GroupingKey: Int] = [:]
    var found: [(Value, Int)] = []
    for id in ids where !ctx.isDeleted(node: id) {
      ctx.dbHits += 1
      let value = (ctx.store.nodeProperty(id, key: key) ?? nil) ?? .null
      if let g = groups[GroupingKey(value)] {
        found[g].1 += 1
      } else {
        groups[GroupingKey(value)] = found.count
        found.append((value, 1))
      }
      try ctx.checkCancelled()
    }
    return found
  }
}
