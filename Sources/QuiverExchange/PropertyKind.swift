// The property types the exchange formats declare (neo4j-admin column types, GraphML key types,
// GEXF attribute types): which one a value has, its text in those formats, and reading the text
// back. Neo4j's names are the vocabulary: boolean, long, double, string, date, localtime, time,
// localdatetime, datetime, duration, each also as an array (`long[]`).
import CypherRuntime
import Quiver

/// The declared type of a property column, key or attribute.
package struct PropertyKind: Sendable, Hashable, CustomStringConvertible {
  /// The type of one value (of the elements, for an array).
  package enum Scalar: String, Sendable, Hashable, CaseIterable {
    case boolean, long, double, string, date, localtime, time, localdatetime, datetime, duration
  }

  package var scalar: Scalar
  package var isArray: Bool

  package init(_ scalar: Scalar, isArray: Bool = false) {
    self.scalar = scalar
    self.isArray = isArray
  }

  /// `long`, `string[]`, … as neo4j-admin headers spell them.
  package var description: String { scalar.rawValue + (isArray ? "[]" : "") }

  /// Reads a neo4j-admin type name (`int`, `long`, `float`, `double`, `boolean`, `string`,
  /// `date`, …, each optionally with `[]`); nil for an unknown name.
  package init?(name: String) {
    var text = name.lowercased()
    let isArray = text.hasSuffix("[]")
    if isArray { text.removeLast(2) }
    let aliases: [String: Scalar] = [
      "int": .long, "long": .long, "short": .long, "byte": .long, "integer": .long, "float": .double, "double": .double,
      "boolean": .boolean, "bool": .boolean, "string": .string, "char": .string,
    ]
    guard let scalar = aliases[text] ?? Scalar(rawValue: text) else { return nil }
    self.init(scalar, isArray: isArray)
  }

  /// The kind of `value`; nil for null, maps, graph values and lists whose elements differ in
  /// kind (which the formats cannot declare). An empty list counts as `string[]`.
  package init?(of value: Value) {
    switch value {
    case .list(let items):
      guard let first = items.first else {
        self.init(.string, isArray: true)
        return
      }
      guard let scalar = Self.scalar(of: first), items.allSatisfy({ Self.scalar(of: $0) == scalar }) else { return nil }
      self.init(scalar, isArray: true)
    default:
      guard let scalar = Self.scalar(of: value) else { return nil }
      self.init(scalar)
    }
  }

  private static func scalar(of value: Value) -> Scalar? {
    switch value {
    case .bool: return .boolean
    case .int: return .long
    case .float: return .double
    case .string: return .string
    case .temporal(let t):
      switch t.kind {
      case .date: return .date
      case .localTime: return .localtime
      case .time: return .time
      case .localDateTime: return .localdatetime
      case .dateTime: return .datetime
      case .duration: return .duration
      }
    default: return nil
    }
  }

  /// The text of one scalar value: `true`, `42`, `1.5`, `NaN`, `-Infinity`, ISO temporal text.
  package static func text(_ value: Value) -> String {
    switch value {
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .float(let number):
      if number.isNaN { return "NaN" }
      if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
      return Escaping.plainFloat(number)
    case .string(let text): return text
    case .temporal(let temporal): return temporal.description
    case .point(let point): return point.description
    default: return value.cypherText
    }
  }

  /// The value of one scalar of this kind written as `text`; nil when `text` does not spell one.
  package func parseScalar(_ text: String) -> Value? {
    switch scalar {
    case .string: return .string(text)
    case .boolean:
      switch text.lowercased() {
      case "true": return .bool(true)
      case "false": return .bool(false)
      default: return nil
      }
    case .long: return Int64(FieldText.trimmingSpaces(text)).map(Value.int)
    case .double: return try? CSVFloat.parse(text).map(Value.float).get()
    case .date: return temporal(.date, text)
    case .localtime: return temporal(.localTime, text)
    case .time: return temporal(.time, text)
    case .localdatetime: return temporal(.localDateTime, text)
    case .datetime: return temporal(.dateTime, text)
    case .duration: return temporal(.duration, text)
    }
  }

  private func temporal(_ kind: Temporal.Kind, _ text: String) -> Value? {
    (try? TemporalParser.parse(kind, FieldText.trimmingSpaces(text))).map(Value.temporal)
  }
}
