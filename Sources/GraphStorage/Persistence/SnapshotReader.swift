// Loading a snapshot file into a store. Every block's checksum is verified and every entry is
// checked against the header and the store being rebuilt, so a damaged file gives an error that
// names the file and the byte offset instead of a crash or a different graph.
import GraphCore

/// Rebuilds a store from the bytes of a snapshot file.
package struct SnapshotReader {
  private let bytes: [UInt8]
  private let file: String
  private var store = GraphStore()
  private var sequence: UInt64 = 0
  private var limits = (nodes: 0, relationships: 0, nodeCount: 0, relationshipCount: 0)
  private var names: (labels: [String], types: [String], keys: [String]) = ([], [], [])
  /// The store's id of each name in `names.keys`.
  private var keyIDs: [PropertyKeyID] = []
  /// The store's id of each name in `names.labels`.
  private var labelIDs: [LabelID] = []
  private var fileVersion: UInt32 = 0
  /// The relationships of a version-2 file, read as columns.
  private var columns = RelationshipColumnReader()
  private var seen: SnapshotFormat.Entry?
  /// Relationships read but not yet created, all of `pendingType`, with consecutive ids from the
  /// store's next one: created together, so that each node's lists grow once per batch.
  private var pending: [PendingRelationship] = []
  private var pendingType = ""

  /// Reads `bytes`, the contents of the snapshot file `file`.
  package static func read(_ bytes: [UInt8], file: String) throws(QuiverError) -> (store: GraphStore, sequence: UInt64) {
    var reader = SnapshotReader(bytes: bytes, file: file)
    return try reader.run()
  }

  private init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
  }

  private func damaged(_ offset: Int, _ message: String) -> QuiverError {
    QuiverError(.io, .corruptSnapshot, "snapshot `\(file)` at byte offset \(offset): \(message)", phase: .runtime)
  }

  private mutating func run() throws(QuiverError) -> (store: GraphStore, sequence: UInt64) {
    guard bytes.count >= SnapshotFormat.headerSize, Array(bytes[0..<8]) == SnapshotFormat.magic else {
      throw damaged(0, "not a Quiver snapshot (bad magic number or short header)")
    }
    var head = ByteReader(bytes, range: 8..<SnapshotFormat.headerSize)
    fileVersion = (try? head.fixed32()) ?? 0
    let sum = (try? head.fixed32()) ?? 0
    guard sum == CRC32.checksum(bytes, 0..<12) else { throw damaged(8, "header checksum mismatch") }
    guard fileVersion <= SnapshotFormat.version else {
      throw damaged(8, "format version \(fileVersion) is newer than this Quiver reads (\(SnapshotFormat.version))")
    }
    var pos = SnapshotFormat.headerSize
    while pos < bytes.count {
      guard seen != .end else { throw damaged(pos, "unexpected bytes after the end of the snapshot") }
      guard bytes.count - pos >= 8 else { throw damaged(pos, "truncated block header") }
      var r = ByteReader(bytes, range: pos..<pos + 8)
      let length = Int((try? r.fixed32()) ?? 0)
      let blockSum = (try? r.fixed32()) ?? 0
      let start = pos + 8
      guard length > 0, length <= bytes.count - start else { throw damaged(pos, "truncated block") }
      guard CRC32.checksum(bytes, start..<start + length) == blockSum else {
        throw damaged(pos, "block checksum mismatch")
      }
      var entries = ByteReader(bytes, range: start..<start + length)
      do {
        while !entries.isAtEnd { try entry(&entries) }
      } catch let e as FormatError {
        throw damaged(e.offset, e.message)
      } catch let e as QuiverError {
        throw e
      } catch {
        throw damaged(pos, "\(error)")
      }
      pos = start + length
    }
    guard seen == .end else { throw damaged(bytes.count, "the snapshot ends early (no end entry)") }
    return (store, sequence)
  }

  /// Reads one entry and applies it to the store being rebuilt.
  private mutating func entry(_ r: inout ByteReader) throws {
    let at = r.offset
    guard let kind = SnapshotFormat.Entry(rawValue: try r.byte()) else { throw r.fail("unknown entry") }
    if kind != .relationship { createPending() }
    let rank = kind.rank, previous = seen?.rank ?? 0
    let repeatable = kind != .header && kind != .names && kind != .end
    guard rank > previous || (rank == previous && repeatable), (kind == .header) == (seen == nil),
      rank <= SnapshotFormat.Entry.names.rank || previous >= SnapshotFormat.Entry.names.rank
    else { throw FormatError(offset: at, message: "entry out of order") }
    guard fileVersion >= 2 || kind.rawValue <= SnapshotFormat.Entry.lookupIndex.rawValue else {
      throw FormatError(offset: at, message: "entry unknown to format version \(fileVersion)")
    }
    if rank > SnapshotFormat.Entry.node.rank && previous <= SnapshotFormat.Entry.node.rank { padNodes() }
    let lastRelationshipRank = SnapshotFormat.Entry.relationshipProperties.rank
    if rank > lastRelationshipRank && previous <= lastRelationshipRank {
      while store.relationshipIDLimit < limits.relationships { store.appendVacantRelationshipSlot() }
    }
    seen = kind
    switch kind {
    case .header:
      sequence = try r.fixed64()
      limits = (try r.int(), try r.int(), try r.int(), try r.int())
    case .names:
      names = (try r.strings(), try r.strings(), try r.strings())
      store.restoreNames(labels: names.labels, types: names.types, propertyKeys: names.keys)
      keyIDs = names.keys.map { store.internPropertyKey($0) }
      labelIDs = names.labels.map { store.internLabel($0) }
    case .node:
      let id = try r.int(max: limits.nodes - 1)
      guard id >= store.nodeIDLimit else { throw FormatError(offset: at, message: "node \(id) out of order") }
      while store.nodeIDLimit < id { store.appendVacantNodeSlot() }
      let n = try r.count()
      var labels: [LabelID] = []
      labels.reserveCapacity(n)
      for _ in 0..<n { labels.append(labelIDs[try r.int(max: labelIDs.count - 1)]) }
      store.createNode(labelIDs: labels, map: try properties(&r), direct: true)
    case .relationship:
      let id = try r.int(max: limits.relationships - 1)
      let next = store.relationshipIDLimit + pending.count
      guard id >= next else { throw FormatError(offset: at, message: "relationship \(id) out of order") }
      let type = names.types[try r.int(max: names.types.count - 1)]
      if id > next || type != pendingType || pending.count == PendingRelationship.batchSize {
        createPending()
        while store.relationshipIDLimit < id { store.appendVacantRelationshipSlot() }
      }
      let start = Int64(try r.int())
      let end = Int64(try r.int())
      guard store.nodeExists(start), store.nodeExists(end) else {
        throw FormatError(offset: at, message: "relationship \(id) joins a node that does not exist")
      }
      pending.append(PendingRelationship(start: start, end: end, properties: try properties(&r)))
      pendingType = type
    case .relationshipColumns:
      try columns.columns(&r, into: &store, limit: limits.relationships, types: names.types.count)
    case .relationshipProperties:
      try columns.properties(&r, into: &store, keys: keyIDs)
    case .index:
      let def = try r.index()
      do { try store.createIndex(def) } catch { throw FormatError(offset: at, message: "index `\(def.name)`: \(error)") }
    case .constraint:
      let def = try r.constraint()
      do { try store.createConstraint(def) } catch {
        throw FormatError(offset: at, message: "constraint `\(def.name)`: \(error)")
      }
    case .vectorIndex:
      let def = try r.vectorIndex()
      do { try store.createVectorIndex(def) } catch {
        throw FormatError(offset: at, message: "vector index `\(def.name)`: \(error)")
      }
    case .fulltextIndex:
      let def = try r.fulltextIndex()
      do { try store.createFulltextIndex(def) } catch {
        throw FormatError(offset: at, message: "full-text index `\(def.name)`: \(error)")
      }
    case .lookupIndex:
      let def = try r.lookupIndex()
      do { try store.createLookupIndex(def) } catch {
        throw FormatError(offset: at, message: "lookup index `\(def.name)`: \(error)")
      }
    case .end:
      guard store.nodeIDLimit == limits.nodes, store.relationshipIDLimit == limits.relationships,
        store.nodeCount == limits.nodeCount, store.relationshipCount == limits.relationshipCount
      else { throw FormatError(offset: at, message: "the snapshot holds other counts than its header states") }
      store.compactAdjacency()
    }
  }

  /// Creates the relationships read so far.
  private mutating func createPending() {
    guard !pending.isEmpty else { return }
    store.createRelationships(type: pendingType, pending, linking: false)
    pending.removeAll(keepingCapacity: true)
  }

  private mutating func padNodes() {
    while store.nodeIDLimit < limits.nodes { store.appendVacantNodeSlot() }
  }

  private mutating func properties(_ r: inout ByteReader) throws(FormatError) -> PropertyMap {
    let n = try r.count()
    var map = PropertyMap()
    for _ in 0..<n {
      let k = try r.int(max: names.keys.count)
      let inline = k == 0 ? try r.string() : nil
      let value = try r.value()
      // A null is not stored, and its key (if new) not interned.
      if value.isNull { continue }
      map.set(inline.map { store.internPropertyKey($0) } ?? keyIDs[k - 1], value)
    }
    return map
  }
}
