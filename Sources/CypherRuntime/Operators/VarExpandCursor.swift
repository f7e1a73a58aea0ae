// Variable-length expand: every trail (no relationship twice) from a bound node whose length
// lies within the pattern's bounds, walked depth-first.
import CypherPlanner
import GraphCore

/// Yields each input row extended with each trail's relationship list and end node.
final class VarExpandCursor: Cursor {
  private let input: Cursor
  private unowned let ctx: ExecutionContext
  private let spec: VarExpandSpec
  private var pending: [Row] = []
  private var position = 0

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: VarExpandSpec) {
    self.input = input
    self.ctx = ctx
    self.spec = spec
  }

  func next() throws -> Row? {
    while true {
      if position < pending.count {
        position += 1
        return pending[position - 1]
      }
      guard let row = try input.next() else { return nil }
      pending = try trails(from: row)
      position = 0
    }
  }

  private func trails(from row: Row) throws -> [Row] {
    guard case .node(let start) = row[spec.from] else { return [] }
    var results: [Row] = []
    var path: [Int64] = []
    var used = Set<Int64>()
    var scratchRow = row

    func emit(_ end: Int64) {
      if spec.toBound {
        guard case .node(let n) = row[spec.to], n.id == end else { return }
      }
      var r = row
      r[spec.relationships] = .list(path.map { .relationship(Relationship(id: $0)) })
      r[spec.to] = .node(Node(id: end))
      results.append(r)
    }

    func walk(_ node: Int64) throws {
      try ctx.checkCancelled()
      if path.count >= spec.minHops { emit(node) }
      if let max = spec.maxHops, path.count >= max { return }
      for relID in ctx.store.relationships(of: node, direction: spec.direction, types: spec.types) where !used.contains(relID) {
        guard let rel = ctx.store.relationship(relID), ctx.deletedRelationships[relID] == nil else { continue }
        if let predicate = spec.predicate {
          scratchRow[spec.scratch] = .relationship(Relationship(id: relID))
          guard try ctx.truth(ctx.eval(predicate, scratchRow)) == true else { continue }
        }
        let far = spec.direction == .incoming ? rel.start : spec.direction == .outgoing ? rel.end : (rel.start == node ? rel.end : rel.start)
        used.insert(relID)
        path.append(relID)
        try walk(far)
        path.removeLast()
        used.remove(relID)
      }
    }

    try walk(start.id)
    return results
  }
}
