// The incremental entry point of the runtime: a started statement that hands out its result rows
// one pull at a time, hydrated, straight from the cursor tree. A reading statement materialises
// nothing; an updating one runs to completion when started (openCypher's clause-at-a-time
// semantics) and then hands out the rows it kept.
import CypherPlanner
import GraphCore
import GraphStorage

/// A running statement: each `next()` yields one result row (entities filled in), or nil at the end.
/// Holds the statement's version of the store until it is dropped.
package final class RowSource {
  /// Column names in RETURN order.
  package let columns: [String]
  private let context: ExecutionContext
  private var cursor: Cursor?
  /// The slot of each column.
  private let slots: [Int]
  /// The rows of an updating statement, unhydrated, once it ran to completion.
  private var kept: [[Value]] = []
  private var position = 0

  fileprivate init(_ query: CompiledQuery, _ context: ExecutionContext) throws {
    columns = query.columns.map(\.0)
    slots = query.columns.map(\.1)
    self.context = context
    // Operator positions are tracked only when profiling: building them cost a few array
    // appends per cursor on every statement.
    let root = context.makeCursor(
      query.root, argument: Row(repeating: .null, count: query.slotCount), path: context.profile == nil ? nil : [])
    guard query.isUpdating || slots.isEmpty else {
      cursor = root
      return
    }
    // Writes finish before the first row is handed out; a statement without columns runs for
    // its effects (a procedure call) and hands out nothing.
    while let row = try pull(root) {
      guard !slots.isEmpty else { continue }
      try context.materialize(bytes: row.estimatedBytes, "the result of an updating statement")
      kept.append(row)
    }
    if query.isUpdating { try context.finishWrites() }
  }

  /// The next row, or nil when there are no more.
  package func next() throws -> [Value]? {
    if let cursor {
      guard let row = try pull(cursor) else {
        self.cursor = nil
        return nil
      }
      return row.map { context.hydrate($0) }
    }
    guard position < kept.count else { return nil }
    position += 1
    return kept[position - 1].map { context.hydrate($0) }
  }

  /// The kept rows of an updating statement not yet handed out, filled in now, so that the
  /// caller can let the statement go and with it its version of the store (and that version's
  /// change log) rather than hold them until the rows are read.
  package func remainingKeptRows() -> [[Value]] {
    defer { position = kept.count }
    return kept[position...].map { row in row.map { context.hydrate($0) } }
  }

  /// What the statement changed.
  package var statistics: QueryStatistics { context.statistics }

  /// The statement's version of the store, with its changes.
  package var store: GraphStore { context.store }

  /// Rows and time per operator, for PROFILE.
  package var profile: ProfileRecorder? { context.profile }

  /// One row of the root cursor, projected to the columns.
  private func pull(_ cursor: Cursor) throws -> [Value]? {
    guard let row = try cursor.next() else { return nil }
    try context.checkCancelled()
    context.cancellation?.countRow()
    return slots.map { row[$0] }
  }
}

extension ExecutionContext {
  /// Starts `query`: an updating statement runs to completion here, a reading one when pulled.
  package func start(_ query: CompiledQuery) throws -> RowSource {
    rowWidth = query.slotCount
    isUpdating = query.isUpdating
    return try RowSource(query, self)
  }
}
