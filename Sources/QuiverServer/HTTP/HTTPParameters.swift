// Statement parameters from a request body: plain JSON (numbers, strings, lists, maps) or, when
// the request says `Content-Type: application/vnd.neo4j.query`, typed JSON whose temporals
// arrive as `{"$type": "Date", "_value": "2024-01-01"}` and are parsed as Cypher parses them.
import GraphCore
import Quiver

/// Turns request JSON into Quiver values.
enum HTTPParameters {
  /// The parameters object of a statement (absent or null: none).
  /// - Throws: `BoltFailure` (a TypeError) for a value Quiver cannot take.
  static func parameters(_ json: JSONValue?, typed: Bool) throws -> [String: Value] {
    guard let json, json != .null else { return [:] }
    guard case .object(let members) = json else {
      throw BoltFailure.invalidRequest("parameters must be a JSON object")
    }
    var bound: [String: Value] = [:]
    for (name, item) in members { bound[name] = try typed ? typedValue(item) : plainValue(item) }
    return bound
  }

  /// A plain JSON value as a Quiver value.
  static func plainValue(_ json: JSONValue) throws -> Value {
    switch json {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .double(let d): return .float(d)
    case .string(let s): return .string(s)
    case .array(let items): return .list(try items.map(plainValue))
    case .object(let members): return .map(try members.mapValues(plainValue))
    }
  }

  /// A typed JSON value (`{"$type", "_value"}`) as a Quiver value.
  static func typedValue(_ json: JSONValue) throws -> Value {
    guard let type = json["$type"]?.string, let raw = json["_value"] else {
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
    case ("Float", .double(let d)): return .float(d)
    case ("Float", .int(let i)): return .float(Double(i))
    case ("String", .string(let s)): return .string(s)
    case ("List", .array(let items)): return .list(try items.map(typedValue))
    case ("Map", .object(let members)): return .map(try members.mapValues(typedValue))
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
