// The spatial functions at run time: `point(map)` with the Neo4j manual's validation,
// `point.distance()`, `point.withinBBox()`, and the components a point exposes as properties
// (`p.x`, `p.latitude`, `p.crs`, …). The geometry itself lives in GraphCore's `Point`.
import CypherPlanner
import GraphCore

extension ExecutionContext {
  /// Calls a spatial function. A null argument, or points of different CRSs, give null.
  func spatial(_ f: ScalarFunction, _ args: [Value]) throws -> Value {
    if args.contains(where: \.isNull) { return .null }
    switch f {
    case .point:
      guard case .map(let input) = args[0] else { throw argumentType(f, args[0]) }
      return try SpatialValues.point(from: input).map(Value.point) ?? .null
    case .pointDistance:
      let points = try args.map { try SpatialValues.point(f, $0) }
      return points[0].distance(to: points[1]).map(Value.float) ?? .null
    default:
      let points = try args.map { try SpatialValues.point(f, $0) }
      return points[0].isWithin(lowerLeft: points[1], upperRight: points[2]).map(Value.bool) ?? .null
    }
  }
}

/// Building points from maps and reading their components, with Neo4j's error messages.
enum SpatialValues {
  /// The point `point(input)` makes; nil when a coordinate is null.
  /// - Throws: `InvalidArgumentValue` when the keys name no coordinates, the CRS is unknown or
  ///   disagrees with the number of coordinates, or a WGS-84 coordinate is out of range;
  ///   `InvalidArgumentType` when a coordinate is not a number.
  static func point(from input: [String: Value]) throws -> Point? {
    let entries = Dictionary(input.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
    let geographicKeys = entries["longitude"] != nil || entries["latitude"] != nil
    let (xKey, yKey, zKey) = geographicKeys ? ("longitude", "latitude", "height") : ("x", "y", "z")
    guard let xValue = entries[xKey], let yValue = entries[yKey] else {
      throw invalid("a point must contain either 'x' and 'y', or 'latitude' and 'longitude'")
    }
    let zValue = entries[zKey] ?? entries[geographicKeys ? "z" : "height"]
    if [xValue, yValue, zValue ?? .int(0)].contains(where: \.isNull) { return nil }
    let x = try coordinate(xKey, xValue)
    let y = try coordinate(yKey, yValue)
    let z = try zValue.map { try coordinate(zKey, $0) }
    let srid = try requestedSRID(entries) ?? defaultSRID(geographic: geographicKeys, threeD: z != nil)
    guard let dimensions = Point.dimensions[srid] else { throw invalid("unknown coordinate reference system code: \(srid)") }
    let given = z == nil ? 2 : 3
    if dimensions != given {
      throw invalid(
        "cannot create a point with a \(dimensions)D coordinate reference system and \(given) coordinates; "
          + "use the equivalent \(given)D coordinate reference system")
    }
    if Point.isGeographic(srid) {
      guard Point.longitudes.contains(x) else {
        throw invalid("cannot create a WGS-84 point with invalid coordinate \(CypherText.float(x)): the valid range for longitude (x) is [-180, 180]")
      }
      guard Point.latitudes.contains(y) else {
        throw invalid("cannot create a WGS-84 point with invalid coordinate \(CypherText.float(y)): the valid range for latitude (y) is [-90, 90]")
      }
    }
    guard let point = Point(srid: srid, x: x, y: y, z: z) else {
      throw invalid("unknown coordinate reference system code: \(srid)")
    }
    if geographicKeys && !point.isGeographic {
      throw invalid("geographic points do not support the coordinate reference system \(point.crs)")
    }
    return point
  }

  /// The srid the `crs` or `srid` entry asks for; nil when neither is given.
  private static func requestedSRID(_ entries: [String: Value]) throws -> Int? {
    switch (entries["crs"], entries["srid"]) {
    case (nil, nil), (.some(.null), nil), (nil, .some(.null)): return nil
    case (.some, .some): throw invalid("a point cannot specify both 'crs' and 'srid'")
    case (.some(.string(let name)), nil):
      guard let srid = Point.srid(named: name) else { throw invalid("unknown coordinate reference system: \(name)") }
      return srid
    case (nil, .some(.int(let code))):
      guard let srid = Int(exactly: code), Point.dimensions[srid] != nil else {
        throw invalid("unknown coordinate reference system code: \(code)")
      }
      return srid
    case (.some(let other), nil):
      throw QuiverError.typeError("the 'crs' of a point must be a STRING, not a \(other.typeName)")
    case (nil, .some(let other)):
      throw QuiverError.typeError("the 'srid' of a point must be an INTEGER, not a \(other.typeName)")
    }
  }

  private static func defaultSRID(geographic: Bool, threeD: Bool) -> Int {
    switch (geographic, threeD) {
    case (false, false): return 7203
    case (false, true): return 9157
    case (true, false): return 4326
    case (true, true): return 4979
    }
  }

  private static func coordinate(_ key: String, _ value: Value) throws -> Double {
    switch value {
    case .int(let i): return Double(i)
    case .float(let d): return d
    default: throw QuiverError.typeError("the '\(key)' of a point must be a number, not a \(value.typeName)")
    }
  }

  /// `value` as the point argument of `f`.
  static func point(_ f: ScalarFunction, _ value: Value) throws -> Point {
    guard case .point(let p) = value else {
      throw QuiverError.typeError("\(f.rawValue)() needs POINT arguments, not a \(value.typeName)")
    }
    return p
  }

  /// `p.key`: a coordinate, `crs` or `srid`. Asking a Cartesian point for its latitude, or a 2D
  /// point for its third coordinate, is an error, as is an unknown key.
  static func property(_ p: Point, _ key: String) throws -> Value {
    switch key.lowercased() {
    case "x": return .float(p.x)
    case "y": return .float(p.y)
    case "crs": return .string(p.crs)
    case "srid": return .int(Int64(p.srid))
    case "z":
      guard let z = p.z else { throw unavailable(key, p) }
      return .float(z)
    case "longitude", "latitude", "height":
      guard p.isGeographic else { throw unavailable(key, p) }
      switch key.lowercased() {
      case "longitude": return .float(p.x)
      case "latitude": return .float(p.y)
      default:
        guard let z = p.z else { throw unavailable(key, p) }
        return .float(z)
      }
    default:
      throw invalid("a POINT has no component `\(key)`; use x, y, z, longitude, latitude, height, crs or srid")
    }
  }

  private static func unavailable(_ key: String, _ p: Point) -> QuiverError {
    invalid("the component `\(key)` is not available on the \(p.crs) point \(p.description)")
  }

  private static func invalid(_ message: String) -> QuiverError {
    QuiverError.runtime(.argument, .invalidArgumentValue, message)
  }
}
