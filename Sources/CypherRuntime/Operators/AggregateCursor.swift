// Aggregation: groups the input by the grouping keys and computes each aggregate per group. With
// no grouping keys an empty input still yields one row (count(*) = 0).
import CypherPlanner
import GraphCore

/// Yields one row per group with the keys and aggregate results in their slots.
final class AggregateCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let keys: [(Int, PlanExpression)]
  private let aggregates: [(Int, AggregateSpec)]
  private var output = ComputedRows()
  private let width: Int

  init(_ input: Cursor, _ ctx: ExecutionContext, keys: [(Int, PlanExpression)], aggregates: [(Int, AggregateSpec)]) {
    self.input = input
    self.ctx = ctx
    self.keys = keys
    self.aggregates = aggregates
    self.width = ctx.rowWidth
  }

  func next() throws -> Row? {
    try output.next(compute)
  }

  private func compute() throws -> [Row] {
    var groups: [GroupingKey: Int] = [:]
    var keyValues: [[Value]] = []
    var states: [[Accumulator]] = []
    while let row = try input.next() {
      let index: Int
      if keys.isEmpty && !states.isEmpty {
        // One group: nothing to hash.
        index = 0
      } else {
        // A single key is hashed as itself, with no list built per row.
        // (Spelled out: a `nil` in a conditional expression would be read as Value's null.)
        var single: Value?
        var values: [Value] = []
        if keys.count == 1 {
          single = try ctx.eval(keys[0].1, row)
        } else {
          values = try keys.map { try ctx.eval($0.1, row) }
        }
        let key = single.map(GroupingKey.init) ?? GroupingKey(.list(values))
        if let i = groups[key] {
          index = i
        } else {
          index = keyValues.count
          try ctx.materialize(bytes: (single.map { [$0] } ?? values).estimatedBytes + 16 * aggregates.count, "aggregation")
          groups[key] = index
          keyValues.append(single.map { [$0] } ?? values)
          states.append(aggregates.map { Accumulator($0.1) })
        }
      }
      for (j, (_, spec)) in aggregates.enumerated() {
        // One argument (the common case) is evaluated without building a list for it.
        guard let arguments = spec.arguments else {
          try states[index][j].add(Optional<Value>.none, parameter: Optional<Value>.none)
          continue
        }
        if case .user = spec.kind {
          try states[index][j].add(arguments: arguments.map { try ctx.eval($0, row) })
          continue
        }
        let first = try arguments.first.map { try ctx.eval($0, row) }
        let second = try arguments.dropFirst().first.map { try ctx.eval($0, row) }
        if spec.keepsValues, let first, !first.isNull {
          try ctx.materialize(bytes: first.estimatedBytes, "\(spec.name)()")
        }
        try states[index][j].add(first, parameter: second)
      }
    }
    if keyValues.isEmpty && keys.isEmpty {
      keyValues.append([])
      states.append(aggregates.map { Accumulator($0.1) })
    }
    var rows: [Row] = []
    for (i, values) in keyValues.enumerated() {
      var r = Row(repeating: .null, count: width)
      for (j, (slot, _)) in keys.enumerated() { r[slot] = values[j] }
      for (j, (slot, _)) in aggregates.enumerated() { r[slot] = try states[i][j].result() }
      rows.append(r)
    }
    return rows
  }
}
