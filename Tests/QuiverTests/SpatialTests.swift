// POINT values as the Neo4j manual gives them: point() in the four CRSs with its validation
// errors, the components a point exposes, point.distance() to the manual's digits,
// point.withinBBox(), equality, comparison and ORDER BY, type predicates, property storage with
// index lookups, and the Swift API.
import Foundation
import Quiver
import Testing

@Suite struct SpatialTests {
  @Test(arguments: [
    ("point({x: 2.3, y: 4.5})", "point({x: 2.3, y: 4.5, crs: 'cartesian'})"),
    ("point({x: 2, y: 4, z: 6})", "point({x: 2.0, y: 4.0, z: 6.0, crs: 'cartesian-3d'})"),
    ("point({x: 2.3, y: 4.5, crs: 'cartesian'})", "point({x: 2.3, y: 4.5, crs: 'cartesian'})"),
    ("point({x: 2.3, y: 4.5, srid: 7203})", "point({x: 2.3, y: 4.5, crs: 'cartesian'})"),
    ("point({x: 2.3, y: 4.5, z: 2, crs: 'Cartesian-3D'})", "point({x: 2.3, y: 4.5, z: 2.0, crs: 'cartesian-3d'})"),
    ("point({longitude: 56.7, latitude: 12.78})", "point({x: 56.7, y: 12.78, crs: 'wgs-84'})"),
    ("point({longitude: 56.7, latitude: 12.78, height: 8})", "point({x: 56.7, y: 12.78, z: 8.0, crs: 'wgs-84-3d'})"),
    ("point({x: 2.3, y: 4.5, crs: 'WGS-84'})", "point({x: 2.3, y: 4.5, crs: 'wgs-84'})"),
    ("point({x: 2.3, y: 4.5, z: 1, srid: 4979})", "point({x: 2.3, y: 4.5, z: 1.0, crs: 'wgs-84-3d'})"),
    ("point(null)", "null"), ("point({x: null, y: 1})", "null"), ("point({latitude: 1, longitude: null})", "null"),
    ("point({x: 1, y: 2}).x", "1.0"), ("point({x: 1, y: 2}).y", "2.0"), ("point({x: 1, y: 2, z: 3}).z", "3.0"),
    ("point({x: 1, y: 2}).crs", "'cartesian'"), ("point({x: 1, y: 2}).srid", "7203"),
    ("point({x: 1, y: 2, z: 3}).srid", "9157"), ("point({longitude: 1, latitude: 2}).srid", "4326"),
    ("point({longitude: 1, latitude: 2, height: 3}).crs", "'wgs-84-3d'"),
    ("point({longitude: 1, latitude: 2}).longitude", "1.0"), ("point({longitude: 1, latitude: 2}).latitude", "2.0"),
    ("point({longitude: 1, latitude: 2, height: 3}).height", "3.0"), ("point({longitude: 1, latitude: 2}).x", "1.0"),
    ("toString(point({x: 1, y: 2.5}))", "'point({x: 1.0, y: 2.5, crs: \\'cartesian\\'})'"),
    ("valueType(point({x: 1, y: 2}))", "'POINT NOT NULL'"),
    ("valueType([point({x: 1, y: 2}), null])", "'LIST<POINT> NOT NULL'"),
    ("point({x: 1, y: 2}) IS :: POINT", "true"), ("point({x: 1, y: 2}) IS :: POINT NOT NULL", "true"),
    ("1 IS :: POINT", "false"), ("null IS :: POINT", "true"), ("[point({x: 1, y: 2})] IS :: LIST<POINT NOT NULL>", "true"),
    ("point({x: 1, y: 2}) IS :: PROPERTY VALUE", "true"),
    ("point({x: 1, y: 2}) = point({x: 1.0, y: 2.0, crs: 'cartesian'})", "true"),
    ("point({x: 1, y: 2}) = point({x: 1, y: 2, crs: 'wgs-84'})", "false"),
    ("point({x: 1, y: 2}) = point({x: 1, y: 2, z: 0})", "false"), ("point({x: 1, y: 2}) <> point({x: 1, y: 3})", "true"),
    ("point({x: 1, y: 2}) < point({x: 2, y: 3})", "null"), ("point({x: 1, y: 2}) >= point({x: 1, y: 2})", "null"),
    ("point({x: 1, y: 2}) = 1", "false"), ("point({x: 1, y: 2}) IN [point({x: 1, y: 2})]", "true"),
  ])
  func expression(_ expression: String, _ expected: String) throws {
    #expect(lit(try value(expression)) == expected, "\(expression)")
  }

