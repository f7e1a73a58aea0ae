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
  private var typeIDs: [TypeID]?
  private var typesResolved = false
  /// Interned `spec.toLabels`; nil while one of them does not exist yet (nothing can match).
  private var labelIDs: [LabelID]?

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: ExpandSpec, count: Int) {
    self.input = input
    self.ctx = ctx
    self.spec = spec
    self.count = count
  }

  func next() throws -> Row? {
    while var row = try input.next() {
      guard case .node(let from) = row[spec.from] else { continue }
      if !typesResolved {
        typeIDs = ctx.store.resolve(types: spec.types)
        typesResolved = spec.types == nil || typeIDs?.count == spec.types?.count
      }
      let entries = ctx.store.adjacent(to: from.id, direction: spec.direction, typeIDs: typeIDs)
      ctx.dbHits += entries.count
      var n = 0
      if !spec.toLabels.isEmpty && labelIDs == nil { labelIDs = ctx.store.resolve(labels: spec.toLabels) }
      let noDeletes = ctx.deletedRelationships.isEmpty
      if spec.toLabels.isEmpty && noDeletes {
        n = entries.count
      } else if spec.toLabels.isEmpty || labelIDs != nil {
        let store = ctx.store
        for entry in entries {
          guard noDeletes || ctx.deletedRelationships[entry.id] == nil else { continue }
          if let labelIDs, !spec.toLabels.isEmpty, !store.hasLabels(entry.neighbour, labelIDs) { continue }
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
