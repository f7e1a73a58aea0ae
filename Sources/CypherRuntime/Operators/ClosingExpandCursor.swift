// Expand(Closing): an expand to a new node and the expand that closes a cycle from it back to a
// node bound earlier, run as one step. The closing node's relationships are sorted by the node at
// their other end (ties by relationship id) once, again only when the node or the graph changes,
// and each node the first expand reaches is looked up there, so rows that do not close the cycle
// are never built.
import CypherPlanner
import GraphCore
import GraphStorage

/// Yields each input row extended, for every relationship `first` finds and every relationship
/// `closing` finds from its far node back to the bound node, with both relationships and the node
/// between them: what Expand(All) `first` followed by Expand(Into) `closing` yields.
final class ClosingExpandCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let first: ExpandSpec
  private let closing: ExpandSpec
  private var row: Row?
  private var firstEntries = AdjacentEntries()
  private var firstPosition = 0
  /// The relationship and node the first expand reached, and the range of `closingEntries`
  /// that lead from that node back to the bound one.
  private var reached = AdjacentRelationship(id: -1, neighbour: -1)
  private var matchPosition = 0
  private var matchEnd = 0
  /// The bound node's relationships (seen from it, in reverse) sorted by neighbour, for the node
  /// and store version they were read from.
  private var closingEntries: [AdjacentRelationship] = []
  private var closingNode: Int64 = -1
  private var closingStamp: UInt64 = 0
  @exclusivity(unchecked) private var firstNames: ExpandNames
  @exclusivity(unchecked) private var closingNames: ExpandNames

  init(_ input: Cursor, _ ctx: ExecutionContext, _ first: ExpandSpec, closing: ExpandSpec) {
    self.input = input
    self.ctx = ctx
    self.first = first
    self.closing = closing
    firstNames = ExpandNames(first)
    closingNames = ExpandNames(closing)
  }

  func next() throws -> Row? {
    while true {
      if matchPosition < matchEnd {
        let closingID = closingEntries[matchPosition].id
        matchPosition += 1
        ctx.dbHits += 1
        guard ctx.deletedRelationships.isEmpty || ctx.deletedRelationships[closingID] == nil else { continue }
        try ctx.checkCancelled()
        // Built from a copy: the input row stays whole for the next matches.
        guard var r = row else { continue }
        r[first.relationship] = .relationship(Relationship(id: reached.id))
        r[first.to] = .node(Node(id: reached.neighbour))
        r[closing.relationship] = .relationship(Relationship(id: closingID))
        return r
      }
      if row != nil, firstPosition < firstEntries.endIndex {
        let entry = firstEntries.entry(firstPosition)
        firstPosition += 1
        ctx.dbHits += 1
        guard ctx.deletedRelationships.isEmpty || ctx.deletedRelationships[entry.id] == nil else { continue }
        if firstNames.checksLabels && !firstNames.reaches(entry.neighbour, ctx.store) { continue }
        reached = entry
        let matches = closingEntries.range(ofNeighbour: entry.neighbour)
        (matchPosition, matchEnd) = (matches.lowerBound, matches.upperBound)
        continue
      }
      row = nil
      guard let next = try input.next() else { return nil }
      firstEntries = AdjacentEntries()
      firstPosition = 0
      matchPosition = 0
      matchEnd = 0
      guard case .node(let from) = next[first.from], case .node(let target) = next[closing.to] else { continue }
      row = next
      let stamp = ctx.store.stamp
      if target.id != closingNode || stamp != closingStamp {
        let types = closingNames.types(ctx.store)
        closingEntries = ctx.store.adjacent(to: target.id, direction: closing.direction.reversed, typeIDs: types)
        closingEntries.sortByNeighbour()
        closingNode = target.id
        closingStamp = stamp
      }
      if !closingEntries.isEmpty {
        firstEntries = ctx.store.adjacentEntries(to: from.id, direction: first.direction, typeIDs: firstNames.types(ctx.store))
        firstPosition = firstEntries.startIndex
      }
    }
  }
}
