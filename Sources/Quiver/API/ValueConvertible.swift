// Plain Swift values as Cypher values: the protocol that lets parameters be written as `Int`,
// `String`, `Date`, arrays, dictionaries and optionals instead of `Value` cases, with the standard
// library's conformances. Part of the embedding API (Quiver); Encodable types go through
// `ValueEncoder` instead.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A Swift value that has a Cypher `Value`: pass it as a query parameter as it is.
///
/// `Bool`, the integer types up to 32-bit unsigned, `Int`, `Int64`, `Double`, `Float`, `String`,
/// `Date` (a UTC `datetime`), `Temporal`, `Node`, `Relationship`, `Path` and `Value` conform, and
/// so do optionals (nil is `null`), arrays and `String`-keyed dictionaries of conforming values.
public protocol ValueConvertible {
  /// The Cypher value this Swift value stands for.
  var cypherValue: Value { get }
}

extension Value: ValueConvertible {
  /// The value itself.
  public var cypherValue: Value { self }
}

extension Bool: ValueConvertible {
  /// A Cypher boolean.
  public var cypherValue: Value { .bool(self) }
}

extension Int: ValueConvertible {
  /// A Cypher integer.
  public var cypherValue: Value { .int(Int64(self)) }
}

extension Int64: ValueConvertible {
  /// A Cypher integer.
  public var cypherValue: Value { .int(self) }
}

extension Int32: ValueConvertible {
  /// A Cypher integer.
  public var cypherValue: Value { .int(Int64(self)) }
}

extension Int16: ValueConvertible {
  /// A Cypher integer.
  public var cypherValue: Value { .int(Int64(self)) }
}

extension Int8: ValueConvertible {
  /// A Cypher integer.
  public var cypherValue: Value { .int(Int64(self)) }
}

extension UInt32: ValueConvertible {
  /// A Cypher integer.
  public var cypherValue: Value { .int(Int64(self)) }
}

extension UInt16: ValueConvertible {
  /// A Cypher integer.
  public var cypherValue: Value { .int(Int64(self)) }
}

extension UInt8: ValueConvertible {
  /// A Cypher integer.
  public var cypherValue: Value { .int(Int64(self)) }
}

extension Double: ValueConvertible {
  /// A Cypher float.
  public var cypherValue: Value { .float(self) }
}

extension Float: ValueConvertible {
  /// A Cypher float.
  public var cypherValue: Value { .float(Double(self)) }
}

extension String: ValueConvertible {
  /// A Cypher string.
  public var cypherValue: Value { .string(self) }
}

extension Substring: ValueConvertible {
  /// A Cypher string.
  public var cypherValue: Value { .string(String(self)) }
}

extension Temporal: ValueConvertible {
  /// A Cypher temporal value of the same kind.
  public var cypherValue: Value { .temporal(self) }
}

extension Point: ValueConvertible {
  /// A Cypher point in the same CRS.
  public var cypherValue: Value { .point(self) }
}

extension Node: ValueConvertible {
  /// A Cypher node (matched by id when used as a parameter).
  public var cypherValue: Value { .node(self) }
}

extension Relationship: ValueConvertible {
  /// A Cypher relationship (matched by id when used as a parameter).
  public var cypherValue: Value { .relationship(self) }
}

extension Path: ValueConvertible {
  /// A Cypher path.
  public var cypherValue: Value { .path(self) }
}

extension Date: ValueConvertible {
  /// A Cypher `datetime` in UTC, to the nanosecond the `Date` holds.
  public var cypherValue: Value { .temporal(Temporal(self)) }
}

extension Optional: ValueConvertible where Wrapped: ValueConvertible {
  /// The wrapped value's Cypher value, or `null` for nil.
  public var cypherValue: Value { self?.cypherValue ?? .null }
}

extension Array: ValueConvertible where Element: ValueConvertible {
  /// A Cypher list of the elements' values.
  public var cypherValue: Value { .list(map(\.cypherValue)) }
}

extension Dictionary: ValueConvertible where Key == String, Value: ValueConvertible {
  /// A Cypher map of the entries' values.
  public var cypherValue: GraphCore.Value { .map(mapValues(\.cypherValue)) }
}

extension Temporal {
  /// The UTC `datetime` of `date`, truncated to whole nanoseconds.
  public init(_ date: Date) {
    let seconds = date.timeIntervalSince1970
    let whole = seconds.rounded(.down)
    let nanos = Int64(((seconds - whole) * 1e9).rounded(.down))
    let total = Int64(whole)
    let day = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
    let secondOfDay = total - day * 86_400
    self = .dateTime(epochDay: day, nanoOfDay: secondOfDay * Temporal.nanosPerSecond + nanos, offsetSeconds: 0)
  }

  /// The instant of a `datetime` (a local date-time or date is read as UTC); nil for times and
  /// durations, which name no instant.
  public var date: Date? {
    let offset: Int64
    switch kind {
    case .dateTime: offset = offsetSeconds
    case .localDateTime, .date: offset = 0
    case .time, .localTime, .duration: return nil
    }
    let seconds = epochDay * 86_400 + nanoOfDay / Temporal.nanosPerSecond - offset
    let fraction = Double(nanoOfDay % Temporal.nanosPerSecond) / 1e9
    return Date(timeIntervalSince1970: Double(seconds) + fraction)
  }
}

extension Dictionary where Key == String, Value == any ValueConvertible {
  /// The parameters as Cypher values.
  var cypherValues: [String: GraphCore.Value] { mapValues(\.cypherValue) }
}
