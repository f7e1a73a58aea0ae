// Point ranges through an index: point.withinBBox(n.p, ll, ur) and point.distance(n.p, c) < r
// (or <=) are planned as index seeks over the points between two corners, and find exactly the
// rows the filtering plan finds — across CRSs, the date line, 3D points, nulls and parameters.
import Foundation
import Quiver
import Testing

@Suite struct PointIndexSeekTests {
  /// A 21 x 21 Cartesian grid (ids 0-440), WGS-84 points around the date line, 3D points, a
  /// place without a point, and points on another label.
  private func places(indexed: Bool) throws -> Database {
    let db = try Database()
    _ = try db.execute(
      "UNWIND range(0, 440) AS i CREATE (:Place {id: i, p: point({x: toFloat(i % 21) - 10.0, y: toFloat(i / 21) - 10.0})})")
    _ = try db.execute(
      """
      UNWIND range(0, 35) AS i
      CREATE (:Place {id: 1000 + i, p: point({longitude: toFloat(i * 10) - 175.0, latitude: toFloat(i % 7) * 10.0 - 30.0})})
      """)
    _ = try db.execute("UNWIND range(0, 9) AS i CREATE (:Place {id: 2000 + i, p: point({x: toFloat(i), y: 0.0, z: toFloat(i)})})")
    _ = try db.execute("CREATE (:Place {id: 3000}), (:Other {id: 4000, p: point({x: 0.0, y: 0.0})})")
    if indexed { _ = try db.execute("CREATE POINT INDEX place_p FOR (n:Place) ON (n.p)") }
    return db
  }

  private static let queries: [String] = [
    "MATCH (n:Place) WHERE point.withinBBox(n.p, point({x: -2.0, y: -3.0}), point({x: 2.5, y: 1.0})) RETURN n.id AS id",
    "MATCH (n:Place) WHERE point.withinBBox(n.p, point({x: 3.0, y: -3.0}), point({x: -2.0, y: 1.0})) RETURN n.id AS id",
    "MATCH (n:Place) WHERE point.withinBBox(n.p, point({x: -2.0, y: 3.0}), point({x: 2.0, y: -1.0})) RETURN n.id AS id",
    "MATCH (n:Place) WHERE point.withinBBox(n.p, point({longitude: 150.0, latitude: -15.0}), point({longitude: -150.0, latitude: 25.0})) RETURN n.id AS id",
    "MATCH (n:Place) WHERE point.withinBBox(n.p, point({longitude: -20.0, latitude: -15.0}), point({longitude: 40.0, latitude: 25.0})) RETURN n.id AS id",
    "MATCH (n:Place) WHERE point.withinBBox(n.p, point({x: 0.0, y: 0.0}), point({longitude: 1.0, latitude: 1.0})) RETURN n.id AS id",
    "MATCH (n:Place) WHERE point.withinBBox(n.p, point({x: 1.0, y: -1.0, z: 0.0}), point({x: 5.0, y: 1.0, z: 3.5})) RETURN n.id AS id",
    "MATCH (n:Place) WHERE point.withinBBox(n.p, null, point({x: 1.0, y: 1.0})) RETURN n.id AS id",
    "MATCH (n:Place) WHERE point.withinBBox(n.p, $ll, $ur) RETURN n.id AS id",
    "MATCH (n:Place) WHERE point.distance(n.p, point({x: 1.0, y: 1.0})) < 2.5 RETURN n.id AS id",
    "MATCH (n:Place) WHERE point.distance(point({x: 1.0, y: 1.0}), n.p) <= 2 RETURN n.id AS id",
    "MATCH (n:Place) WHERE 3.0 > point.distance(n.p, $center) RETURN n.id AS id",
    "MATCH (n:Place) WHERE point.distance(n.p, point({x: 1.0, y: 1.0})) < -1 RETURN n.id AS id",
    "MATCH (n:Place) WHERE point.distance(n.p, point({x: 2.0, y: 0.0, z: 2.0})) <= 1.5 RETURN n.id AS id",
    "MATCH (n:Place) WHERE point.distance(n.p, point({longitude: 180.0, latitude: 0.0})) < 3000000 RETURN n.id AS id",
    "MATCH (n:Place) WHERE point.distance(n.p, point({longitude: 0.0, latitude: 0.0})) < 100 RETURN n.id AS id",
  ]

  private static let parameters: [String: Value] = [
    "ll": .point(.cartesian(x: -1.5, y: 7.0)), "ur": .point(.cartesian(x: 0.5, y: 9.0)),
    "center": .point(.cartesian(x: -9.0, y: -9.0)),
  ]

  @Test(arguments: queries)
  func seekFindsWhatTheFilterFinds(query: String) throws {
    let plain = try places(indexed: false)
    let indexed = try places(indexed: true)
    let expected = try plain.execute(query, parameters: Self.parameters).rows.compactMap { $0[0].intValue }.sorted()
    let found = try indexed.execute(query, parameters: Self.parameters).rows.compactMap { $0[0].intValue }.sorted()
    #expect(found == expected)
    let plan = try indexed.execute("EXPLAIN " + query, parameters: Self.parameters).plan ?? ""
    #expect(plan.contains("NodeIndexSeekByRange n:Place (place_p)"), "\(plan)")
    #expect(try plain.execute("EXPLAIN " + query, parameters: Self.parameters).plan?.contains("NodeByLabelScan n:Place") == true)
  }

  @Test func valuesOfTheSeek() throws {
    let db = try places(indexed: true)
    func ids(_ query: String) throws -> [Int64] {
      try db.execute(query).rows.compactMap { $0[0].intValue }.sorted()
    }
    // x in [-1, 1], y in [-10, -9]: ids 9, 10, 11 (y = -10) and 30, 31, 32 (y = -9).
    #expect(try ids("MATCH (n:Place) WHERE point.withinBBox(n.p, point({x: -1.0, y: -10.0}), point({x: 1.0, y: -9.0})) RETURN n.id") == [9, 10, 11, 30, 31, 32])
    // Across the date line: longitudes 175 and -175 at latitudes -30..30 in steps the ids give.
    #expect(try ids("MATCH (n:Place) WHERE point.withinBBox(n.p, point({longitude: 170.0, latitude: -90.0}), point({longitude: -170.0, latitude: 90.0})) RETURN n.id") == [1000, 1035])
    // Distance 1 from (0, 0): the centre and its four neighbours (ids 220 ± 1, ± 21).
    #expect(try ids("MATCH (n:Place) WHERE point.distance(n.p, point({x: 0.0, y: 0.0})) <= 1 RETURN n.id") == [199, 219, 220, 221, 241])
    #expect(try ids("MATCH (n:Place) WHERE point.distance(n.p, point({x: 0.0, y: 0.0})) < 1 RETURN n.id") == [220])
    // Across CRSs: null, so nothing.
    #expect(try ids("MATCH (n:Place) WHERE point.distance(n.p, point({longitude: 0.0, latitude: 0.0})) < 1e9 AND n.id < 500 RETURN n.id").isEmpty)
  }

  @Test func nonPointArgumentsStillFail() throws {
    let db = try places(indexed: true)
    #expect(thrown { try db.execute("MATCH (n:Place) WHERE point.withinBBox(n.p, 1, 2) RETURN n.id") } == "InvalidArgumentType")
    #expect(thrown { try db.execute("MATCH (n:Place) WHERE point.distance(n.p, 'x') < 1 RETURN n.id") } == "InvalidArgumentType")
  }
}
