// The row-at-a-time operators: Filter, Projection, Unwind, Skip/Limit, Distinct, Eager,
// relationship uniqueness and Union.
import CypherPlanner
import GraphCore

/// Keeps the rows for which the predicate is true.
final class FilterCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let predicate: PlanExpression

  init(_ input: Cursor, _ ctx: ExecutionContext, _ predicate: PlanExpression) {
    self.input = input
    self.ctx = ctx
    self.predicate = predicate
  }

  func next() throws -> Row? {
    while let row = try input.next() {
      if try ctx.truth(ctx.eval(predicate, row)) == true { return row }
    }
    return nil
  }
}

/// Writes computed values into slots.
final class ProjectCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let items: [(Int, PlanExpression)]

  init(_ input: Cursor, _ ctx: ExecutionContext, _ items: [(Int, PlanExpression)]) {
    self.input = input
    self.ctx = ctx
    self.items = items
  }

  func next() throws -> Row? {
    guard let row = try input.next() else { return nil }
    var out = row
    for (slot, e) in items { out[slot] = try ctx.eval(e, row) }
    return out
  }
}

/// One row per list element (a non-list value counts as a one-element list, null as empty).
final class UnwindCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let list: PlanExpression
  private let slot: Int
  private var row: Row?
  private var items: [Value] = []
  private var position = 0
  /// The rest of an integer `range()` unwound without building its list (as Neo4j's lazy range
  /// does, so `UNWIND range(1, 1000000000)` streams instead of meeting the list-size limit): the
  /// next value, the bound and the step.
  private var stream: (next: Int64, end: Int64, step: Int64)?

  init(_ input: Cursor, _ ctx: ExecutionContext, _ list: PlanExpression, slot: Int) {
    self.input = input
    self.ctx = ctx
    self.list = list
    self.slot = slot
  }

  func next() throws -> Row? {
    while true {
      if var r = row, let s = stream {
        if s.step > 0 ? s.next <= s.end : s.next >= s.end {
          try ctx.checkCancelled()
          r[slot] = .int(s.next)
          let (after, overflow) = s.next.addingReportingOverflow(s.step)
          stream = overflow ? nil : (after, s.end, s.step)
          return r
        }
        stream = nil
      }
      if var r = row, position < items.count {
        // A long list is a long loop: it stays cancellable.
        try ctx.checkCancelled()
        r[slot] = items[position]
        position += 1
        return r
      }
      guard let next = try input.next() else { return nil }
      row = next
      position = 0
      items = []
      if let s = try streamedRange(next) {
        stream = s
        continue
      }
      switch try ctx.eval(list, next) {
      case .list(let l): items = l
      case .null: items = []
      case let v: items = [v]
      }
    }
  }

  /// The bounds of `range()` with integer arguments, to stream; nil for any other list (and
  /// for arguments range() refuses, which the ordinary evaluation then reports).
  private func streamedRange(_ row: Row) throws -> (next: Int64, end: Int64, step: Int64)? {
    guard case .function(.range, let arguments) = list, arguments.count == 2 || arguments.count == 3 else { return nil }
    let values = try arguments.map { try ctx.eval($0, row) }
    guard case .int(let start) = values[0], case .int(let end) = values[1] else { return nil }
    guard values.count == 3 else { return (start, end, 1) }
    guard case .int(let step) = values[2], step != 0 else { return nil }
    return (start, end, step)
  }
}

