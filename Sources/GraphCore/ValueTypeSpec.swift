// Cypher value types as a type predicate writes them (`x IS :: LIST<INTEGER NOT NULL>`,
// `x :: INTEGER | FLOAT`), with the test of a value against one. The parser builds these
// (CypherSyntax's Parser+Types.swift) and the plan carries them to the runtime, which only
// calls `matches`; they live here, below both, so the plan need not import the syntax layer.

/// One type of a type predicate, without its nullability.
package indirect enum ValueTypeBase: Sendable, Hashable {
  case any, nothing, null, boolean, string, integer, float
  case date, localTime, zonedTime, localDateTime, zonedDateTime, duration, point
  case node, relationship, map, path
  /// Any value a property can hold: a simple value, or a list of simple values of one type.
  case propertyValue
  case list(ValueTypeSpec)
  /// `VECTOR`, `VECTOR<type>`, `VECTOR(dimension)` or `VECTOR<type>(dimension)`: the vectors of
  /// that coordinate type and dimension, either left open when nil.
  case vector(VectorCoordinateType?, Int?)
}

/// A type as written after `IS ::`: one type, or a closed dynamic union (`INTEGER | FLOAT`),
/// nullable unless it ends in `NOT NULL`. Every member of a union shares the nullability
/// (the parser refuses a union whose members disagree).
package struct ValueTypeSpec: Sendable, Hashable {
  /// The alternatives; one for a plain type.
  package let members: [ValueTypeBase]
  /// True when `NOT NULL` was written: null then does not belong to the type.
  package let notNull: Bool

  package init(_ members: [ValueTypeBase], notNull: Bool) {
    self.members = members
    self.notNull = notNull
  }

  /// Whether `value` belongs to this type. Null belongs to every nullable type; an empty list
  /// to every list type.
  package func matches(_ value: Value) -> Bool {
    if value.isNull { return !notNull }
    return members.contains { $0.matches(value) }
  }
}

extension ValueTypeBase {
  /// Whether the non-null `value` belongs to this type.
  func matches(_ value: Value) -> Bool {
    switch (self, value) {
    case (.any, _): return true
    case (.nothing, _), (.null, _): return false
    case (.point, .point): return true
    case (.boolean, .bool), (.string, .string), (.integer, .int), (.float, .float), (.node, .node),
      (.relationship, .relationship), (.map, .map), (.path, .path):
      return true
    case (.list(let inner), .list(let items)): return items.allSatisfy(inner.matches)
    case (.vector(let type, let dimension), .vector(let vector)):
      return (type ?? vector.coordinateType) == vector.coordinateType
        && (dimension ?? vector.dimension) == vector.dimension
    case (.propertyValue, _): return ValueTypeBase.isPropertyValue(value)
    case (_, .temporal(let t)):
      switch (self, t.kind) {
      case (.date, .date), (.localTime, .localTime), (.zonedTime, .time), (.localDateTime, .localDateTime),
        (.zonedDateTime, .dateTime), (.duration, .duration):
        return true
      default: return false
      }
    default: return false
    }
  }

  /// A value a property can store: a boolean, number, string, temporal, point or vector, or a
  /// list whose elements are all non-null and of one of the kinds other than vector.
  private static func isPropertyValue(_ value: Value) -> Bool {
    switch value {
    case .bool, .int, .float, .string, .temporal, .point, .vector: return true
    case .list(let items):
      guard let first = items.first else { return true }
      let kind = first.typeName
      return items.allSatisfy {
        !$0.isNull && !$0.isList && $0.vectorValue == nil && $0.typeName == kind && isPropertyValue($0)
      }
    default: return false
    }
  }
}

extension Value {
  fileprivate var isList: Bool {
    if case .list = self { return true }
    return false
  }
}
