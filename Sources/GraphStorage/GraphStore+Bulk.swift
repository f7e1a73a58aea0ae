// Creating many relationships at once, for the bulk importer and the snapshot reader: the records
// are appended in order, and the adjacency is either left to the compact rows the caller builds
// afterwards (straight from the relationship table, with no per-node list ever built) or grown
// once per batch, in node order, instead of once per relationship at random nodes.
import GraphCore

/// A relationship for `GraphStore.createRelationships`: its end nodes and its properties under
/// interned keys.
package struct PendingRelationship: Sendable {
  package var start: Int64
  package var end: Int64
  package var properties: PropertyMap

  /// How many a writer gathers before creating them (a batch holds 24 bytes and a property
  /// array per relationship).
  package static let batchSize = 1 << 20

  package init(start: Int64, end: Int64, properties: PropertyMap) {
    self.start = start
    self.end = end
    self.properties = properties
  }
}

/// Relationships for `GraphStore.createRelationships(type:columns:)` laid out as columns: the end
/// nodes of each, and its properties as a run of key and value pairs, with no map per
/// relationship (how the CSV importer hands over a batch: a map per relationship was an
/// allocation each and most of the batch's memory).
package struct PendingRelationshipColumns: Sendable {
  package private(set) var starts: [Int64] = []
  package private(set) var ends: [Int64] = []
  package private(set) var keys: [PropertyKeyID] = []
  package private(set) var values: [Value] = []
  /// Relationship `i`'s properties are the pairs from `valueEnds[i - 1]` (or 0) up to
  /// `valueEnds[i]`.
  package private(set) var valueEnds: [Int] = []

  package init() {}

  package var count: Int { starts.count }

  /// Makes room for `count` relationships and `pairs` property pairs.
  package mutating func reserveCapacity(_ count: Int, pairs: Int) {
    starts.reserveCapacity(count)
    ends.reserveCapacity(count)
    valueEnds.reserveCapacity(count)
    keys.reserveCapacity(pairs)
    values.reserveCapacity(pairs)
  }

  /// Adds a property pair to the relationship `append(start:end:)` adds next.
  package mutating func add(_ key: PropertyKeyID, _ value: Value) {
    keys.append(key)
    values.append(value)
  }

  /// Adds a relationship from `start` to `end` with the pairs added since the last one.
  package mutating func append(start: Int64, end: Int64) {
    starts.append(start)
    ends.append(end)
    valueEnds.append(keys.count)
  }

  /// The pairs of relationship `i`.
  func pairs(_ i: Int) -> Range<Int> { (i == 0 ? 0 : valueEnds[i - 1])..<valueEnds[i] }

  /// The relationships with a property map each (for the paths that need maps).
  var pending: [PendingRelationship] {
    (0..<count).map { i in
      var map = PropertyMap()
      for p in pairs(i) { map.set(keys[p], values[p]) }
      return PendingRelationship(start: starts[i], end: ends[i], properties: map)
    }
  }
}

extension GraphStore {
  /// Creates `batch`'s relationships, all of type `type`, between live nodes, with consecutive
  /// ids in batch order, and no adjacency entry (as `createRelationships(type:_:linking:)` with
  /// `linking` false: the caller calls `compactAdjacency()` before reading adjacency); returns
  /// the first id. Without an index on the type or a change log to feed, the values go into the
  /// columns with no map built per relationship.
  @discardableResult
  package mutating func createRelationships(type: String, columns batch: PendingRelationshipColumns) -> Int64 {
    let first = Int64(relationships.count)
    guard batch.count > 0 else { return first }
    let t = internType(type)
    if changeLog != nil || relationshipIndexed(type: t) {
      return createRelationships(type: type, batch.pending, linking: false)
    }
    makeUnique()
    for i in 0..<batch.count {
      precondition(nodeExists(batch.starts[i]) && nodeExists(batch.ends[i]), "relationship endpoints must exist")
      let pairs = batch.pairs(i)
      tables.relationships.append(
        type: t, start: batch.starts[i], end: batch.ends[i], keys: batch.keys[pairs], values: batch.values[pairs])
    }
    tables.unlinked += batch.count
    typeCount[t, default: 0] += batch.count
    relationshipCount += batch.count
    return first
  }

