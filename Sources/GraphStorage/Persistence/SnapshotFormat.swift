// The snapshot file format. A 16-byte header (magic `QUIVSNAP`, format version, header checksum),
// then blocks of up to about 1 MiB — length (u32), CRC-32 (u32), entries — holding in order: a
// header entry (sequence number, id limits, counts), the name tables, nodes by id, the
// relationships, the schema, and an end entry. Version 1 holds one entry per relationship;
// version 2 holds the relationship table's columns (see SnapshotColumns.swift).
import GraphCore

/// Writing and reading snapshot files.
package enum SnapshotFormat {
  package static let magic: [UInt8] = Array("QUIVSNAP".utf8)
  package static let version: UInt32 = 2
  static let headerSize = 16
  static let blockTarget = 1 << 20

  /// Entry kinds. They appear in order of `rank`; the kinds added after `end` rank by their
  /// place, not by their bytes.
  enum Entry: UInt8 {
    case header = 1, names, node, relationship, index, constraint, end, vectorIndex, fulltextIndex, lookupIndex
    /// Version 2: a run of the relationship table's columns by id.
    case relationshipColumns
    /// Version 2: a run of one property column of one relationship type.
    case relationshipProperties

    var rank: Int {
      switch self {
      case .header: return 10
      case .names: return 20
      case .node: return 30
      case .relationship: return 40
      case .relationshipColumns: return 41
      case .relationshipProperties: return 42
      case .index: return 50
      case .constraint: return 60
      case .vectorIndex: return 61
      case .fulltextIndex: return 62
      case .lookupIndex: return 63
      case .end: return 64
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

    for i in 0..<store.nodeIDLimit {
      guard let n = store.node(Int64(i)) else { continue }
      block.w.byte(Entry.node.rawValue)
      block.w.count(i)
      block.w.count(n.labels.count)
      for l in n.labels { block.w.count(Int(l)) }
      block.w.count(store.storedPropertyCount(ofNode: Int64(i)))
      store.forEachStoredProperty(ofNode: Int64(i)) { key, value in
        // Keys are numbered from 1 in the key table; 0 would introduce a key spelled out.
        block.w.count(Int(key) + 1)
        block.w.value(value)
      }
      try block.flushIfFull(sink)
    }
    try writeRelationshipColumns(store.relationships, &block, sink)
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
  struct BlockWriter {
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
