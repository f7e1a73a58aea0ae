// The priority queue of single-source Dijkstra: a radix heap. Dijkstra with non-negative weights
// only ever pops keys that do not decrease, and for such monotone queues a radix heap does less
// work than a comparison heap: an entry moves down between buckets a few times at most instead of
// sifting through log n levels on every insert and pop.

/// A monotone min-queue of (distance, node) entries for non-negative distances: every inserted
/// distance must be at least the last popped one. Distances are ordered by their bit patterns,
/// which for non-negative doubles is their numeric order. Entries of equal distance pop in the
/// order the buckets hand them out (deterministic for a given sequence of operations).
package struct RadixHeap {
  /// Bucket i > 0 holds entries whose key differs from `last` first in bit i − 1 (counting from
  /// the lowest); bucket 0 holds entries equal to `last`.
  private var buckets: [ContiguousArray<(key: UInt64, node: Int32)>] = Array(repeating: [], count: 65)
  private var last: UInt64 = 0
  package private(set) var count = 0

  package init() {}

  package var isEmpty: Bool { count == 0 }

  private func bucket(_ key: UInt64) -> Int {
    key == last ? 0 : 64 - (key ^ last).leadingZeroBitCount
  }

  /// Adds an entry; `distance` must be non-negative and at least the last popped distance.
  package mutating func insert(_ distance: Double, _ node: Int32) {
    let key = distance.bitPattern
    buckets[bucket(key)].append((key, node))
    count += 1
  }

  /// Removes and returns an entry of least distance, or nil when empty.
  /// - Complexity: amortised O(log C) for keys up to C (64 bucket moves per entry at most).
  package mutating func popMin() -> HeapEntry? {
    if count == 0 { return nil }
    if buckets[0].isEmpty {
      var i = 1
      while buckets[i].isEmpty { i += 1 }
      // The smallest key of the first non-empty bucket becomes `last`; its entries spread over
      // lower buckets, which they all fit (they differ from the new `last` in lower bits only).
      var smallest = UInt64.max
      for entry in buckets[i] where entry.key < smallest { smallest = entry.key }
      last = smallest
      // Taken out rather than copied (a copy would make clearing the bucket allocate), and put
      // back empty so its storage serves again.
      var moving: ContiguousArray<(key: UInt64, node: Int32)> = []
      swap(&moving, &buckets[i])
      for entry in moving { buckets[bucket(entry.key)].append(entry) }
      moving.removeAll(keepingCapacity: true)
      buckets[i] = moving
    }
    count -= 1
    guard let entry = buckets[0].popLast() else { return nil }
    return HeapEntry(distance: Double(bitPattern: entry.key), node: entry.node)
  }
}
