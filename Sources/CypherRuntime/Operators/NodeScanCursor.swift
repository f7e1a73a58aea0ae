// AllNodesScan, NodeByLabelScan and NodeIndexScan: for each input row, every live node (with the
// label), in id order or in the order of a property index.
import GraphCore

/// Yields each input row extended with every node, or every node carrying `label`.
final class NodeScanCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let slot: Int
  private let label: String?
  /// An index to follow, and the direction, instead of id order.
  private let order: (index: String, ascending: Bool)?
  private var row: Row?
  private var ids: [Int64] = []
  private var position = 0

  init(_ input: Cursor, _ ctx: ExecutionContext, slot: Int, label: String?, order: (index: String, ascending: Bool)? = nil) {
    self.input = input
    self.ctx = ctx
    self.slot = slot
    self.label = label
    self.order = order
  }

  /// The ids to visit: all or labelled nodes in id order, or in index order with the nodes the
  /// index lacks (no value) placed where ORDER BY puts nulls.
  private func visitOrder() -> [Int64] {
    let labelled = label.map { ctx.store.nodeIDs(withLabel: $0) } ?? ctx.store.allNodeIDs()
    guard let order else { return labelled }
    let indexed = ctx.store.indexLookup(order.index, from: nil, inclusive: true, to: nil, inclusive: true)
    let present = Set(indexed)
    let missing = labelled.filter { !present.contains($0) }
    return order.ascending ? indexed + missing : missing + reversedKeepingTies(indexed)
  }

  /// Descending key order with ties still in ascending id order, as a stable sort gives.
  private func reversedKeepingTies(_ ids: [Int64]) -> [Int64] {
    guard let order else { return ids.reversed() }
    let entries = ids.map { id in (id, ctx.store.node(id)?.properties[ctx.store.indexProperty(order.index)] ?? .null) }
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

  func next() throws -> Row? {
    while true {
      if var r = row, position < ids.count {
        let id = ids[position]
        position += 1
        ctx.dbHits += 1
        if ctx.deletedNodes[id] != nil || !ctx.store.nodeExists(id) { continue }
        try ctx.checkCancelled()
        r[slot] = .node(Node(id: id))
        return r
      }
      guard let next = try input.next() else { return nil }
      row = next
      ids = visitOrder()
      position = 0
    }
  }
}
