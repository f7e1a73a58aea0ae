// Spatial values: a 2D or 3D point in one of the four coordinate reference systems Cypher knows
// (Cartesian 7203/9157, WGS-84 4326/4979), with the distance and bounding-box tests the
// `point.distance()` and `point.withinBBox()` functions use. Every layer above GraphCore shares it.
import Foundation

/// A spatial point: two or three coordinates in a coordinate reference system (CRS).
///
/// Cartesian points (`srid` 7203 in 2D, 9157 in 3D) have coordinates `x`, `y` and `z`; WGS-84
/// points (`srid` 4326 in 2D, 4979 in 3D) have `longitude` (`x`), `latitude` (`y`) and `height`
/// (`z`, in metres). Points of different CRSs are never equal and have no distance.
public struct Point: Sendable, Hashable {
  /// The CRS's numeric id: 7203, 9157, 4326 or 4979.
  public let srid: Int
  /// The first coordinate (the longitude of a WGS-84 point).
  public let x: Double
  /// The second coordinate (the latitude of a WGS-84 point).
  public let y: Double
  /// The third coordinate of a 3D point (the height of a WGS-84 point); nil in 2D.
  public let z: Double?

  /// A point in the CRS `srid`; nil when `srid` is not one of the four CRSs, when `z` is present
  /// exactly when the CRS is two-dimensional, or when a WGS-84 point's longitude (`x`) is outside
  /// [-180, 180] or its latitude (`y`) outside [-90, 90].
  public init?(srid: Int, x: Double, y: Double, z: Double? = nil) {
    guard let dimension = Point.dimensions[srid], dimension == (z == nil ? 2 : 3) else { return nil }
    if Point.isGeographic(srid), !Point.longitudes.contains(x) || !Point.latitudes.contains(y) { return nil }
    self.srid = srid
    self.x = x
    self.y = y
    self.z = z
  }

  /// A Cartesian point: srid 7203 in 2D, 9157 with `z`.
  public static func cartesian(x: Double, y: Double, z: Double? = nil) -> Point {
    Point(checked: z == nil ? 7203 : 9157, x: x, y: y, z: z)
  }

  /// A WGS-84 point: srid 4326 in 2D, 4979 with `height`.
  public static func wgs84(longitude: Double, latitude: Double, height: Double? = nil) -> Point {
    Point(checked: height == nil ? 4326 : 4979, x: longitude, y: latitude, z: height)
  }

  private init(checked srid: Int, x: Double, y: Double, z: Double?) {
    self.srid = srid
    self.x = x
    self.y = y
    self.z = z
  }

  /// The CRS name Cypher uses: `cartesian`, `cartesian-3d`, `wgs-84` or `wgs-84-3d`.
  public var crs: String { Point.names[srid] ?? "cartesian" }

  /// True for the WGS-84 CRSs, whose coordinates are degrees on the earth.
  public var isGeographic: Bool { Point.isGeographic(srid) }

  /// Whether `srid` is one of the WGS-84 CRSs.
  package static func isGeographic(_ srid: Int) -> Bool { srid == 4326 || srid == 4979 }

  /// The longitudes (`x`) a WGS-84 point may have.
  package static let longitudes: ClosedRange<Double> = -180...180
  /// The latitudes (`y`) a WGS-84 point may have.
  package static let latitudes: ClosedRange<Double> = -90...90

  /// The coordinates in order: `[x, y]` or `[x, y, z]`.
  public var coordinates: [Double] { z.map { [x, y, $0] } ?? [x, y] }

  /// The srid of each CRS with its number of dimensions.
  package static let dimensions: [Int: Int] = [7203: 2, 9157: 3, 4326: 2, 4979: 3]

  /// The srid of each CRS with its name.
  package static let names: [Int: String] = [7203: "cartesian", 9157: "cartesian-3d", 4326: "wgs-84", 4979: "wgs-84-3d"]

  /// The srid a CRS name (any case) stands for; `wgs-84-2d` and `cartesian-2d` are accepted too.
  package static func srid(named name: String) -> Int? {
    switch name.lowercased() {
    case "cartesian", "cartesian-2d": return 7203
    case "cartesian-3d": return 9157
    case "wgs-84", "wgs-84-2d": return 4326
    case "wgs-84-3d": return 4979
    default: return nil
    }
  }
}

extension Point {
  /// The earth radius, in metres, of the spherical model WGS-84 distances use (Neo4j's value, so
  /// that distances agree with it to the digit).
  package static let earthRadius = 6_378_140.0

