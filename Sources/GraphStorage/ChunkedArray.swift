// A copy-on-write array split into small chunks under a three-level index. Copying it copies only
// the top of the index, and changing one element copies only the path to that element's chunk,
// so a statement can take a private version of a large table and change a few records cheaply.

/// An array of `Element` stored as a tree of small chunks (64-way inner levels over leaves of 32,
/// or of 128 for plain values of at most 8 bytes, the columns of the store, whose leaves would
/// otherwise spend a fifth of their bytes on array headers), each shared until written. Three
/// inner levels keep the top short (one entry per 131,072 elements, or 524,288), so the first
/// write to a shared version copies about the same few hundred references or bytes whether the
/// array holds ten thousand elements or ten million.
/// - Complexity: read O(1); the first write to a version shared with another copy costs
///   O(count / 131072 + 64 + 64 + 128), later writes to the same chunk O(1).
package struct ChunkedArray<Element> {
  private static var leafShift: Int { _isPOD(Element.self) && MemoryLayout<Element>.stride <= 8 ? 7 : 5 }
  private static var leafSize: Int { 1 << leafShift }
  private static var innerShift: Int { 6 }
  private static var innerMask: Int { (1 << innerShift) - 1 }
  private static var midShift: Int { leafShift }
  private static var upperShift: Int { leafShift + innerShift }
  private static var topShift: Int { leafShift + 2 * innerShift }

  private var chunks: [[[[Element]]]] = []
  package private(set) var count = 0

  package init() {}

  /// Elements per leaf: 128 for plain values of at most 8 bytes, 32 for others (for footprint
  /// estimates).
  package static var leafCapacity: Int { leafSize }

  package var isEmpty: Bool { count == 0 }

  package subscript(index: Int) -> Element {
    _read {
      yield chunks[index >> Self.topShift][(index >> Self.upperShift) & Self.innerMask][(index >> Self.midShift) & Self.innerMask][
        index & (Self.leafSize - 1)]
    }
    // In place, so that changing part of an element (a record's adjacency) does not copy the rest.
    _modify {
      yield &chunks[index >> Self.topShift][(index >> Self.upperShift) & Self.innerMask][(index >> Self.midShift) & Self.innerMask][
        index & (Self.leafSize - 1)]
    }
  }

  package mutating func append(_ element: Element) {
    let top = count >> Self.topShift
    let upper = (count >> Self.upperShift) & Self.innerMask
    let mid = (count >> Self.midShift) & Self.innerMask
    if top == chunks.count { chunks.append([]) }
    if upper == chunks[top].count { chunks[top].append([]) }
    if mid == chunks[top][upper].count {
      var leaf: [Element] = []
      leaf.reserveCapacity(Self.leafSize)
      leaf.append(element)
      chunks[top][upper].append(leaf)
    } else {
      chunks[top][upper][mid].append(element)
    }
    count += 1
  }

  /// Appends `elements` in order; runs that fill whole leaves are copied a leaf at a time (how a
  /// snapshot's columns are read back in bulk, or narrowed on the way by a lazy map).
  package mutating func append<C: RandomAccessCollection<Element>>(contentsOf elements: C) where C.Index == Int {
    var i = elements.startIndex
    while i < elements.endIndex {
      guard count & (Self.leafSize - 1) == 0, elements.endIndex - i >= Self.leafSize else {
        append(elements[i])
        i += 1
        continue
      }
      let top = count >> Self.topShift
      let upper = (count >> Self.upperShift) & Self.innerMask
      if top == chunks.count { chunks.append([]) }
      if upper == chunks[top].count { chunks[top].append([]) }
      chunks[top][upper].append(Array(elements[i..<i + Self.leafSize]))
      count += Self.leafSize
      i += Self.leafSize
    }
  }

  /// Appends `count` copies of `element`; the whole leaves among them share one buffer, copied
  /// only when one of their elements is written. A sparse column (a key held by nodes far apart
  /// in id) then costs a reference per untouched leaf, not a leaf.
  package mutating func append(repeating element: Element, count n: Int) {
    var left = n
    while left > 0, count & (Self.leafSize - 1) != 0 {
      append(element)
      left -= 1
    }
    guard left >= Self.leafSize else {
      for _ in 0..<left { append(element) }
      return
    }
    let shared = [Element](repeating: element, count: Self.leafSize)
    while left >= Self.leafSize {
      let top = count >> Self.topShift
      let upper = (count >> Self.upperShift) & Self.innerMask
      if top == chunks.count { chunks.append([]) }
      if upper == chunks[top].count { chunks[top].append([]) }
      chunks[top][upper].append(shared)
      count += Self.leafSize
      left -= Self.leafSize
    }
    for _ in 0..<left { append(element) }
  }

  /// Calls `body` with each index and element in order.
  package func forEach(_ body: (Int, Element) throws -> Void) rethrows {
    var index = 0
    for upper in chunks {
      for mid in upper {
        for leaf in mid {
          for element in leaf {
            try body(index, element)
            index += 1
          }
        }
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

  /// Number of 64-bit words the bitmap holds (for footprint estimates).
  package var wordCount: Int { words.count }

  package func contains(_ i: Int64) -> Bool {
    let w = Int(i >> 6)
    return w < words.count && words[w] & (1 << UInt64(i & 63)) != 0
  }

  /// Adds `i`; returns false when it was already there.
  @discardableResult
  package mutating func insert(_ i: Int64) -> Bool {
    let w = Int(i >> 6)
    if words.count <= w { words.append(repeating: 0, count: w + 1 - words.count) }
    let bit: UInt64 = 1 << UInt64(i & 63)
    if words[w] & bit != 0 { return false }
    words[w] |= bit
    count += 1
    return true
  }

  /// Adds the members whose bits `words` hold, word `k` standing for members `64 * (first + k)`
  /// and up; no member at or above `64 * first` may be present yet.
  mutating func append(words added: [UInt64], first: Int) {
    if words.count < first { words.append(repeating: 0, count: first - words.count) }
    words.append(contentsOf: added)
    for w in added { count += w.nonzeroBitCount }
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

  /// The bitmap as one flat array of words (bit `i & 63` of word `i >> 6` is member `i`), for
  /// loops that test many members.
  package var flatWords: [UInt64] {
    var out: [UInt64] = []
    out.reserveCapacity(words.count)
    words.forEach { _, word in out.append(word) }
    return out
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
