// Turns one statement's result into the text the CLI prints: a table or plan followed by a
// summary (`2 rows (0.4 ms)`, `Created 1 node`), or bare CSV / JSON Lines for scripting.
import Quiver

/// How results are written: `table` for people, `csv` and `json` (JSON Lines) for programs.
package enum OutputFormat: String, CaseIterable, Sendable {
  case table
  case csv
  case json
}

/// Renders results in one output format.
package struct ResultRenderer: Sendable {
  package var format: OutputFormat = .table
  package var tableStyle: TableFormatter.Style = .ascii
  /// Whether the summary line ends with the elapsed time.
  package var showsTiming = false

  package init(format: OutputFormat = .table, tableStyle: TableFormatter.Style = .ascii, showsTiming: Bool = false) {
    self.format = format
    self.tableStyle = tableStyle
    self.showsTiming = showsTiming
  }

  /// The text for `result`, which took `elapsed` to compute; every line ends in `\n`.
  ///
  /// Tables are followed by a row count, then the statistics when the statement wrote. A
  /// statement without columns prints only the statistics, or `No changes`. An `EXPLAIN` plan
  /// replaces the table unless rows came with it (`PROFILE`). CSV and JSON print data only.
  package func render(_ result: QueryResult, elapsed: Duration) -> String {
    var out = ""
    if let plan = result.plan {
      out += plan.hasSuffix("\n") ? plan : plan + "\n"
    }
    let showsRows = !result.columns.isEmpty && (result.plan == nil || !result.rows.isEmpty)
    switch format {
    case .csv:
      guard showsRows else { return out }
      return out + CSVFormatter.format(columns: result.columns, rows: result.rows)
    case .json:
      guard showsRows else { return out }
      return out + JSONFormatter.format(columns: result.columns, rows: result.rows)
    case .table:
      break
    }
    let timing = showsTiming ? " (" + Self.duration(elapsed) + ")" : ""
    let statistics = result.statistics.containsUpdates ? result.statistics.description : ""
    if showsRows {
      out += TableFormatter(style: tableStyle).format(columns: result.columns, rows: result.rows)
      out += Self.rowCount(result.rows.count) + timing + "\n"
      if !statistics.isEmpty { out += statistics + "\n" }
    } else if !statistics.isEmpty {
      out += statistics + timing + "\n"
    } else if result.plan == nil {
      out += "No changes" + timing + "\n"
    } else if showsTiming {
      out += "Planned in " + Self.duration(elapsed) + "\n"
    }
    return out
  }

  /// `1 row`, `2 rows`, `0 rows`.
  package static func rowCount(_ count: Int) -> String {
    count == 1 ? "1 row" : "\(count) rows"
  }

  /// `0.4 ms`, `12.3 ms`, `1.25 s`: tenths of a millisecond below a second, then hundredths
  /// of a second.
  package static func duration(_ elapsed: Duration) -> String {
    let (seconds, attoseconds) = elapsed.components
    let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    if microseconds < 1_000_000 {
      let tenths = (microseconds + 50) / 100
      return "\(tenths / 10).\(tenths % 10) ms"
    }
    let hundredths = (microseconds + 5_000) / 10_000
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
  }
}
