// ValueHashJoin: builds a hash table over one side's rows keyed by an expression, then streams the
// other side, yielding each row merged with its matches. Keys compare with Cypher's equivalence
// (1 equals 1.0); null keys never match.
import CypherPlanner
import GraphCore

/// Joins input rows with build rows whose keys are equal.
final class HashJoinCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let build: Cursor
  private let probeKey: PlanExpression
  private let buildKey: PlanExpression
  private let slots: [Int]
  private var table: [GroupingKey: [Row]]?
  private var row: Row?
  private var matches: [Row] = []
  private var position = 0

  init(_ input: Cursor, _ ctx: ExecutionContext, build: Cursor, probeKey: PlanExpression, buildKey: PlanExpression, slots: [Int]) {
    self.input = input
    self.ctx = ctx
    self.build = build
    self.probeKey = probeKey
    self.buildKey = buildKey
    self.slots = slots
  }

  func next() throws -> Row? {
    while true {
      if var r = row, position < matches.count {
        let m = matches[position]
        position += 1
        for s in slots { r[s] = m[s] }
        return r
      }
      guard let next = try input.next() else { return nil }
      // Built after the first probe row arrives, so writes earlier in the statement are seen.
      if table == nil { table = try buildTable() }
      row = next
      position = 0
      let key = try ctx.eval(probeKey, next)
      matches = key.isNull ? [] : table?[GroupingKey(key)] ?? []
    }
  }

  private func buildTable() throws -> [GroupingKey: [Row]] {
    var table: [GroupingKey: [Row]] = [:]
    while let r = try build.next() {
      try ctx.checkCancelled()
      let key = try ctx.eval(buildKey, r)
      if key.isNull { continue }
      try ctx.materialize(bytes: r.estimatedBytes, "hash join")
      table[GroupingKey(key), default: []].append(r)
    }
    return table
  }
}
