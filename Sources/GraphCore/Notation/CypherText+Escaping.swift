// Cypher's own escaping: string literals (`'it\'s'`) and names (`` `my label` ``). The one
// Cypher escaper; `CypherText.literal` (Value+Description.swift) writes whole values with it, and
// the shell, exports and error reports call it for single strings and names.

extension CypherText {
  /// `text` as a single-quoted Cypher string literal with backslash escapes.
  package static func quoted(_ text: String) -> String {
    var out = "'"
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "'": out += "\\'"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += unicodeEscape(scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "'"
  }

  /// A label, type or key, backquoted unless it is a plain identifier.
  package static func name(_ name: String) -> String {
    if isIdentifier(name) { return name }
    let escaped = String(name.flatMap { $0 == "`" ? ["`", "`"] : [$0] })
    return "`" + escaped + "`"
  }

  private static func isIdentifier(_ text: String) -> Bool {
    guard let first = text.first, first.isLetter || first == "_" else { return false }
    return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
  }

  /// `\u000A`-style escape for a control character.
  package static func unicodeEscape(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
