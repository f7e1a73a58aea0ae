// Checks a query result against a result table of a `Then the result should be…` step: column
// names in order, then the rows as a bag or in order, and says what the first difference is.
import Quiver

/// What a result step expects: the header, the parsed rows, and how to compare them.
struct ResultExpectation: Sendable {
  var columns: [String]
  var rows: [[Value]]
  var ordered: Bool
  var ignoresListOrder: Bool
}

/// Compares a result with an expectation and describes the first mismatch.
enum ResultComparator {
  /// Rendered rows longer than this are cut in reports.
  static let maxRowText = 400

  /// Nil when `actual` satisfies `expected`, else a description of the first difference.
  static func mismatch(_ expected: ResultExpectation, _ actual: QueryResult) -> String? {
    guard expected.columns == actual.columns else {
      return "columns differ: expected \(header(expected.columns)), got \(header(actual.columns))"
    }
    let comparator = ValueComparator(ignoresListOrder: expected.ignoresListOrder)
    let rowsEqual: ([Value], [Value]) -> Bool = { comparator.sequencesEqual($0, $1) }
    let counts = "expected \(expected.rows.count) rows, got \(actual.rows.count)"
    if expected.ordered {
      for i in 0..<max(expected.rows.count, actual.rows.count) {
        let e = i < expected.rows.count ? expected.rows[i] : nil
        let a = i < actual.rows.count ? actual.rows[i] : nil
        if let e, let a, rowsEqual(e, a) { continue }
        return "row \(i + 1) differs (in order; \(counts)): expected \(row(e)), got \(row(a))"
      }
      return nil
    }
    let pairing = pairAsBags(expected.rows, actual.rows, by: rowsEqual)
    guard !pairing.isPerfect else { return nil }
    var parts = ["rows differ (any order; \(counts))"]
    if let i = pairing.missing.first {
      parts.append("missing row \(row(expected.rows[i]))")
    }
    if let i = pairing.unexpected.first {
      parts.append("unexpected row \(row(actual.rows[i]))")
    }
    let extra = pairing.missing.count + pairing.unexpected.count - min(1, pairing.missing.count)
      - min(1, pairing.unexpected.count)
    if extra > 0 { parts.append("and \(extra) more unmatched") }
    return parts.joined(separator: "; ")
  }

  static func header(_ columns: [String]) -> String {
    "| " + columns.joined(separator: " | ") + " |"
  }

  /// A row in table notation, cut to `maxRowText` characters; `(no row)` for nil.
  static func row(_ values: [Value]?) -> String {
    guard let values else { return "(no row)" }
    return truncated(TCKValueRenderer.render(row: values))
  }

  static func truncated(_ text: String, limit: Int = maxRowText) -> String {
    text.count > limit ? String(text.prefix(limit)) + "… (\(text.count) characters)" : text
  }
}
