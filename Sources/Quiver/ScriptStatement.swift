// One statement cut out of a script or a shell buffer, with where it starts, so that errors
// inside it can be reported at their place in the whole script.

/// A statement of a script: its text (without the closing `;`) and where it starts.
public struct ScriptStatement: Sendable, Hashable {
  public let text: String
  /// Position of the statement's first character in the script.
  public let start: SourcePosition

  public init(text: String, start: SourcePosition) {
    self.text = text
    self.start = start
  }

  /// Maps a position inside `text` to the same place in the script.
  public func scriptPosition(of p: SourcePosition) -> SourcePosition {
    SourcePosition(
      line: start.line + p.line - 1,
      column: p.line == 1 ? start.column + p.column - 1 : p.column,
      offset: start.offset + p.offset)
  }
}

/// A script cut at its top-level semicolons.
public struct ScriptSplit: Sendable, Hashable {
  /// The statements that ended with `;`.
  public let statements: [ScriptStatement]
  /// Text after the last `;` that holds more than white space and comments, else nil. A shell
  /// keeps reading lines while this is non-nil; a script runs it as a last statement.
  public let remainder: ScriptStatement?
}
