// Path selectors that keep more than one path (`SHORTEST k`, `SHORTEST k GROUPS`, `ANY k`):
// for each input row, every match of the pattern (its own predicates already applied),
// partitioned by the pair of nodes it starts and ends at, and of each partition the paths the
// selector keeps. A partition's matches are all read before any is kept, so this operator holds
// one input row's matches at a time.
import CypherPlanner
import GraphCore

/// Yields, per input row, the matches of `inner` the selector keeps, partition by partition in
/// the order the partitions were first met, each partition's paths shortest first.
final class PathSelectCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let inner: PlanOperator
  private var spec: PathSelectSpec
  private let path: [Int]?
  /// `spec.count` has been read into `spec.keep`.
  private var counted = false
  /// The kept rows of the current input row, and how many of them were yielded.
  private var kept: [Row] = []
  private var yielded = 0

  init(_ input: Cursor, _ ctx: ExecutionContext, inner: PlanOperator, spec: PathSelectSpec, path: [Int]?) {
    self.input = input
    self.ctx = ctx
    self.inner = inner
    self.spec = spec
    self.path = path
  }

  func next() throws -> Row? {
    while true {
      if yielded < kept.count {
        yielded += 1
        return kept[yielded - 1]
      }
      guard let row = try input.next() else { return nil }
      if !counted {
        if let count = spec.count { spec.keep = spec.keep.with(count: try selectorCount(count)) }
        counted = true
      }
      kept = try select(ctx.makeCursor(inner, argument: row, path: path))
      yielded = 0
    }
  }

  /// A partition: the matches between one pair of nodes, with their lengths.
  private struct Partition {
    var rows: [(length: Int, row: Row)] = []
  }

  /// Reads every match of `matches` and keeps what the selector keeps.
  private func select(_ matches: Cursor) throws -> [Row] {
    var order: [PairKey] = []
    var partitions: [PairKey: Partition] = [:]
    while let row = try matches.next() {
      try ctx.checkCancelled()
      guard case .node(let s) = row[spec.start], case .node(let e) = row[spec.end] else { continue }
      let key = PairKey(start: s.id, end: e.id)
      if case .any(let k) = spec.keep, (partitions[key]?.rows.count ?? 0) >= k { continue }
      if partitions[key] == nil { order.append(key) }
      try ctx.materialize(bytes: row.estimatedBytes, "path selector")
      partitions[key, default: Partition()].rows.append((length(of: row), row))
    }
    var out: [Row] = []
    for key in order {
      guard let rows = partitions[key]?.rows else { continue }
      // A stable sort keeps the walk's order among paths of one length.
      let sorted = rows.enumerated().sorted { ($0.element.length, $0.offset) < ($1.element.length, $1.offset) }.map(\.element)
      switch spec.keep {
      case .any(let k), .shortest(let k):
        out += sorted.prefix(k).map(\.row)
      case .groups(let k):
        var lengths: [Int] = []
        for (length, row) in sorted {
          if lengths.last != length {
            if lengths.count == k { break }
            lengths.append(length)
          }
          out.append(row)
        }
      }
    }
    return out
  }

  /// The value of a selector count a parameter gives: a positive integer. It reads no
  /// variables, so the row is the statement's width, all null.
  private func selectorCount(_ e: PlanExpression) throws -> Int {
    let v = try ctx.eval(e, Row(repeating: .null, count: ctx.rowWidth))
    switch v {
    case .int(let n) where n > 0 && n <= Int64(Int.max): return Int(n)
    case .int(let n):
      throw QuiverError.runtime(.argument, .invalidArgumentValue, "a path selector needs a positive count, got \(n)")
    default:
      throw QuiverError.runtime(
        .argument, .invalidArgumentType, "a path selector's count must be a positive integer, got \(v.typeName)")
    }
  }

  /// The number of relationships of the match in `row`.
  private func length(of row: Row) -> Int {
    var n = spec.singles
    for slot in spec.lists {
      if case .list(let l) = row[slot] { n += l.count }
    }
    return n
  }
}

/// The start and end node of a match: what a selector partitions by.
private struct PairKey: Hashable {
  let start: Int64
  let end: Int64
}

extension PathSelectSpec.Keep {
  /// The same selector keeping `count` paths or groups.
  fileprivate func with(count: Int) -> Self {
    switch self {
    case .shortest: return .shortest(count)
    case .groups: return .groups(count)
    case .any: return .any(count)
    }
  }
}
