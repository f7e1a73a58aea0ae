// Disjoint sets over dense node indices, for Kruskal's minimum spanning tree.

/// Union–find with path halving and union by size.
package struct UnionFind {
  private var parent: ContiguousArray<Int32>
  private var size: ContiguousArray<Int32>

  package init(_ n: Int) {
    parent = ContiguousArray((0..<n).map { Int32($0) })
    size = ContiguousArray(repeating: 1, count: n)
  }

  /// The representative of `x`'s set.
  /// - Complexity: amortised O(α(n)).
  package mutating func find(_ x: Int) -> Int {
    var x = x
    while Int(parent[x]) != x {
      let p = Int(parent[x])
      parent[x] = parent[p]
      x = Int(parent[x])
    }
    return x
  }

  /// Joins the sets of `a` and `b`; false when they already were one.
  @discardableResult
  package mutating func union(_ a: Int, _ b: Int) -> Bool {
    var ra = find(a)
    var rb = find(b)
    if ra == rb { return false }
    if size[ra] < size[rb] { swap(&ra, &rb) }
    parent[rb] = Int32(ra)
    size[ra] += size[rb]
    return true
  }
}
