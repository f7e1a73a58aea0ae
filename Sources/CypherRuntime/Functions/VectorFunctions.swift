// The Cypher 25 VECTOR functions: the `vector(value, dimension, type)` constructor,
// `vector_dimension_count(v)`, `vector_distance(a, b, metric)` and `vector_norm(v, metric)`.
// As the Neo4j manual specifies, distances and norms are computed in float32 arithmetic.
import CypherPlanner
import Foundation
import GraphCore

/// The metrics `vector_distance` and `vector_norm` accept, by their Cypher names.
enum VectorDistanceMetric: String, CaseIterable {
  case euclidean = "EUCLIDEAN", euclideanSquared = "EUCLIDEAN_SQUARED", manhattan = "MANHATTAN"
  case cosine = "COSINE", dot = "DOT", hamming = "HAMMING"
}

extension ExecutionContext {
  /// Dispatches the four vector functions; null in gives null out.
  func vectorFunction(_ f: ScalarFunction, _ args: [Value]) throws -> Value {
    switch f {
    case .vector: return try constructVector(args)
    case .vectorDimensionCount:
      switch args[0] {
      case .null: return .null
      case .vector(let v): return .int(Int64(v.dimension))
      default: throw argumentType(f, args[0])
      }
    case .vectorDistance:
      if args.contains(where: \.isNull) { return .null }
      let a = try vectorArgument(f, args[0])
      let b = try vectorArgument(f, args[1])
      guard a.dimension == b.dimension else {
        throw QuiverError.runtime(
          .argument, .invalidArgumentValue,
          "vector_distance() needs two vectors of one dimension, not \(a.dimension) and \(b.dimension)")
      }
      let m = try metric(f, args[2], allowed: VectorDistanceMetric.allCases)
      return .float(Double(try Self.distance(a.doubles, b.doubles, m)))
    case .vectorNorm:
      if args.contains(where: \.isNull) { return .null }
      let v = try vectorArgument(f, args[0])
      let m = try metric(f, args[1], allowed: [.euclidean, .manhattan])
      return .float(Double(try Self.distance(v.doubles, Array(repeating: 0, count: v.dimension), m)))
    default: preconditionFailure("unreachable: \(f) is not a vector function")
    }
  }

  /// `vector(value, dimension, type)`: value is a list of numbers or a string `[1, 2.5e3, …]`;
  /// null when the value, dimension or type is null.
  private func constructVector(_ args: [Value]) throws -> Value {
    if args.contains(where: \.isNull) { return .null }
    guard case .int(let dimension) = args[1] else { throw argumentType(.vector, args[1]) }
    guard case .string(let typeName) = args[2] else { throw argumentType(.vector, args[2]) }
    guard let type = VectorCoordinateType(name: typeName) else {
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue,
        "unknown vector coordinate type '\(typeName)'; "
          + "use INTEGER8, INTEGER16, INTEGER32, INTEGER64, FLOAT32 or FLOAT64")
    }
    let values: [Value]
    switch args[0] {
    case .list(let items): values = items
    case .string(let text): values = try Self.coordinates(from: text)
    default: throw argumentType(.vector, args[0])
    }
    return .vector(try Vector.coerce(values, dimension: dimension, type: type))
  }

  /// The numbers of a vector string: `[`, comma-separated decimal or scientific numbers, `]`.
  private static func coordinates(from text: String) throws -> [Value] {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard trimmed.hasPrefix("["), trimmed.hasSuffix("]"), trimmed.count >= 2 else {
      throw malformed(text)
    }
    let body = trimmed.dropFirst().dropLast()
    if body.allSatisfy(\.isWhitespace) { return [] }
    return try body.split(separator: ",", omittingEmptySubsequences: false).map { part in
      let number = part.trimmingCharacters(in: .whitespaces)
      if let integer = Int64(number) { return .int(integer) }
      guard number.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }), let double = Double(number) else {
        throw malformed(text)
      }
      return .float(double)
    }
  }

  private static func malformed(_ text: String) -> QuiverError {
    QuiverError.runtime(
      .argument, .invalidArgumentValue,
      "vector() needs a string of comma-separated numbers in square brackets, not '\(text)'")
  }

  /// A VECTOR argument, or the type error naming `f`.
  private func vectorArgument(_ f: ScalarFunction, _ value: Value) throws -> Vector {
    guard case .vector(let v) = value else { throw argumentType(f, value) }
    return v
  }

  /// The metric a string names, when `allowed` holds it.
  private func metric(
    _ f: ScalarFunction, _ value: Value, allowed: [VectorDistanceMetric]
  ) throws -> VectorDistanceMetric {
    guard case .string(let name) = value else { throw argumentType(f, value) }
    guard let m = VectorDistanceMetric(rawValue: name.uppercased()), allowed.contains(m) else {
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue,
        "\(f.rawValue)() has no metric '\(name)'; use \(allowed.map(\.rawValue).joined(separator: ", "))")
    }
    return m
  }

  /// The distance of two coordinate lists of one length under `metric`, in float32 arithmetic
  /// (coordinates and sums in `Float`).
  /// The cosine distance of a zero vector is undefined: an ArgumentError.
  private static func distance(_ a: [Double], _ b: [Double], _ metric: VectorDistanceMetric) throws -> Float {
    let x = a.map { Float($0) }
    let y = b.map { Float($0) }
    switch metric {
    case .euclidean, .euclideanSquared:
      var sum: Float = 0
      for (p, q) in zip(x, y) { sum += (p - q) * (p - q) }
      return metric == .euclidean ? sum.squareRoot() : sum
    case .manhattan:
      var sum: Float = 0
      for (p, q) in zip(x, y) { sum += abs(p - q) }
      return sum
    case .dot:
      var sum: Float = 0
      for (p, q) in zip(x, y) { sum += p * q }
      return -sum
    case .hamming:
      return Float(zip(a, b).filter { $0.0 != $0.1 }.count)
    case .cosine:
      var dot: Float = 0
      var normA: Float = 0
      var normB: Float = 0
      for (p, q) in zip(x, y) {
        dot += p * q
        normA += p * p
        normB += q * q
      }
      guard normA > 0, normB > 0 else {
        throw QuiverError.runtime(
          .argument, .invalidArgumentValue, "vector_distance() with COSINE needs two non-zero vectors")
      }
      // The sums are float32; the quotient is taken in double and rounded once, which gives the
      // manual's digits (0.008539855480194092 for [1, 2, 3] and [1, 2, 4]).
      return 1 - Float(Double(dot) / (Double(normA) * Double(normB)).squareRoot())
    }
  }
}
