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
    // Breadth-first over dense arrays indexed by node id: the depth of each node reached and the
    // (previous node, relationship) pairs that reach it at that depth.
    let limit = ctx.store.nodeIDLimit
    guard source.id < limit, target.id < limit else { return [] }
    var depthOf = [Int32](repeating: -1, count: limit)
    var predecessors: [Int: [(Int64, Int64)]] = [:]
    depthOf[Int(source.id)] = 0
    var frontier = [source.id]
    var depth: Int32 = 0
    var scratchRow = row
    let types = ctx.store.resolve(types: spec.types)
    let noDeletes = ctx.deletedRelationships.isEmpty
    while !frontier.isEmpty && depthOf[Int(target.id)] < 0 {
      if let max = spec.maxHops, Int(depth) >= max { break }
      depth += 1
      var nextFrontier: [Int64] = []
      for node in frontier {
        try ctx.checkCancelled()
        for entry in ctx.store.adjacent(to: node, direction: spec.direction, typeIDs: types) {
          ctx.dbHits += 1
          let relID = entry.id
          guard noDeletes || ctx.deletedRelationships[relID] == nil else { continue }
          let far = entry.neighbour
          let seen = depthOf[Int(far)]
          if seen >= 0 && seen < depth { continue }
          if let predicate = spec.predicate {
            scratchRow[spec.scratch] = .relationship(Relationship(id: relID))
            guard try ctx.truth(ctx.eval(predicate, scratchRow)) == true else { continue }
          }
          if seen < 0 {
            depthOf[Int(far)] = depth
            nextFrontier.append(far)
          }
          if spec.all || predecessors[Int(far)] == nil { predecessors[Int(far), default: []].append((node, relID)) }
        }
      }
      frontier = nextFrontier
    }
    guard depthOf[Int(target.id)] >= 0 else { return [] }
    if spec.minHops > Int(depthOf[Int(target.id)]) { return [] }
    var paths: [[Int64]] = []
    func unwind(_ node: Int64, _ suffix: [Int64]) {
      if node == source.id {
        paths.append(suffix)
        return
      }
      for (prev, rel) in predecessors[Int(node)] ?? [] {
        unwind(prev, [rel] + suffix)
        if !spec.all && !paths.isEmpty { return }
      }
    }
    unwind(target.id, [])
    return paths.map { output(row, [$0], source: source.id) }
  }

  private func output(_ row: Row, _ relLists: [[Int64]], source: Int64) -> Row {
    var r = row
    let rels = relLists[0]
    r[spec.relationships] = .list(rels.map { .relationship(Relationship(id: $0)) })
    var nodes = [Node(id: source)]
    var relationships: [Relationship] = []
    for id in rels {
      let record = ctx.store.relationship(id)
      let last = nodes[nodes.count - 1].id
      nodes.append(Node(id: record?.start == last ? record?.end ?? last : record?.start ?? last))
      relationships.append(Relationship(id: id))
    }
    r[spec.path] = .path(Path(nodes: nodes, relationships: relationships))
    return r
  }
}
