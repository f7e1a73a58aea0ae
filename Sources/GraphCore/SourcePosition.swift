// Positions in query text, shared by the lexer, parser, planner and runtime so that every error
// can point at the text that caused it.

/// A place in a query: 1-based line and column plus the 0-based UTF-8 offset.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public var offset: Int

  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  public static let start = SourcePosition(line: 1, column: 1, offset: 0)

  public var description: String { "\(line):\(column)" }
}
