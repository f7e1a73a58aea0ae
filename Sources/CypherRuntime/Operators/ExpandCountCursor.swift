// Expand(Count): how many relationships an expand would yield per input row, for a count over
// the expand, without building those rows.
import CypherPlanner
import GraphCore
import GraphStorage

/// Yields each input row whose start is a node once, with the number of its relationships that
/// the expand `spec` would follow (type, direction, reached node's labels, not deleted).
final class ExpandCountCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let spec: ExpandSpec
  private let count: Int
  @exclusivity(unchecked) private var names: ExpandNames

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: ExpandSpec, count: Int) {
    self.input = input
    self.ctx = ctx
    self.spec = spec
    self.count = count
    names = ExpandNames(spec)
  }

  func next() throws -> Row? {
    while var row = try input.next() {
      guard case .node(let from) = row[spec.from] else { continue }
      let store = ctx.store
      let entries = store.adjacent(to: from.id, direction: spec.direction, typeIDs: names.types(store))
      ctx.dbHits += entries.count
      var n = entries.count
      let noDeletes = ctx.deletedRelationships.isEmpty
      if names.checksLabels || !noDeletes {
        n = 0
        for entry in entries {
          guard noDeletes || ctx.deletedRelationships[entry.id] == nil else { continue }
          if names.checksLabels && !names.reaches(entry.neighbour, store) { continue }
          n += 1
        }
      }
      try ctx.checkCancelled()
      row[count] = .int(Int64(n))
      return row
    }
    return nil
  }
}
