// A node's relationships sorted by the node at their other end, for looking one neighbour up.
import GraphStorage

extension Array where Element == AdjacentRelationship {
  /// Sorts by neighbour, then relationship id (so parallel relationships keep one order), for
  /// `range(ofNeighbour:)`.
  mutating func sortByNeighbour() {
    sort { ($0.neighbour, $0.id) < ($1.neighbour, $1.id) }
  }
}

extension RandomAccessCollection where Element == AdjacentRelationship, Index == Int {
  /// The positions of the entries whose neighbour is `node`, in a list sorted by
  /// `sortByNeighbour`.
  /// - Complexity: O(log n + k) for k such entries.
  func range(ofNeighbour node: Int64) -> Range<Int> {
    var lo = startIndex
    var hi = endIndex
    while lo < hi {
      let mid = (lo + hi) / 2
      if self[mid].neighbour < node { lo = mid + 1 } else { hi = mid }
    }
    var end = lo
    while end < endIndex && self[end].neighbour == node { end += 1 }
    return lo..<end
  }
}
