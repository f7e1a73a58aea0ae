// Numeric functions with more than one argument: `round(x, precision[, mode])` with the
// rounding modes of Java's BigDecimal (Neo4j's reference), and the vector similarity functions
// `vector.similarity.cosine` and `vector.similarity.euclidean`.
import CypherPlanner
import Foundation
import GraphCore

extension ExecutionContext {
  /// `round(x, precision[, mode])`: `x` rounded to `precision` decimal places, HALF_UP unless
  /// `mode` names another of UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN, HALF_EVEN, UNNECESSARY.
  /// The digits are those of the shortest decimal text of `x` (as BigDecimal.valueOf reads a
  /// double), so `round(2.675, 2)` is 2.68.
  func round(_ args: [Value]) throws -> Value {
    if args.contains(where: \.isNull) { return .null }
    guard let x = args[0].doubleValue else { throw argumentType(.round, args[0]) }
    guard let precision = try args[1].intValue ?? args[1].doubleValue.map(Self.roundingPrecision) else {
      throw argumentType(.round, args[1])
    }
    var mode = "HALF_UP"
    if args.count > 2 {
      guard case .string(let m) = args[2] else { throw argumentType(.round, args[2]) }
      mode = m.uppercased()
    }
    // Beyond 300 places either way, rounding leaves every double as it is (or at zero's side of
    // it); `magnitude`, as `abs` would trap on Int64.min.
    guard x.isFinite, precision.magnitude < 300, let decimal = Decimal(string: "\(x)") else { return .float(x) }
    let scale = pow(Decimal(10), Int(precision.magnitude))
    let scaled = precision >= 0 ? decimal * scale : decimal / scale
    let scaledValue = Self.double(scaled)
    let rounded: Double
    switch mode {
    case "UP": rounded = scaledValue < 0 ? scaledValue.rounded(.down) : scaledValue.rounded(.up)
    case "DOWN": rounded = scaledValue.rounded(.towardZero)
    case "CEILING": rounded = scaledValue.rounded(.up)
    case "FLOOR": rounded = scaledValue.rounded(.down)
    case "HALF_UP": rounded = scaledValue.rounded(.toNearestOrAwayFromZero)
    case "HALF_EVEN": rounded = scaledValue.rounded(.toNearestOrEven)
    case "HALF_DOWN":
      let whole = scaledValue.rounded(.towardZero)
      rounded = abs(scaledValue - whole) == 0.5 ? whole : scaledValue.rounded(.toNearestOrAwayFromZero)
    case "UNNECESSARY":
      guard scaledValue == scaledValue.rounded(.towardZero) else {
        throw QuiverError.runtime(
          .arithmetic, .invalidArgumentValue, "round() with mode UNNECESSARY cannot round \(CypherText.float(x))")
      }
      rounded = scaledValue
    default:
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue,
        "unknown rounding mode '\(mode)'; use UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN, HALF_EVEN or UNNECESSARY")
    }
    guard let back = Decimal(string: "\(rounded)") else { return .float(rounded) }
    let result = precision >= 0 ? back / scale : back * scale
    return .float(Self.double(result))
  }

  /// The double nearest `decimal`, read from its decimal text: `NSDecimalNumber.doubleValue`
  /// multiplies by a power of ten in floating point and can land one step off (9969 × 10⁻⁴
  /// gave 0.9968999999999999).
  private static func double(_ decimal: Decimal) -> Double {
    Double(decimal.description) ?? NSDecimalNumber(decimal: decimal).doubleValue
  }

  /// A float precision of `round()` as a whole number of places: truncated, with values beyond
  /// Int64 clamped (they round nothing either way); NaN and the infinities are refused.
  private static func roundingPrecision(_ value: Double) throws -> Int64 {
    guard value.isFinite else {
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue, "round() needs a finite precision, not \(CypherText.float(value))")
    }
    if value >= 9.2e18 { return .max }
    if value <= -9.2e18 { return .min }
    return Int64(value)
  }

  /// `vector.similarity.cosine(a, b)` = (1 + cos θ) / 2 and `vector.similarity.euclidean(a, b)`
  /// = 1 / (1 + d²), both in [0, 1]: lists of numbers or VECTOR values of one length; null when
  /// either is null.
  func vectorSimilarity(_ f: ScalarFunction, _ args: [Value]) throws -> Value {
    if args.contains(where: \.isNull) { return .null }
    guard let a = args[0].similarityOperand, let b = args[1].similarityOperand else {
      throw argumentType(f, args.first { $0.similarityOperand == nil } ?? args[0])
    }
    guard a.count == b.count, !a.isEmpty else {
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue, "\(f.rawValue)() needs two vectors of the same, non-zero dimension")
    }
    var x: [Double] = []
    var y: [Double] = []
    for (p, q) in zip(a, b) {
      guard let p = p.doubleValue, let q = q.doubleValue else {
        throw QuiverError.runtime(.type, .invalidArgumentValue, "\(f.rawValue)() needs lists of numbers")
      }
      x.append(p)
      y.append(q)
    }
    if f == .vectorSimilarityEuclidean {
      let squared = zip(x, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
      return .float(1 / (1 + squared))
    }
    let dot = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
    let norms = (x.reduce(0) { $0 + $1 * $1 } * y.reduce(0) { $0 + $1 * $1 }).squareRoot()
    guard norms > 0 else { return .null }
    return .float((1 + dot / norms) / 2)
  }
}

extension Value {
  /// The coordinates `vector.similarity.*` reads: a list's elements or a vector's coordinates.
  fileprivate var similarityOperand: [Value]? {
    switch self {
    case .list(let items): return items
    case .vector(let v): return v.elements
    default: return nil
    }
  }
}
