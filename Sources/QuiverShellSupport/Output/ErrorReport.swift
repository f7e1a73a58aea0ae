// Formats a failed statement's error where the user typed it: `origin:line:col: Category:
// message`, then the offending line and a caret. Positions inside a statement are mapped into
// the script, shell buffer or standard input the statement was cut from.
import Quiver

/// Error messages for statements run from scripts, standard input and the shell.
package enum ErrorReport {
  /// The report for `error`, raised by `statement`, whose `start` is a position in the input
  /// that `source` is part of. `source` holds lines `firstLine...` of that input and is where
  /// the caret line is taken from. `origin` (a file name, `<stdin>`) prefixes the location.
  ///
  /// A `QuiverError` without a position is reported at the statement's first character; a
  /// cancelled statement and other errors are reported without a location.
  package static func render(
    _ error: any Error, statement: ScriptStatement, source: String, firstLine: Int = 1,
    origin: String?
  ) -> String {
    guard let error = error as? QuiverError else {
      return (origin.map { $0 + ": " } ?? "") + "error: \(error)"
    }
    // A cancelled or timed-out statement failed as a whole, not at a place in its text.
    if error.category == .cancelled {
      return (origin.map { $0 + ": " } ?? "") + "\(error.category): \(error.message)"
    }
    let position =
      error.position.map(statement.scriptPosition(of:)) ?? firstVisiblePosition(of: statement)
    var text = (origin.map { $0 + ":" } ?? "") + "\(position.line):\(position.column): "
    text += "\(error.category): \(error.message)"
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    let index = position.line - firstLine
    if index >= 0 && index < lines.count {
      text += caret(line: String(lines[index]), column: position.column)
    }
    return text
  }

  /// The caret display in the same form `QuiverError.render(source:origin:)` uses: the line
  /// indented by two spaces, tabs shown as spaces, and `^` under `column`.
  package static func caret(line: String, column: Int) -> String {
    let shown = String(line.map { $0 == "\t" || $0 == "\r" ? " " : $0 })
    let caretColumn = max(1, min(column, shown.count + 1))
    return "\n  " + shown + "\n  " + String(repeating: " ", count: caretColumn - 1) + "^"
  }

  /// Where the statement's text starts once leading white space is skipped.
  package static func firstVisiblePosition(of statement: ScriptStatement) -> SourcePosition {
    var position = SourcePosition.start
    for character in statement.text {
      if character == "\n" || character == "\r\n" {
        position = SourcePosition(
          line: position.line + 1, column: 1, offset: position.offset + character.utf8.count)
      } else if character.isWhitespace {
        position.column += 1
        position.offset += character.utf8.count
      } else {
        break
      }
    }
    return statement.scriptPosition(of: position)
  }
}