  /// The manual's distances: Euclidean in Cartesian CRSs, haversine over Neo4j's earth radius for
  /// WGS-84 (Copenhagen to Malmö is 27842 m after round()), null across CRSs or with a null.
  @Test(arguments: [
    ("point.distance(point({x: 2.3, y: 4.5, crs: 'cartesian'}), point({x: 1.1, y: 5.4, crs: 'cartesian'}))", "1.5"),
    ("point.distance(point({x: 0, y: 0, z: 0}), point({x: 2, y: 3, z: 6}))", "7.0"),
    ("round(point.distance(point({longitude: 12.564590, latitude: 55.672874}), point({longitude: 12.994341, latitude: 55.611784})))", "27842.0"),
    ("point.distance(point({longitude: 12.564590, latitude: 55.672874}), point({longitude: 12.994341, latitude: 55.611784}))", "27841.920012893737"),
    ("point.distance(point({longitude: 12.78, latitude: 56.7, height: 100}), point({latitude: 56.7, longitude: 12.78, height: 200}))", "100.0"),
    ("point.distance(point({longitude: 0, latitude: 0}), point({longitude: 180, latitude: 0}))", "20037517.767567202"),
    ("point.distance(point({x: 0, y: 0}), point({x: 0, y: 0, crs: 'wgs-84'}))", "null"),
    ("point.distance(point({x: 0, y: 0}), point({x: 0, y: 0, z: 0}))", "null"),
    ("point.distance(point({x: 0, y: 0}), null)", "null"), ("point.distance(null, point({x: 0, y: 0}))", "null"),
  ])
  func distance(_ expression: String, _ expected: String) throws {
    #expect(lit(try value(expression)) == expected, "\(expression)")
  }

  @Test(arguments: [
    ("point.withinBBox(point({x: 0, y: 0}), point({x: -10, y: -10}), point({x: 10, y: 10}))", "true"),
    ("point.withinBBox(point({x: 10, y: -10}), point({x: -10, y: -10}), point({x: 10, y: 10}))", "true"),
    ("point.withinBBox(point({x: 11, y: 0}), point({x: -10, y: -10}), point({x: 10, y: 10}))", "false"),
    ("point.withinBBox(point({x: 0, y: 0, z: 5}), point({x: -1, y: -1, z: 0}), point({x: 1, y: 1, z: 4}))", "false"),
    ("point.withinBBox(point({x: 0, y: 0, z: 3}), point({x: -1, y: -1, z: 0}), point({x: 1, y: 1, z: 4}))", "true"),
    ("point.withinBBox(point({longitude: 12.53, latitude: 55.66}), point({longitude: 12.1, latitude: 55.6}), point({longitude: 12.6, latitude: 55.7}))", "true"),
    // Lower-left east of upper-right: the box crosses the date line.
    ("point.withinBBox(point({longitude: -179.5, latitude: 55.68}), point({longitude: 179, latitude: 55.66}), point({longitude: -179, latitude: 55.70}))", "true"),
    ("point.withinBBox(point({longitude: 0, latitude: 55.68}), point({longitude: 179, latitude: 55.66}), point({longitude: -179, latitude: 55.70}))", "false"),
    // Lower-left north of upper-right: no point lies between.
    ("point.withinBBox(point({longitude: 12.53, latitude: 55.66}), point({longitude: 12.1, latitude: 55.7}), point({longitude: 12.6, latitude: 55.6}))", "false"),
    ("point.withinBBox(point({x: 0, y: 0}), point({longitude: -10, latitude: -10}), point({longitude: 10, latitude: 10}))", "null"),
    ("point.withinBBox(null, point({x: -10, y: -10}), point({x: 10, y: 10}))", "null"),
    ("point.withinBBox(point({x: 0, y: 0}), point({x: -10, y: -10}), null)", "null"),
  ])
  func withinBBox(_ expression: String, _ expected: String) throws {
    #expect(lit(try value(expression)) == expected, "\(expression)")
  }

