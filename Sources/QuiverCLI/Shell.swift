// The interactive shell started by a bare `quiver` on a terminal: a `quiver> ` prompt, a
// `   ...> ` prompt while a statement is unfinished, line editing and history, results as
// tables with timing, errors with a caret, and the `:help` / `:quit` meta-commands.
import Quiver
import QuiverShellSupport

/// The read-run-print loop for a user at a terminal.
final class Shell {
  static let prompt = "quiver> "
  static let continuationPrompt = "   ...> "

  let session: Session
  let editor: LineEditor

  init(session: Session, editor: LineEditor) {
    self.session = session
    self.editor = editor
  }

  /// Runs until `:quit`, `:exit` or Ctrl-D. Errors are shown and the shell carries on.
  func run() {
    Console.write(
      "Quiver \(QuiverCommand.version) interactive shell. "
        + "Type :help for help, :quit or Ctrl-D to leave.\n")
    var buffer = StatementBuffer(numbering: .perEntry)
    while true {
      let prompt = buffer.isEmpty ? Self.prompt : Self.continuationPrompt
      let line: String
      switch editor.read(prompt: prompt) {
      case .line(let text):
        line = text
      case .interrupt:
        Console.write("\n")
        buffer.clear()
        continue
      case .endOfInput:
        Console.write("\n")
        return
      }
      if buffer.isEmpty, let command = MetaCommand.parse(line) {
        editor.addHistory(line.trimmingWhitespace())
        switch session.perform(command) {
        case .proceed: continue
        case .quit: return
        case .failed(let message):
          Console.error(message + "\n\n")
          continue
        }
      }
      let update = buffer.append(line)
      if let lines = update.completedLines, let entry = HistoryEntry.join(lines) {
        editor.addHistory(entry)
      }
      run(update)
    }
  }

  /// Runs what one line completed, stopping at the first error of the entry.
  private func run(_ update: StatementBuffer.Update) {
    for statement in update.statements {
      do {
        try session.run(statement)
      } catch {
        let report = ErrorReport.render(
          error, statement: statement, source: update.source, firstLine: update.firstLine,
          origin: nil)
        Console.error(report + "\n\n")
        return
      }
    }
  }
}
