// Runs whole scripts (files given to `quiver run`, the text of `quiver -c`) statement by
// statement, printing each result and stopping at the first error, which is reported at its
// line and column in the script.
import Quiver
import QuiverShellSupport

/// Runs complete scripts in a session.
struct ScriptRunner {
  let session: Session

  /// Runs the statements of `script` in order; a last statement may omit its `;`. On the first
  /// error, prints `origin:line:col: Category: message` and a caret to standard error and
  /// returns false.
  func run(_ script: String, origin: String) -> Bool {
    let split = Database.split(script: script)
    var statements = split.statements
    if let remainder = split.remainder { statements.append(remainder) }
    for statement in statements where !statement.isBlank {
      do {
        try session.run(statement)
      } catch {
        Console.error(
          ErrorReport.render(error, statement: statement, source: script, origin: origin))
        return false
      }
    }
    return true
  }
}