  @Test(arguments: [
    ("RETURN point({x: 1})", "InvalidArgumentValue"),
    ("RETURN point({y: 1, z: 2})", "InvalidArgumentValue"),
    ("RETURN point({latitude: 1})", "InvalidArgumentValue"),
    ("RETURN point({latitude: 91, longitude: 0})", "InvalidArgumentValue"),
    ("RETURN point({latitude: -90.5, longitude: 0})", "InvalidArgumentValue"),
    ("RETURN point({latitude: 0, longitude: 180.1})", "InvalidArgumentValue"),
    ("RETURN point({x: 1, y: 2, crs: 'cartesian-3d'})", "InvalidArgumentValue"),
    ("RETURN point({x: 1, y: 2, z: 3, crs: 'wgs-84'})", "InvalidArgumentValue"),
    ("RETURN point({x: 1, y: 2, crs: 'mercator'})", "InvalidArgumentValue"),
    ("RETURN point({x: 1, y: 2, srid: 3857})", "InvalidArgumentValue"),
    ("RETURN point({x: 1, y: 2, srid: 7203, crs: 'cartesian'})", "InvalidArgumentValue"),
    ("RETURN point({longitude: 1, latitude: 2, crs: 'cartesian'})", "InvalidArgumentValue"),
    ("RETURN point({x: '1', y: 2})", "InvalidArgumentType"),
    ("RETURN point({x: 1, y: 2, srid: '7203'})", "InvalidArgumentType"),
    ("RETURN point(1)", "InvalidArgumentValue"),
    ("RETURN point.distance(point({x: 1, y: 2}), 3)", "InvalidArgumentType"),
    ("RETURN point.withinBBox(1, point({x: 1, y: 2}), point({x: 1, y: 2}))", "InvalidArgumentType"),
    ("RETURN point({x: 1, y: 2}).latitude", "InvalidArgumentValue"),
    ("RETURN point({x: 1, y: 2}).z", "InvalidArgumentValue"),
    ("RETURN point({longitude: 1, latitude: 2}).height", "InvalidArgumentValue"),
    ("RETURN point({x: 1, y: 2}).w", "InvalidArgumentValue"),
    ("RETURN point({x: 1, y: 2}, 3)", "InvalidNumberOfArguments"),
    ("RETURN point.distance(point({x: 1, y: 2}))", "InvalidNumberOfArguments"),
  ])
  func errors(_ query: String, _ code: String) throws {
    let db = try Database()
    #expect(errorCode { _ = try db.execute(query) } == code, "\(query)")
  }

  /// Runtime errors carry their code and message (Quiver gives positions to compile-time
  /// errors only).
  @Test func errorsNameTheProblem() throws {
    let db = try Database()
    do {
      _ = try db.execute("RETURN 1 AS a,\n  point({latitude: 91, longitude: 0}) AS p")
      Issue.record("no error")
    } catch let error as QuiverError {
      #expect(error.code == .invalidArgumentValue)
      #expect(error.message == "cannot create a WGS-84 point with invalid coordinate 91.0: the valid range for latitude (y) is [-90, 90]")
      #expect(error.phase == .runtime)
    }
  }

