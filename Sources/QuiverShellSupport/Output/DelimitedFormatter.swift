// Writes query results as tab-separated values for `--format tsv`: a header line, then one line
// per row. Tabs, line breaks and backslashes inside values are escaped (`\t`, `\n`, `\\`) so
// every row stays one line with one field per column.
import Quiver

/// Formats results as tab-separated values.
package enum TSVFormatter {
  /// The header and rows of one result, each line ending in `\n`; "" when there are no columns.
  package static func format(columns: [String], rows: [[Value]]) -> String {
    guard !columns.isEmpty else { return "" }
    var out = columns.map(field).joined(separator: "\t") + "\n"
    for row in rows {
      out += row.map { $0.isNull ? "" : field(CypherNotation.cell($0)) }.joined(separator: "\t") + "\n"
    }
    return out
  }

  /// `text` with backslash, tab, carriage return and line feed escaped.
  package static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
      return text
    }
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
}

extension TSVFormatter {
  /// The text of a field written by `field(_:)`.
  package static func unescape(_ field: String) -> String {
    var out = ""
    var escaped = false
    for character in field {
      if escaped {
        switch character {
        case "t": out.append("\t")
        case "n": out.append("\n")
        case "r": out.append("\r")
        default: out.append(character)
        }
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else {
        out.append(character)
      }
    }
    return out
  }
}

/// Formats results as a GitHub-flavoured Markdown table.
package enum MarkdownFormatter {
  /// A header row, a `| --- |` rule and one row per result row; "" when there are no columns.
  /// Pipes are escaped as `\|` and control characters written as escapes.
  package static func format(columns: [String], rows: [[Value]]) -> String {
    guard !columns.isEmpty else { return "" }
    var out = line(columns) + line(columns.map { _ in "---" })
    for row in rows {
      out += line((0..<columns.count).map { $0 < row.count ? CypherNotation.cell(row[$0]) : "" })
    }
    return out
  }

  /// `text` as the content of one Markdown table cell.
  package static func cell(_ text: String) -> String {
    TableFormatter.singleLine(text).replacingOccurrences(of: "|", with: "\\|")
  }

  private static func line(_ cells: [String]) -> String {
    "| " + cells.map(cell).joined(separator: " | ") + " |\n"
  }
}
