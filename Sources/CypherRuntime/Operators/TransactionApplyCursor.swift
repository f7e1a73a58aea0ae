// CALL { … } IN TRANSACTIONS: the subquery runs over the input a batch of rows at a time, and each
// batch's changes commit on their own before the next batch is read, so memory stays bounded by
// the batch (a LOAD CSV of millions of rows) and a failure undoes one batch only.
import CypherPlanner
import GraphCore

/// Runs the inner plan for batches of input rows, committing each batch; a failing batch is
/// rolled back and then fails the statement, is skipped (ON ERROR CONTINUE) or ends the batching
/// (ON ERROR BREAK). Yields the rows an `apply` would, plus each row's status map when asked.
final class TransactionApplyCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let inner: PlanOperator
  private let outputs: [Int]?
  private let spec: TransactionBatchSpec
  private let path: [Int]?
  private var size: Int?
  /// The rows of the last batch, handed out before the next batch runs.
  private var ready: [Row] = []
  private var position = 0
  /// The rows and bytes of the batch being held, counted against the statement's limits.
  private var held = (rows: 0, bytes: 0)
  /// ON ERROR BREAK stopped the batching: later rows pass through unrun.
  private var stopped = false
  private var batches = 0

  init(_ input: Cursor, _ ctx: ExecutionContext, inner: PlanOperator, outputs: [Int]?, _ spec: TransactionBatchSpec, path: [Int]?) {
    self.input = input
    self.ctx = ctx
    self.inner = inner
    self.outputs = outputs
    self.spec = spec
    self.path = path
  }

  func next() throws -> Row? {
    while true {
      if position < ready.count {
        position += 1
        return ready[position - 1]
      }
      ready.removeAll(keepingCapacity: true)
      position = 0
      ctx.release(rows: held.rows, bytes: held.bytes)
      held = (0, 0)
      let limit = try batchSize()
      var batch: [Row] = []
      // A batch is held until it has run and its rows are handed on; it counts against the
      // statement's limits until the next batch replaces it.
      while batch.count < limit, let row = try input.next() {
        let bytes = row.estimatedBytes
        try ctx.materialize(bytes: bytes, "a batch of CALL … IN TRANSACTIONS")
        held = (held.rows + 1, held.bytes + bytes)
        batch.append(row)
      }
      if batch.isEmpty { return nil }
      ready = try run(batch)
    }
  }

  /// `OF n ROWS`, evaluated once (a parameter may give it).
  private func batchSize() throws -> Int {
    if let size { return size }
    guard case .int(let n) = try ctx.eval(spec.size, Row(repeating: .null, count: ctx.rowWidth)), n > 0, n <= Int(Int32.max) else {
      throw QuiverError.runtime(.argument, .invalidBatchSize, "the batch size of IN TRANSACTIONS OF … ROWS must be a positive integer")
    }
    size = Int(n)
    return Int(n)
  }

  /// Runs one batch and returns its output rows.
  private func run(_ batch: [Row]) throws -> [Row] {
    if stopped { return batch.map { unrun($0, status: Self.status(started: false, committed: false, id: nil, error: nil)) } }
    batches += 1
    let id = "quiver-transaction-\(batches)"
    let mark = try ctx.beginBatch()
    var out: [Row] = []
    do {
      for row in batch {
        let cursor = ctx.makeCursor(inner, argument: row, path: path)
        guard let outputs else {
          while try cursor.next() != nil { try ctx.checkCancelled() }
          out.append(row)
          continue
        }
        while let r = try cursor.next() {
          try ctx.checkCancelled()
          var combined = row
          for slot in outputs { combined[slot] = r[slot] }
          out.append(combined)
        }
      }
      try ctx.finishBatchWrites()
    } catch let error as QuiverError where spec.onError != .fail && error.category != .cancelled {
      ctx.rollBack(to: mark)
      if spec.onError == .break { stopped = true }
      let status = Self.status(started: true, committed: false, id: id, error: error.message)
      return batch.map { unrun($0, status: status) }
    } catch {
      ctx.rollBack(to: mark)
      throw error
    }
    // A failed commit is the database's failure, not the batch's: it always ends the statement.
    try ctx.commitBatchChanges()
    guard let statusSlot = spec.statusSlot else { return out }
    let status = Self.status(started: true, committed: true, id: id, error: nil)
    for i in out.indices { out[i][statusSlot] = status }
    return out
  }

  /// An input row of a batch that did not commit: the subquery's columns null, with `status`.
  private func unrun(_ row: Row, status: Value) -> Row {
    var r = row
    for slot in outputs ?? [] { r[slot] = .null }
    if let statusSlot = spec.statusSlot { r[statusSlot] = status }
    return r
  }

  /// The map REPORT STATUS gives each row, with the keys Neo4j gives it.
  private static func status(started: Bool, committed: Bool, id: String?, error: String?) -> Value {
    .map([
      "started": .bool(started), "committed": .bool(committed),
      "transactionId": id.map { .string($0) } ?? .null, "errorMessage": error.map { .string($0) } ?? .null,
    ])
  }
}
