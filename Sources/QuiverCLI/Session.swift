// What every way of running Quiver shares: one database, the open transaction, the parameters
// set with `:param`, and the settings that shape how statements run and print (format, timing,
// EXPLAIN/PROFILE mode, timeout). Scripts, piped input and the shell all go through a session.
import Foundation
import Quiver
import QuiverShellSupport

/// The database a CLI invocation works on, with its transaction, parameters and settings.
final class Session {
  /// Whether statements are prefixed with EXPLAIN or PROFILE (`:explain`, `:profile`).
  enum PlanMode: Equatable {
    case off
    case explain
    case profile
  }

  let database: Database
  var renderer: ResultRenderer
  /// Whether results are followed by a blank line (the shell) rather than separated by one.
  let spacesAfterResults: Bool
  /// Whether Ctrl-C cancels statements and a spinner shows on long ones (the shell).
  let interactive: Bool
  /// Values bound to `$name` in every statement, set with `:param` and `--param`.
  var parameters: [String: Value] = [:]
  /// The transaction opened with `:begin`, if any.
  private(set) var transaction: Transaction?
  /// The bound on each statement's running time (`:timeout`, `--timeout`).
  var timeout: Duration?
  var planMode = PlanMode.off
  /// The last result that had columns, for `:export`.
  var lastResult: QueryResult?
  /// The numbered history, when a line editor keeps one.
  var history: (() -> [String])?
  /// The directories of the script files being run, innermost last; relative `:source`
  /// paths are resolved against the last.
  var sourceDirectories: [String] = []
  /// How many `:source` files are nested right now.
  var sourceDepth = 0
  /// Whether statement results and what commands show are printed; off when a script only
  /// builds a graph (`quiver report --script`). Errors are reported either way.
  var printsResults = true
  private var hasPrinted = false

  static let maximumSourceDepth = 10

  init(database: Database, renderer: ResultRenderer, spacesAfterResults: Bool, interactive: Bool) {
    self.database = database
    self.renderer = renderer
    self.spacesAfterResults = spacesAfterResults
    self.interactive = interactive
  }

  /// Runs one statement (in the open transaction, if any) and prints its result. A failure is
  /// thrown, not printed: callers know where the statement came from and report it there.
  func run(_ statement: ScriptStatement) throws {
    let prefix: String
    switch planMode {
    case .off: prefix = ""
    case .explain: prefix = "EXPLAIN "
    case .profile: prefix = "PROFILE "
    }
    let text = StatementPrefix.apply(prefix, to: statement.text)
    let added = text.count - statement.text.count
    let clock = ContinuousClock()
    let start = clock.now
    let result: QueryResult
    do {
      result = try execute(text)
    } catch {
      throw StatementPrefix.unshift(error, by: added)
    }
    if !result.columns.isEmpty { lastResult = result }
    if printsResults { print(result, elapsed: start.duration(to: clock.now)) }
  }

  /// Runs `text` with the session's parameters and timeout, in the transaction when one is
  /// open; interruptible in the shell.
  func execute(_ text: String) throws -> QueryResult {
    let parameters = parameters
    let timeout = timeout
    if let transaction {
      let handoff = Handoff(value: transaction)
      return try QueryExecution.run(showsProgress: showsProgress) { token in
        try handoff.value.execute(text, parameters: parameters, timeout: timeout, cancellation: token)
      }
    }
    let database = database
    return try QueryExecution.run(showsProgress: showsProgress) { token in
      try database.execute(text, parameters: parameters, timeout: timeout, cancellation: token)
    }
  }

  private var showsProgress: Bool { interactive && Console.errorIsTerminal }

  /// Prints a result in the current format.
  private func print(_ result: QueryResult, elapsed: Duration) {
    var renderer = renderer
    if interactive { renderer.maxWidth = Console.terminalWidth }
    let text = renderer.render(result, elapsed: elapsed)
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

  /// `:begin`: opens a transaction; fails when one is open.
  func begin() throws(SessionError) {
    guard transaction == nil else { throw SessionError("A transaction is already open; :commit or :rollback it first") }
    transaction = database.beginTransaction()
  }

  /// `:commit`: publishes the open transaction's changes.
  func commit() throws(SessionError) -> QueryStatistics {
    guard let transaction else { throw SessionError("No transaction is open; :begin starts one") }
    self.transaction = nil
    do {
      try transaction.commit()
    } catch {
      throw SessionError("Cannot commit: \(error)")
    }
    return transaction.statistics
  }

  /// `:rollback`: throws the open transaction's changes away.
  func rollback() throws(SessionError) {
    guard let transaction else { throw SessionError("No transaction is open; :begin starts one") }
    self.transaction = nil
    transaction.rollback()
  }

  /// When leaving: rolls back a transaction left open and says so on standard error.
  func rollBackOpenTransaction() {
    guard let transaction else { return }
    self.transaction = nil
    transaction.rollback()
    Console.error("Rolled back the open transaction.")
  }
}

/// A meta-command that could not be carried out; the message says why.
struct SessionError: Error {
  let message: String

  init(_ message: String) {
    self.message = message
  }
}