  /// Creates `batch`'s relationships, all of type `type`, between live nodes, with consecutive
  /// ids in batch order; returns the first id. The store ends up exactly as if each had been
  /// created on its own, in order (the same ids, records and adjacency order), but each node's
  /// lists are reached once per batch and sized once.
  ///
  /// With `linking` false the relationships go into no adjacency list: the caller promises to
  /// read nothing of the store's adjacency and to call `compactAdjacency()` before the store is
  /// used otherwise, which files them (and every other) in the compact rows, built from the
  /// relationship table by counting sorts. A bulk load thus never builds the per-node lists it
  /// would fold into the rows at its end.
  @discardableResult
  package mutating func createRelationships(type: String, _ batch: [PendingRelationship], linking: Bool = true) -> Int64 {
    let first = Int64(relationships.count)
    guard !batch.isEmpty else { return first }
    let t = internType(type)
    let indexed = relationshipIndexed(type: t)
    for (offset, r) in batch.enumerated() {
      precondition(nodeExists(r.start) && nodeExists(r.end), "relationship endpoints must exist")
      let id = first + Int64(offset)
      relationships.append(type: t, start: r.start, end: r.end, properties: r.properties)
      if changeLog != nil {
        let properties = dictionary(r.properties)
        changeLog?.append(.createRelationship(id: id, type: type, start: r.start, end: r.end, properties: properties))
      }
      if indexed { indexRelationship(id, type: t, properties: r.properties) }
    }
    let limit = nodes.count
    makeUnique()
    if linking {
      Self.addAdjacency(batch, first: first, type: t, nodeLimit: limit, outgoing: true, to: &tables.nodes)
      Self.addAdjacency(batch, first: first, type: t, nodeLimit: limit, outgoing: false, to: &tables.nodes)
      tables.deltaCount += batch.count
    } else {
      tables.unlinked += batch.count
    }
    typeCount[t, default: 0] += batch.count
    relationshipCount += batch.count
    return first
  }

  /// Adds the batch's entries to the outgoing (or incoming) lists of their start (end) nodes,
  /// keeping each node's entries in batch order. A batch large beside the node table is sorted
  /// by node first (a counting sort), so that the nodes are visited in id order and each list
  /// grows once; a small one (a snapshot's run of one type between others) is added entry by
  /// entry, since the sort costs as much as the node table.
  private static func addAdjacency(
    _ batch: [PendingRelationship], first: Int64, type: TypeID, nodeLimit: Int, outgoing: Bool,
    to nodes: inout ChunkedArray<NodeRecord>
  ) {
    func node(_ r: PendingRelationship) -> Int { Int(outgoing ? r.start : r.end) }
    func entry(_ i: Int) -> AdjacentRelationship {
      AdjacentRelationship(id: first + Int64(i), neighbour: outgoing ? batch[i].end : batch[i].start)
    }
    guard batch.count * 4 >= nodeLimit else {
      for i in batch.indices {
        let e = entry(i)
        if outgoing {
          nodes[node(batch[i])].outgoing.add(e.id, type: type, neighbour: e.neighbour)
        } else {
          nodes[node(batch[i])].incoming.add(e.id, type: type, neighbour: e.neighbour)
        }
      }
      return
    }
    var offsets = [Int](repeating: 0, count: nodeLimit + 1)
    for r in batch { offsets[node(r) + 1] += 1 }
    for i in 0..<nodeLimit { offsets[i + 1] += offsets[i] }
    var order = [Int](repeating: 0, count: batch.count)
    var next = offsets
    for (i, r) in batch.enumerated() {
      order[next[node(r)]] = i
      next[node(r)] += 1
    }
    for n in 0..<nodeLimit where offsets[n] < offsets[n + 1] {
      // A new array per node, sized to its entries.
      let entries = order[offsets[n]..<offsets[n + 1]].map(entry)
      if outgoing {
        nodes[n].outgoing.add(entries, type: type)
      } else {
        nodes[n].incoming.add(entries, type: type)
      }
    }
  }
}

extension GraphStore {
  /// Appends relationships a snapshot holds as columns (see `RelationshipTable.append(types:…)`),
  /// checked by the reader: `liveCounts[t]` live relationships of type `t` with positions below
  /// `positionLimits[t]`. Like `createRelationships(linking: false)`, they go into no adjacency
  /// list until `compactAdjacency()` files them.
  mutating func appendRelationshipColumns(
    types: [TypeID], starts: [Int64], ends: [Int64], positions: [UInt32], liveWords: [UInt64],
    liveCounts: [Int], positionLimits: [Int]
  ) {
    makeUnique()
    tables.relationships.append(types: types, starts: starts, ends: ends, positions: positions, liveWords: liveWords)
    var added = 0
    for (t, n) in liveCounts.enumerated() where n > 0 {
      tables.relationships.reservePositions(positionLimits[t], type: TypeID(t))
      tables.typeCount[TypeID(t), default: 0] += n
      added += n
    }
    tables.relationshipCount += added
    tables.unlinked += added
  }
}
