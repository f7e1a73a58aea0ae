// The functions Quiver knows, resolved by name at plan time so that the runtime dispatches on an
// enum rather than on strings.

/// A scalar (row-by-row) function.
package enum ScalarFunction: String, Sendable, CaseIterable {
  case id, labels, type, keys, properties, size, length, nodes, relationships
  case startNode, endNode, head, last, tail, range, coalesce, reverse
  case toInteger, toFloat, toString, toBoolean, toIntegerOrNull, toFloatOrNull, toStringOrNull, toBooleanOrNull
  case toBooleanList, toFloatList, toIntegerList, toStringList
  case abs, ceil, floor, round, sign, sqrt, exp, log, log10, sin, cos, tan, cot, asin, acos, atan, atan2
  case pi, e, rand, degrees, radians, haversin
  case toLower, toUpper, trim, ltrim, rtrim, btrim, replace, substring, left, right, split, normalize
  case charLength = "char_length", characterLength = "character_length"
  case isNaN, nullIf, randomUUID
  /// `isNormalized(s, form)`: what `s IS [form] NORMALIZED` is rewritten to.
  case isNormalized
  case vectorSimilarityCosine = "vector.similarity.cosine", vectorSimilarityEuclidean = "vector.similarity.euclidean"
  /// The Cypher 25 VECTOR functions: `vector(value, dimension, type)`, `vector_dimension_count(v)`,
  /// `vector_distance(a, b, metric)`, `vector_norm(v, metric)`.
  case vector, vectorDimensionCount = "vector_dimension_count", vectorDistance = "vector_distance"
  case vectorNorm = "vector_norm"
  case exists, timestamp, isEmpty, valueType, elementId
  /// `format(temporal[, pattern])`: a temporal value's ISO text, or its text by a pattern.
  case format
  /// The spatial functions: `point(map)`, `point.distance(a, b)`, `point.withinBBox(p, ll, ur)`.
  case point, pointDistance = "point.distance", pointWithinBBox = "point.withinBBox"
  /// The line and the file of the record LOAD CSV is reading; the planner binds them to the slots
  /// LOAD CSV fills, or to null outside one.
  case linenumber, file

  /// Lower-cased name → function, including the legacy spellings `lower`/`upper` and GQL's
  /// `path_length`.
  package static let byName: [String: ScalarFunction] = {
    var table: [String: ScalarFunction] = [:]
    for f in allCases { table[f.rawValue.lowercased()] = f }
    table["lower"] = .toLower
    table["upper"] = .toUpper
    table["path_length"] = .length
    return table
  }()

  /// Allowed argument counts.
  package var arity: ClosedRange<Int> {
    switch self {
    case .pi, .e, .rand, .timestamp, .linenumber, .file, .randomUUID: return 0...0
    case .trim, .ltrim, .rtrim, .btrim, .normalize, .format: return 1...2
    case .nullIf, .vectorSimilarityCosine, .vectorSimilarityEuclidean, .pointDistance, .vectorNorm: return 2...2
    case .pointWithinBBox, .vector, .vectorDistance: return 3...3
    case .isNormalized: return 1...2
    case .range: return 2...3
    case .coalesce: return 1...Int.max
    case .atan2, .left, .right, .split: return 2...2
    case .replace: return 3...3
    case .substring: return 2...3
    case .round: return 1...3
    default: return 1...1
    }
  }
}

/// An aggregating function.
package enum AggregateFunction: String, Sendable, CaseIterable {
  case count, sum, avg, min, max, collect, stDev, stDevP, percentileCont, percentileDisc

  package static let byName: [String: AggregateFunction] = {
    var table: [String: AggregateFunction] = [:]
    for f in allCases { table[f.rawValue.lowercased()] = f }
    return table
  }()

  package var arity: ClosedRange<Int> {
    switch self {
    case .percentileCont, .percentileDisc: return 2...2
    default: return 1...1
    }
  }
}
