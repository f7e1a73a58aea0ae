// Gathers input lines until they hold complete statements, for the shell and for piped
// standard input. Statements are cut by `Database.split(script:)`, so semicolons inside
// strings and comments never end one; positions are mapped back to the whole input. (Input/
// is also compiled into QuiverCLITests through a symbolic link.)
import Quiver

/// Lines received so far that do not yet end in a complete statement.
///
/// An `append` that may complete a statement re-splits the buffered text and hands out the
/// statements that became complete. Once nothing is left over after the last `;`, the buffer empties; while text is
/// left over, the shell shows its continuation prompt.
package struct StatementBuffer {
  /// How the lines of the input are numbered in statement positions.
  package enum Numbering: Sendable {
    /// Line numbers run across the whole input, as for `<stdin>:12:5`.
    case continuous
    /// Each new statement starts again at line 1, as in the interactive shell.
    case perEntry
  }

  /// What one line of input led to.
  package struct Update {
    /// Statements completed by the line, with positions in the whole input; blank ones (only
    /// white space and comments, as between `;;`) are left out.
    package var statements: [ScriptStatement]
    /// The buffered text the statements were cut from, for error carets.
    package var source: String
    /// The input line that `source` starts at.
    package var firstLine: Int
    /// All lines of the buffer when this update emptied it (everything in it is complete), for
    /// the shell's history; nil while text is left over.
    package var completedLines: [String]?
  }

  package let numbering: Numbering
  private(set) var lines: [String] = []
  private var firstLine = 1
  private var firstOffset = 0
  /// How many statements of the buffered text were already handed out.
  private var delivered = 0
  /// Whether the buffer holds unfinished text. A line added to it that has no `;` (which ends
  /// statements) and no `*/` (which may close a comment and leave only trivia) cannot complete
  /// anything, so the buffer is not split again: splitting the whole buffer at every line made
  /// a statement of n lines cost n² (5,000 lines took 99 s).
  private var pending = false

  package init(numbering: Numbering) {
    self.numbering = numbering
  }

  /// True when no unfinished statement is pending.
  package var isEmpty: Bool { lines.isEmpty }

  /// Adds one line (without its line break) and returns the statements it completed.
  package mutating func append(_ line: String) -> Update {
    lines.append(line)
    if pending, !line.utf8.contains(UInt8(ascii: ";")), !line.contains("*/") {
      return Update(statements: [], source: "", firstLine: firstLine, completedLines: nil)
    }
    let source = lines.joined(separator: "\n")
    let split = Database.split(script: source)
    pending = split.remainder != nil
    let fresh = split.statements.dropFirst(delivered)
    delivered = split.statements.count
    var update = Update(
      statements: fresh.map(shifted).filter { !$0.isBlank }, source: source, firstLine: firstLine,
      completedLines: nil)
    if split.remainder == nil {
      update.completedLines = lines
      advance()
    }
    return update
  }

  /// At the end of the input: the text left after the last `;`, run as a last statement the
  /// way a script's final statement may omit its semicolon. Empties the buffer.
  package mutating func finish() -> Update? {
    guard !lines.isEmpty else { return nil }
    let source = lines.joined(separator: "\n")
    let split = Database.split(script: source)
    var statements = Array(split.statements.dropFirst(delivered))
    if let remainder = split.remainder { statements.append(remainder) }
    let update = Update(
      statements: statements.map(shifted).filter { !$0.isBlank }, source: source,
      firstLine: firstLine, completedLines: lines)
    advance()
    return update
  }

  /// Counts a line that was consumed elsewhere (a meta-command) so later positions stay right.
  package mutating func skip(_ line: String) {
    lines.append(line)
    advance()
  }

  /// Drops the pending lines, e.g. when the user abandons a statement.
  package mutating func clear() {
    advance()
  }

  /// Empties the buffer, moving the numbering past the lines it held.
  private mutating func advance() {
    switch numbering {
    case .continuous:
      firstLine += lines.count
      firstOffset += lines.reduce(0) { $0 + $1.utf8.count + 1 }
    case .perEntry:
      firstLine = 1
      firstOffset = 0
    }
    lines = []
    delivered = 0
    pending = false
  }

  /// `statement` with its start moved from buffer to input coordinates. The buffer always
  /// starts at the beginning of an input line, so only line and offset move.
  private func shifted(_ statement: ScriptStatement) -> ScriptStatement {
    let start = SourcePosition(
      line: statement.start.line + firstLine - 1, column: statement.start.column,
      offset: statement.start.offset + firstOffset)
    return ScriptStatement(text: statement.text, start: start)
  }
}

extension ScriptStatement {
  /// True when the text holds only white space and comments, e.g. between `;;`.
  package var isBlank: Bool {
    if text.allSatisfy(\.isWhitespace) { return true }
    let split = Database.split(script: text)
    return split.statements.isEmpty && split.remainder == nil
  }
}
