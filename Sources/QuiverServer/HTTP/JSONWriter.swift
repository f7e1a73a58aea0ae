// JSON text written straight into bytes, for HTTP responses: scalars, escaped strings, and the
// punctuation callers place themselves, so a streamed result never builds a tree first. Quiver
// values in the HTTP API's shapes are in JSONWriter+Values.swift.
import Quiver

/// An append-only JSON text in UTF-8.
package struct JSONWriter: Sendable {
  /// The text written so far.
  package var bytes: [UInt8] = []

  /// An empty text.
  package init() {}

  /// Punctuation or a member name already known to need no escaping.
  package mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// `null`.
  package mutating func null() { raw("null") }

  /// `true` or `false`.
  package mutating func bool(_ b: Bool) { raw(b ? "true" : "false") }

  /// An integer.
  package mutating func int(_ i: Int64) { raw(String(i)) }

  /// A finite number as a JSON number; NaN and the infinities, which JSON lacks, as strings.
  package mutating func double(_ d: Double) {
    if d.isFinite {
      raw(String(d))
    } else {
      string(d.isNaN ? "NaN" : (d > 0 ? "Infinity" : "-Infinity"))
    }
  }

  /// A string literal with the escapes JSON requires (and `<`, `>`, `&` escaped too, so that
  /// a response can never be read as markup).
  package mutating func string(_ s: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in s.utf8 {
      switch byte {
      case UInt8(ascii: "\""): raw("\\\"")
      case UInt8(ascii: "\\"): raw("\\\\")
      case 0x0A: raw("\\n")
      case 0x0D: raw("\\r")
      case 0x09: raw("\\t")
      case 0..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
        raw("\\u00")
        let digits = Array("0123456789abcdef".utf8)
        bytes.append(digits[Int(byte >> 4)])
        bytes.append(digits[Int(byte & 0xF)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// `"name":`.
  package mutating func key(_ name: String) {
    string(name)
    bytes.append(UInt8(ascii: ":"))
  }

  /// An object whose members `body` writes, each through the `member` callback it is given,
  /// which places the commas.
  package mutating func object(_ body: (inout JSONWriter, _ member: (inout JSONWriter, String) -> Void) -> Void) {
    raw("{")
    var first = true
    body(&self) { writer, name in
      if !first { writer.raw(",") }
      first = false
      writer.key(name)
    }
    raw("}")
  }

  /// An array of `items`, each written by `item`.
  package mutating func array<S: Sequence>(_ items: S, _ item: (inout JSONWriter, S.Element) -> Void) {
    raw("[")
    var first = true
    for element in items {
      if !first { raw(",") }
      first = false
      item(&self, element)
    }
    raw("]")
  }

  /// A Bolt wire value (summaries and plans are built as those) as JSON.
  package mutating func pack(_ value: PackValue) {
    switch value {
    case .null: null()
    case .bool(let b): bool(b)
    case .int(let i): int(i)
    case .float(let d): double(d)
    case .string(let s): string(s)
    case .bytes(let b): array(b) { $0.int(Int64($1)) }
    case .list(let items): array(items) { $0.pack($1) }
    case .map(let entries):
      object { w, member in
        for (name, item) in entries.sorted(by: { $0.key < $1.key }) {
          member(&w, name)
          w.pack(item)
        }
      }
    case .structure: null()
    }
  }
}
