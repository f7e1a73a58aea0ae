// A column of ids (node ids, relationship type ids) that holds each at 32 or 16 bits while every
// id stored fits, and widens once to the full width the first time one does not. The relationship
// table keeps its start, end and type columns so: a graph of fewer than 4 billion nodes and 65,535
// types then spends 10 bytes per relationship on them instead of 20.

/// A chunked, copy-on-write column of `Wide` ids (each -1, or 0 and up), held as `Narrow`
/// integers while every stored id is below `Narrow.max`, with `Narrow.max` standing for -1 (a
/// vacant slot). Storing an id that does not fit converts the column to `Wide` elements once;
/// it never narrows again.
///
/// Both representations are `ChunkedArray`s, so a copy shares every chunk and a write copies
/// only the path to its chunk — except the widening write, which builds the wide column anew
/// for the version that makes it.
/// - Complexity: read O(1) (one predictable branch on the width); write O(1) as for
///   `ChunkedArray`, but O(count) for the write that widens.
package struct CompactIDColumn<
  Narrow: FixedWidthInteger & UnsignedInteger & Sendable, Wide: FixedWidthInteger & SignedInteger & Sendable
>: Sendable {
  private var narrow = ChunkedArray<Narrow>()
  /// Empty until the column widens, then the only storage.
  private var wide = ChunkedArray<Wide>()
  /// Whether the column holds `Wide` elements.
  package private(set) var isWide = false

  package init() {
    assert(Wide.bitWidth > Narrow.bitWidth, "a wide id holds every narrow one and -1")
  }

  package var count: Int { isWide ? wide.count : narrow.count }

  package var isEmpty: Bool { count == 0 }

  /// The stored id of a narrow element (`Narrow.max` is -1).
  @inline(__always)
  private static func decode(_ n: Narrow) -> Wide { n == Narrow.max ? -1 : Wide(truncatingIfNeeded: n) }

  /// Whether `id` has a narrow form: -1, or 0 up to `Narrow.max - 1`.
  @inline(__always)
  private static func fits(_ id: Wide) -> Bool { id >= -1 && id < Wide(truncatingIfNeeded: Narrow.max) }

  /// The narrow form of an id that fits (-1 truncates to `Narrow.max`).
  @inline(__always)
  private static func encode(_ id: Wide) -> Narrow { Narrow(truncatingIfNeeded: id) }

  package subscript(index: Int) -> Wide {
    get { isWide ? wide[index] : Self.decode(narrow[index]) }
    set {
      if !isWide && !Self.fits(newValue) { widen() }
      if isWide { wide[index] = newValue } else { narrow[index] = Self.encode(newValue) }
    }
  }

  package mutating func append(_ id: Wide) {
    if !isWide && !Self.fits(id) { widen() }
    if isWide { wide.append(id) } else { narrow.append(Self.encode(id)) }
  }

  /// Appends `ids` in order, a leaf at a time (how a snapshot's columns are read back): one scan
  /// decides whether they all fit, then they go in narrowed, or the column widens first.
  package mutating func append(contentsOf ids: [Wide]) {
    if !isWide {
      // -1 maps to 0 and every id that fits to at most `Narrow.max`; anything else (below -1
      // or too large) to more, so the largest tells whether all fit.
      var largest: UInt64 = 0
      for id in ids { largest = max(largest, UInt64(truncatingIfNeeded: id &+ 1)) }
      if largest <= UInt64(Narrow.max) {
        narrow.append(contentsOf: ids.lazy.map(Self.encode))
        return
      }
      widen()
    }
    wide.append(contentsOf: ids)
  }

  /// Calls `body` with each index and id in order.
  package func forEach(_ body: (Int, Wide) throws -> Void) rethrows {
    if isWide {
      try wide.forEach(body)
    } else {
      try narrow.forEach { i, n in try body(i, Self.decode(n)) }
    }
  }

  /// Bytes per element as stored now (for footprint estimates).
  package var stride: Int { isWide ? MemoryLayout<Wide>.stride : MemoryLayout<Narrow>.stride }

  /// Elements per leaf as stored now (for footprint estimates).
  package var leafCapacity: Int { isWide ? ChunkedArray<Wide>.leafCapacity : ChunkedArray<Narrow>.leafCapacity }

  /// Converts every element to `Wide`, once.
  private mutating func widen() {
    var converted = ChunkedArray<Wide>()
    narrow.forEach { _, n in converted.append(Self.decode(n)) }
    wide = converted
    narrow = ChunkedArray()
    isWide = true
  }
}
