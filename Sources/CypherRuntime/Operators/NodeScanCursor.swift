// AllNodesScan and NodeByLabelScan: for each input row, every live node (with the label).
import GraphCore

/// Yields each input row extended with every node, or every node carrying `label`.
final class NodeScanCursor: Cursor {
  private let input: Cursor
  private unowned let ctx: ExecutionContext
  private let slot: Int
  private let label: String?
  private var row: Row?
  private var ids: [Int64] = []
  private var position = 0

  init(_ input: Cursor, _ ctx: ExecutionContext, slot: Int, label: String?) {
    self.input = input
    self.ctx = ctx
    self.slot = slot
    self.label = label
  }

  func next() throws -> Row? {
    while true {
      if var r = row, position < ids.count {
        let id = ids[position]
        position += 1
        if ctx.deletedNodes[id] != nil || !ctx.store.nodeExists(id) { continue }
        try ctx.checkCancelled()
        r[slot] = .node(Node(id: id))
        return r
      }
      guard let next = try input.next() else { return nil }
      row = next
      ids = label.map { ctx.store.nodeIDs(withLabel: $0) } ?? ctx.store.allNodeIDs()
      position = 0
    }
  }
}
