// Error reports point at the right line and column of the whole input, not of the statement
// the error came from, and show that line with a caret.
import Quiver
import QuiverShellSupport
import Testing

@Suite("Error reports")
struct ErrorReportTests {
  static func syntaxError(at line: Int, _ column: Int) -> QuiverError {
    QuiverError(
      .syntax, .undefinedVariable, "Variable `m` not defined", phase: .compile,
      at: SourcePosition(line: line, column: column, offset: 0))
  }

  static let script = "CREATE (:A);\nMATCH (n)\nRETURN n, m;\n"

  @Test("a position in a later statement maps to its line in the file")
  func laterStatement() {
    // The statement after the first `;` starts right after it, at 1:13.
    let statement = ScriptStatement(
      text: "\nMATCH (n)\nRETURN n, m", start: SourcePosition(line: 1, column: 13, offset: 12))
    let report = ErrorReport.render(
      Self.syntaxError(at: 3, 11), statement: statement, source: Self.script,
      origin: "query.cypher")
    #expect(
      report == """
        query.cypher:3:11: SyntaxError: Variable `m` not defined
          RETURN n, m;
                    ^
        """)
  }

  @Test("an error on a statement's first line shifts by the statement's column")
  func sameLine() {
    let source = "RETURN 1; RETURN m;"
    let statement = ScriptStatement(
      text: " RETURN m", start: SourcePosition(line: 1, column: 10, offset: 9))
    let report = ErrorReport.render(
      Self.syntaxError(at: 1, 9), statement: statement, source: source, origin: nil)
    #expect(
      report == """
        1:18: SyntaxError: Variable `m` not defined
          RETURN 1; RETURN m;
                           ^
        """)
  }

  @Test("an error without a position points at the statement's first word")
  func withoutPosition() {
    let error = QuiverError(.arithmetic, .divisionByZero, "/ by zero", phase: .runtime)
    let statement = ScriptStatement(
      text: "\n  RETURN 1 / 0", start: SourcePosition(line: 1, column: 10, offset: 9))
    let report = ErrorReport.render(
      error, statement: statement, source: "RETURN 1;\n  RETURN 1 / 0;", origin: "<stdin>")
    #expect(
      report == """
        <stdin>:2:3: ArithmeticError: / by zero
            RETURN 1 / 0;
            ^
        """)
  }

  @Test("a source that starts further down the input is indexed from its first line")
  func laterSource() {
    let statement = ScriptStatement(
      text: "RETURN\n  m", start: SourcePosition(line: 41, column: 1, offset: 900))
    let report = ErrorReport.render(
      Self.syntaxError(at: 2, 3), statement: statement, source: "RETURN\n  m;", firstLine: 41,
      origin: "<stdin>")
    #expect(
      report == """
        <stdin>:42:3: SyntaxError: Variable `m` not defined
            m;
            ^
        """)
  }

  @Test("tabs are shown as spaces so the caret lines up")
  func tabs() {
    #expect(ErrorReport.caret(line: "\tRETURN m", column: 9) == "\n   RETURN m\n          ^")
  }

  @Test("a caret past the end of the line stops just after it")
  func caretPastEnd() {
    #expect(ErrorReport.caret(line: "RETURN", column: 40) == "\n  RETURN\n        ^")
  }

  @Test("other errors are reported without a location")
  func foreignError() {
    struct Broken: Error, CustomStringConvertible {
      var description: String { "broken pipe" }
    }
    let statement = ScriptStatement(text: "RETURN 1", start: .start)
    #expect(
      ErrorReport.render(Broken(), statement: statement, source: "RETURN 1", origin: "f")
        == "f: error: broken pipe")
  }
}