  /// The distance to `other`: Euclidean for Cartesian points; for WGS-84 the haversine
  /// great-circle distance in metres, in 3D at the mean height of the two points and combined
  /// with the height difference by Pythagoras. Nil when the CRSs differ.
  package func distance(to other: Point) -> Double? {
    guard srid == other.srid else { return nil }
    if !isGeographic {
      var sum = (x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)
      if let z, let oz = other.z { sum += (z - oz) * (z - oz) }
      return sum.squareRoot()
    }
    let lat1 = y * .pi / 180
    let lat2 = other.y * .pi / 180
    let dLat = lat2 - lat1
    let dLon = (other.x - x) * .pi / 180
    let a = pow(sin(dLat / 2), 2) + cos(lat1) * cos(lat2) * pow(sin(dLon / 2), 2)
    let angle = 2 * atan2(a.squareRoot(), (1 - a).squareRoot())
    guard let z, let oz = other.z else { return Point.earthRadius * angle }
    let surface = (Point.earthRadius + (z + oz) / 2) * angle
    let rise = oz - z
    return (surface * surface + rise * rise).squareRoot()
  }

  /// Whether this point lies in the box from `lowerLeft` to `upperRight`, edges included; nil
  /// when the CRSs differ. A WGS-84 box whose lower-left longitude exceeds its upper-right one
  /// crosses the date line.
  package func isWithin(lowerLeft: Point, upperRight: Point) -> Bool? {
    guard srid == lowerLeft.srid, srid == upperRight.srid else { return nil }
    let inX: Bool
    if isGeographic && lowerLeft.x > upperRight.x {
      inX = x >= lowerLeft.x || x <= upperRight.x
    } else {
      inX = lowerLeft.x <= x && x <= upperRight.x
    }
    guard inX, lowerLeft.y <= y, y <= upperRight.y else { return false }
    if let z, let low = lowerLeft.z, let high = upperRight.z { return low <= z && z <= high }
    return true
  }

  /// ORDER BY's order between points: by srid, then coordinate by coordinate.
  package func orderCompare(_ other: Point) -> Int {
    if srid != other.srid { return srid < other.srid ? -1 : 1 }
    for (a, b) in zip(coordinates, other.coordinates) where a != b {
      if a.isNaN || b.isNaN { return a.isNaN == b.isNaN ? 0 : (a.isNaN ? 1 : -1) }
      return a < b ? -1 : 1
    }
    return 0
  }
}

extension Point: CustomStringConvertible {
  /// `point({x: 2.3, y: 4.5, crs: 'cartesian'})`: what `toString()` returns, and a literal that
  /// `point()` reads back.
  public var description: String {
    var text = "point({x: \(CypherText.float(x)), y: \(CypherText.float(y))"
    if let z { text += ", z: \(CypherText.float(z))" }
    return text + ", crs: '\(crs)'})"
  }

  /// Well-known text with the srid, as Neo4j's query API writes a point:
  /// `SRID=7203;POINT (2.3 4.5)`, `SRID=4979;POINT Z (12.5 56.2 100.0)`.
  public var wellKnownText: String {
    let coords = coordinates.map { CypherText.float($0) }.joined(separator: " ")
    return "SRID=\(srid);POINT\(z == nil ? "" : " Z") (\(coords))"
  }

  /// The point `wellKnownText` writes (`SRID=4326;POINT (1.5 2.5)`, `POINT Z` optional before
  /// three coordinates); nil for any other text.
  package init?(wellKnownText text: String) {
    let parts = text.split(separator: ";", maxSplits: 1)
    guard parts.count == 2, parts[0].uppercased().hasPrefix("SRID="), let srid = Int(parts[0].dropFirst(5)) else { return nil }
    var body = parts[1].trimmingCharacters(in: .whitespaces).uppercased()
    guard body.hasPrefix("POINT") else { return nil }
    body = String(body.dropFirst(5)).trimmingCharacters(in: .whitespaces)
    if body.hasPrefix("Z") { body = String(body.dropFirst()).trimmingCharacters(in: .whitespaces) }
    guard body.hasPrefix("("), body.hasSuffix(")") else { return nil }
    let numbers = body.dropFirst().dropLast().split(separator: " ").map { Double($0) }
    guard (2...3).contains(numbers.count), let x = numbers[0], let y = numbers[1] else { return nil }
    let z: Double?? = numbers.count == 3 ? .some(numbers[2]) : .none
    if case .some(nil) = z { return nil }
    self.init(srid: srid, x: x, y: y, z: z ?? nil)
  }
}
