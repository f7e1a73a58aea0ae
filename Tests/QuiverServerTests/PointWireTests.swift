// Points on the wire: Bolt's Point2D (0x58: srid, x, y) and Point3D (0x59: srid, x, y, z)
// structures both ways, and the Query API's typed JSON `{"$type": "Point", "_value":
// "SRID=…;POINT (…)"}` in results and parameters.
import NIOCore
import Quiver
import Testing

@testable import QuiverServer

@Suite struct PointWireTests {
  @Test func boltWritesPointStructures() throws {
    let c = Conversation(version: BoltVersion(5, 8), database: try Database())
    #expect(c.logIn()?.isSuccess == true)
    let (_, pull) = c.query("RETURN point({x: 1.5, y: -2}) AS a, point({longitude: 12.5, latitude: 55.5, height: 7}) AS b")
    #expect(pull.first?.values == [
      .structure(tag: 0x58, fields: [.int(7203), .float(1.5), .float(-2)]),
      .structure(tag: 0x59, fields: [.int(4979), .float(12.5), .float(55.5), .float(7)]),
    ])
  }

  @Test func boltReadsPointParameters() throws {
    let c = Conversation(version: BoltVersion(5, 8), database: try Database())
    #expect(c.logIn()?.isSuccess == true)
    let params: [String: PackValue] = [
      "a": .structure(tag: 0x58, fields: [.int(4326), .float(12.56459), .float(55.672874)]),
      "b": .structure(tag: 0x59, fields: [.int(9157), .float(1), .float(2), .float(3)]),
    ]
    let (_, pull) = c.query("RETURN $a.crs, $a.latitude, $b.z, toString($b)", params)
    #expect(pull.first?.values == [.string("wgs-84"), .float(55.672874), .float(3), .string("point({x: 1.0, y: 2.0, z: 3.0, crs: 'cartesian-3d'})")])
    let bad = c.query("RETURN $p", ["p": .structure(tag: 0x58, fields: [.int(1234), .float(1), .float(2)])]).run
    #expect(bad?.isSuccess == false)
    #expect(bad?.metadata["message"]?.string?.contains("the coordinate reference system 1234 is unknown") == true)
    let c2 = Conversation(version: BoltVersion(5, 8), database: try Database())
    #expect(c2.logIn()?.isSuccess == true)
    let outside = c2.query("RETURN $p", ["p": .structure(tag: 0x58, fields: [.int(4326), .float(500), .float(10)])]).run
    #expect(outside?.isSuccess == false)
    #expect(outside?.metadata["message"]?.string?.contains("longitude is outside [-180, 180]") == true)
  }

  @Test func wgs84CoordinatesOutOfRangeAreNotPoints() {
    #expect(Point(srid: 4326, x: 500, y: 10) == nil)
    #expect(Point(srid: 4979, x: 10, y: -91, z: 0) == nil)
    #expect(Point(srid: 4326, x: .nan, y: 0) == nil)
    #expect(Point(srid: 4326, x: -180, y: 90)?.y == 90)
    #expect(Point(srid: 7203, x: 500, y: 1000)?.x == 500)
  }

  @Test func queryAPIWritesAndReadsWellKnownText() throws {
    let client = RouterClient(database: try Database())
    let body = RouterClient.body(
      "RETURN $p AS p, point({longitude: 12.5, latitude: 55.25, height: 3}) AS g",
      parameters: #"{"p":{"$type":"Point","_value":"SRID=7203;POINT (1.5 2.0)"}}"#)
    let out = client.send(
      "POST", "/db/neo4j/query/v2", json: body,
      ["accept": "application/vnd.neo4j.query.v1.1", "content-type": "application/vnd.neo4j.query.v1.1"])
    #expect(out.status == 202)
    let row = out.json.rows.first ?? []
    #expect(row.first == .object(["$type": .string("Point"), "_value": .string("SRID=7203;POINT (1.5 2.0)")]))
    #expect(row.last == .object(["$type": .string("Point"), "_value": .string("SRID=4979;POINT Z (12.5 55.25 3.0)")]))
    let plain = client.query("RETURN point({x: 1, y: 2}) AS p")
    #expect(plain.json.rows == [[.string("SRID=7203;POINT (1.0 2.0)")]])
  }

  @Test func transactionalEndpointWritesGeoJSONPoints() throws {
    var w = JSONWriter()
    w.legacyRow(.point(.wgs84(longitude: 12.5, latitude: 55.25)))
    #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"type":"Point","coordinates":[12.5,55.25],"crs":{"srid":4326,"name":"wgs-84","type":"link","properties":{"href":"http://spatialreference.org/ref/epsg/4326/ogcwkt/","type":"ogcwkt"}}}"#)
    var meta = JSONWriter()
    meta.legacyMeta(.point(.cartesian(x: 1, y: 2)))
    #expect(String(decoding: meta.bytes, as: UTF8.self) == #"{"type":"point"}"#)
  }
}
