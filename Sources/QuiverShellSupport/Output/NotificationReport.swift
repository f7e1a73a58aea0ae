// Formats the notifications a statement's summary carries (an unknown label, a cartesian product)
// where the user typed it, in the form errors take: `origin:line:col: warn: …`, then the line
// and a caret. The shell prints them on standard error after the result.
import Quiver

/// Notification lines for statements run from scripts, standard input and the shell.
package enum NotificationReport {
  /// The report for `notification`, raised at `position` of `statement` (the notification's own
  /// position, or where it lies in the statement as typed), whose text is part of `source` (lines
  /// `firstLine...` of the input). Without a position the report has no location or caret.
  package static func render(
    _ notification: QueryNotification, at position: SourcePosition?, statement: ScriptStatement, source: String,
    firstLine: Int = 1, origin: String? = nil
  ) -> String {
    let prefix = origin.map { $0 + ":" } ?? ""
    guard let inStatement = position else {
      return prefix + (prefix.isEmpty ? "" : " ") + notification.statusDescription
    }
    let position = statement.scriptPosition(of: inStatement)
    var text = prefix + "\(position.line):\(position.column): \(notification.statusDescription)"
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    let index = position.line - firstLine
    if index >= 0 && index < lines.count {
      text += ErrorReport.caret(line: String(lines[index]), column: position.column)
    }
    return text
  }
}
