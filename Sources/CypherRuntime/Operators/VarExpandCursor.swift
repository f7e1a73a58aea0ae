// Variable-length expand: every trail (no relationship twice, unless REPEATABLE ELEMENTS) from a
// bound node that repeats the spec's hops a number of times within its bounds, walked
// depth-first one trail at a time, so a LIMIT above it stops the walk early and memory stays
// proportional to the trail length. `-[*m..n]->` and quantified relationships repeat one hop;
// a quantified path pattern repeats one hop per relationship, each checked with the nodes it
// joins as it is taken, and its group variables are read off the trail.
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
  /// Hops a repetition takes.
  private let width: Int
  /// Each hop's types to follow as ids (see `ExpandNames`).
  @exclusivity(unchecked) private var names: [ExpandNames]
  private var row: Row?
  private var scratchRow: Row = []
  /// The start and the node after each relationship of the trail.
  private var stack: [Frame] = []
  private var trail: [Int64] = []
  private var used = Set<Int64>()
  /// The start node still has to be offered as a zero-length trail.
  private var pendingStart = false

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: VarExpandSpec) {
    self.input = input
    self.ctx = ctx
    self.spec = spec
    width = max(spec.hops.count, 1)
    names = spec.hops.map { ExpandNames(types: $0.types) }
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
      stack.append(Frame(node: start.id, candidates: canMove ? candidates(of: start.id, hop: 0) : []))
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
        if let last = trail.popLast(), !spec.repeatable { used.remove(last) }
        continue
      }
      let relID = frame.candidates[frame.next]
      frame.next += 1
      stack.append(frame)
      ctx.dbHits += 1
      try ctx.countExpansionStep("variable-length expansion")
      guard spec.repeatable || !used.contains(relID), let rel = ctx.store.endpoints(of: relID),
        ctx.deletedRelationships[relID] == nil
      else { continue }
      let h = trail.count % width
      let hop = spec.hops[h]
      let node = frame.node
      let far = hop.direction == .incoming ? rel.start : hop.direction == .outgoing ? rel.end : (rel.start == node ? rel.end : rel.start)
      if let predicate = hop.predicate {
        // A deeper repetition may have overwritten the slots of this one's earlier hops.
        if h > 0 { placeEarlierHops(h) }
        place(h, relationship: relID, near: node, far: far)
        guard try ctx.truth(ctx.eval(predicate, scratchRow)) == true else { continue }
      }
      // The path being walked becomes a list (and the stack holds a frame a step): a walk as
      // long as a list may be counts against the list and memory limits.
      try ctx.checkListSize(trail.count + 1, "a variable-length path")
      used.insert(relID)
      trail.append(relID)
      // Within a repetition the walk goes on; after one, while fewer than the most are done.
      let next = trail.count % width
      let deeper = next != 0 || (spec.maxHops.map { trail.count / width < $0 } ?? true)
      stack.append(Frame(node: far, candidates: deeper ? candidates(of: far, hop: next) : []))
      if next == 0, trail.count / width >= spec.minHops, let out = emit(row, end: far) { return out }
    }
    self.row = nil
    return nil
  }

  /// Places hop `h`'s relationship and the nodes it joins in the slots its check reads.
  private func place(_ h: Int, relationship: Int64, near: Int64, far: Int64) {
    let hop = spec.hops[h]
    scratchRow[hop.scratch] = .relationship(Relationship(id: relationship))
    if let slot = hop.near { scratchRow[slot] = .node(Node(id: near)) }
    if let slot = hop.far { scratchRow[slot] = .node(Node(id: far)) }
  }

  /// Places again the hops before `h` of the repetition the trail is in.
  private func placeEarlierHops(_ h: Int) {
    let base = trail.count - h
    for j in 0..<h {
      place(j, relationship: trail[base + j], near: stack[base + j].node, far: stack[base + j + 1].node)
    }
  }

  private func candidates(of node: Int64, hop: Int) -> [Int64] {
    ctx.store.relationships(of: node, direction: spec.hops[hop].direction, typeIDs: names[hop].types(ctx.store))
  }

  private func emit(_ row: Row, end: Int64) -> Row? {
    if spec.toBound {
      guard case .node(let n) = row[spec.to], n.id == end else { return nil }
    }
    var r = row
    r[spec.relationships] = .list(trail.map { .relationship(Relationship(id: $0)) })
    r[spec.to] = .node(Node(id: end))
    // Group variables: the node at each position of each repetition, and each hop's relationship.
    let repetitions = trail.count / width
    for (p, slot) in spec.nodeLists.enumerated() {
      guard let slot else { continue }
      r[slot] = .list((0..<repetitions).map { .node(Node(id: stack[$0 * width + p].node)) })
    }
    for (p, slot) in spec.relationshipLists.enumerated() {
      guard let slot else { continue }
      r[slot] = .list((0..<repetitions).map { .relationship(Relationship(id: trail[$0 * width + p])) })
    }
    return r
  }
}
