// Cypher's own escaping: string literals (`'it\'s'`), names (`` `my label` ``), and text with its
// control characters escaped the same way for one-line display. The one Cypher escaper;
// `CypherText.literal` (Value+Description.swift) writes whole values with it, and the shell,
// exports and error reports call it for single strings and names.

extension CypherText {
  /// `text` as a single-quoted Cypher string literal with backslash escapes.
  package static func quoted(_ text: String) -> String {
    var out = "'"
    appendEscaped(text, quote: "'", to: &out)
    return out + "'"
  }

  /// `text` on one line: line breaks, tabs and other control characters written as in a Cypher
  /// string literal (`\n`, `\u0007`), everything else, quotes and backslashes included, as is.
  package static func singleLine(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    appendEscaped(text, quote: nil, to: &out)
    return out
  }

  /// Appends `text` with control characters escaped and, when `quote` is given, that quote and
  /// the backslash too.
  private static func appendEscaped(_ text: String, quote: Unicode.Scalar?, to out: inout String) {
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\\" where quote != nil: out += "\\\\"
      case quote: out += "\\"; out.unicodeScalars.append(scalar)
      default:
        if isControl(scalar) {
          out += unicodeEscape(scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || scalar.value == 0x7F }

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
