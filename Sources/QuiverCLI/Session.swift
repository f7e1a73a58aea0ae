// What every way of running Quiver from the command line shares: the library `Session` (the open
// transaction, the parameters set with `:param`, the timeout) and the settings that shape how
// statements print (format, timing, EXPLAIN/PROFILE mode). Scripts, piped input and the shell all
// go through it.
import Foundation
import Quiver
import QuiverShellSupport

/// The conversation a CLI invocation has with its database, with the settings that shape output.
final class Session {
  /// Whether statements are prefixed with EXPLAIN or PROFILE (`:explain`, `:profile`).
  enum PlanMode: Equatable {
    case off
    case explain
    case profile
  }

  /// The library session statements run in: transaction, parameters and timeout live there.
  let conversation: Quiver.Session
  var database: Database { conversation.database }
  var renderer: ResultRenderer
  /// Whether results are followed by a blank line (the shell) rather than separated by one.
  let spacesAfterResults: Bool
  /// Whether Ctrl-C cancels statements and a spinner shows on long ones (the shell).
  let interactive: Bool
  /// Values bound to `$name` in every statement, set with `:param` and `--param`.
  var parameters: [String: Value] {
    get { conversation.parameters }
    set { conversation.parameters = newValue }
  }
  /// The bound on each statement's running time (`:timeout`, `--timeout`).
  var timeout: Duration? {
    get { conversation.timeout }
    set { conversation.timeout = newValue }
  }
  /// Whether a transaction opened with `:begin` is open.
  var isInTransaction: Bool { conversation.isInTransaction }
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
  /// Whether the warnings and hints a statement raises are printed after its result
  /// (`:notifications`, `--notifications`).
  var showsNotifications = false
  private var hasPrinted = false

  static let maximumSourceDepth = 10

  init(database: Database, renderer: ResultRenderer, spacesAfterResults: Bool, interactive: Bool) {
    conversation = Quiver.Session(database: database)
    self.renderer = renderer
    self.spacesAfterResults = spacesAfterResults
    self.interactive = interactive
  }

  /// Runs one statement (in the open transaction, if any) and prints its result, then its
  /// notifications when they are shown, with carets into `source` (lines `firstLine...` of the
  /// input, named `origin`). A failure is thrown, not printed: callers know where the statement
  /// came from and report it there.
  func run(_ statement: ScriptStatement, source: String, firstLine: Int, origin: String?) throws {
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
    let notifications: [QueryNotification]
    do {
      (result, notifications) = try executeNoting(text)
    } catch {
      throw StatementPrefix.unshift(error, by: added)
    }
    if !result.columns.isEmpty { lastResult = result }
    if printsResults { print(result, elapsed: start.duration(to: clock.now)) }
    guard showsNotifications else { return }
    for notification in notifications {
      let report = NotificationReport.render(
        notification, at: notification.position.map { StatementPrefix.unshift($0, by: added) }, statement: statement,
        source: source, firstLine: firstLine, origin: origin)
      Console.warning(report)
    }
  }

  /// Runs `text` with the session's parameters and timeout, in the transaction when one is
  /// open; interruptible in the shell.
  func execute(_ text: String) throws -> QueryResult {
    try executeNoting(text).result
  }

  /// `execute(text)`, with the notifications of its summary.
  private func executeNoting(_ text: String) throws -> (result: QueryResult, notifications: [QueryNotification]) {
    let conversation = conversation
    return try QueryExecution.run(showsProgress: showsProgress) { token in
      let stream = try conversation.run(text, cancellation: token)
      let result = try stream.collect()
      return (result, stream.summary?.notifications ?? [])
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
    do {
      try conversation.begin()
    } catch let error as QuiverError where error.code == .transactionAlreadyOpen {
      throw SessionError("A transaction is already open; :commit or :rollback it first")
    } catch {
      // Waiting for another writer past the timeout (WriterBusy), or a Ctrl-C while waiting.
      throw SessionError("Cannot begin: \(error)")
    }
  }

  /// `:commit`: publishes the open transaction's changes.
  func commit() throws(SessionError) -> QueryStatistics {
    guard isInTransaction else { throw SessionError("No transaction is open; :begin starts one") }
    do {
      return try conversation.commit()
    } catch {
      throw SessionError("Cannot commit: \(error)")
    }
  }

  /// `:rollback`: throws the open transaction's changes away.
  func rollback() throws(SessionError) {
    guard isInTransaction else { throw SessionError("No transaction is open; :begin starts one") }
    conversation.reset()
  }

  /// When leaving: rolls back a transaction left open and says so on standard error.
  func rollBackOpenTransaction() {
    guard isInTransaction else { return }
    conversation.reset()
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
