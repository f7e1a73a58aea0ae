// Operators that run a correlated sub-plan per input row: OPTIONAL MATCH (with null fill),
// CALL { } subqueries (Apply) and FOREACH.
import CypherPlanner
import GraphCore

/// For each input row, the rows of the inner plan; when it has none, the row with nulls.
final class OptionalCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let inner: PlanOperator
  private let nulls: [Int]
  private let path: [Int]?
  private var current: Cursor?
  private var producedForRow = false
  private var row: Row?

  init(_ input: Cursor, _ ctx: ExecutionContext, inner: PlanOperator, nulls: [Int], path: [Int]?) {
    self.input = input
    self.ctx = ctx
    self.inner = inner
    self.nulls = nulls
    self.path = path
  }

  func next() throws -> Row? {
    while true {
      if let current, let r = try current.next() {
        producedForRow = true
        return r
      }
      if current != nil, !producedForRow, var r = row {
        current = nil
        for s in nulls { r[s] = .null }
        return r
      }
      guard let next = try input.next() else { return nil }
      row = next
      producedForRow = false
      current = ctx.makeCursor(inner, argument: next, path: path)
    }
  }
}

/// A CALL subquery: for each input row, the inner plan run with it as argument. A returning
/// subquery yields the input row combined with each inner row (its `outputs` slots copied over,
/// since an aggregation or UNION inside builds rows of its own); a unit subquery (`outputs` nil)
/// runs the inner plan to the end for its changes and yields the input row once.
final class ApplyCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let inner: PlanOperator
  private let outputs: [Int]?
  private let path: [Int]?
  private var current: (outer: Row, inner: Cursor)?

  init(_ input: Cursor, _ ctx: ExecutionContext, inner: PlanOperator, outputs: [Int]?, path: [Int]?) {
    self.input = input
    self.ctx = ctx
    self.inner = inner
    self.outputs = outputs
    self.path = path
  }

  func next() throws -> Row? {
    while true {
      if let (outer, cursor) = current, let r = try cursor.next() {
        var combined = outer
        for slot in outputs ?? [] { combined[slot] = r[slot] }
        return combined
      }
      current = nil
      guard let next = try input.next() else { return nil }
      let cursor = ctx.makeCursor(inner, argument: next, path: path)
      guard outputs != nil else {
        while try cursor.next() != nil { try ctx.checkCancelled() }
        return next
      }
      current = (next, cursor)
    }
  }
}

/// FOREACH: runs the inner updates once per list element, then passes the row on unchanged.
final class ForeachCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let slot: Int
  private let list: PlanExpression
  private let inner: PlanOperator
  private let path: [Int]?

  init(_ input: Cursor, _ ctx: ExecutionContext, slot: Int, list: PlanExpression, inner: PlanOperator, path: [Int]?) {
    self.input = input
    self.ctx = ctx
    self.slot = slot
    self.list = list
    self.inner = inner
    self.path = path
  }

  func next() throws -> Row? {
    guard let row = try input.next() else { return nil }
    let items: [Value]
    switch try ctx.eval(list, row) {
    case .list(let l): items = l
    case .null: items = []
    case let v: throw QuiverError.typeError("FOREACH needs a list, got \(v.typeName)")
    }
    for item in items {
      var r = row
      r[slot] = item
      let cursor = ctx.makeCursor(inner, argument: r, path: path)
      while try cursor.next() != nil {}
    }
    return row
  }
}