  /// ORDER BY puts points after paths and before temporal values, ordered by srid and then by
  /// coordinates; DISTINCT and grouping treat equal points as one.
  @Test func orderingAndGrouping() throws {
    let db = try Database()
    let ordered = try rows(db, """
      UNWIND [date('2024-01-01'), point({x: 2, y: 1}), point({longitude: 1, latitude: 1}), 'a', [1],
              point({x: 1, y: 5}), point({x: 1, y: 2, z: 0}), point({x: 1, y: 2})] AS v
      RETURN v ORDER BY v
      """)
    #expect(lit(ordered.map { $0[0] }) == [
      "[1]", "point({x: 1.0, y: 1.0, crs: 'wgs-84'})", "point({x: 1.0, y: 2.0, crs: 'cartesian'})",
      "point({x: 1.0, y: 5.0, crs: 'cartesian'})", "point({x: 2.0, y: 1.0, crs: 'cartesian'})",
      "point({x: 1.0, y: 2.0, z: 0.0, crs: 'cartesian-3d'})", "2024-01-01", "'a'",
    ])
    let grouped = try rows(db, "UNWIND [point({x: 1, y: 2}), point({x: 1.0, y: 2.0}), point({x: 1, y: 2, crs: 'wgs-84'})] AS p RETURN p.srid AS s, count(*) AS c ORDER BY s")
    #expect(lit(grouped) == [["4326", "1"], ["7203", "2"]])
    #expect(lit(try rows(db, "UNWIND [point({x: 1, y: 2}), point({x: 1, y: 2})] AS p RETURN count(DISTINCT p)")) == [["1"]])
  }

  /// Points are property values: stored alone or in lists, found by equality through a property
  /// index, and never matched by a range predicate (points are not comparable).
  @Test func storedAndIndexed() throws {
    let db = try Database()
    _ = try db.execute("CREATE POINT INDEX place_loc FOR (n:Place) ON (n.loc)")
    _ = try db.execute("""
      CREATE (:Place {name: 'Copenhagen', loc: point({longitude: 12.564590, latitude: 55.672874})}),
             (:Place {name: 'Malmo', loc: point({longitude: 12.994341, latitude: 55.611784}), route: [point({x: 1, y: 2}), point({x: 3, y: 4})]}),
             (:Place {name: 'Origin', loc: point({x: 0, y: 0})})
      """)
    let query = "MATCH (p:Place) WHERE p.loc = $at RETURN p.name"
    let found = try rows(db, query, ["at": .point(.wgs84(longitude: 12.994341, latitude: 55.611784))])
    #expect(lit(found) == [["'Malmo'"]])
    let plan = try db.execute("EXPLAIN " + query, parameters: ["at": .point(.cartesian(x: 0, y: 0))]).plan ?? ""
    #expect(plan.contains("NodeIndexSeek"), "\(plan)")
    #expect(lit(try rows(db, "MATCH (p:Place {loc: point({x: 0, y: 0})}) RETURN p.name")) == [["'Origin'"]])
    #expect(try rows(db, "MATCH (p:Place) WHERE p.loc > point({x: -1, y: -1}) RETURN p.name").isEmpty)
    #expect(lit(try rows(db, "MATCH (p:Place {name: 'Malmo'}) RETURN p.route[1].x, size(p.route)")) == [["3.0", "2"]])
    let near = try rows(db, """
      MATCH (a:Place {name: 'Copenhagen'}), (b:Place {name: 'Malmo'})
      RETURN round(point.distance(a.loc, b.loc)) AS travelDistance
      """)
    #expect(lit(near) == [["27842.0"]])
    #expect(db.consistencyViolations.isEmpty)
  }

  @Test func swiftAPI() throws {
    let db = try Database()
    let p = try #require(try db.execute("RETURN point({longitude: 1.5, latitude: 2.5, height: 3}) AS p").rows[0][0].pointValue)
    #expect(p.srid == 4979 && p.x == 1.5 && p.y == 2.5 && p.z == 3 && p.crs == "wgs-84-3d" && p.isGeographic)
    #expect(p == Point.wgs84(longitude: 1.5, latitude: 2.5, height: 3))
    #expect(p.wellKnownText == "SRID=4979;POINT Z (1.5 2.5 3.0)")
    #expect(Point.cartesian(x: 1, y: 2).wellKnownText == "SRID=7203;POINT (1.0 2.0)")
    #expect(Point(srid: 4326, x: 1, y: 2, z: 3) == nil)
    #expect(Point(srid: 1234, x: 1, y: 2) == nil)
    #expect(Point(srid: 9157, x: 1, y: 2, z: 3)?.crs == "cartesian-3d")
    let back = try db.execute("RETURN $p AS p", parameters: ["p": Point.cartesian(x: 4, y: 5).cypherValue]).rows[0][0]
    #expect(lit(back) == "point({x: 4.0, y: 5.0, crs: 'cartesian'})")
    struct Place: Decodable { var name: String; var loc: Point }
    let places = try db.execute("RETURN 'here' AS name, point({x: 1, y: 2}) AS loc").decode(Place.self)
    #expect(places.first?.loc == Point.cartesian(x: 1, y: 2))
  }

  @Test func showFunctionsListsTheSpatialFunctions() throws {
    let db = try Database()
    let r = try rows(db, "SHOW FUNCTIONS YIELD name, category WHERE category = 'Spatial' RETURN name ORDER BY name")
    #expect(lit(r) == [["'point'"], ["'point.distance'"], ["'point.withinBBox'"]])
  }
}
