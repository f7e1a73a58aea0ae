// DirectedRelationshipIndexSeek and UndirectedRelationshipIndexSeek: the relationships a
// relationship property index finds for each input row, bound with the nodes at their ends.
import CypherPlanner
import GraphCore

/// Yields each input row extended with each live relationship the seek finds and its end nodes,
/// oriented as the pattern reads (an undirected pattern gets both orientations, a self-loop once).
final class RelationshipSeekCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let spec: RelationshipSeekSpec
  private var row: Row?
  /// Pending (relationship, left node, right node) bindings for the current input row.
  private var matches: [(Int64, Int64, Int64)] = []
  private var position = 0

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: RelationshipSeekSpec) {
    self.input = input
    self.ctx = ctx
    self.spec = spec
  }

  func next() throws -> Row? {
    while true {
      if var r = row, position < matches.count {
        let (rel, left, right) = matches[position]
        position += 1
        try ctx.checkCancelled()
        r[spec.relationship] = .relationship(Relationship(id: rel))
        r[spec.left] = .node(Node(id: left))
        r[spec.right] = .node(Node(id: right))
        return r
      }
      guard let next = try input.next() else { return nil }
      row = next
      position = 0
      matches = []
      for id in try ctx.indexSeekIDs(index: spec.index, bounds: spec.bounds, next) {
        ctx.dbHits += 1
        guard ctx.deletedRelationships[id] == nil, let ends = ctx.store.endpoints(of: id) else { continue }
        switch spec.direction {
        case .outgoing: matches.append((id, ends.start, ends.end))
        case .incoming: matches.append((id, ends.end, ends.start))
        case .both:
          matches.append((id, ends.start, ends.end))
          if ends.start != ends.end { matches.append((id, ends.end, ends.start)) }
        }
      }
    }
  }
}
