// Carrying out the shell's meta-commands in a session: transactions, parameters, settings,
// `:source`, `:schema`, `:history`, `:export` and `:checkpoint`. Scripts and piped input reach
// the same code, so every command works everywhere (`:history` only where a line editor keeps one).
import Foundation
import Quiver
import QuiverShellSupport

extension Session: ScriptHost {
  /// Carries out `command`, printing what it shows.
  func perform(_ command: MetaCommand) -> MetaOutcome {
    do {
      return try carryOut(command)
    } catch {
      return .failed(error.message)
    }
  }

  private func carryOut(_ command: MetaCommand) throws(SessionError) -> MetaOutcome {
    switch command {
    case .help(let topic):
      guard let topic else {
        say(HelpText.overview)
        return .proceed
      }
      guard let text = HelpText.topic(topic) else {
        throw SessionError("No help on '\(topic)'; :help lists the commands")
      }
      say(text)
    case .quit:
      return .quit
    case .begin:
      try begin()
      note("Transaction started.")
    case .commit:
      let statistics = try commit()
      note(statistics.containsUpdates ? "Committed: \(statistics)." : "Committed.")
    case .rollback:
      try rollback()
      note("Rolled back.")
    case .listParameters:
      for name in parameters.keys.sorted() {
        say(Self.parameterLine(name, parameters[name] ?? .null))
      }
    case .setParameter(let name, let expression):
      let value = try evaluate(expression, for: name)
      parameters[name] = value
      say(Self.parameterLine(name, value))
    case .clearParameters:
      parameters = [:]
      note("Parameters cleared.")
    case .source(let path):
      return try source(path)
    case .format(let format):
      renderer.format = format
    case .timing(let on):
      renderer.showsTiming = on
    case .notifications(let on):
      showsNotifications = on
    case .explain(let on):
      planMode = (on ?? (planMode != .explain)) ? .explain : .off
      note("EXPLAIN mode " + (planMode == .explain ? "on" : "off") + ".")
    case .profile(let on):
      planMode = (on ?? (planMode != .profile)) ? .profile : .off
      note("PROFILE mode " + (planMode == .profile ? "on" : "off") + ".")
    case .history:
      guard let history else { throw SessionError(":history is only available in the interactive shell") }
      let entries = history()
      let width = String(entries.count).count
      for (index, entry) in entries.enumerated() {
        let number = String(index + 1)
        say(String(repeating: " ", count: width - number.count) + number + "  " + entry)
      }
    case .schema:
      showSchema()
    case .checkpoint:
      try checkpoint()
    case .timeout(let limit):
      timeout = limit
      note(limit.map { "Statements time out after \(ResultRenderer.duration($0))." } ?? "No timeout.")
    case .export(let format, let path):
      try export(format, to: path)
    case .malformed(let usage):
      throw SessionError(usage)
    case .unknown(let word):
      throw SessionError("Unknown command '\(word)'; type :help for the list of commands")
    }
    return .proceed
  }

  /// Writes a script's error report to standard error.
  func report(_ text: String) { Console.error(text) }

  /// Prints `text` and a line break, unless the session prints nothing.
  func say(_ text: String) {
    guard printsResults else { return }
    Console.write(text.hasSuffix("\n") ? text : text + "\n")
    Console.flush()
  }

  /// Prints a confirmation, in the shell only: scripts keep their output to results.
  private func note(_ text: String) {
    if interactive { say(text) }
  }

  /// Evaluates `expression` with `RETURN expression AS value`, in the library session.
  func evaluate(_ expression: String, for name: String) throws(SessionError) -> Value {
    let conversation = conversation
    do {
      return try QueryExecution.run(showsProgress: false) { token in
        try conversation.evaluate(expression, cancellation: token)
      }
    } catch let error as QuiverError where error.code == .notASingleValue {
      throw SessionError("Cannot set $\(name): the expression must give exactly one value")
    } catch {
      let query = "RETURN " + expression + " AS value"
      let statement = ScriptStatement(text: query, start: .start)
      let report = ErrorReport.render(error, statement: statement, source: query, origin: nil)
      throw SessionError("Cannot set $\(name): " + report)
    }
  }

  /// `:param name => value`, the way `:params` lists a parameter.
  static func parameterLine(_ name: String, _ value: Value) -> String {
    ":param \(CypherText.name(name)) => \(CypherText.literal(value))"
  }

  /// `:source FILE`: runs the file like a script, relative to the file that sources it.
  private func source(_ path: String) throws(SessionError) -> MetaOutcome {
    guard sourceDepth < Self.maximumSourceDepth else {
      throw SessionError(
        "Cannot source '\(path)': files are nested more than \(Self.maximumSourceDepth) deep (does a file source itself?)")
    }
    var resolved = (path as NSString).expandingTildeInPath
    if !resolved.hasPrefix("/"), let directory = sourceDirectories.last {
      resolved = (directory as NSString).appendingPathComponent(resolved)
    }
    let text: String
    do {
      text = try RunCommand.read(resolved)
    } catch {
      throw SessionError("Cannot source '\(path)': \(error.reason)")
    }
    sourceDirectories.append((resolved as NSString).deletingLastPathComponent)
    sourceDepth += 1
    defer {
      sourceDirectories.removeLast()
      sourceDepth -= 1
    }
    let runner = ScriptRunner(host: self, continueOnError: false)
    switch runner.run(text, origin: path) {
    case .completed(failures: 0): return .proceed
    case .completed: throw SessionError("Stopped running '\(path)' at the error above")
    case .quit: return .quit
    }
  }

  /// `:schema`: labels, types and keys with counts.
  private func showSchema() {
    let results = SchemaReport.propertyCountQueries.compactMap { try? database.execute($0, timeout: timeout) }
    let counts = results.count == SchemaReport.propertyCountQueries.count ? SchemaReport.propertyCounts(from: results) : nil
    let indexes = try? database.execute("SHOW INDEXES", timeout: timeout)
    let constraints = try? database.execute("SHOW CONSTRAINTS", timeout: timeout)
    say(SchemaReport.render(database.schema, propertyCounts: counts, indexes: indexes, constraints: constraints))
  }

  /// `:export`: writes the graph of the last result.
  private func export(_ format: GraphExportFormat, to path: String) throws(SessionError) {
    guard let lastResult else { throw SessionError("Nothing to export yet: run a query that returns nodes or relationships") }
    let graph = ResultGraph(rows: lastResult.rows)
    guard !graph.isEmpty else { throw SessionError("The last result holds no nodes or relationships to export") }
    let resolved = (path as NSString).expandingTildeInPath
    do {
      try graph.render(format).write(toFile: resolved, atomically: true, encoding: .utf8)
    } catch {
      throw SessionError("Cannot write '\(path)': \(error.localizedDescription)")
    }
    note("Wrote \(graph.nodes.count) nodes and \(graph.relationships.count) relationships to \(path).")
  }
}
