// Where the leaves get their ids from property indexes: the entities a seek finds for a row, and
// the nodes of a label in an index's order.
import CypherPlanner
import GraphCore

extension ExecutionContext {
  /// Ids an index seek on nodes or relationships finds for `row`.
  func indexSeekIDs(index: String, bounds: IndexBounds, _ row: Row) throws -> [Int64] {
    dbHits += 1
    switch bounds {
    case .equal(let expressions):
      let key = try expressions.map { try eval($0, row) }
      if key.contains(where: \.isNull) { return [] }
      return store.indexLookup(index, equalTo: key)
    case .anyOf(let list):
      guard case .list(let items) = try eval(list, row) else { return [] }
      var seen = Set<Int64>()
      var out: [Int64] = []
      for item in items where !item.isNull {
        for id in store.indexLookup(index, equalTo: [item]) where seen.insert(id).inserted {
          out.append(id)
        }
      }
      return out
    case .range(let lower, let lowerInclusive, let upper, let upperInclusive):
      let low = try lower.map { try eval($0, row) }
      let high = try upper.map { try eval($0, row) }
      if low?.isNull == true || high?.isNull == true { return [] }
      return store.indexLookup(index, from: low.map { [$0] }, inclusive: lowerInclusive, to: high.map { [$0] }, inclusive: upperInclusive)
    case .prefix(let p):
      guard case .string(let prefix) = try eval(p, row) else { return [] }
      return store.indexLookup(
        index, from: [.string(prefix)], inclusive: true, to: [.string(prefix + "\u{10FFFF}")], inclusive: true)
    case .boundingBox(let ll, let ur):
      let low = try eval(ll, row), high = try eval(ur, row)
      if low.isNull || high.isNull { return [] }
      guard case .point(let a) = low, case .point(let b) = high else { return pointKeys(index, nil) }
      // Across CRSs withinBBox is null; a box crossing the date line wraps: every point of the CRS.
      if a.srid != b.srid { return [] }
      if a.isGeographic && a.x > b.x { return pointKeys(index, a) }
      return pointKeys(index, a, (a, b))
    case .distance(let c, let r):
      let center = try eval(c, row), radius = try eval(r, row)
      if center.isNull || radius.isNull { return [] }
      guard case .point(let p) = center, let d = radius.doubleValue else { return pointKeys(index, nil) }
      guard !p.isGeographic, d >= 0 else { return pointKeys(index, p) }
      let low = Point.cartesian(x: p.x - d, y: p.y - d, z: p.z.map { $0 - d })
      let high = Point.cartesian(x: p.x + d, y: p.y + d, z: p.z.map { $0 + d })
      return pointKeys(index, p, (low, high))
    }
  }

  /// Ids of the index's keys from `box.low` to `box.high` in index order (CRS, then x, y, z):
  /// every point inside the box and others the predicate still filters out. Without a box,
  /// every point of `crs`'s CRS; without `crs`, every key (the predicate then decides, raising
  /// its own errors).
  /// - Complexity: O(log n + k) for the k keys in the range; the y and z coordinates do not
  ///   narrow it.
  private func pointKeys(_ index: String, _ crs: Point?, _ box: (low: Point, high: Point)? = nil) -> [Int64] {
    guard let crs else { return store.indexLookup(index, from: nil, inclusive: true, to: nil, inclusive: true) }
    var range = box ?? Self.wholeCRS(crs)
    if range.low.orderCompare(range.high) > 0 { range = Self.wholeCRS(crs) }
    return store.indexLookup(index, from: [.point(range.low)], inclusive: true, to: [.point(range.high)], inclusive: true)
  }

  /// The lowest and highest points of `p`'s CRS in index order.
  private static func wholeCRS(_ p: Point) -> (low: Point, high: Point) {
    let z: (Double?, Double?) = p.z == nil ? (nil, nil) : (-.infinity, .infinity)
    if p.isGeographic {
      return (.wgs84(longitude: -180, latitude: -90, height: z.0), .wgs84(longitude: 180, latitude: 90, height: z.1))
    }
    return (.cartesian(x: -.infinity, y: -.infinity, z: z.0), .cartesian(x: .infinity, y: .infinity, z: z.1))
  }

  /// Nodes with `label` in the order of `index`, with the nodes the index lacks (no value) placed
  /// where ORDER BY puts nulls.
  func orderedNodeIDs(label: String, index: String, ascending: Bool) -> [Int64] {
    let labelled = store.nodeIDs(withLabel: label)
    let indexed = store.indexLookup(index, from: nil, inclusive: true, to: nil, inclusive: true)
    let present = Set(indexed)
    let missing = labelled.filter { !present.contains($0) }
    return ascending ? indexed + missing : missing + reversedKeepingTies(indexed, index: index)
  }

  /// Descending key order with ties still in ascending id order, as a stable sort gives.
  private func reversedKeepingTies(_ ids: [Int64], index: String) -> [Int64] {
    let property = store.indexProperty(index)
    let entries = ids.map { id in (id, store.nodeProperty(id, property).flatMap { $0 } ?? .null) }
    var out: [Int64] = []
    var i = entries.count - 1
    while i >= 0 {
      var j = i
      while j > 0, entries[j - 1].1.orderCompare(entries[i].1) == 0 { j -= 1 }
      out += entries[j...i].map(\.0)
      i = j - 1
    }
    return out
  }
}
