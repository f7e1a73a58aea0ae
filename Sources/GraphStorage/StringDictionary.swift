// The dictionary of one string property column: each distinct string once, under a small code.
// Both sides are chunked copy-on-write arrays, so a statement that adds a string to a private
// version of a column copies a few chunks, not the whole dictionary.
import GraphCore

/// Strings under dense codes (in order of first use), and the code of each string. Strings are
/// told apart by their Unicode scalars, not by canonical equivalence (`é` composed and
/// decomposed get two codes), so that a stored string reads back exactly as it was written.
/// The dictionary only grows: a string no position uses any more keeps its code.
/// - Complexity: look-up and insertion O(1) on average (open addressing, at most half full);
///   growing rehashes every string once per doubling.
struct StringDictionary: Sendable {
  private var strings = ChunkedArray<String>()
  /// Open-addressed table of code + 1 (0: empty slot), a power of two in size.
  private var slots = ChunkedArray<UInt32>()

  var count: Int { strings.count }

  /// The string of `code` (a code this dictionary gave out).
  subscript(code: UInt32) -> String { strings[Int(code)] }

  /// The code of `s`, or nil when it is not in the dictionary.
  func code(of s: String) -> UInt32? {
    guard !slots.isEmpty else { return nil }
    let mask = slots.count - 1
    var i = Self.hash(s) & mask
    while true {
      let slot = slots[i]
      if slot == 0 { return nil }
      if strings[Int(slot - 1)].utf8.elementsEqual(s.utf8) { return slot - 1 }
      i = (i + 1) & mask
    }
  }

  /// The code of `s`, adding it when new.
  mutating func intern(_ s: String) -> UInt32 {
    if let code = code(of: s) { return code }
    if (strings.count + 1) * 2 > slots.count { grow() }
    let code = UInt32(strings.count)
    strings.append(s)
    place(code, hash: Self.hash(s))
    return code
  }

  /// Puts `code` in the first empty slot from its hash on.
  private mutating func place(_ code: UInt32, hash: Int) {
    let mask = slots.count - 1
    var i = hash & mask
    while slots[i] != 0 { i = (i + 1) & mask }
    slots[i] = code + 1
  }

  /// Doubles the table (64 slots at first) and places every code again.
  private mutating func grow() {
    let size = max(64, slots.count * 2)
    slots = ChunkedArray()
    for _ in 0..<size { slots.append(0) }
    strings.forEach { code, s in place(UInt32(code), hash: Self.hash(s)) }
  }

  /// A hash of the string's UTF-8 bytes (not of its canonical form, which `Hasher` would take).
  private static func hash(_ s: String) -> Int {
    var hasher = Hasher()
    var s = s
    s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    return hasher.finalize() & Int.max
  }

  /// Heap bytes of the dictionary (for footprint estimates).
  var heapBytes: Int {
    var bytes = Footprint.chunked(strings.count, stride: MemoryLayout<String>.stride)
      + Footprint.chunked(slots.count, stride: MemoryLayout<UInt32>.stride)
    strings.forEach { _, s in bytes += Footprint.value(.string(s)) }
    return bytes
  }
}
