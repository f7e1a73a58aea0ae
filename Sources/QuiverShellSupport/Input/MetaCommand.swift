// The shell's own commands, written with a leading colon (`:help`, `:quit`) at the start of a
// statement, as opposed to Cypher. Parsing only; the shell and the piped-input runner act on
// them.

/// A command to the shell rather than to the database.
package enum MetaCommand: Equatable, Sendable {
  /// `:help`: list the commands.
  case help
  /// `:quit` or `:exit`: leave.
  case quit
  /// `:params`: list the parameters that are set.
  case listParameters
  /// `:param NAME => EXPRESSION`: set `$NAME` to the value of a Cypher expression.
  case setParameter(name: String, expression: String)
  /// A `:param` without `NAME => EXPRESSION`; carries the usage line.
  case malformed(usage: String)
  /// A word after `:` that names no command.
  case unknown(String)

  /// The command on `line`, or nil when the line does not start with `:` (it is Cypher).
  /// A trailing `;` is ignored, so `:quit;` works too.
  package static func parse(_ line: String) -> MetaCommand? {
    var text = line.trimmingWhitespace()
    guard text.hasPrefix(":") else { return nil }
    if text.hasSuffix(";") { text = String(text.dropLast()).trimmingWhitespace() }
    let word = String(text.prefix { !$0.isWhitespace })
    let rest = String(text.dropFirst(word.count)).trimmingWhitespace()
    switch word {
    case ":help", ":h", ":?": return .help
    case ":quit", ":exit", ":q": return .quit
    case ":params": return .listParameters
    case ":param": return parameter(rest)
    default: return .unknown(word)
    }
  }

  private static let parameterUsage = "usage: :param NAME => EXPRESSION"

  private static func parameter(_ text: String) -> MetaCommand {
    guard let arrow = text.firstRange(of: "=>") else { return .malformed(usage: parameterUsage) }
    var name = String(text[..<arrow.lowerBound]).trimmingWhitespace()
    if name.hasPrefix("$") { name.removeFirst() }
    if name.count >= 2, name.hasPrefix("`"), name.hasSuffix("`") {
      name = String(name.dropFirst().dropLast())
    }
    let expression = String(text[arrow.upperBound...]).trimmingWhitespace()
    guard !name.isEmpty, !expression.isEmpty else { return .malformed(usage: parameterUsage) }
    return .setParameter(name: name, expression: expression)
  }

  /// What `:help` prints.
  package static let helpText = """
    Type Cypher statements ending with ';'. A statement may span several lines: the
    prompt turns into '   ...>' until its ';' arrives.

    Commands, typed at the start of a statement:
      :help                   Show this help
      :param NAME => EXPR     Set the parameter $NAME to the value of a Cypher expression
      :params                 List the parameters that are set
      :quit, :exit            Leave the shell (Ctrl-D also works)

    The up and down arrows walk through earlier statements. History is kept in
    ~/.quiver_history; set QUIVER_HISTORY to use another file, or to "" for none.
    """
}

extension String {
  /// The string without leading and trailing white space and line breaks.
  package func trimmingWhitespace() -> String {
    var text = Substring(self)
    while let first = text.first, first.isWhitespace { text.removeFirst() }
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return String(text)
  }
}
