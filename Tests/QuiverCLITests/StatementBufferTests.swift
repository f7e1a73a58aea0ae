// How typed or piped lines become statements: continuation until `;`, several statements on
// a line, semicolons in strings, positions across the whole input, and the unterminated last
// statement at end of input. Uses the engine's `Database.split(script:)`.
import Quiver
import QuiverShellSupport
import Testing

@Suite("Statement buffer", .tags(.engine))
struct StatementBufferTests {
  /// Where a statement's text really begins, whatever white space the splitter kept.
  static func begin(_ statement: ScriptStatement) -> String {
    let position = ErrorReport.firstVisiblePosition(of: statement)
    return "\(position.line):\(position.column)"
  }

  static func trimmed(_ statement: ScriptStatement) -> String {
    statement.text.trimmingWhitespace()
  }

  @Test("a statement is complete at its semicolon")
  func complete() {
    var buffer = StatementBuffer(numbering: .continuous)
    let update = buffer.append("RETURN 1 AS x;")
    #expect(update.statements.map(Self.trimmed) == ["RETURN 1 AS x"])
    #expect(update.completedLines == ["RETURN 1 AS x;"])
    #expect(buffer.isEmpty)
  }

  @Test("a comment closed on a later line leaves nothing pending")
  func commentClosedLater() {
    var buffer = StatementBuffer(numbering: .continuous)
    #expect(buffer.append("/* a comment").statements.isEmpty)
    #expect(!buffer.isEmpty)
    #expect(buffer.append("still the comment").completedLines == nil)
    let closed = buffer.append("end */")
    #expect(closed.statements.isEmpty)
    #expect(closed.completedLines == ["/* a comment", "still the comment", "end */"])
    #expect(buffer.isEmpty)
  }

  @Test("a long statement over many lines is cut once its semicolon arrives, positions intact")
  func manyLines() {
    var buffer = StatementBuffer(numbering: .continuous)
    #expect(buffer.append("RETURN 0 AS a;").statements.count == 1)
    #expect(buffer.append("RETURN size([").statements.isEmpty)
    for _ in 0..<2_000 { #expect(buffer.append("1,").statements.isEmpty) }
    let last = buffer.append("1]) AS n; RETURN 2 AS b;")
    #expect(last.statements.count == 2)
    #expect(last.statements.first.map(Self.begin) == "2:1")
    #expect(last.statements.last.map(Self.begin) == "2003:11")
    #expect(buffer.isEmpty)
  }

  @Test("lines accumulate until the semicolon arrives")
  func continuation() {
    var buffer = StatementBuffer(numbering: .perEntry)
    let first = buffer.append("RETURN")
    #expect(first.statements.isEmpty)
    #expect(first.completedLines == nil)
    #expect(!buffer.isEmpty)
    let second = buffer.append("1 AS x;")
    #expect(second.statements.map(Self.trimmed) == ["RETURN\n1 AS x"])
    #expect(second.completedLines == ["RETURN", "1 AS x;"])
    #expect(buffer.isEmpty)
  }

  @Test("several statements on one line, and one left open")
  func several() {
    var buffer = StatementBuffer(numbering: .continuous)
    let update = buffer.append("RETURN 1; RETURN 'a;b'; RETURN")
    #expect(update.statements.map(Self.trimmed) == ["RETURN 1", "RETURN 'a;b'"])
    #expect(update.completedLines == nil)
    let rest = buffer.append("3;")
    #expect(rest.statements.map(Self.trimmed) == ["RETURN\n3"])
    #expect(rest.completedLines == ["RETURN 1; RETURN 'a;b'; RETURN", "3;"])
  }

  @Test("white space, comments and empty statements produce nothing")
  func blank() {
    var buffer = StatementBuffer(numbering: .continuous)
    #expect(buffer.append("").statements.isEmpty)
    #expect(buffer.append("// just a comment").statements.isEmpty)
    #expect(buffer.append(";;").statements.isEmpty)
    #expect(buffer.isEmpty)
  }

  @Test("continuous numbering counts every line of the input")
  func continuousNumbering() {
    var buffer = StatementBuffer(numbering: .continuous)
    _ = buffer.append("RETURN 1;")
    buffer.skip(":help")
    _ = buffer.append("")
    _ = buffer.append("RETURN")
    let update = buffer.append("  2;")
    #expect(update.statements.map(Self.begin) == ["4:1"])
    #expect(update.firstLine == 4)
    #expect(update.source == "RETURN\n  2;")
  }

  @Test("per-entry numbering starts each statement at line 1")
  func perEntryNumbering() {
    var buffer = StatementBuffer(numbering: .perEntry)
    _ = buffer.append("RETURN 1;")
    _ = buffer.append("RETURN")
    let update = buffer.append("2;")
    #expect(update.statements.map(Self.begin) == ["1:1"])
    #expect(update.firstLine == 1)
  }

  @Test("the end of input runs a statement that lacks its semicolon")
  func finish() {
    var buffer = StatementBuffer(numbering: .continuous)
    _ = buffer.append("RETURN 1;")
    _ = buffer.append("RETURN")
    _ = buffer.append("  2")
    let last = buffer.finish()
    #expect(last.map { $0.statements.map(Self.trimmed) } == ["RETURN\n  2"])
    #expect(last.map { $0.statements.map(Self.begin) } == ["2:1"])
    #expect(buffer.isEmpty)
    #expect(buffer.finish() == nil)
  }
}
