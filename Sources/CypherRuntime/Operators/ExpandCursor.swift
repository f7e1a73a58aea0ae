// Expand: follows the relationships of a bound node, one row per relationship, optionally
// requiring a bound end node or a bound relationship.
import CypherPlanner
import GraphCore

/// Yields each input row extended with each matching relationship and its far node.
final class ExpandCursor: Cursor {
  private let input: Cursor
  private unowned let ctx: ExecutionContext
  private let spec: ExpandSpec
  private var row: Row?
  private var from: Int64 = 0
  private var rels: [Int64] = []
  private var position = 0

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: ExpandSpec) {
    self.input = input
    self.ctx = ctx
    self.spec = spec
  }

  func next() throws -> Row? {
    while true {
      if var r = row, position < rels.count {
        let relID = rels[position]
        position += 1
        ctx.dbHits += 1
        guard let rel = ctx.store.relationship(relID), ctx.deletedRelationships[relID] == nil else { continue }
        let other = rel.start == from ? rel.end : rel.start
        let far = spec.direction == .incoming ? rel.start : spec.direction == .outgoing ? rel.end : other
        if spec.toBound {
          guard case .node(let n) = r[spec.to], n.id == far else { continue }
        }
        if spec.relationshipBound {
          guard case .relationship(let bound) = r[spec.relationship], bound.id == relID else { continue }
        }
        try ctx.checkCancelled()
        r[spec.relationship] = .relationship(Relationship(id: relID))
        r[spec.to] = .node(Node(id: far))
        return r
      }
      guard let next = try input.next() else { return nil }
      row = next
      position = 0
      guard case .node(let n) = next[spec.from] else {
        rels = []
        continue
      }
      from = n.id
      rels = ctx.store.relationships(of: n.id, direction: spec.direction, types: spec.types)
    }
  }
}
