// A copy-on-write array split into fixed-size chunks. Copying it copies only the list of chunks,
// and changing one element copies only that element's chunk, so a statement can take a private
// version of a large table and change a few records cheaply.

/// An array of `Element` stored in chunks of `chunkSize`, each shared until written.
/// - Complexity: read O(1); a write to a version shared with another copy costs
///   O(count / chunkSize + chunkSize) once per chunk, then O(1).
package struct ChunkedArray<Element> {
  private static var shift: Int { 7 }
  package static var chunkSize: Int { 1 << shift }
  private static var mask: Int { chunkSize - 1 }

  private var chunks: [[Element]] = []
  package private(set) var count = 0

  package init() {}

  package var isEmpty: Bool { count == 0 }

  package subscript(index: Int) -> Element {
    get { chunks[index >> Self.shift][index & Self.mask] }
    set { chunks[index >> Self.shift][index & Self.mask] = newValue }
  }

  package mutating func append(_ element: Element) {
    if count & Self.mask == 0 {
      var chunk: [Element] = []
      chunk.reserveCapacity(Self.chunkSize)
      chunk.append(element)
      chunks.append(chunk)
    } else {
      chunks[chunks.count - 1].append(element)
    }
    count += 1
  }

  /// Calls `body` with each index and element in order.
  package func forEach(_ body: (Int, Element) throws -> Void) rethrows {
    var index = 0
    for chunk in chunks {
      for element in chunk {
        try body(index, element)
        index += 1
      }
    }
  }
}

extension ChunkedArray: Sendable where Element: Sendable {}

/// A set of non-negative integers as a chunked bitmap: cheap to copy, cheap to change one
/// member, and iterated in ascending order.
package struct ChunkedBitmap: Sendable {
  private var words = ChunkedArray<UInt64>()
  package private(set) var count = 0

  package init() {}

  package func contains(_ i: Int64) -> Bool {
    let w = Int(i >> 6)
    return w < words.count && words[w] & (1 << UInt64(i & 63)) != 0
  }

  /// Adds `i`; returns false when it was already there.
  @discardableResult
  package mutating func insert(_ i: Int64) -> Bool {
    let w = Int(i >> 6)
    while words.count <= w { words.append(0) }
    let bit: UInt64 = 1 << UInt64(i & 63)
    if words[w] & bit != 0 { return false }
    words[w] |= bit
    count += 1
    return true
  }

  /// Removes `i`; returns false when it was not there.
  @discardableResult
  package mutating func remove(_ i: Int64) -> Bool {
    let w = Int(i >> 6)
    let bit: UInt64 = 1 << UInt64(i & 63)
    guard w < words.count, words[w] & bit != 0 else { return false }
    words[w] &= ~bit
    count -= 1
    return true
  }

  /// The members in ascending order.
  package var members: [Int64] {
    var out: [Int64] = []
    out.reserveCapacity(count)
    words.forEach { index, word in
      var w = word
      while w != 0 {
        let bit = w.trailingZeroBitCount
        out.append(Int64(index * 64 + bit))
        w &= w - 1
      }
    }
    return out
  }
}
