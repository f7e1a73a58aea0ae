// The shell's own commands, written with a leading colon (`:help`, `:begin`) at the start of a
// statement, as opposed to Cypher. Parsing only; the shell and the script runners act on them.
// What each command does is described in HelpText.

/// A command to the shell rather than to the database.
package enum MetaCommand: Equatable, Sendable {
  /// `:help [TOPIC]`: list the commands, or explain one.
  case help(topic: String?)
  /// `:quit` or `:exit`: leave.
  case quit
  /// `:begin`, `:commit`, `:rollback`: an explicit transaction.
  case begin
  case commit
  case rollback
  /// `:params`: list the parameters that are set.
  case listParameters
  /// `:param NAME => EXPRESSION`: set `$NAME` to the value of a Cypher expression.
  case setParameter(name: String, expression: String)
  /// `:clear params`: forget all parameters.
  case clearParameters
  /// `:source FILE`: run the statements and commands of a file.
  case source(path: String)
  /// `:format NAME`: how results are written.
  case format(OutputFormat)
  /// `:timing on|off`.
  case timing(Bool)
  /// `:notifications on|off`: show the warnings and hints statements raise.
  case notifications(Bool)
  /// `:explain [on|off]`, `:profile [on|off]`: prefix statements with EXPLAIN / PROFILE; nil
  /// toggles.
  case explain(Bool?)
  case profile(Bool?)
  /// `:history`: the numbered history.
  case history
  /// `:schema`: labels, relationship types and property keys with counts.
  case schema
  /// `:checkpoint`: write a snapshot of an on-disk database and empty its log.
  case checkpoint
  /// `:timeout SECONDS|off`: bound each query's running time.
  case timeout(Duration?)
  /// `:export dot|mermaid FILE`: write the graph of the last result.
  case export(GraphExportFormat, path: String)
  /// A command with wrong arguments; carries the usage line.
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
    let argument = rest.lowercased()
    switch word.lowercased() {
    case ":help", ":h", ":?": return .help(topic: rest.isEmpty ? nil : rest)
    case ":quit", ":exit", ":q": return .quit
    case ":begin": return rest.isEmpty ? .begin : .malformed(usage: "usage: :begin")
    case ":commit": return rest.isEmpty ? .commit : .malformed(usage: "usage: :commit")
    case ":rollback": return rest.isEmpty ? .rollback : .malformed(usage: "usage: :rollback")
    case ":params": return .listParameters
    case ":param": return parameter(rest)
    case ":clear":
      return argument == "params" || argument == "parameters"
        ? .clearParameters : .malformed(usage: "usage: :clear params")
    case ":source":
      return rest.isEmpty ? .malformed(usage: "usage: :source FILE") : .source(path: unquoted(rest))
    case ":format":
      guard let format = OutputFormat(rawValue: argument) else {
        return .malformed(usage: "usage: :format " + OutputFormat.names)
      }
      return .format(format)
    case ":timing":
      guard let flag = onOff(argument) else { return .malformed(usage: "usage: :timing on|off") }
      return .timing(flag)
    case ":notifications":
      guard let flag = onOff(argument) else { return .malformed(usage: "usage: :notifications on|off") }
      return .notifications(flag)
    case ":explain", ":profile":
      let flag = onOff(argument)
      guard argument.isEmpty || flag != nil else {
        return .malformed(usage: "usage: \(word.lowercased()) [on|off]")
      }
      return word.lowercased() == ":explain" ? .explain(flag) : .profile(flag)
    case ":history": return .history
    case ":schema": return .schema
    case ":checkpoint": return rest.isEmpty ? .checkpoint : .malformed(usage: "usage: :checkpoint")
    case ":timeout": return timeout(argument)
    case ":export": return export(rest)
    default: return .unknown(word)
    }
  }

  private static let parameterUsage = "usage: :param NAME => EXPRESSION"

  private static func parameter(_ text: String) -> MetaCommand {
    guard let arrow = text.firstRange(of: "=>") else { return .malformed(usage: parameterUsage) }
    let name = parameterName(String(text[..<arrow.lowerBound]))
    let expression = String(text[arrow.upperBound...]).trimmingWhitespace()
    guard !name.isEmpty, !expression.isEmpty else { return .malformed(usage: parameterUsage) }
    return .setParameter(name: name, expression: expression)
  }

  /// A parameter name as written after `:param`: without `$` and backquotes.
  package static func parameterName(_ text: String) -> String {
    var name = text.trimmingWhitespace()
    if name.hasPrefix("$") { name.removeFirst() }
    if name.count >= 2, name.hasPrefix("`"), name.hasSuffix("`") {
      name = String(name.dropFirst().dropLast())
    }
    return name
  }

  private static func onOff(_ word: String) -> Bool? {
    switch word {
    case "on", "true", "yes": return true
    case "off", "false", "no": return false
    default: return nil
    }
  }

  private static func timeout(_ argument: String) -> MetaCommand {
    if argument == "off" || argument == "none" { return .timeout(nil) }
    guard let seconds = Double(argument), let duration = SecondsArgument.duration(seconds) else {
      return .malformed(usage: "usage: :timeout SECONDS|off (\(SecondsArgument.requirement))")
    }
    return .timeout(duration)
  }

  private static func export(_ text: String) -> MetaCommand {
    let usage = MetaCommand.malformed(usage: "usage: :export dot|mermaid FILE")
    let format = String(text.prefix { !$0.isWhitespace })
    let path = unquoted(String(text.dropFirst(format.count)).trimmingWhitespace())
    guard let kind = GraphExportFormat(rawValue: format.lowercased()), !path.isEmpty else { return usage }
    return .export(kind, path: path)
  }

  /// `text` without one pair of surrounding single or double quotes.
  private static func unquoted(_ text: String) -> String {
    for quote in ["'", "\""] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
      return String(text.dropFirst().dropLast())
    }
    return text
  }
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
