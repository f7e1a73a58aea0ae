// The interactive shell started by a bare `quiver` on a terminal: a `quiver> ` prompt (and
// `quiver(tx)> ` inside a transaction), a `...> ` prompt while a statement is unfinished,
// line editing, completion and history, results as tables with timing, errors with a caret,
// and the meta-commands. Ctrl-C cancels a running statement or clears the input.
import Quiver
import QuiverShellSupport

/// The read-run-print loop for a user at a terminal.
final class Shell {
  static let prompt = "quiver> "
  static let transactionPrompt = "quiver(tx)> "

  let session: Session
  let editor: LineEditor

  init(session: Session, editor: LineEditor) {
    self.session = session
    self.editor = editor
    session.history = { [editor] in editor.entries() }
    editor.vocabulary = { [session] in Self.vocabulary(session) }
  }

  /// The prompt for the next line: the primary one, or `...> ` aligned under it.
  private func prompt(continuing: Bool) -> String {
    let primary = !session.isInTransaction ? Self.prompt : Self.transactionPrompt
    guard continuing else { return primary }
    return String(repeating: " ", count: primary.count - 5) + "...> "
  }

  /// Runs until `:quit`, `:exit` or Ctrl-D. Errors are shown and the shell carries on; an
  /// open transaction is rolled back on the way out.
  func run() {
    Interrupt.install()
    Console.write(
      "Quiver \(QuiverCommand.version) interactive shell. "
        + "Type :help for help, :quit or Ctrl-D to leave.\n")
    loop()
    session.rollBackOpenTransaction()
    editor.save()
  }

  private func loop() {
    var buffer = StatementBuffer(numbering: .perEntry)
    while true {
      let line: String
      switch editor.read(prompt: prompt(continuing: !buffer.isEmpty)) {
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
        try session.run(statement, source: update.source, firstLine: update.firstLine, origin: nil)
      } catch {
        let report = ErrorReport.render(
          error, statement: statement, source: update.source, firstLine: update.firstLine,
          origin: nil)
        Console.error(report + "\n\n")
        return
      }
    }
  }

  /// What Tab completes from: the live schema, procedures and the session's parameters.
  private static func vocabulary(_ session: Session) -> CompletionVocabulary {
    let schema = session.database.schema
    return CompletionVocabulary(
      labels: schema.labels.map(\.name), relationshipTypes: schema.relationshipTypes.map(\.name),
      propertyKeys: schema.propertyKeys, procedures: session.database.procedures.map(\.name),
      parameters: Array(session.parameters.keys))
  }
}
