// The priority queue of Dijkstra-style searches: a 4-ary min-heap of (distance, node) entries on
// one flat array. Four children per node halve the depth of a binary heap, and the children of an
// entry sit side by side in memory, so popping the minimum (the hot operation) touches fewer
// cache lines; a moved entry travels through a hole instead of being swapped at every level.

/// A heap entry ordered by distance, then node index (for a deterministic order).
package struct HeapEntry: Comparable, Sendable {
  package let distance: Double
  package let node: Int32
  package static func < (a: HeapEntry, b: HeapEntry) -> Bool {
    a.distance < b.distance || (a.distance == b.distance && a.node < b.node)
  }
}

/// A min-heap of (distance, node) entries ordered by distance, then node index, so that equal
/// distances pop in a deterministic order. A node may be inserted several times (searches skip
/// the stale entries), which is cheaper than finding and lowering its entry.
package struct DistanceHeap {
  private var entries: ContiguousArray<HeapEntry> = []

  package init() {}

  package var isEmpty: Bool { entries.isEmpty }

  /// Removes every entry, keeping the storage.
  package mutating func removeAll() { entries.removeAll(keepingCapacity: true) }

  /// Adds an entry.
  /// - Complexity: O(log₄ n).
  package mutating func insert(_ distance: Double, _ node: Int32) {
    let entry = HeapEntry(distance: distance, node: node)
    entries.append(entry)
    entries.withUnsafeMutableBufferPointer { a in
      var i = a.count - 1
      while i > 0 {
        let parent = (i - 1) >> 2
        guard entry < a[parent] else { break }
        a[i] = a[parent]
        i = parent
      }
      a[i] = entry
    }
  }

  /// Removes and returns the least entry, or nil when the heap is empty.
  /// - Complexity: O(log₄ n).
  package mutating func popMin() -> HeapEntry? {
    guard let last = entries.popLast() else { return nil }
    if entries.isEmpty { return last }
    return entries.withUnsafeMutableBufferPointer { a in
      let top = a[0]
      let n = a.count
      var i = 0
      while true {
        let first = 4 * i + 1
        if first >= n { break }
        var best = first
        let end = min(first + 4, n)
        var c = first + 1
        while c < end {
          if a[c] < a[best] { best = c }
          c += 1
        }
        guard a[best] < last else { break }
        a[i] = a[best]
        i = best
      }
      a[i] = last
      return top
    }
  }
}
