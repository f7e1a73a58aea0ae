// Statement parameters from a request body: plain JSON (numbers, strings, lists, maps) or, when
// the request says `Content-Type: application/vnd.neo4j.query`, typed JSON whose temporals
// arrive as `{"$type": "Date", "_value": "2024-01-01"}` and are parsed as Cypher parses them.
import GraphCore
import Quiver

/// Turns request JSON into statement parameters.
enum HTTPParameters {
  /// The parameters object of a statement (absent or null: none). Plain JSON is already a
  /// Quiver value; typed JSON is unwrapped.
  /// - Throws: `BoltFailure` (a TypeError) for a value Quiver cannot take.
  static func parameters(_ json: Value?, typed: Bool) throws -> [String: Value] {
    guard let json, !json.isNull else { return [:] }
    guard case .map(let members) = json else {
      throw BoltFailure.invalidRequest("parameters must be a JSON object")
    }
    return typed ? try members.mapValues(typedValue) : members
  }

  /// A typed JSON value (`{"$type", "_value"}`) as a Quiver value.
  static func typedValue(_ json: Value) throws -> Value {
    guard case .map(let wrapper) = json, let type = wrapper["$type"]?.stringValue, let raw = wrapper["_value"] else {
      throw typeError("a typed JSON parameter needs \"$type\" and \"_value\"")
    }
    switch (type, raw) {
    case ("Null", _): return .null
    case ("Boolean", .bool(let b)): return .bool(b)
    case ("Integer", .string(let s)):
      guard let i = Int64(s) else { throw typeError("\(s) is not an Integer") }
      return .int(i)
    case ("Integer", .int(let i)): return .int(i)
    case ("Float", .string(let s)):
      guard let d = Double(s) else { throw typeError("\(s) is not a Float") }
      return .float(d)
    case ("Float", .float(let d)): return .float(d)
    case ("Float", .int(let i)): return .float(Double(i))
    case ("String", .string(let s)): return .string(s)
    case ("List", .list(let items)): return .list(try items.map(typedValue))
    case ("Map", .map(let members)): return .map(try members.mapValues(typedValue))
    case ("Point", .string(let text)):
      guard let point = Point(wellKnownText: text) else { throw typeError("\(text) is not a point in well-known text (or a WGS-84 point with longitude outside [-180, 180] or latitude outside [-90, 90])") }
      return .point(point)
    case (_, .string(let text)):
      guard let kind = temporalKind(type) else { throw typeError("parameters of type \(type) are not supported by Quiver") }
      return .temporal(try TemporalParser.parse(kind, text))
    default:
      throw typeError("a \(type) parameter cannot hold \(raw)")
    }
  }

  private static func temporalKind(_ type: String) -> Temporal.Kind? {
    switch type {
    case "Date": return .date
    case "Time": return .time
    case "LocalTime": return .localTime
    case "LocalDateTime": return .localDateTime
    case "OffsetDateTime", "ZonedDateTime": return .dateTime
    case "Duration": return .duration
    default: return nil
    }
  }

  private static func typeError(_ message: String) -> BoltFailure {
    BoltFailure(code: "Neo.ClientError.Statement.TypeError", message: message, gqlStatus: "22G03")
  }
}
