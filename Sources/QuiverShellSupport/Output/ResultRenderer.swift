// Turns one statement's result into the text the CLI prints: a table or plan followed by a
// summary (`2 rows (0.4 ms)`, `Created 1 node`), or bare CSV, TSV, JSON, JSON Lines or Markdown
// for scripting. On a colour terminal the summary is dimmed.
import Quiver

/// How results are written: `table` for people, the others for programs and documents.
package enum OutputFormat: String, CaseIterable, Sendable {
  case table
  case csv
  case tsv
  /// One JSON array of row objects per result.
  case json
  /// One JSON object per row and line (JSON Lines).
  case jsonl
  case markdown

  /// The names, `table|csv|...`, for usage lines.
  package static var names: String { allCases.map(\.rawValue).joined(separator: "|") }
}

/// Renders results in one output format.
package struct ResultRenderer: Sendable {
  package var format: OutputFormat = .table
  package var tableStyle: TableFormatter.Style = .ascii
  /// Whether the summary line ends with the elapsed time.
  package var showsTiming = false
  /// Terminal columns tables must fit in (wide cells are cut with `…`); nil for no limit.
  package var maxWidth: Int?
  /// Whether summary lines are dimmed with ANSI escapes.
  package var usesColor = false

  package init(
    format: OutputFormat = .table, tableStyle: TableFormatter.Style = .ascii, showsTiming: Bool = false,
    maxWidth: Int? = nil, usesColor: Bool = false
  ) {
    self.format = format
    self.tableStyle = tableStyle
    self.showsTiming = showsTiming
    self.maxWidth = maxWidth
    self.usesColor = usesColor
  }

  /// The text for `result`, which took `elapsed` to compute; every line ends in `\n`.
  ///
  /// Tables are followed by a row count, then the statistics when the statement wrote. A
  /// statement without columns prints only the statistics, or `No changes`. An `EXPLAIN` plan
  /// replaces the table unless rows came with it (`PROFILE`). The other formats print data only.
  package func render(_ result: QueryResult, elapsed: Duration) -> String {
    var out = ""
    if let plan = result.plan {
      out += plan.hasSuffix("\n") ? plan : plan + "\n"
    }
    let showsRows = !result.columns.isEmpty && (result.plan == nil || !result.rows.isEmpty)
    if format != .table {
      guard showsRows else { return out }
      return out + Self.data(result, format: format)
    }
    let timing = showsTiming ? " (" + Self.duration(elapsed) + ")" : ""
    let statistics = result.statistics.containsUpdates ? result.statistics.description : ""
    if showsRows {
      out += TableFormatter(style: tableStyle, maxWidth: maxWidth).format(columns: result.columns, rows: result.rows)
      out += summary(Self.rowCount(result.rows.count) + timing)
      if !statistics.isEmpty { out += summary(statistics) }
    } else if !statistics.isEmpty {
      out += summary(statistics + timing)
    } else if result.plan == nil {
      out += summary("No changes" + timing)
    } else if showsTiming {
      out += summary("Planned in " + Self.duration(elapsed))
    }
    return out
  }

  /// The rows of `result` in a data format (for `.table`, an ASCII table without summary).
  package static func data(_ result: QueryResult, format: OutputFormat) -> String {
    switch format {
    case .csv: return CSVFormatter.format(columns: result.columns, rows: result.rows)
    case .tsv: return TSVFormatter.format(columns: result.columns, rows: result.rows)
    case .json: return JSONFormatter.formatArray(columns: result.columns, rows: result.rows)
    case .jsonl: return JSONFormatter.format(columns: result.columns, rows: result.rows)
    case .markdown: return MarkdownFormatter.format(columns: result.columns, rows: result.rows)
    case .table: return TableFormatter(style: .ascii).format(columns: result.columns, rows: result.rows)
    }
  }

  /// One summary line, dimmed when colours are on.
  private func summary(_ text: String) -> String {
    (usesColor ? ANSI.dim(text) : text) + "\n"
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

/// ANSI terminal escapes for the few colours the shell uses.
package enum ANSI {
  /// `text` in faint intensity.
  package static func dim(_ text: String) -> String { "\u{1B}[2m" + text + "\u{1B}[0m" }
  /// `text` in red.
  package static func red(_ text: String) -> String { "\u{1B}[31m" + text + "\u{1B}[0m" }

  /// Whether colours may be used on a terminal: not with `NO_COLOR` set to a non-empty value
  /// and not on `TERM=dumb`.
  package static func allowed(environment: [String: String]) -> Bool {
    (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
  }
}
