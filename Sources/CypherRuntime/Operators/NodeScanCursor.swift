// The node-producing leaves: AllNodesScan, NodeByLabelScan, NodeIndexScan and NodeIndexSeek. For
// each input row they ask their source for node ids and yield the live ones in that order.
import GraphCore

/// Yields each input row extended with each live node its source lists for that row.
final class NodeScanCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let slot: Int
  /// The node ids to visit for an input row, in order.
  private let source: (Row) throws -> [Int64]
  private var row: Row?
  private var ids: [Int64] = []
  private var position = 0

  init(_ input: Cursor, _ ctx: ExecutionContext, slot: Int, source: @escaping (Row) throws -> [Int64]) {
    self.input = input
    self.ctx = ctx
    self.slot = slot
    self.source = source
  }

  func next() throws -> Row? {
    while true {
      if row != nil, position < ids.count {
        let id = ids[position]
        position += 1
        ctx.dbHits += 1
        // The ids come from this statement's store, so only a statement that writes can have
        // removed one since.
        if ctx.isUpdating && ((!ctx.deletedNodes.isEmpty && ctx.deletedNodes[id] != nil) || !ctx.store.nodeExists(id)) { continue }
        try ctx.checkCancelled()
        // Changed in place once the consumer has let go of the previous output (see ExpandCursor).
        var r = row.take() ?? []
        r[slot] = .node(Node(id: id))
        row = r
        return r
      }
      guard let next = try input.next() else { return nil }
      row = next
      ids = try source(next)
      position = 0
    }
  }
}
