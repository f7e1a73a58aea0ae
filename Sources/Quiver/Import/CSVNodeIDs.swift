// The bulk importer's map from id-column values to store node ids. Ids are text: `01` and `1`
// name different nodes. But most files number their nodes 0, 1, 2, …: while every id is such a
// number (decimal digits without a leading zero) and the numbers stay near the count of nodes,
// the map is a dense array indexed by the number, which is read without hashing a string (and
// while they come in order onto consecutive store ids, not read at all); the first other id
// turns it into a dictionary.

/// Store node ids by id-column value.
struct CSVNodeIDs: Sendable {
  /// Store node id by numeric id (-1: none), while every id is a plain number.
  private var dense: [Int64] = []
  /// Every id, once one was not a plain number near the count of nodes.
  private var strings: [String: Int64]?
  private(set) var count = 0
  /// While the ids came in order 0, 1, 2, … onto consecutive store ids: the store id of 0.
  /// Numeric id n then needs no read of the array (whose reads, at random, miss the cache).
  private var consecutiveFrom: Int64?

  /// The store node id of `id`, if a node has it.
  subscript(id: String) -> Int64? {
    if let strings { return strings[id] }
    // Every id so far is a plain number: any other text names no node.
    guard let n = Self.number(id) else { return nil }
    if let first = consecutiveFrom { return n < count ? first + Int64(n) : nil }
    guard n < dense.count, dense[n] >= 0 else { return nil }
    return dense[n]
  }

  /// Records that `id` names store node `node` (`id` must be new).
  mutating func insert(_ id: String, _ node: Int64) {
    let index = count
    count += 1
    if strings != nil {
      strings?[id] = node
      return
    }
    // A number far beyond the count of nodes would leave most of the array empty.
    if let n = Self.number(id), n < 4 * count + (1 << 20) {
      if n >= dense.count { dense += Array(repeating: -1, count: max(n + 1, 2 * dense.count) - dense.count) }
      dense[n] = node
      // Still 0, 1, 2, … onto consecutive store ids?
      if index == 0 && n == 0 {
        consecutiveFrom = node
      } else if let first = consecutiveFrom, n != index || first + Int64(n) != node {
        consecutiveFrom = nil
      }
      return
    }
    consecutiveFrom = nil
    var map: [String: Int64] = [:]
    map.reserveCapacity(count)
    for (n, node) in dense.enumerated() where node >= 0 { map[String(n)] = node }
    map[id] = node
    strings = map
    dense = []
  }

  /// The number `text` spells as decimal digits with no sign, spaces or leading zero (so that
  /// exactly one text spells each number), below 2^40; nil for any other text.
  private static func number(_ text: String) -> Int? {
    // Over the string's bytes in place (native strings are contiguous): iterating the UTF-8
    // view cost as much as the rest of a relationship end's lookup.
    if let n = text.utf8.withContiguousStorageIfAvailable(number) { return n }
    return Array(text.utf8).withUnsafeBufferPointer(number)
  }

  /// `number(_:)` of the text's UTF-8 bytes.
  private static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = bytes.first, bytes.count <= 12, first != UInt8(ascii: "0") || bytes.count == 1 else { return nil }
    var n = 0
    for b in bytes {
      guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") else { return nil }
      n = n * 10 + Int(b - UInt8(ascii: "0"))
    }
    return n < 1 << 40 ? n : nil
  }
}
