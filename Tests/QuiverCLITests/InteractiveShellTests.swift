// The interactive shell driven through a pseudo-terminal: prompts, meta-commands, multi-line
// statements with the continuation prompt, recalling history with the up arrow, Ctrl-D, and
// the history file. Every wait has a deadline so a broken shell cannot hang the suite.
import Foundation
import QuiverShellSupport
import Testing

@Suite("Interactive shell")
struct InteractiveShellTests {
  /// A shell on a fresh terminal with its own home directory and history file.
  struct Fixture {
    let directory: TemporaryDirectory
    let terminal: PseudoTerminal
    var historyFile: URL { directory.file("history") }

    /// `historyPath` shares a history file between shells; by default each has its own.
    init(term: String = "xterm", historyPath: String? = nil) throws {
      let executable = try #require(QuiverExecutable.url, "quiver executable not found")
      directory = try TemporaryDirectory()
      // Keep the test's environment (library paths, locale) but not the user's editrc.
      var environment = ProcessInfo.processInfo.environment
      environment["EDITRC"] = nil
      environment["HOME"] = directory.url.path
      environment["TERM"] = term
      environment["QUIVER_HISTORY"] = historyPath ?? directory.file("history").path
      environment["NO_COLOR"] = "1"
      terminal = try PseudoTerminal(executable: executable, environment: environment)
    }

    /// Expects `text` to appear `count` times in the shell's output; on failure the comment
    /// shows everything the shell printed.
    func expectOutput(
      _ text: String, count: Int = 1, timeout: Duration = .seconds(10),
      sourceLocation: SourceLocation = #_sourceLocation
    ) {
      let seen = terminal.waitFor(text, count: count, timeout: timeout)
      #expect(seen, "transcript:\n\(terminal.transcript)", sourceLocation: sourceLocation)
    }

    /// The history file's entries with libedit's `\040` space escapes decoded.
    func history() throws -> String {
      try String(contentsOf: historyFile, encoding: .utf8)
        .replacingOccurrences(of: "\\040", with: " ")
    }
  }

  @Test("the shell greets, prompts, shows :help and leaves on :quit")
  func helpAndQuit() throws {
    let shell = try Fixture()
    shell.expectOutput("Type :help for help")
    shell.expectOutput("quiver> ")
    shell.terminal.send(":help\r")
    shell.expectOutput(":quit, :exit")
    shell.expectOutput("quiver> ", count: 2)
    shell.terminal.send(":quit\r")
    #expect(shell.terminal.waitForExit() == 0)
    #expect(shell.terminal.transcript.contains("Leave the shell"))
    let history = try shell.history()
    #expect(history.contains(":help\n"))
    #expect(history.contains(":quit\n"))
  }

  @Test("Ctrl-D on an empty line leaves the shell")
  func controlD() throws {
    let shell = try Fixture(term: "dumb")
    shell.expectOutput("quiver> ")
    shell.terminal.send("\u{04}")
    #expect(shell.terminal.waitForExit() == 0)
  }

  @Test("an unknown command is reported and the shell carries on")
  func unknownCommand() throws {
    let shell = try Fixture()
    shell.expectOutput("quiver> ")
    shell.terminal.send(":frobnicate\r")
    shell.expectOutput("Unknown command ':frobnicate'")
    shell.expectOutput("quiver> ", count: 2)
    shell.terminal.send(":exit\r")
    #expect(shell.terminal.waitForExit() == 0)
  }

  @Test(
    "a multi-line statement runs at its semicolon and the up arrow runs it again",
    .tags(.engine))
  func multiLineAndHistory() throws {
    let shell = try Fixture()
    let terminal = shell.terminal
    let table = """
      ┌───┐
      │ x │
      ├───┤
      │ 1 │
      └───┘
      1 row (
      """
    shell.expectOutput("quiver> ")
    terminal.send("RETURN\r")
    shell.expectOutput("   ...> ")
    terminal.send("1 AS x;\r")
    shell.expectOutput(table)
    shell.expectOutput("quiver> ", count: 2)
    terminal.send("\u{1b}[A")
    shell.expectOutput("RETURN 1 AS x;")
    terminal.send("\r")
    shell.expectOutput(table, count: 2)
    shell.expectOutput("quiver> ", count: 3)
    terminal.send("\u{04}")
    #expect(terminal.waitForExit() == 0)
    let history = try shell.history()
    #expect(history.contains("RETURN 1 AS x;\n"))
  }

  @Test("an error shows a caret and the shell carries on", .tags(.engine))
  func errorThenContinue() throws {
    let shell = try Fixture(term: "dumb")
    let terminal = shell.terminal
    shell.expectOutput("quiver> ")
    terminal.send("RETURN nope;\r")
    shell.expectOutput("1:8: SyntaxError: ")
    shell.expectOutput("  RETURN nope;\n         ^\n")
    shell.expectOutput("quiver> ", count: 2)
    terminal.send("RETURN 2 AS y;\r")
    shell.expectOutput("+---+\n| y |\n+---+\n| 2 |\n+---+\n1 row (")
    terminal.send(":quit\r")
    #expect(terminal.waitForExit() == 0)
  }
}
