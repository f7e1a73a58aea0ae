// The snapshot file format. A 16-byte header (magic `QUIVSNAP`, format version, header checksum),
// then blocks of up to about 1 MiB — length (u32), CRC-32 (u32), entries — holding in order: a
// header entry (sequence number, id limits, counts), the name tables, nodes and relationships by
// id, the schema, and an end entry.
import GraphCore

/// Writing and reading snapshot files.
package enum SnapshotFormat {
  package static let magic: [UInt8] = Array("QUIVSNAP".utf8)
  package static let version: UInt32 = 1
  static let headerSize = 16
  static let blockTarget = 1 << 20

  /// Entry kinds. They appear in order of `rank`; `vectorIndex`, `fulltextIndex` and
  /// `lookupIndex` came later than `end` and so rank by position, not by their bytes.
  enum Entry: UInt8 {
    case header = 1, names, node, relationship, index, constraint, end, vectorIndex, fulltextIndex, lookupIndex

    var rank: Int {
      switch self {
      case .vectorIndex: return Int(Entry.constraint.rawValue) + 1
      case .fulltextIndex: return Int(Entry.constraint.rawValue) + 2
      case .lookupIndex: return Int(Entry.constraint.rawValue) + 3
      case .end: return Int(Entry.constraint.rawValue) + 4
      default: return Int(rawValue)
      }
    }
  }

  /// Writes `store`, which holds every transaction up to `sequence`, as a series of byte chunks
  /// handed to `sink` in order.
  package static func write(_ store: GraphStore, sequence: UInt64, to sink: ([UInt8]) throws -> Void) throws {
    var head = ByteWriter(capacity: headerSize)
    head.append(magic)
    head.fixed32(version)
    head.fixed32(CRC32.checksum(head.bytes, 0..<12))
    try sink(head.bytes)

    var block = BlockWriter()
    block.w.byte(Entry.header.rawValue)
    block.w.fixed64(sequence)
    block.w.count(store.nodeIDLimit)
    block.w.count(store.relationshipIDLimit)
    block.w.count(store.nodeCount)
    block.w.count(store.relationshipCount)

    let names = store.internedNames
    // The key table lists the interned keys in id order, so a record's key ids index it.
    block.w.byte(Entry.names.rawValue)
    block.w.strings(names.labels)
    block.w.strings(names.types)
    block.w.strings(store.propertyKeys)
    try block.flushIfFull(sink)

    func properties(_ map: PropertyMap, _ w: inout ByteWriter) {
      w.count(map.count)
      for e in map.entries {
        // Keys are numbered from 1 in the key table; 0 would introduce a key spelled out.
        w.count(Int(e.key) + 1)
        w.value(e.value)
      }
    }
    for i in 0..<store.nodeIDLimit {
      guard let n = store.node(Int64(i)) else { continue }
      block.w.byte(Entry.node.rawValue)
      block.w.count(i)
      block.w.count(n.labels.count)
      for l in n.labels { block.w.count(Int(l)) }
      properties(n.properties, &block.w)
      try block.flushIfFull(sink)
    }
    // Straight from the columns, in the layout of a property map (keys ascending).
    let table = store.relationships
    for id in table.live.members {
      let i = Int(id)
      block.w.byte(Entry.relationship.rawValue)
      block.w.count(i)
      block.w.count(Int(table.types[i]))
      block.w.count(Int(table.starts[i]))
      block.w.count(Int(table.ends[i]))
      block.w.count(table.propertyCount(id))
      table.forEachProperty(id) { key, value in
        block.w.count(Int(key) + 1)
        block.w.value(value)
      }
      try block.flushIfFull(sink)
    }
    for def in store.indexDefinitions where def.owningConstraint == nil {
      block.w.byte(Entry.index.rawValue)
      block.w.index(def)
    }
    for def in store.constraintDefinitions {
      block.w.byte(Entry.constraint.rawValue)
      block.w.constraint(def)
    }
    for def in store.vectorIndexDefinitions {
      block.w.byte(Entry.vectorIndex.rawValue)
      block.w.vectorIndex(def)
    }
    for def in store.fulltextIndexDefinitions {
      block.w.byte(Entry.fulltextIndex.rawValue)
      block.w.fulltextIndex(def)
    }
    for def in store.lookupIndexDefinitions {
      block.w.byte(Entry.lookupIndex.rawValue)
      block.w.lookupIndex(def)
    }
    block.w.byte(Entry.end.rawValue)
    try block.flush(sink)
  }

  /// Frames entries into checksummed blocks.
  private struct BlockWriter {
    var w = ByteWriter(capacity: SnapshotFormat.blockTarget + 4096)

    init() { w.fixed64(0) }

    mutating func flushIfFull(_ sink: ([UInt8]) throws -> Void) throws {
      if w.count >= SnapshotFormat.blockTarget { try flush(sink) }
    }

    mutating func flush(_ sink: ([UInt8]) throws -> Void) throws {
      let length = w.count - 8
      guard length > 0 else { return }
      w.patch32(UInt32(truncatingIfNeeded: length), at: 0)
      w.patch32(w.bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[8...])) }, at: 4)
      try sink(w.bytes)
      w.removeAll()
      w.fixed64(0)
    }
  }
}
