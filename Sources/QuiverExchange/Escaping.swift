// The notations the exchange formats need beyond GraphCore's shared escapers (Notation/: JSON
// strings, markup, CSV fields, Cypher names): Cypher literals that restore a value exactly
// (including -0.0, NaN, infinities, Int64.min and every temporal kind), JSON numbers for floats,
// and DOT strings.
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
    case .point(let point):
      // Through `cypherFloat`, so that a NaN or infinite coordinate is written as an expression
      // that reads back (the point's description prints `NaN`, which Cypher does not parse).
      out += "point({x: " + cypherFloat(point.x) + ", y: " + cypherFloat(point.y)
      if let z = point.z { out += ", z: " + cypherFloat(z) }
      out += ", crs: " + CypherText.quoted(point.crs) + "})"
    case .vector(let vector): out += vector.cypherExpression
    case .node, .relationship, .path: out += CypherText.literal(value)
    }
  }

  /// `{key: value, …}` with keys sorted and quoted where needed.
  package static func writeCypherMap(_ entries: [String: Value], to out: inout String) {
    out += "{"
    for (index, key) in entries.keys.sorted().enumerated() {
      if index > 0 { out += ", " }
      out += CypherText.name(key) + ": "
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

  /// A JSON number for a float; NaN and the infinities, which JSON cannot spell, as the strings
  /// `"NaN"`, `"Infinity"` and `"-Infinity"` (as Jackson writes them for APOC).
  package static func jsonFloat(_ number: Double) -> String {
    if number.isNaN { return "\"NaN\"" }
    if number.isInfinite { return number < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
    return plainFloat(number)
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
