// Turns the lines of one shell entry into a single history entry, so that the up arrow
// recalls a whole multi-line statement rather than its last line.

/// Builds the history entry for what the user typed over one or more lines.
package enum HistoryEntry {
  /// `lines` joined into one entry, or nil when they hold only white space.
  ///
  /// Lines are joined with single spaces (indentation dropped) when that cannot change their
  /// meaning: no line but the last contains `//` or leaves a quote, double quote or backquote
  /// open. Otherwise they are kept apart with line breaks.
  package static func join(_ lines: [String]) -> String? {
    let kept = lines.map(trimmingTrailingWhitespace)
    guard kept.contains(where: { !$0.isEmpty }) else { return nil }
    if kept.count == 1 { return kept[0] }
    let safe = kept.dropLast().allSatisfy { line in
      !line.contains("//") && ["'", "\"", "`"].allSatisfy { quote in
        line.filter { $0 == quote }.count % 2 == 0
      }
    }
    guard safe else { return kept.joined(separator: "\n") }
    return kept.map { String($0.drop(while: \.isWhitespace)) }.filter { !$0.isEmpty }
      .joined(separator: " ")
  }

  private static func trimmingTrailingWhitespace(_ line: String) -> String {
    var text = Substring(line)
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return String(text)
  }
}
