// Where the leaves get their ids from property indexes: the entities a seek finds for a row, and
// the nodes of a label in an index's order.
import CypherPlanner
import GraphCore

extension ExecutionContext {
  /// Ids an index seek on nodes or relationships finds for `row`.
  func indexSeekIDs(index: String, bounds: IndexBounds, _ row: Row) throws -> [Int64] {
    dbHits += 1
    switch bounds {
    case .equal(let expressions):
      let key = try expressions.map { try eval($0, row) }
      if key.contains(where: \.isNull) { return [] }
      return store.indexLookup(index, equalTo: key)
    case .anyOf(let list):
      guard case .list(let items) = try eval(list, row) else { return [] }
      var seen = Set<Int64>()
      var out: [Int64] = []
      for item in items where !item.isNull {
        for id in store.indexLookup(index, equalTo: [item]) where seen.insert(id).inserted {
          out.append(id)
        }
      }
      return out
    case .range(let lower, let lowerInclusive, let upper, let upperInclusive):
      let low = try lower.map { try eval($0, row) }
      let high = try upper.map { try eval($0, row) }
      if low?.isNull == true || high?.isNull == true { return [] }
      return store.indexLookup(index, from: low.map { [$0] }, inclusive: lowerInclusive, to: high.map { [$0] }, inclusive: upperInclusive)
    case .prefix(let p):
      guard case .string(let prefix) = try eval(p, row) else { return [] }
      return store.indexLookup(
        index, from: [.string(prefix)], inclusive: true, to: [.string(prefix + "\u{10FFFF}")], inclusive: true)
    }
  }

  /// Nodes with `label` in the order of `index`, with the nodes the index lacks (no value) placed
  /// where ORDER BY puts nulls.
  func orderedNodeIDs(label: String, index: String, ascending: Bool) -> [Int64] {
    let labelled = store.nodeIDs(withLabel: label)
    let indexed = store.indexLookup(index, from: nil, inclusive: true, to: nil, inclusive: true)
    let present = Set(indexed)
    let missing = labelled.filter { !present.contains($0) }
    return ascending ? indexed + missing : missing + reversedKeepingTies(indexed, index: index)
  }

  /// Descending key order with ties still in ascending id order, as a stable sort gives.
  private func reversedKeepingTies(_ ids: [Int64], index: String) -> [Int64] {
    let property = store.indexProperty(index)
    let entries = ids.map { id in (id, store.nodeProperty(id, property).flatMap { $0 } ?? .null) }
    var out: [Int64] = []
    var i = entries.count - 1
    while i >= 0 {
      var j = i
      while j > 0, entries[j - 1].1.orderCompare(entries[i].1) == 0 { j -= 1 }
      out += entries[j...i].map(\.0)
      i = j - 1
    }
    return out
  }
}
