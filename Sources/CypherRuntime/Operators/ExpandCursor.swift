// Expand: follows the relationships of a bound node, one row per relationship. With the far node
// already bound (ExpandInto) it walks whichever end has fewer candidate relationships, or, while
// consecutive rows share the far node, binary-searches that node's list sorted once.
import CypherPlanner
import GraphCore
import GraphStorage

/// Yields each input row extended with each matching relationship and its far node.
final class ExpandCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let spec: ExpandSpec
  private var row: Row?
  private var from: Int64 = 0
  private var rels = AdjacentEntries()
  private var position = 0
  /// Where the current row's part of `rels` ends.
  private var limit = 0
  /// The walk runs from the bound far node back to `from` (ExpandInto from the cheaper side).
  private var fromFar = false
  /// The bound end node of the current input row (ExpandInto).
  private var boundEnd: Int64 = -1
  @exclusivity(unchecked) private var names: ExpandNames
  /// ExpandInto: the far node of the previous input row and the store version it was read in;
  /// once a second row has the same far node, `rels` holds its relationships sorted by the node
  /// at their other end.
  private var lastEnd: Int64 = -1
  private var lastStamp: UInt64 = 0
  private var sortedEnd = false

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: ExpandSpec) {
    self.input = input
    self.ctx = ctx
    self.spec = spec
    names = ExpandNames(spec)
  }

  func next() throws -> Row? {
    let noDeletes = ctx.deletedRelationships.isEmpty
    while true {
      if row != nil, position < limit {
        let entry = rels.entry(position)
        let relID = entry.id
        position += 1
        ctx.dbHits += 1
        guard noDeletes || ctx.deletedRelationships[relID] == nil else { continue }
        let reached = entry.neighbour
        if names.checksLabels && !spec.toBound && !names.reaches(reached, ctx.store) { continue }
        if spec.toBound {
          guard reached == (fromFar ? from : boundEnd) else { continue }
        }
        if spec.relationshipBound {
          guard case .relationship(let bound)? = row?[spec.relationship], bound.id == relID else { continue }
        }
        try ctx.checkCancelled()
        // Moved out of `row` so that, once the consumer has let go of the previous output, the
        // row is changed in place rather than copied for every relationship.
        var r = row.take() ?? []
        r[spec.relationship] = .relationship(Relationship(id: relID))
        if !spec.toBound { r[spec.to] = .node(Node(id: reached)) }
        row = r
        return r
      }
      // Let go of the finished row first, so that the input can reuse its own in place.
      row = nil
      guard let next = try input.next() else { return nil }
      row = next
      position = 0
      guard case .node(let n) = next[spec.from] else {
        limit = 0
        continue
      }
      from = n.id
      let t = names.types(ctx.store)
      fromFar = false
      if spec.toBound {
        guard case .node(let target) = next[spec.to] else {
          limit = 0
          continue
        }
        boundEnd = target.id
        let stamp = ctx.store.stamp
        if target.id != lastEnd || stamp != lastStamp {
          lastEnd = target.id
          lastStamp = stamp
          sortedEnd = false
        } else if !sortedEnd {
          // The far node repeats (rows grouped by it): sort its list once and search it for
          // each row's `from`.
          var sorted = ctx.store.adjacent(to: target.id, direction: spec.direction.reversed, typeIDs: t)
          sorted.sortByNeighbour()
          rels = AdjacentEntries(sorted)
          sortedEnd = true
        }
        if sortedEnd {
          let matches = rels.range(ofNeighbour: from)
          (position, limit) = (matches.lowerBound, matches.upperBound)
          fromFar = true
          continue
        }
        // Both ends' relationships are read in place: walk the shorter list.
        let here = ctx.store.adjacentEntries(to: from, direction: spec.direction, typeIDs: t)
        let there = ctx.store.adjacentEntries(to: target.id, direction: spec.direction.reversed, typeIDs: t)
        fromFar = there.count < here.count
        rels = fromFar ? there : here
        (position, limit) = (rels.startIndex, rels.endIndex)
        continue
      }
      rels = ctx.store.adjacentEntries(to: from, direction: spec.direction, typeIDs: t)
      (position, limit) = (rels.startIndex, rels.endIndex)
    }
  }
}
