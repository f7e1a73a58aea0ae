// Sort: materialises its input and orders it by the ORDER BY keys (stable, nulls last when
// ascending), using Cypher's total order over values.
import CypherPlanner
import GraphCore

/// Yields the input rows in ORDER BY order.
final class SortCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let keys: [(PlanExpression, Bool)]
  private var rows: [Row]?
  private var position = 0

  init(_ input: Cursor, _ ctx: ExecutionContext, _ keys: [(PlanExpression, Bool)]) {
    self.input = input
    self.ctx = ctx
    self.keys = keys
  }

  func next() throws -> Row? {
    if rows == nil {
      var keyed: [(keys: [Value], row: Row, index: Int)] = []
      while let r = try input.next() {
        let values = try keys.map { try ctx.eval($0.0, r) }
        try ctx.materialize(bytes: r.estimatedBytes + values.estimatedBytes, "ORDER BY")
        keyed.append((values, r, keyed.count))
      }
      let ascending = keys.map(\.1)
      keyed.sort { a, b in
        for (i, asc) in ascending.enumerated() {
          let c = a.keys[i].orderCompare(b.keys[i])
          if c != 0 { return asc ? c < 0 : c > 0 }
        }
        return a.index < b.index
      }
      rows = keyed.map(\.row)
    }
    guard let rows, position < rows.count else { return nil }
    position += 1
    return rows[position - 1]
  }
}
