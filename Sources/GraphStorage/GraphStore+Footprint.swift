// A structural estimate of the memory a store version holds, per component (relationship table,
// relationship properties, adjacency, node table, node properties, label index, indexes), for the
// footprint benchmark: it names where the bytes of a loaded graph go, beside the resident-memory
// figure the benchmark measures.
import GraphCore

/// Bytes held by one part of the store, estimated from element counts, strides and array
/// capacities (a heap array costs its 32-byte header and its capacity, rounded up to 16 bytes).
package struct StoreFootprintComponent: Sendable, Equatable {
  package let name: String
  package let bytes: Int
}

extension GraphStore {
  /// The estimated bytes of each component of this version, in a fixed order. Shared chunks are
  /// counted once per version, as if this version held them alone.
  /// - Complexity: O(n + m) for n node ids and m relationship ids.
  package func footprint() -> [StoreFootprintComponent] {
    var nodeTable = Footprint.chunked(nodes.count, stride: MemoryLayout<NodeRecord>.stride)
    var nodePropertyBytes = nodeColumns.heapBytes
    var adjacency = tables.adjacencyBase?.heapBytes ?? 0
    nodes.forEach { _, n in
      nodeTable += n.labels.heapBytes
      nodePropertyBytes += Footprint.properties(n.properties)
      adjacency += n.outgoing.heapBytes + n.incoming.heapBytes
    }
    var labels = 0
    for bitmap in labelIndex { labels += Footprint.chunked(bitmap.wordCount, stride: 8) }
    labels += Footprint.chunked(liveNodes.wordCount, stride: 8)
    // Each index is one tree holding every entry once, a single-property key inline.
    let indexBytes = indexTrees.values.reduce(0) { $0 + $1.heapBytes }
    return [
      StoreFootprintComponent(name: "relationship table", bytes: relationshipTableBytes),
      StoreFootprintComponent(name: "relationship properties", bytes: relationshipPropertyBytes),
      StoreFootprintComponent(name: "adjacency", bytes: adjacency),
      StoreFootprintComponent(name: "node table", bytes: nodeTable),
      StoreFootprintComponent(name: "node properties", bytes: nodePropertyBytes),
      StoreFootprintComponent(name: "label index", bytes: labels),
      StoreFootprintComponent(name: "property indexes", bytes: indexBytes),
    ]
  }

  /// The relationship columns by id: type, end points (each at the width it is held at now),
  /// position within the type, liveness.
  private var relationshipTableBytes: Int {
    let table = relationships
    return Footprint.chunked(table.types) + Footprint.chunked(table.starts) + Footprint.chunked(table.ends)
      + Footprint.chunked(table.count, stride: MemoryLayout<UInt32>.stride, leaf: ChunkedArray<UInt32>.leafCapacity)
      + Footprint.chunked(table.live.wordCount, stride: 8, leaf: ChunkedArray<UInt64>.leafCapacity)
  }

  /// The relationships' property columns.
  private var relationshipPropertyBytes: Int {
    relationships.byType.reduce(0) { bytes, type in type.columns.reduce(bytes) { $0 + $1.heapBytes } }
  }
}

/// Byte estimates of the store's building blocks.
enum Footprint {
  /// A heap allocation of `payload` bytes after a 32-byte array header, rounded up to 16.
  static func heap(_ payload: Int) -> Int { payload == 0 ? 0 : (32 + payload + 15) & ~15 }

  /// A heap array's allocation (none when it has no capacity).
  static func array<T>(_ a: [T]) -> Int { heap(a.capacity * MemoryLayout<T>.stride) }

  /// A `ChunkedArray` of `count` elements: full leaves of `leaf` and the inner levels above them.
  static func chunked(_ count: Int, stride: Int, leaf: Int = 32) -> Int {
    let leaves = (count + leaf - 1) / leaf
    return leaves * heap(leaf * stride) + heap(leaves * 8) + heap((leaves + 63) / 64 * 8)
  }

  /// A `CompactIDColumn` as it is held now, narrow or wide.
  static func chunked<N, W>(_ column: CompactIDColumn<N, W>) -> Int {
    chunked(column.count, stride: column.stride, leaf: column.leafCapacity)
  }

  /// A property map's entries and the heap storage of its string values.
  static func properties(_ map: PropertyMap) -> Int {
    var bytes = array(map.entries)
    for e in map.entries { bytes += value(e.value) }
    return bytes
  }

  /// The heap bytes a value holds beyond its inline payload: a string longer than 15 UTF-8
  /// bytes (shorter ones are stored inline); other kinds are rare in stored properties and
  /// counted as inline.
  static func value(_ v: Value) -> Int {
    if case .string(let s) = v, s.utf8.count > 15 { return heap(s.utf8.count) }
    return 0
  }
}
