// MERGE: per input row, the matches of the pattern (then ON MATCH SET), or, when there are none,
// the pattern created once (then ON CREATE SET).
import CypherPlanner
import GraphCore

/// Matches or creates the MERGE pattern for each input row.
final class MergeCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let spec: MergeSpec
  private let path: [Int]?
  private var pending: [Row] = []
  private var position = 0

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: MergeSpec, path: [Int]?) {
    self.input = input
    self.ctx = ctx
    self.spec = spec
    self.path = path
  }

  func next() throws -> Row? {
    while true {
      if position < pending.count {
        position += 1
        return pending[position - 1]
      }
      guard let row = try input.next() else { return nil }
      position = 0
      let matcher = ctx.makeCursor(spec.match, argument: row, path: path)
      var matches: [Row] = []
      while let r = try matcher.next() { matches.append(r) }
      if matches.isEmpty {
        for (e, key) in spec.nullChecks where try ctx.eval(e, row).isNull {
          throw QuiverError.runtime(.semantic, .mergeReadOwnWrites, "cannot MERGE with a null value for property `\(key)`")
        }
        var created = row
        try ctx.create(spec.create, into: &created)
        try ctx.apply(spec.onCreate, created)
        pending = [created]
      } else {
        for m in matches { try ctx.apply(spec.onMatch, m) }
        pending = matches
      }
    }
  }
}
