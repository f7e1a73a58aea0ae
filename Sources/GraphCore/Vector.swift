// Cypher 25's VECTOR value: a fixed number of coordinates of one numeric coordinate type
// (INTEGER8 … FLOAT64), built by `vector(…)`, storable as a property, and read by the vector
// functions and indexes. It lives in GraphCore beside `Value`, which holds it; the checked
// constructor here is the one place coordinates are coerced and range-checked.

/// The type of every coordinate of a `Vector`, declared in the order Cypher sorts vector types
/// (`INTEGER8` < … < `INTEGER64` < `FLOAT32` < `FLOAT64`).
public enum VectorCoordinateType: Int, Sendable, Hashable, CaseIterable, Comparable {
  case integer8, integer16, integer32, integer64, float32, float64

  /// True for `FLOAT32` and `FLOAT64`.
  public var isFloat: Bool { self == .float32 || self == .float64 }

  /// The name with its size, as `valueType()` and type predicates spell it: `INTEGER8`,
  /// `INTEGER64`, `FLOAT32`, `FLOAT64`.
  public var sizedName: String {
    switch self {
    case .integer8: return "INTEGER8"
    case .integer16: return "INTEGER16"
    case .integer32: return "INTEGER32"
    case .integer64: return "INTEGER64"
    case .float32: return "FLOAT32"
    case .float64: return "FLOAT64"
    }
  }

  /// The default name of the Neo4j manual's table, used when a vector prints: `INTEGER` and
  /// `FLOAT` for the 64-bit types, the sized name for the others.
  public var defaultName: String {
    switch self {
    case .integer64: return "INTEGER"
    case .float64: return "FLOAT"
    default: return sizedName
    }
  }

  /// The coordinate type a name denotes, any of the manual's aliases (`INT8`, `INT`, `INT64`,
  /// `SIGNED INTEGER`, `FLOAT64`, …), case-insensitive and with runs of spaces collapsed.
  public init?(name: String) {
    let key = name.uppercased().split(separator: " ").joined(separator: " ")
    switch key {
    case "INTEGER8", "INT8": self = .integer8
    case "INTEGER16", "INT16": self = .integer16
    case "INTEGER32", "INT32": self = .integer32
    case "INTEGER", "INT", "INT64", "INTEGER64", "SIGNED INTEGER": self = .integer64
    case "FLOAT32": self = .float32
    case "FLOAT", "FLOAT64": self = .float64
    default: return nil
    }
  }

  /// The integer range of an integer coordinate type; nil for the float types.
  var integerRange: ClosedRange<Int64>? {
    switch self {
    case .integer8: return Int64(Int8.min)...Int64(Int8.max)
    case .integer16: return Int64(Int16.min)...Int64(Int16.max)
    case .integer32: return Int64(Int32.min)...Int64(Int32.max)
    case .integer64: return Int64.min...Int64.max
    case .float32, .float64: return nil
    }
  }

  public static func < (a: VectorCoordinateType, b: VectorCoordinateType) -> Bool { a.rawValue < b.rawValue }
}

/// A `VECTOR` value: between 1 and 4096 coordinates, all of one `VectorCoordinateType`.
///
/// Integer vectors keep their coordinates as `Int64`, float vectors as `Double` (a `FLOAT32`
/// coordinate is already rounded to the nearest `Float`). Two vectors are equal when their
/// coordinate types, dimensions and coordinates are.
public struct Vector: Sendable, Hashable, CustomStringConvertible {
  /// The coordinates, integers or floats as the coordinate type says.
  public enum Coordinates: Sendable, Hashable {
    case integers([Int64])
    case floats([Double])
  }

  /// The largest dimension a vector may have.
  public static let maximumDimension = 4096

  /// The type every coordinate has.
  public let coordinateType: VectorCoordinateType
  /// The coordinates themselves.
  public let coordinates: Coordinates

  /// The number of coordinates.
  public var dimension: Int {
    switch coordinates {
    case .integers(let values): return values.count
    case .floats(let values): return values.count
    }
  }

  /// The coordinates as doubles (exact for every integer up to 2^53).
  public var doubles: [Double] {
    switch coordinates {
    case .integers(let values): return values.map(Double.init)
    case .floats(let values): return values
    }
  }

  /// The coordinates as Cypher values: integers or floats.
  public var elements: [Value] {
    switch coordinates {
    case .integers(let values): return values.map { .int($0) }
    case .floats(let values): return values.map { .float($0) }
    }
  }

  /// A vector of integer coordinates; nil when the dimension is out of range, the type is a
  /// float type, or a coordinate does not fit the type.
  public init?(_ type: VectorCoordinateType, integers: [Int64]) {
    guard let range = type.integerRange, Vector.dimensions.contains(integers.count),
      integers.allSatisfy(range.contains)
    else { return nil }
    coordinateType = type
    coordinates = .integers(integers)
  }

  /// A vector of float coordinates (a `FLOAT32` one rounded to `Float`); nil when the dimension
  /// is out of range, the type is an integer type, or a coordinate is not finite in the type.
  public init?(_ type: VectorCoordinateType, floats: [Double]) {
    guard type.isFloat, Vector.dimensions.contains(floats.count) else { return nil }
    let values = type == .float32 ? floats.map { Double(Float($0)) } : floats
    guard values.allSatisfy(\.isFinite) else { return nil }
    coordinateType = type
    coordinates = .floats(values)
  }

