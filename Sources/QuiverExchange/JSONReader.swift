// A small JSON parser for the JSONL and GraphML importers. Unlike Foundation's, it keeps integers
// (no `.` or exponent) apart from floats, reads integers to the full Int64 range and floats to
// the bit, and reports the offset of a syntax error.
import Quiver

/// Parses one JSON text into a `Value` (objects become maps, numbers ints or floats).
package struct JSONReader {
  private let bytes: [UInt8]
  private var position = 0
  private var depth = 0

  private init(_ text: String) { bytes = Array(text.utf8) }

  /// The value `text` spells.
  /// - Throws: `QuiverError` `InvalidJSON` with the byte offset of the problem.
  package static func parse(_ text: String) throws -> Value {
    var reader = JSONReader(text)
    let value = try reader.value()
    reader.skipSpace()
    guard reader.position == reader.bytes.count else { throw reader.error("text after the value") }
    return value
  }

  private mutating func skipSpace() {
    while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
  }

  private func error(_ what: String) -> QuiverError {
    QuiverError.runtime(.io, .invalidJSON, "invalid JSON at offset \(position): \(what)")
  }

  private mutating func value() throws -> Value {
    skipSpace()
    guard position < bytes.count else { throw error("unexpected end") }
    switch bytes[position] {
    case UInt8(ascii: "{"):
      depth += 1
      defer { depth -= 1 }
      guard depth < 512 else { throw error("nested too deeply") }
      position += 1
      var entries: [String: Value] = [:]
      skipSpace()
      if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
        position += 1
        return .map(entries)
      }
      while true {
        skipSpace()
        let key = try string()
        skipSpace()
        try expect(UInt8(ascii: ":"))
        entries[key] = try value()
        skipSpace()
        if try endOrComma(UInt8(ascii: "}")) { return .map(entries) }
      }
    case UInt8(ascii: "["):
      depth += 1
      defer { depth -= 1 }
      guard depth < 512 else { throw error("nested too deeply") }
      position += 1
      var items: [Value] = []
      skipSpace()
      if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
        position += 1
        return .list(items)
      }
      while true {
        items.append(try value())
        skipSpace()
        if try endOrComma(UInt8(ascii: "]")) { return .list(items) }
      }
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try word("true", .bool(true))
    case UInt8(ascii: "f"): return try word("false", .bool(false))
    case UInt8(ascii: "n"): return try word("null", .null)
    default: return try number()
    }
  }

  private mutating func expect(_ byte: UInt8) throws {
    guard position < bytes.count else { throw error("unexpected end") }
    guard bytes[position] == byte else { throw error("expected `\(Character(UnicodeScalar(byte)))`") }
    position += 1
  }

  /// Eats `,` (false) or `close` (true).
  private mutating func endOrComma(_ close: UInt8) throws -> Bool {
    guard position < bytes.count else { throw error("unexpected end") }
    if bytes[position] == close {
      position += 1
      return true
    }
    try expect(UInt8(ascii: ","))
    return false
  }

  private mutating func word(_ text: String, _ value: Value) throws -> Value {
    let spelled = Array(text.utf8)
    guard bytes[position...].starts(with: spelled) else { throw error("unexpected character") }
    position += spelled.count
    return value
  }

  private mutating func number() throws -> Value {
    let start = position
    var isFloat = false
    while position < bytes.count {
      let b = bytes[position]
      if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
        isFloat = true
      } else if !(b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || (b >= 48 && b <= 57)) {
        break
      }
      position += 1
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    if !isFloat, let int = Int64(text) { return .int(int) }
    guard !text.isEmpty, let float = Double(text) else {
      position = start
      throw error("unexpected character")
    }
    return .float(float)
  }

  private mutating func string() throws -> String {
    try expect(UInt8(ascii: "\""))
    var out: [UInt8] = []
    while true {
      guard position < bytes.count else { throw error("unterminated string") }
      let b = bytes[position]
      position += 1
      if b == UInt8(ascii: "\"") { break }
      guard b == UInt8(ascii: "\\") else {
        out.append(b)
        continue
      }
      guard position < bytes.count else { throw error("unterminated string") }
      let e = bytes[position]
      position += 1
      switch e {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar), bytes[position...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) {
          position += 2
          let low = try hex4()
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        out.append(contentsOf: String(UnicodeScalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
      default: out.append(e)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private mutating func hex4() throws -> UInt32 {
    guard position + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
      throw error("bad \\u escape")
    }
    position += 4
    return v
  }
}
