// The equality side of a property index: a hash table from key to entity ids whose buckets live
// in a chunked copy-on-write array, so a statement's private version shares all untouched buckets
// and an equality look-up costs O(1) on average whatever the index size.
import GraphCore

/// Ids by index key, hashed with Cypher's equivalence (1 and 1.0 are one key).
/// - Complexity: look-up, insert and remove O(1) on average; growing rehashes everything once
///   per doubling.
package struct HashIndexTable: Sendable {
  private var buckets = ChunkedArray<[IndexEntry]>()
  package private(set) var count = 0
  /// Number of distinct keys, kept as entries come and go (for the planner's estimates).
  package private(set) var distinctKeys = 0

  package init() {
    self.init(sorted: [])
  }

  /// A table of `entries`, which are in key order with no entry twice, with room for them from
  /// the start instead of growing through each doubling; a key's entries are next to each other,
  /// so counting distinct keys compares neighbours instead of scanning buckets.
  init(sorted entries: [IndexEntry]) {
    var size = 64
    while entries.count > size * 4 { size *= 2 }
    for _ in 0..<size { buckets.append([]) }
    for (i, e) in entries.enumerated() {
      buckets[bucket(e.key)].append(e)
      if i == 0 || IndexEntry.compareKeys(entries[i - 1].key, e.key) != 0 { distinctKeys += 1 }
    }
    count = entries.count
  }

  private func bucket(_ key: [Value]) -> Int {
    var hasher = Hasher()
    hasher.combine(GroupingKey(.list(key)))
    return Int(UInt(bitPattern: hasher.finalize()) % UInt(buckets.count))
  }

  /// Ids whose key equals `key`, in id order.
  package func ids(equalTo key: [Value]) -> [Int64] {
    let wanted = GroupingKey(.list(key))
    return buckets[bucket(key)].filter { GroupingKey(.list($0.key)) == wanted && IndexEntry.compareKeys($0.key, key) == 0 }
      .map(\.id).sorted()
  }

  package mutating func insert(_ entry: IndexEntry) {
    let b = bucket(entry.key)
    var keyPresent = false
    for e in buckets[b] where IndexEntry.compareKeys(e.key, entry.key) == 0 {
      if e.id == entry.id { return }
      keyPresent = true
    }
    if !keyPresent { distinctKeys += 1 }
    buckets[b].append(entry)
    count += 1
    if count > buckets.count * 4 { grow() }
  }

  package mutating func remove(_ entry: IndexEntry) {
    let b = bucket(entry.key)
    guard let i = buckets[b].firstIndex(where: { $0.id == entry.id && IndexEntry.compareKeys($0.key, entry.key) == 0 }) else { return }
    buckets[b].remove(at: i)
    count -= 1
    if !buckets[b].contains(where: { IndexEntry.compareKeys($0.key, entry.key) == 0 }) { distinctKeys -= 1 }
  }

  private mutating func grow() {
    var entries: [IndexEntry] = []
    buckets.forEach { _, bucket in entries.append(contentsOf: bucket) }
    var bigger = ChunkedArray<[IndexEntry]>()
    for _ in 0..<(buckets.count * 2) { bigger.append([]) }
    buckets = bigger
    for e in entries { buckets[bucket(e.key)].append(e) }
  }
}
