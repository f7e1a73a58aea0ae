// `:explain` and `:profile` put EXPLAIN or PROFILE in front of every statement; errors in the
// changed text are moved back so their carets point into the statement as typed.
import Quiver

/// Adjusting errors of statements the shell changed before running them.
package enum StatementPrefix {
  /// `EXPLAIN ` or `PROFILE ` put in front of `text`, unless it already starts with either.
  package static func apply(_ prefix: String, to text: String) -> String {
    let head = text.drop { $0.isWhitespace }.prefix(8).uppercased()
    if head.hasPrefix("EXPLAIN") || head.hasPrefix("PROFILE") { return text }
    return prefix + text
  }

  /// `error` with its position moved back by `length` characters of a prefix on line 1, so it
  /// points into the statement as typed.
  package static func unshift(_ error: any Error, by length: Int) -> any Error {
    guard length > 0, let error = error as? QuiverError, let position = error.position else { return error }
    return error.moved(to: unshift(position, by: length))
  }

  /// `position` moved back by `length` characters of a prefix on line 1.
  package static func unshift(_ position: SourcePosition, by length: Int) -> SourcePosition {
    var moved = position
    moved.offset = max(0, position.offset - length)
    if position.line == 1 { moved.column = max(1, position.column - length) }
    return moved
  }
}
