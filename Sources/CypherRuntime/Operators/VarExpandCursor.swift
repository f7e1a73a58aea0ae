// Variable-length expand: every trail (no relationship twice) from a bound node whose length
// lies within the pattern's bounds, walked depth-first one trail at a time, so a LIMIT above it
// stops the walk early and memory stays proportional to the trail length.
import CypherPlanner
import GraphCore

/// Yields each input row extended with each trail's relationship list and end node.
final class VarExpandCursor: Cursor {
  /// A node on the current trail and the relationships still to try from it.
  private struct Frame {
    let node: Int64
    let candidates: [Int64]
    var next = 0
  }

  private let input: Cursor
  private let ctx: ExecutionContext
  private let spec: VarExpandSpec
  /// The types to follow as ids (see `ExpandNames`).
  @exclusivity(unchecked) private var names: ExpandNames
  private var row: Row?
  private var scratchRow: Row = []
  private var stack: [Frame] = []
  private var trail: [Int64] = []
  private var used = Set<Int64>()
  /// The start node still has to be offered as a zero-length trail.
  private var pendingStart = false

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: VarExpandSpec) {
    self.input = input
    self.ctx = ctx
    self.spec = spec
    names = ExpandNames(types: spec.types)
  }

  func next() throws -> Row? {
    while true {
      if let row, let result = try advance(row) { return result }
      guard let next = try input.next() else { return nil }
      row = next
      scratchRow = next
      stack.removeAll()
      trail.removeAll()
      used.removeAll()
      guard case .node(let start) = next[spec.from] else {
        row = nil
        continue
      }
      let canMove = spec.maxHops.map { $0 > 0 } ?? true
      stack.append(Frame(node: start.id, candidates: canMove ? candidates(of: start.id) : []))
      pendingStart = true
    }
  }

  /// The next trail for the current input row, or nil when its walk is over.
  private func advance(_ row: Row) throws -> Row? {
    if pendingStart {
      pendingStart = false
      if spec.minHops == 0, let start = stack.first, let out = emit(row, end: start.node) { return out }
    }
    while var frame = stack.popLast() {
      try ctx.checkCancelled()
      guard frame.next < frame.candidates.count else {
        // This node is exhausted: step back.
        if let last = trail.popLast() { used.remove(last) }
        continue
      }
      let relID = frame.candidates[frame.next]
      frame.next += 1
      stack.append(frame)
      ctx.dbHits += 1
      try ctx.countExpansionStep("variable-length expansion")
      guard !used.contains(relID), let rel = ctx.store.endpoints(of: relID), ctx.deletedRelationships[relID] == nil else { continue }
      if let predicate = spec.predicate {
        scratchRow[spec.scratch] = .relationship(Relationship(id: relID))
        guard try ctx.truth(ctx.eval(predicate, scratchRow)) == true else { continue }
      }
      let node = frame.node
      let far = spec.direction == .incoming ? rel.start : spec.direction == .outgoing ? rel.end : (rel.start == node ? rel.end : rel.start)
      used.insert(relID)
      trail.append(relID)
      let deeper = spec.maxHops.map { trail.count < $0 } ?? true
      stack.append(Frame(node: far, candidates: deeper ? candidates(of: far) : []))
      if trail.count >= spec.minHops, let out = emit(row, end: far) { return out }
    }
    self.row = nil
    return nil
  }

  private func candidates(of node: Int64) -> [Int64] {
    ctx.store.relationships(of: node, direction: spec.direction, typeIDs: names.types(ctx.store))
  }

  private func emit(_ row: Row, end: Int64) -> Row? {
    if spec.toBound {
      guard case .node(let n) = row[spec.to], n.id == end else { return nil }
    }
    var r = row
    r[spec.relationships] = .list(trail.map { .relationship(Relationship(id: $0)) })
    r[spec.to] = .node(Node(id: end))
    return r
  }
}