/// Skips the first rows, or stops after a number of rows.
final class SkipLimitCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let skipExpression: PlanExpression?
  private let limitExpression: PlanExpression?
  private var remaining: Int64?
  private var toSkip: Int64?

  init(_ input: Cursor, _ ctx: ExecutionContext, skip: PlanExpression? = nil, limit: PlanExpression? = nil) {
    self.input = input
    self.ctx = ctx
    self.skipExpression = skip
    self.limitExpression = limit
  }

  /// SKIP and LIMIT see no variables, but a subquery in them (`SKIP COUNT { MATCH (n) }`) binds
  /// its own in the statement's slots: the row is the statement's width, all null.
  private func count(_ e: PlanExpression, _ clause: String) throws -> Int64 {
    let v = try ctx.eval(e, Row(repeating: .null, count: ctx.rowWidth))
    switch v {
    case .int(let n) where n >= 0: return n
    case .int(let n):
      throw QuiverError.runtime(.syntax, .negativeIntegerArgument, "\(clause) must be a non-negative integer, got \(n)")
    default:
      throw QuiverError.runtime(.syntax, .invalidArgumentType, "\(clause) must be a non-negative integer, got \(v.typeName)")
    }
  }

  func next() throws -> Row? {
    if let e = skipExpression {
      if toSkip == nil { toSkip = try count(e, "SKIP") }
      while (toSkip ?? 0) > 0 {
        guard try input.next() != nil else { return nil }
        toSkip = (toSkip ?? 0) - 1
      }
      return try input.next()
    }
    if let e = limitExpression {
      if remaining == nil { remaining = try count(e, "LIMIT") }
      guard let r = remaining, r > 0 else {
        // Rows past the limit are not returned, but their writes must still happen.
        if ctx.isUpdating { while try input.next() != nil {} }
        return nil
      }
      remaining = r - 1
      return try input.next()
    }
    return try input.next()
  }
}

/// Drops rows whose values in `slots` equal those of an earlier row.
final class DistinctCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let slots: [Int]
  private var seen = Set<GroupingKey>()

  init(_ input: Cursor, _ ctx: ExecutionContext, slots: [Int]) {
    self.input = input
    self.ctx = ctx
    self.slots = slots
  }

  func next() throws -> Row? {
    while let row = try input.next() {
      let values = slots.map { row[$0] }
      let key = GroupingKey(.list(values))
      if seen.insert(key).inserted {
        try ctx.materialize(bytes: values.estimatedBytes, "DISTINCT")
        return row
      }
    }
    return nil
  }
}

/// Materialises all input before yielding, so that writes complete before later reads; the rows
/// held count against the statement's row and memory limits.
final class EagerCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private var rows: [Row]?
  private var position = 0

  init(_ input: Cursor, _ ctx: ExecutionContext) {
    self.input = input
    self.ctx = ctx
  }

  func next() throws -> Row? {
    if rows == nil {
      var all: [Row] = []
      while let r = try input.next() {
        try ctx.materialize(bytes: r.estimatedBytes, "an eager buffer of rows to write")
        all.append(r)
      }
      rows = all
    }
    guard let rows, position < rows.count else { return nil }
    position += 1
    return rows[position - 1]
  }
}

/// Drops rows in which one relationship is bound twice within a MATCH.
final class UniquenessCursor: Cursor {
  private let input: Cursor
  private let singles: [Int]
  private let lists: [Int]

  init(_ input: Cursor, singles: [Int], lists: [Int]) {
    self.input = input
    self.singles = singles
    self.lists = lists
  }

  func next() throws -> Row? {
    next: while let row = try input.next() {
      if lists.isEmpty {
        // A few single relationships: compared pairwise, with no set built per row.
        if Self.repeatsARelationship(row, singles) { continue next }
        return row
      }
      var seen = Set<Int64>()
      for s in singles {
        if case .relationship(let r) = row[s], !seen.insert(r.id).inserted { continue next }
      }
      for s in lists {
        if case .list(let items) = row[s] {
          for case .relationship(let r) in items where !seen.insert(r.id).inserted { continue next }
        }
      }
      return row
    }
    return nil
  }

  /// Whether two of the `slots` of `row` hold the same relationship.
  private static func repeatsARelationship(_ row: Row, _ slots: [Int]) -> Bool {
    for i in slots.indices {
      guard case .relationship(let a) = row[slots[i]] else { continue }
      for j in 0..<i {
        if case .relationship(let b) = row[slots[j]], a.id == b.id { return true }
      }
    }
    return false
  }
}

/// The rows of each branch in turn; with `distinct`, each distinct output once.
final class UnionCursor: Cursor {
  private let branches: [Cursor]
  private let outputs: [Int]
  private let distinct: Bool
  private var current = 0
  private var seen = Set<GroupingKey>()

  init(_ branches: [Cursor], outputs: [Int], distinct: Bool) {
    self.branches = branches
    self.outputs = outputs
    self.distinct = distinct
  }

  func next() throws -> Row? {
    while current < branches.count {
      guard let row = try branches[current].next() else {
        current += 1
        continue
      }
      if distinct, !seen.insert(GroupingKey(.list(outputs.map { row[$0] }))).inserted { continue }
      return row
    }
    return nil
  }
}
