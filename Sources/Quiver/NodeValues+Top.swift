// Ranking a per-node result: the k nodes with the highest values, found with a bounded heap so
// that a short list from a large graph does not sort every node.

extension NodeValues where Value: Comparable {
  /// The `k` nodes with the highest values, highest first (all of them when `k` is at least
  /// `count`, none when it is not positive). Equal values go by ascending node id; a value that
  /// is not equal to itself (a floating-point NaN) ranks below every other.
  /// - Complexity: O(n log k) for n nodes.
  public func top(_ k: Int) -> [(nodeID: Int64, value: Value)] {
    let n = values.count
    let kept = Swift.min(Swift.max(k, 0), n)
    guard kept > 0 else { return [] }
    // Positions are in node-id order, so the lower position of equal values has the lower id.
    let ranksBefore = { (i: Int, j: Int) -> Bool in
      let (a, b) = (self.values[i], self.values[j])
      let (aOrdered, bOrdered) = (a == a, b == b)
      if aOrdered != bOrdered { return aOrdered }
      if aOrdered && a != b { return a > b }
      return i < j
    }
    var best: [Int]
    if kept == n {
      best = Array(0..<n)
    } else {
      best = Self.select(kept, of: n, ranksBefore)
    }
    best.sort(by: ranksBefore)
    let ids = index.nodeIDs
    return best.map { (ids[$0], values[$0]) }
  }

  /// The `k` (in `1..<n`) positions of `0..<n` that rank first, in no particular order: a heap
  /// of the best so far with the lowest-ranked of them at the root, replaced by any position
  /// that ranks before it.
  private static func select(_ k: Int, of n: Int, _ ranksBefore: (Int, Int) -> Bool) -> [Int] {
    var heap: [Int] = []
    heap.reserveCapacity(k)
    // `ranksBefore(a, b)` means `b` belongs nearer the root than `a`.
    func siftDown(_ start: Int) {
      var parent = start
      while true {
        let left = 2 * parent + 1
        guard left < heap.count else { return }
        var child = left
        if left + 1 < heap.count && ranksBefore(heap[left], heap[left + 1]) { child = left + 1 }
        guard ranksBefore(heap[parent], heap[child]) else { return }
        heap.swapAt(parent, child)
        parent = child
      }
    }
    for position in 0..<n {
      if heap.count < k {
        heap.append(position)
        var child = heap.count - 1
        while child > 0 {
          let parent = (child - 1) / 2
          guard ranksBefore(heap[parent], heap[child]) else { break }
          heap.swapAt(parent, child)
          child = parent
        }
      } else if ranksBefore(position, heap[0]) {
        heap[0] = position
        siftDown(0)
      }
    }
    return heap
  }
}
