// What every way of running Quiver shares: one database, the parameters set with `:param`,
// and how results are printed. Scripts, piped input and the shell all run statements and
// meta-commands through a session.
import Quiver
import QuiverShellSupport

/// The database a CLI invocation works on, with its parameters and output settings.
final class Session {
  let database: Database
  let renderer: ResultRenderer
  /// Whether results are followed by a blank line (the shell) rather than separated by one.
  let spacesAfterResults: Bool
  /// Values bound to `$name` in every statement, set with `:param`.
  private(set) var parameters: [String: Value] = [:]
  private var hasPrinted = false

  init(database: Database, renderer: ResultRenderer, spacesAfterResults: Bool) {
    self.database = database
    self.renderer = renderer
    self.spacesAfterResults = spacesAfterResults
  }

  /// Runs one statement and prints its result. A failure is thrown, not printed: callers know
  /// where the statement came from and report the error there.
  func run(_ statement: ScriptStatement) throws {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try database.execute(statement.text, parameters: parameters)
    let text = renderer.render(result, elapsed: start.duration(to: clock.now))
    if renderer.format != .table {
      Console.write(text)
    } else if spacesAfterResults {
      Console.write(text + "\n")
    } else {
      Console.write((hasPrinted ? "\n" : "") + text)
    }
    hasPrinted = true
    // Piped output is block-buffered; flush so results stream as statements finish.
    Console.flush()
  }

  /// What a meta-command asks of its caller.
  enum MetaOutcome: Equatable {
    case proceed
    case quit
    /// The command failed; the message says why.
    case failed(String)
  }

  /// Carries out `command`, printing what it shows.
  func perform(_ command: MetaCommand) -> MetaOutcome {
    switch command {
    case .help:
      Console.write(MetaCommand.helpText + "\n")
      return .proceed
    case .quit:
      return .quit
    case .listParameters:
      for name in parameters.keys.sorted() {
        Console.write(Self.parameterLine(name, parameters[name] ?? .null) + "\n")
      }
      return .proceed
    case .setParameter(let name, let expression):
      return setParameter(name, to: expression)
    case .malformed(let usage):
      return .failed(usage)
    case .unknown(let word):
      return .failed("Unknown command '\(word)'; type :help for the list of commands")
    }
  }

  /// Evaluates `expression` with `RETURN` and binds the value to `$name`.
  private func setParameter(_ name: String, to expression: String) -> MetaOutcome {
    let query = "RETURN " + expression
    do {
      let result = try database.execute(query, parameters: parameters)
      guard let value = result.rows.first?.first, result.rows.count == 1 else {
        return .failed("Cannot set $\(name): the expression must give exactly one value")
      }
      parameters[name] = value
      Console.write(Self.parameterLine(name, value) + "\n")
      return .proceed
    } catch {
      let statement = ScriptStatement(text: query, start: .start)
      let report = ErrorReport.render(error, statement: statement, source: query, origin: nil)
      return .failed("Cannot set $\(name): " + report)
    }
  }

  /// `:param name => value`, the way `:params` lists a parameter.
  private static func parameterLine(_ name: String, _ value: Value) -> String {
    ":param \(CypherNotation.name(name)) => \(CypherNotation.literal(value))"
  }
}
