// Multiset matching used for rows compared in any order and for lists compared ignoring
// element order: pairs expected with actual elements and reports what is left over.

/// Matches two collections as multisets: every expected element pairs with a distinct actual
/// element. Greedy pairing is exact because the TCK equalities are equivalence relations.
func bagsEqual<T>(_ expected: [T], _ actual: [T], by equal: (T, T) -> Bool) -> Bool {
  pairAsBags(expected, actual, by: equal).isPerfect
}

/// The result of pairing expected with actual elements as a bag.
struct BagPairing {
  /// Indices of expected elements with no partner.
  var missing: [Int]
  /// Indices of actual elements with no partner.
  var unexpected: [Int]
  var isPerfect: Bool { missing.isEmpty && unexpected.isEmpty }
}

/// Pairs each expected element with the first unused equal actual element.
func pairAsBags<T>(_ expected: [T], _ actual: [T], by equal: (T, T) -> Bool) -> BagPairing {
  var used = Array(repeating: false, count: actual.count)
  var missing: [Int] = []
  for (i, e) in expected.enumerated() {
    if let j = actual.indices.first(where: { !used[$0] && equal(e, actual[$0]) }) {
      used[j] = true
    } else {
      missing.append(i)
    }
  }
  return BagPairing(missing: missing, unexpected: actual.indices.filter { !used[$0] })
}
