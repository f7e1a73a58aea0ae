// Text for XML, SVG and HTML: the one markup escaper, used by the shell's HTML report and its
// SVG charts. Sits in GraphCore so that every layer (and a future GraphML export) can reach it.

/// Escapes text for markup languages.
package enum MarkupText {
  /// `text` safe inside element content and quoted attribute values of XML, SVG and HTML:
  /// `& < > " '` as entities (so `]]>` becomes `]]&gt;`), and the control characters XML 1.0
  /// forbids even as references (below U+0020 other than tab, line feed and carriage return) as
  /// U+FFFD. Non-BMP characters are written as is. With `lineBreaksAsReferences`, tab, line feed
  /// and carriage return are written as character references, so that they survive the attribute
  /// value normalisation of XML parsers (GraphML and GEXF exports).
  package static func escape(_ text: String, lineBreaksAsReferences: Bool = false) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n", "\r":
        if lineBreaksAsReferences {
          out += "&#\(scalar.value);"
        } else {
          out.unicodeScalars.append(scalar)
        }
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
