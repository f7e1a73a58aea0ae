// The compact part of a store's adjacency: for each direction one compressed sparse row table by
// node id, of 32-bit neighbours and relationship ids with a 16-bit type each (none when the graph
// has a single relationship type), built from the relationship table (at the end of a bulk load, a snapshot load and a checkpoint) and never
// changed afterwards, so every version of the store shares it. Relationships created later sit in
// the nodes' own `Adjacency` lists (the delta, see GraphStore+Adjacency.swift).
import Dispatch
import GraphCore

/// One direction's relationships of every node: node `i`'s entries are at
/// `offsets[i]..<offsets[i + 1]`, grouped by type in ascending type id and, within a type, in
/// ascending relationship id, which is creation order (what the per-node lists keep).
struct AdjacencyRows: Sendable {
  let offsets: [UInt32]
  let neighbours: [UInt32]
  let ids: [UInt32]
  /// Each entry's type; empty when every entry has `onlyType` (a graph of one relationship type
  /// then spends nothing on it).
  let types: [UInt16]
  let onlyType: UInt16

  /// The type of the entry at `i`.
  @inline(__always)
  func type(at i: Int) -> TypeID { TypeID(types.isEmpty ? onlyType : types[i]) }

  /// The positions of node `node`'s entries (empty for a node created after the build).
  @inline(__always)
  func row(_ node: Int) -> Range<Int> {
    guard node >= 0, node + 1 < offsets.count else { return 0..<0 }
    return Int(offsets[node])..<Int(offsets[node + 1])
  }

  /// The positions within `row` of the entries of type `type`.
  /// - Complexity: O(log k) for a row of k entries.
  func segment(_ row: Range<Int>, type: TypeID) -> Range<Int> {
    guard type >= 0, type <= TypeID(UInt16.max) else { return row.lowerBound..<row.lowerBound }
    let t = UInt16(type)
    if types.isEmpty { return t == onlyType ? row : row.lowerBound..<row.lowerBound }
    let lo = lowerBound(row, { $0 < t })
    let hi = lowerBound(lo..<row.upperBound, { $0 <= t })
    return lo..<hi
  }

