// Runs scripts (files given to `quiver run`, `:source` files, the text of `quiver -c`, piped
// standard input) line by line: meta-commands at the start of a statement, Cypher statements
// as their `;` arrives. Errors are reported at their line and column in the script; the first
// one stops the script unless errors are to be collected (`--continue-on-error`). What runs the
// statements and commands, and where reports go, is the host's business (`ScriptHost`).
import Quiver

/// What a meta-command asks of the script (or shell) that read it.
package enum MetaOutcome: Equatable, Sendable {
  /// The command was carried out; go on with the next line.
  case proceed
  /// `:quit` or `:exit`: stop reading, leaving the script (or shell) at once.
  case quit
  /// The command failed; the message says why.
  case failed(String)
}

/// Carries out what a script holds: the shell's session, or a test double.
package protocol ScriptHost: AnyObject {
  /// Carries out a meta-command.
  func perform(_ command: MetaCommand) -> MetaOutcome
  /// Runs one statement cut from `source` (lines `firstLine...` of the input named `origin`,
  /// for reports that point into it); a failure is thrown, to be reported against the script.
  func run(_ statement: ScriptStatement, source: String, firstLine: Int, origin: String?) throws
  /// Shows an error report (the shell writes it to standard error).
  func report(_ text: String)
}

/// Runs scripts in a host.
package struct ScriptRunner {
  /// How a script ended.
  package enum Outcome: Equatable {
    /// The input ended (or the script stopped at an error); `failures` errors were reported.
    case completed(failures: Int)
    /// A `:quit` stopped it.
    case quit
  }

  let host: any ScriptHost
  /// Whether to run on after an error, reporting every one.
  var continueOnError = false

  /// A runner whose statements and commands `host` carries out; with `continueOnError`, an error
  /// is reported and the script goes on (`--continue-on-error`) instead of stopping there.
  package init(host: any ScriptHost, continueOnError: Bool = false) {
    self.host = host
    self.continueOnError = continueOnError
  }

  /// Runs the statements of `script` in order; a last statement may omit its `;`. Errors are
  /// reported as `origin:line:col: Category: message` with a caret, failed commands as
  /// `origin:line: message`.
  package func run(_ script: String, origin: String) -> Outcome {
    // Lines end at "\n" alone, as the lexer counts them: splitting on every Unicode line break
    // turned a U+2028 or a CR inside a string literal into "\n" and put later errors on the wrong
    // line. A "\r" before the "\n" stays in the line, where it is whitespace.
    var lines = script.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).makeIterator()
    return run(origin: origin) { lines.next().map { String(decoding: $0, as: UTF8.self) } }
  }

  /// Runs the lines `nextLine` hands out until it returns nil.
  package func run(origin: String, nextLine: () -> String?) -> Outcome {
    var buffer = StatementBuffer(numbering: .continuous)
    var lineNumber = 0
    var failures = 0
    while let line = nextLine() {
      lineNumber += 1
      if buffer.isEmpty, let command = MetaCommand.parse(line) {
        buffer.skip(line)
        switch host.perform(command) {
        case .proceed: continue
        case .quit: return .quit
        case .failed(let message):
          host.report("\(origin):\(lineNumber): \(message)")
          failures += 1
          if !continueOnError { return .completed(failures: failures) }
          continue
        }
      }
      failures += run(buffer.append(line), origin: origin)
      if failures > 0 && !continueOnError { return .completed(failures: failures) }
    }
    if let last = buffer.finish() { failures += run(last, origin: origin) }
    return .completed(failures: failures)
  }

  /// Runs the statements of one update, reporting errors against its source; returns how
  /// many failed.
  private func run(_ update: StatementBuffer.Update, origin: String) -> Int {
    var failures = 0
    for statement in update.statements {
      do {
        try host.run(statement, source: update.source, firstLine: update.firstLine, origin: origin)
      } catch {
        host.report(
          ErrorReport.render(
            error, statement: statement, source: update.source, firstLine: update.firstLine,
            origin: origin))
        failures += 1
        if !continueOnError { return failures }
      }
    }
    return failures
  }
}