  /// The dimensions a vector may have: 1 through `maximumDimension`.
  package static let dimensions = 1...maximumDimension

  /// The vector `vector(values, dimension, type)` builds: each number coerced to `type` (floats
  /// truncated toward zero for the integer types, integers rounded for the float types).
  ///
  /// Throws ArgumentError `NumberOutOfRange` when `dimension` is not in 1...4096 or a
  /// coordinate overflows `type`; ArgumentError `InvalidArgumentValue` when the list does not
  /// hold `dimension` values or holds null, NaN or an infinity; TypeError `InvalidArgumentType`
  /// when it holds something other than a number.
  package static func coerce(_ values: [Value], dimension: Int64, type: VectorCoordinateType) throws -> Vector {
    guard dimension >= 1 && dimension <= Int64(maximumDimension) else {
      throw QuiverError.runtime(
        .argument, .numberOutOfRange,
        "vector() needs a dimension between 1 and \(maximumDimension), not \(dimension)")
    }
    guard values.count == Int(dimension) else {
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue,
        "vector() was given \(values.count) coordinates for a vector of dimension \(dimension)")
    }
    if type.isFloat {
      let floats = try values.map { try floatCoordinate($0, type: type) }
      return Vector(checkedType: type, coordinates: .floats(floats))
    }
    let integers = try values.map { try integerCoordinate($0, type: type) }
    return Vector(checkedType: type, coordinates: .integers(integers))
  }

  private init(checkedType: VectorCoordinateType, coordinates: Coordinates) {
    coordinateType = checkedType
    self.coordinates = coordinates
  }

  /// One coordinate of a float vector: a finite number that stays finite in `type`.
  private static func floatCoordinate(_ value: Value, type: VectorCoordinateType) throws -> Double {
    let number = try finiteNumber(value)
    let coerced = type == .float32 ? Double(Float(number)) : number
    guard coerced.isFinite else { throw outOfRange(value, type) }
    return coerced
  }

  /// One coordinate of an integer vector: an integer in `type`'s range, or a float truncated
  /// toward zero into it.
  private static func integerCoordinate(_ value: Value, type: VectorCoordinateType) throws -> Int64 {
    guard let range = type.integerRange else { preconditionFailure("unreachable: float coordinate type") }
    if case .int(let integer) = value {
      guard range.contains(integer) else { throw outOfRange(value, type) }
      return integer
    }
    let truncated = try finiteNumber(value).rounded(.towardZero)
    guard truncated >= Double(range.lowerBound), truncated < -Double(range.lowerBound) else {
      throw outOfRange(value, type)
    }
    let integer = Int64(truncated)
    guard range.contains(integer) else { throw outOfRange(value, type) }
    return integer
  }

  /// A number that is neither null, NaN nor infinite.
  private static func finiteNumber(_ value: Value) throws -> Double {
    switch value {
    case .int(let integer): return Double(integer)
    case .float(let number) where number.isFinite: return number
    case .float, .null:
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue,
        "vector() coordinates cannot be null, NaN or Infinity, not \(CypherText.literal(value))")
    default:
      throw QuiverError.typeError("vector() coordinates must be numbers, not a \(value.typeName)")
    }
  }

  private static func outOfRange(_ value: Value, _ type: VectorCoordinateType) -> QuiverError {
    QuiverError.runtime(
      .argument, .numberOutOfRange,
      "vector() coordinate \(CypherText.literal(value)) does not fit the coordinate type \(type.sizedName)")
  }
}

extension Vector {
  /// ORDER BY's order between two vectors: by coordinate type, then dimension, then the
  /// coordinates pairwise.
  package func orderCompare(_ other: Vector) -> Int {
    if coordinateType != other.coordinateType { return coordinateType < other.coordinateType ? -1 : 1 }
    if dimension != other.dimension { return dimension < other.dimension ? -1 : 1 }
    switch (coordinates, other.coordinates) {
    case (.integers(let a), .integers(let b)):
      for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
    case (.floats(let a), .floats(let b)):
      for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
    default: break
    }
    return 0
  }

  /// `vector([1, 2, 3], 3, INTEGER8)`: a `vector()` call that builds this vector again, for
  /// dumps and scripts (the coordinates are finite, so every float prints as a literal).
  package var cypherExpression: String {
    "vector([\(coordinateText)], \(dimension), \(coordinateType.sizedName))"
  }

  /// `vector([1, 2, 3], 3, INTEGER NOT NULL)`: how Neo4j prints a vector.
  public var description: String {
    "vector([\(coordinateText)], \(dimension), \(coordinateType.defaultName) NOT NULL)"
  }

  /// The coordinates comma-separated; a FLOAT32 one in the shortest text of its `Float`
  /// (`0.1`, not the `0.10000000149011612` of the same value as a double).
  private var coordinateText: String {
    switch coordinates {
    case .integers(let values): return values.map(String.init).joined(separator: ", ")
    case .floats(let values) where coordinateType == .float32:
      return values.map { x -> String in
        let text = String(Float(x))
        return text.contains(where: { $0 == "." || $0 == "e" }) ? text : text + ".0"
      }.joined(separator: ", ")
    case .floats(let values): return values.map(CypherText.float).joined(separator: ", ")
    }
  }
}
