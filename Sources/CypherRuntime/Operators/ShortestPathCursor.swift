// shortestPath and allShortestPaths between two bound nodes: breadth-first search over the
// adjacency lists, keeping every predecessor at the shortest depth when all paths are wanted.
import CypherPlanner
import GraphCore

/// Yields each input row extended with the shortest path (or each of the shortest paths).
final class ShortestPathCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let spec: ShortestPathSpec
  private var pending: [Row] = []
  private var position = 0

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: ShortestPathSpec) {
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
      pending = try search(row)
      position = 0
    }
  }

  private func search(_ row: Row) throws -> [Row] {
    guard case .node(let source) = row[spec.from], case .node(let target) = row[spec.to] else { return [] }
    if source.id == target.id {
      return spec.minHops == 0 ? [output(row, [[]], source: source.id)] : []
    }
    let limit = ctx.store.nodeIDLimit
    guard source.id < limit, target.id < limit else { return [] }
    if !spec.all && spec.minHops <= 1 {
      return try bidirectionalSearch(from: source.id, to: target.id, row).map { [output(row, [$0], source: source.id)] } ?? []
    }
    // Breadth-first, keeping the depth of each node reached and the (previous node,
    // relationship) pairs that reach it at that depth: hashed by node id, so that a search costs
    // what it visits, not the size of the graph. The depths count against the memory budget (an
    // entry with the table's slack, 24 bytes), the paths as they are spelled out.
    var depthOf: [Int64: Int32] = [source.id: 0]
    var predecessors: [Int64: [(Int64, Int64)]] = [:]
    var frontier = [source.id]
    var depth: Int32 = 0
    var scratchRow = row
    var names = ExpandNames(types: spec.types)
    let types = names.types(ctx.store)
    let noDeletes = ctx.deletedRelationships.isEmpty
    while !frontier.isEmpty && depthOf[target.id] == nil {
      if let max = spec.maxHops, Int(depth) >= max { break }
      try ctx.checkMemory(24 &* depthOf.count, "a shortest-path search")
      depth += 1
      var nextFrontier: [Int64] = []
      for node in frontier {
        try ctx.checkCancelled()
        let entries = ctx.store.adjacentEntries(to: node, direction: spec.direction, typeIDs: types)
        for i in entries.startIndex..<entries.endIndex {
          let entry = entries.entry(i)
          ctx.dbHits += 1
          try ctx.countExpansionStep("shortest-path search")
          let relID = entry.id
          guard noDeletes || ctx.deletedRelationships[relID] == nil else { continue }
          let far = entry.neighbour
          let seen = depthOf[far]
          if let seen, seen < depth { continue }
          if let predicate = spec.predicate {
            scratchRow[spec.scratch] = .relationship(Relationship(id: relID))
            guard try ctx.truth(ctx.eval(predicate, scratchRow)) == true else { continue }
          }
          if seen == nil {
            depthOf[far] = depth
            nextFrontier.append(far)
          }
          if spec.all || predecessors[far] == nil { predecessors[far, default: []].append((node, relID)) }
        }
      }
      frontier = nextFrontier
    }
    guard let reached = depthOf[target.id], spec.minHops <= Int(reached) else { return [] }
    var paths: [[Int64]] = []
    // allShortestPaths can have exponentially many paths (a grid): they count against the
    // memory budget as they are spelled out.
    var pathBytes = 0
    func unwind(_ node: Int64, _ suffix: [Int64]) throws {
      if node == source.id {
        pathBytes &+= 16 &* (2 &* suffix.count &+ 1)
        try ctx.checkMemory(pathBytes, "allShortestPaths")
        paths.append(suffix)
        return
      }
      for (prev, rel) in predecessors[node] ?? [] {
        try unwind(prev, [rel] + suffix)
        if !spec.all && !paths.isEmpty { return }
      }
    }
    try unwind(target.id, [])
    return paths.map { output(row, [$0], source: source.id) }
  }

  /// One shortest path as relationship ids, by breadth-first search from both ends at once (the
  /// smaller frontier grows by a whole level each round), which visits far fewer nodes than a
  /// search from one end; nil when the target is out of reach within the hop limit.
  private func bidirectionalSearch(from source: Int64, to target: Int64, _ row: Row) throws -> [Int64]? {
    let store = ctx.store
    var names = ExpandNames(types: spec.types)
    let types = names.types(store)
    let deleted = ctx.deletedRelationships
    let maxHops = spec.maxHops ?? Int.max
    // Per side, the nodes reached (see `SearchVisits`); each counts 48 bytes (key, visit and a
    // hash table's slack) against the memory budget.
    var visits = [SearchVisits(nodeIDLimit: store.nodeIDLimit), SearchVisits(nodeIDLimit: store.nodeIDLimit)]
    visits[0][source] = SearchVisit(depth: 0, previous: -1, relationship: -1)
    visits[1][target] = SearchVisit(depth: 0, previous: -1, relationship: -1)
    let directions = [spec.direction, spec.direction.reversed]
    var frontiers: [[Int64]] = [[source], [target]]
    var levels = [0, 0]
    var scratchRow = row
    var hits = 0
    defer { ctx.dbHits += hits }
    while !frontiers[0].isEmpty && !frontiers[1].isEmpty && levels[0] + levels[1] < maxHops {
      try ctx.checkMemory(48 &* (visits[0].count &+ visits[1].count), "a shortest-path search")
      let side = frontiers[0].count <= frontiers[1].count ? 0 : 1
      let other = 1 - side
      levels[side] += 1
      let level = Int32(levels[side])
      var next: [Int64] = []
      var meeting: (node: Int64, length: Int)?
      for node in frontiers[side] {
        try ctx.checkCancelled()
        // Indexed through the runtime's own accessor: iterating the view as a Collection goes
        // through GraphStorage's witnesses per entry, which doubled Q6's time.
        let entries = store.adjacentEntries(to: node, direction: directions[side], typeIDs: types)
        for i in entries.startIndex..<entries.endIndex {
          let entry = entries.entry(i)
          hits += 1
          try ctx.countExpansionStep("shortest-path search")
          let far = entry.neighbour
          if visits[side].reached(far) || (!deleted.isEmpty && deleted[entry.id] != nil) { continue }
          if let predicate = spec.predicate {
            scratchRow[spec.scratch] = .relationship(Relationship(id: entry.id))
            guard try ctx.truth(ctx.eval(predicate, scratchRow)) == true else { continue }
          }
          visits[side][far] = SearchVisit(depth: level, previous: node, relationship: entry.id)
          next.append(far)
          if let there = visits[other][far] {
            let length = levels[side] + Int(there.depth)
            if length <= maxHops, length < meeting?.length ?? .max { meeting = (far, length) }
          }
        }
      }
      if let meeting {
        // Walk back to the source on side 0 and on to the target on side 1.
        return walk(from: meeting.node, to: source, visits[0]).reversed() + walk(from: meeting.node, to: target, visits[1])
      }
      frontiers[side] = next
    }
    return nil
  }

  /// The relationships from `node` back to `end`, following the nodes each was reached through.
  private func walk(from node: Int64, to end: Int64, _ visits: SearchVisits) -> [Int64] {
    var rels: [Int64] = []
    var node = node
    while node != end, let visit = visits[node] {
      rels.append(visit.relationship)
      node = visit.previous
    }
    return rels
  }

  private func output(_ row: Row, _ relLists: [[Int64]], source: Int64) -> Row {
    var r = row
    let rels = relLists[0]
    r[spec.relationships] = .list(rels.map { .relationship(Relationship(id: $0)) })
    var nodes = [Node(id: source)]
    var relationships: [Relationship] = []
    for id in rels {
      let ends = ctx.store.endpoints(of: id)
      let last = nodes[nodes.count - 1].id
      nodes.append(Node(id: ends?.start == last ? ends?.end ?? last : ends?.start ?? last))
      relationships.append(Relationship(id: id))
    }
    r[spec.path] = .path(Path(nodes: nodes, relationships: relationships))
    return r
  }
}
