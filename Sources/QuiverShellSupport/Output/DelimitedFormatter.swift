// Writes query results as tab-separated values for `--format tsv`: a header line, then one line
// per row. Tabs, line breaks and backslashes inside values are escaped (`\t`, `\n`, `\\`) so
// every row stays one line with one field per column.
import Quiver

/// Formats results as tab-separated values.
package enum TSVFormatter {
  /// The header and rows of one result, each line ending in `\n`; "" when there are no columns.
  package static func format(columns: [String], rows: [[Value]]) -> String {
    guard !columns.isEmpty else { return "" }
    var out = columns.map(TSVText.field).joined(separator: "\t") + "\n"
    for row in rows {
      out += row.map { $0.isNull ? "" : TSVText.field(CypherNotation.cell($0)) }.joined(separator: "\t") + "\n"
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
    CypherText.singleLine(text).replacingOccurrences(of: "|", with: "\\|")
  }

  private static func line(_ cells: [String]) -> String {
    "| " + cells.map(cell).joined(separator: " | ") + " |\n"
  }
}
