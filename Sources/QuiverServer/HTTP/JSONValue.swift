// JSON as the HTTP API reads it: a small parser for request bodies that keeps integers apart
// from decimals (`1` is an INTEGER parameter, `1.0` a FLOAT), caps nesting, and reports where
// the text went wrong. Responses are written by `JSONWriter`, never through this type.

/// A parsed JSON document.
package enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// The member `key` of an object; nil for other values or a missing key.
  package subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  /// The text of a string value.
  package var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The truth of a boolean value.
  package var bool: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// Parses `bytes` as one JSON document (surrounding white space allowed).
  /// - Throws: `JSONParseError` naming the byte offset of the first mistake.
  package static func parse(_ bytes: [UInt8]) throws -> JSONValue {
    var parser = JSONParser(bytes)
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    guard parser.index == bytes.count else { throw parser.error("unexpected text after the document") }
    return value
  }
}

/// A request body that is not JSON.
package struct JSONParseError: Error, Equatable {
  package let message: String
  package let offset: Int
}

/// A recursive-descent JSON reader over bytes.
private struct JSONParser {
  let bytes: [UInt8]
  var index = 0
  /// Deeper documents are refused rather than risk the stack.
  static let maxDepth = 256

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  func error(_ message: String) -> JSONParseError { JSONParseError(message: message, offset: index) }

  mutating func skipSpace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  mutating func value(depth: Int) throws -> JSONValue {
    guard depth < Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth)") }
    skipSpace()
    guard index < bytes.count else { throw error("unexpected end of the document") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: return try number()
    }
  }

  mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
    let utf8 = Array(word.utf8)
    guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
      throw error("unexpected character")
    }
    index += utf8.count
    return value
  }

  mutating func object(depth: Int) throws -> JSONValue {
    index += 1
    var members: [String: JSONValue] = [:]
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a member name") }
      let key = try string()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':'") }
      index += 1
      members[key] = try value(depth: depth + 1)
      skipSpace()
      guard index < bytes.count else { throw error("unexpected end of the document") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      } else {
        throw error("expected ',' or '}'")
      }
    }
  }

  mutating func array(depth: Int) throws -> JSONValue {
    index += 1
    var items: [JSONValue] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      items.append(try value(depth: depth + 1))
      skipSpace()
      guard index < bytes.count else { throw error("unexpected end of the document") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      } else {
        throw error("expected ',' or ']'")
      }
    }
  }

  mutating func string() throws -> String {
    index += 1
    var out: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(decoding: out, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { break }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "u"): out.append(contentsOf: Array(String(try unicodeEscape()).utf8))
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
        default: throw error("unknown escape")
        }
      case 0..<0x20:
        throw error("control character in a string")
      default:
        out.append(byte)
      }
    }
    throw error("unterminated string")
  }

  /// The character of `\uXXXX`, joining a surrogate pair when one follows.
  mutating func unicodeEscape() throws -> Character {
    let high = try hex4()
    if (0xD800..<0xDC00).contains(high), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
      bytes[index + 1] == UInt8(ascii: "u")
    {
      index += 2
      let low = try hex4()
      let scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
      if let s = Unicode.Scalar(scalar) { return Character(s) }
    }
    return Unicode.Scalar(high).map(Character.init) ?? "\u{FFFD}"
  }

  mutating func hex4() throws -> UInt32 {
    guard index + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
    else { throw error("bad \\u escape") }
    index += 4
    return v
  }

  mutating func number() throws -> JSONValue {
    let start = index
    var isInteger = true
    while index < bytes.count {
      let byte = bytes[index]
      if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
        index += 1
      } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
        isInteger = false
        index += 1
      } else {
        break
      }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isInteger, let i = Int64(text) { return .int(i) }
    if let d = Double(text), !text.isEmpty, text.first != "+" { return .double(d) }
    index = start
    throw error("unexpected character")
  }
}
