// Fields of delimited text: RFC 4180 CSV quoting and the backslash-escaped TSV of
// `--format tsv`. The one place either notation is written (and TSV read back), for the shell's
// formatters and reports. Sits in GraphCore so that every layer can reach it.

/// Writes one field of RFC 4180 CSV.
package enum CSVText {
  /// `text` as one CSV field: double-quoted, with quotes doubled, when it holds `separator`, a
  /// quote or a line break (or, with `quotingEmpty`, is empty, so that an empty string differs
  /// from a missing value); as is otherwise.
  package static func field(_ text: String, separator: Unicode.Scalar = ",", quotingEmpty: Bool = false) -> String {
    guard (quotingEmpty && text.isEmpty) || text.unicodeScalars.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" })
    else { return text }
    var out = "\""
    for scalar in text.unicodeScalars {
      if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
    }
    return out + "\""
  }
}

/// Writes and reads one field of tab-separated values, where a field never holds a tab or a
/// line break: those and the backslash are written as `\t`, `\n`, `\r` and `\\`.
package enum TSVText {
  /// `text` with backslash, tab, carriage return and line feed escaped.
  package static func field(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" })
    else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// The text of a field written by `field(_:)`; an unknown escape `\x` stands for `x`.
  package static func unescape(_ field: String) -> String {
    var out = ""
    var escaped = false
    for scalar in field.unicodeScalars {
      if escaped {
        switch scalar {
        case "t": out += "\t"
        case "n": out += "\n"
        case "r": out += "\r"
        default: out.unicodeScalars.append(scalar)
        }
        escaped = false
      } else if scalar == "\\" {
        escaped = true
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
