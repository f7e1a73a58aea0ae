// JSON string literals: the one JSON escaper, used by the shell's `--format json`/`jsonl`, the
// report's JSON output and anything else that writes JSON by hand. Sits in GraphCore so that
// every layer can reach it.

/// Writes text as JSON string literals (RFC 8259).
package enum JSONText {
  /// `text` as a double-quoted JSON string: `"` and `\` escaped, `\n`, `\r`, `\t` as short
  /// escapes, other control characters below U+0020 as `\u00XX`; everything else, non-BMP
  /// characters included, written as is (JSON text is UTF-8).
  package static func string(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
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
}