  /// The first position in `range` whose type fails `before` (types ascend within a row).
  private func lowerBound(_ range: Range<Int>, _ before: (UInt16) -> Bool) -> Int {
    var lo = range.lowerBound
    var hi = range.upperBound
    while lo < hi {
      let mid = (lo + hi) / 2
      if before(types[mid]) { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// Appends the entries at `range` to `out`, skipping relationships that `live` lacks (when
  /// given: some of the base's relationships were deleted since it was built).
  @inline(__always)
  func append(_ range: Range<Int>, to out: inout [AdjacentRelationship], live: ChunkedBitmap?) {
    if let live {
      for i in range where live.contains(Int64(ids[i])) {
        out.append(AdjacentRelationship(id: Int64(ids[i]), neighbour: Int64(neighbours[i])))
      }
    } else {
      for i in range { out.append(AdjacentRelationship(id: Int64(ids[i]), neighbour: Int64(neighbours[i]))) }
    }
  }

  /// The number of entries at `range` that `live` holds (all of them when nil).
  func count(_ range: Range<Int>, live: ChunkedBitmap?) -> Int {
    guard let live else { return range.count }
    var n = 0
    for i in range where live.contains(Int64(ids[i])) { n += 1 }
    return n
  }

  /// Heap bytes of the columns (for footprint estimates).
  var heapBytes: Int {
    Footprint.array(offsets) + Footprint.array(neighbours) + Footprint.array(ids) + Footprint.array(types)
  }
}

/// Both directions' rows, built once from the live relationships and then only read (a class so
/// that every store version holds one reference to it, never a copy).
final class AdjacencyBase: Sendable {
  let outgoing: AdjacencyRows
  let incoming: AdjacencyRows
  /// One past the highest relationship id when built: a live relationship below it is in the
  /// rows, one at or above it in the delta.
  let relationshipLimit: Int64

  /// Builds the rows of every live relationship of `table` over node ids below `nodeLimit`; nil
  /// when an id or a type does not fit the 32-bit (16-bit) columns, and the store keeps its
  /// per-node lists instead.
  /// - Complexity: O(n + m + t) for n node ids, m relationship ids and t types.
  init?(_ table: RelationshipTable, nodeLimit: Int, typeLimit: Int) {
    let m = table.count
    guard m < Int(UInt32.max), nodeLimit < Int(UInt32.max), typeLimit <= Int(UInt16.max) + 1 else { return nil }
    // The live ids in (type, id) order: a counting sort by type of the ids in ascending order.
    var byType = [Int](repeating: 0, count: typeLimit + 1)
    table.types.forEach { _, t in if t >= 0 { byType[Int(t) + 1] += 1 } }
    // With one type in use, the type columns are left out.
    let used = (0..<typeLimit).filter { byType[$0 + 1] > 0 }
    for t in 0..<typeLimit { byType[t + 1] += byType[t] }
    var order = [UInt32](repeating: 0, count: byType[typeLimit])
    order.withUnsafeMutableBufferPointer { order in
      table.types.forEach { id, t in
        guard t >= 0 else { return }
        order[byType[Int(t)]] = UInt32(id)
        byType[Int(t)] += 1
      }
    }
    let types = used.count > 1 ? table.types : nil
    let onlyType = UInt16(used.first ?? 0)
    // The two directions read the same columns and write arrays of their own: built at once,
    // one per core.
    let built = UnsafeMutableBufferPointer<AdjacencyRows?>.allocate(capacity: 2)
    built.initialize(repeating: nil)
    defer {
      _ = built.deinitialize()
      built.deallocate()
    }
    nonisolated(unsafe) let out = built
    let sorted = order
    DispatchQueue.concurrentPerform(iterations: 2) { direction in
      // Each iteration writes only its own slot.
      out[direction] = direction == 0
        ? Self.rows(sorted, at: table.starts, reaching: table.ends, types: types, onlyType: onlyType, nodeLimit: nodeLimit)
        : Self.rows(sorted, at: table.ends, reaching: table.starts, types: types, onlyType: onlyType, nodeLimit: nodeLimit)
    }
    guard let outgoing = built[0], let incoming = built[1] else { return nil }
    self.outgoing = outgoing
    self.incoming = incoming
    relationshipLimit = Int64(m)
  }

  /// One direction's rows: each relationship of `order` filed under its `key` node, with its
  /// `other` node as the neighbour, keeping `order` within each node (a stable counting sort).
  /// `types` is nil when every relationship has `onlyType`.
  private static func rows(
    _ order: [UInt32], at key: NodeIDColumn, reaching other: NodeIDColumn,
    types: TypeIDColumn?, onlyType: UInt16, nodeLimit: Int
  ) -> AdjacencyRows {
    var offsets = [UInt32](repeating: 0, count: nodeLimit + 1)
    for id in order { offsets[Int(key[Int(id)]) + 1] += 1 }
    for i in 0..<nodeLimit { offsets[i + 1] += offsets[i] }
    var next = offsets
    var neighbours = [UInt32](repeating: 0, count: order.count)
    var ids = [UInt32](repeating: 0, count: order.count)
    var typeColumn = [UInt16](repeating: 0, count: types == nil ? 0 : order.count)
    for id in order {
      let i = Int(id)
      let node = Int(key[i])
      let at = Int(next[node])
      next[node] += 1
      neighbours[at] = UInt32(other[i])
      ids[at] = id
      if let types { typeColumn[at] = UInt16(types[i]) }
    }
    return AdjacencyRows(offsets: offsets, neighbours: neighbours, ids: ids, types: typeColumn, onlyType: onlyType)
  }

  /// Heap bytes of both directions' columns.
  var heapBytes: Int { outgoing.heapBytes + incoming.heapBytes }
}
