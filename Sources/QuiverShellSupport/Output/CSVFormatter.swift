// Writes query results as RFC 4180 CSV for `--format csv`: a header line of column names, then
// one line per row. Strings are written as they are, null as an empty field, everything else
// in Cypher notation.
import Quiver

/// Formats results as comma-separated values.
package enum CSVFormatter {
  /// The header and rows of one result, each line ending in `\n`; "" when there are no columns.
  package static func format(columns: [String], rows: [[Value]]) -> String {
    guard !columns.isEmpty else { return "" }
    var out = columns.map { CSVText.field($0) }.joined(separator: ",") + "\n"
    for row in rows {
      out += row.map { value in value.isNull ? "" : CSVText.field(CypherNotation.cell(value)) }
        .joined(separator: ",") + "\n"
    }
    return out
  }
}
