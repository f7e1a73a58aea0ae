// Batch mode for `quiver < script.cypher` and `generate | quiver`: statements are read from
// standard input without prompts or banners and each runs as soon as its `;` arrives, so
// output streams. The first error stops the run and is reported as `<stdin>:line:col`.
import Quiver
import QuiverShellSupport

/// Runs the statements arriving on a standard input that is not a terminal.
struct PipedInputRunner {
  let session: Session
  /// How the input is named in error messages.
  var origin = "<stdin>"

  /// Reads and runs statements until the input ends or `:quit`; returns false after printing
  /// the first error.
  func run() -> Bool {
    var buffer = StatementBuffer(numbering: .continuous)
    var lineNumber = 0
    while let line = readLine(strippingNewline: true) {
      lineNumber += 1
      if buffer.isEmpty, let command = MetaCommand.parse(line) {
        buffer.skip(line)
        switch session.perform(command) {
        case .proceed: continue
        case .quit: return true
        case .failed(let message):
          Console.error("\(origin):\(lineNumber): \(message)")
          return false
        }
      }
      guard run(buffer.append(line)) else { return false }
    }
    if let last = buffer.finish() { return run(last) }
    return true
  }

  /// Runs the statements of one update, reporting the first error against its source.
  private func run(_ update: StatementBuffer.Update) -> Bool {
    for statement in update.statements {
      do {
        try session.run(statement)
      } catch {
        Console.error(
          ErrorReport.render(
            error, statement: statement, source: update.source, firstLine: update.firstLine,
            origin: origin))
        return false
      }
    }
    return true
  }
}
