// Every escaping routine the exchange formats need, in one place: Cypher literals that restore a
// value exactly (including -0.0, NaN, infinities, Int64.min and every temporal kind), JSON
// strings and numbers, XML text, CSV fields and DOT strings. Kept together so that they can be
// swapped for shared ones in lower layers.
import Quiver

/// Text escaping for the dump and export formats.
package enum Escaping {
  // MARK: Cypher

  /// `value` as a Cypher expression that evaluates to exactly `value`: floats keep every bit
  /// (`-0.0`, `toFloat('NaN')`, `1.0/0.0`), `Int64.min` is spelled as a difference, temporals as
  /// constructor calls on their ISO text (zones included).
  package static func cypher(_ value: Value) -> String {
    var out = ""
    writeCypher(value, to: &out)
    return out
  }

  /// Appends `cypher(value)` to `out`.
  package static func writeCypher(_ value: Value, to out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .int(let number): out += number == .min ? "(-9223372036854775807 - 1)" : String(number)
    case .float(let number): out += cypherFloat(number)
    case .string(let text): out += CypherText.quoted(text)
    case .list(let items):
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += ", " }
        writeCypher(item, to: &out)
      }
      out += "]"
    case .map(let entries): writeCypherMap(entries, to: &out)
    case .temporal(let temporal): out += temporalFunction(temporal.kind) + "(" + CypherText.quoted(temporal.description) + ")"
    case .node, .relationship, .path: out += CypherText.literal(value)
    }
  }

  /// `{key: value, …}` with keys sorted and quoted where needed.
  package static func writeCypherMap(_ entries: [String: Value], to out: inout String) {
    out += "{"
    for (index, key) in entries.keys.sorted().enumerated() {
      if index > 0 { out += ", " }
      out += cypherName(key) + ": "
      writeCypher(entries[key] ?? .null, to: &out)
    }
    out += "}"
  }

  /// A float literal that reads back as the same bits; the infinities as divisions, NaN as
  /// `toFloat('NaN')` (the quiet NaN) or its negation, so that the sign bit survives on any
  /// processor (`0.0 / 0.0` gives a negative NaN on x86 and a positive one on ARM). Other NaN
  /// payloads cannot be spelled in Cypher and come back as the quiet NaN of their sign.
  package static func cypherFloat(_ number: Double) -> String {
    if number.isNaN { return number.sign == .minus ? "(-toFloat('NaN'))" : "toFloat('NaN')" }
    if number.isInfinite { return number < 0 ? "(-1.0 / 0.0)" : "(1.0 / 0.0)" }
    return plainFloat(number)
  }

  /// The shortest decimal text that reads back as `number` (finite), always with a `.` or an
  /// exponent and never with `+` in the exponent: `1.0`, `-0.0`, `1e-300`, `1.5e308`.
  package static func plainFloat(_ number: Double) -> String {
    var text = String(number).replacingOccurrences(of: "e+", with: "e")
    if !text.contains(where: { $0 == "." || $0 == "e" }) { text += ".0" }
    return text
  }

  /// A label, type or key, backquoted unless it is a plain identifier.
  package static func cypherName(_ name: String) -> String { CypherText.name(name) }

  /// The Cypher function that builds a temporal of `kind` from its ISO text.
  package static func temporalFunction(_ kind: Temporal.Kind) -> String {
    switch kind {
    case .date: return "date"
    case .localTime: return "localtime"
    case .time: return "time"
    case .localDateTime: return "localdatetime"
    case .dateTime: return "datetime"
    case .duration: return "duration"
    }
  }

  // MARK: JSON

  /// `text` as a JSON string, with control characters as `\u00XX`.
  package static func json(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          out += CypherText.unicodeEscape(scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// A JSON number for a float; NaN and the infinities, which JSON cannot spell, as the strings
  /// `"NaN"`, `"Infinity"` and `"-Infinity"` (as Jackson writes them for APOC).
  package static func jsonFloat(_ number: Double) -> String {
    if number.isNaN { return "\"NaN\"" }
    if number.isInfinite { return number < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
    return plainFloat(number)
  }

  // MARK: XML

  /// `text` for XML character data or a double-quoted attribute. Characters XML 1.0 cannot hold
  /// (controls other than tab and line breaks) become U+FFFD; `\r` and `\n` and tab are written as
  /// character references so that attribute normalisation keeps them.
  package static func xml(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      case "\t": out += "&#9;"
      default:
        let v = scalar.value
        if v < 0x20 || v == 0xFFFE || v == 0xFFFF {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  // MARK: CSV

  /// `text` as an RFC 4180 field: quoted (quotes doubled) when it holds the delimiter, a quote, a
  /// line break, or is empty (so that an empty string differs from a missing value).
  package static func csv(_ text: String, delimiter: Character = ",") -> String {
    let needsQuotes = text.isEmpty || text.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  // MARK: DOT

  /// `text` as a double-quoted Graphviz string.
  package static func dot(_ text: String) -> String {
    var out = "\""
    for character in text {
      switch character {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n", "\r\n": out += "\\n"
      default: out.append(character)
      }
    }
    return out + "\""
  }
}
