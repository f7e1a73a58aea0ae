// Reading a node's relationships from the two parts of the adjacency: the shared compact rows
// (AdjacencyBase) and the node's own lists of relationships created since they were built (the
// delta), with relationships deleted since skipped; and folding the delta into new rows.
import GraphCore

extension GraphStore {
  /// The relationships of `node` in one direction, of `types` (nil: all, in ascending type
  /// order), each type's in creation order: the base's entries, then the delta's.
  func entries(of node: Int64, outgoing: Bool, types: [TypeID]?) -> [AdjacentRelationship] {
    let delta = outgoing ? nodes[Int(node)].outgoing : nodes[Int(node)].incoming
    guard let base = tables.adjacencyBase else { return delta.entries(types: types) }
    let rows = outgoing ? base.outgoing : base.incoming
    let row = rows.row(Int(node))
    if row.isEmpty { return delta.entries(types: types) }
    let live = tables.baseDeletions > 0 ? relationships.live : nil
    var out: [AdjacentRelationship] = []
    if let types {
      if types.count == 1 {
        let segment = rows.segment(row, type: types[0])
        let added = delta.list(of: types[0])
        // No entry in the rows: the delta's list itself (shared, not copied).
        if segment.isEmpty { return added }
        out.reserveCapacity(segment.count + added.count)
        rows.append(segment, to: &out, live: live)
        out.append(contentsOf: added)
        return out
      }
      for t in types {
        rows.append(rows.segment(row, type: t), to: &out, live: live)
        out.append(contentsOf: delta.list(of: t))
      }
      return out
    }
    if delta.isEmpty {
      out.reserveCapacity(row.count)
      rows.append(row, to: &out, live: live)
      return out
    }
    // Both parts hold types in ascending order: merge them type by type.
    let lists = delta.lists
    var next = 0
    var start = row.lowerBound
    while start < row.upperBound {
      let t = rows.type(at: start)
      var end = start + 1
      while end < row.upperBound && rows.type(at: end) == t { end += 1 }
      while next < lists.count && lists[next].type < t {
        out.append(contentsOf: lists[next].entries)
        next += 1
      }
      rows.append(start..<end, to: &out, live: live)
      if next < lists.count && lists[next].type == t {
        out.append(contentsOf: lists[next].entries)
        next += 1
      }
      start = end
    }
    for l in lists[next...] { out.append(contentsOf: l.entries) }
    return out
  }

  /// The number of relationships of `node` in one direction.
  func entryCount(of node: Int64, outgoing: Bool) -> Int {
    let delta = outgoing ? nodes[Int(node)].outgoing : nodes[Int(node)].incoming
    guard let base = tables.adjacencyBase else { return delta.count }
    let rows = outgoing ? base.outgoing : base.incoming
    return delta.count + rows.count(rows.row(Int(node)), live: tables.baseDeletions > 0 ? relationships.live : nil)
  }

  /// Adds relationship `id` to the delta lists of its end nodes.
  mutating func addToDelta(_ id: Int64, type: TypeID, from start: Int64, to end: Int64) {
    nodes[Int(start)].outgoing.add(id, type: type, neighbour: end)
    nodes[Int(end)].incoming.add(id, type: type, neighbour: start)
    tables.deltaCount += 1
  }

  /// Takes relationship `id`, which is about to be deleted, out of the adjacency: out of its end
  /// nodes' delta lists, or, when the base holds it, counted as a deletion the base's readers
  /// skip through the relationship table's liveness.
  mutating func removeFromAdjacency(_ id: Int64, type: TypeID, from start: Int64, to end: Int64) {
    makeUnique()
    if let base = tables.adjacencyBase, id < base.relationshipLimit {
      tables.baseDeletions += 1
      return
    }
    if nodeExists(start) { nodes[Int(start)].outgoing.remove(id, type: type) }
    if nodeExists(end) { nodes[Int(end)].incoming.remove(id, type: type) }
    tables.deltaCount -= 1
  }

  /// Builds new compact rows from every live relationship and empties the nodes' delta lists,
  /// and moves the properties of nodes newer than the property columns into them (see
  /// `foldNodeProperties`). Reads see the same graph, in the same order, before and after, so the
  /// version keeps its stamp. Called where a whole graph was just written (the end of a bulk load or snapshot
  /// load) and at a checkpoint; single-statement writes only add to the delta. Returns false
  /// when there was nothing to fold in, or when the graph's ids do not fit the rows' 32-bit
  /// columns: the per-node lists then keep every relationship, as before (relationships created
  /// without an adjacency entry are filed in them).
  /// - Complexity: O(n + m) for n node ids and m relationship ids.
  @discardableResult
  package mutating func compactAdjacency() -> Bool {
    let before = tables.stamp
    let folded = foldNodeProperties()
    // The same graph: the version keeps its stamp, so caches of derived data stay valid.
    if folded { tables.stamp = before }
    if tables.deltaCount == 0 && tables.baseDeletions == 0 && tables.unlinked == 0 { return folded }
    guard let base = AdjacencyBase(relationships, nodeLimit: nodes.count, typeLimit: typeNames.count) else {
      if tables.unlinked > 0 { listEveryRelationship() }
      return false
    }
    let stamp = tables.stamp
    makeUnique()
    defer { tables.stamp = stamp }
    tables.adjacencyBase = base
    tables.baseDeletions = 0
    tables.deltaCount = 0
    tables.unlinked = 0
    clearDelta()
    return true
  }

  /// Empties every node's delta lists; only nodes whose lists hold storage are written (the
  /// others' chunks stay shared).
  private mutating func clearDelta() {
    for i in 0..<tables.nodes.count where tables.nodes[i].outgoing.holdsStorage || tables.nodes[i].incoming.holdsStorage {
      tables.nodes[i].outgoing = Adjacency()
      tables.nodes[i].incoming = Adjacency()
    }
  }

  /// Drops the rows and files every live relationship in the nodes' lists, in id order (which
  /// is the lists' order): for a graph whose ids do not fit the rows, once relationships were
  /// created without an adjacency entry.
  /// - Complexity: O(n + m) for n node ids and m relationship ids.
  private mutating func listEveryRelationship() {
    makeUnique()
    tables.adjacencyBase = nil
    tables.baseDeletions = 0
    tables.deltaCount = 0
    tables.unlinked = 0
    clearDelta()
    for i in 0..<relationships.count {
      let id = Int64(i)
      guard let r = relationship(id) else { continue }
      addToDelta(id, type: r.type, from: r.start, to: r.end)
    }
  }

  /// The number of relationships in the nodes' delta lists, and of the base's relationships
  /// deleted since it was built (for tests and the footprint benchmark).
  package var adjacencyDelta: (relationships: Int, deletions: Int) { (tables.deltaCount, tables.baseDeletions) }
}
