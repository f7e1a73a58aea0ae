// The options every way of running statements shares (`quiver`, `quiver -c`, `quiver run`):
// the result format, timing, a per-statement timeout and `--param` values. Also opens the
// database session they configure.
import ArgumentParser
import Foundation
import Quiver
import QuiverExchange
import QuiverShellSupport

extension OutputFormat: ExpressibleByArgument {}

/// `--format`, `--timing` / `--no-timing`, `--notifications` / `--no-notifications`, `--timeout`, `--param`.
struct SessionOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "How results are written: table, csv, tsv, json (one array per result), jsonl (one object per line) or markdown.",
      valueName: "format"))
  var format: OutputFormat = .table

  @Flag(
    inversion: .prefixedNo,
    help: "Show how long each statement took. (default: on in the interactive shell only)")
  var timing: Bool?

  @Flag(
    inversion: .prefixedNo,
    help:
      "Show warnings about each statement, such as unknown labels or cartesian products, on standard error. (default: on in the interactive shell only)"
  )
  var notifications: Bool?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Stop any statement that runs longer than this many seconds.", valueName: "seconds"))
  var timeout: Double?

  @Option(
    name: .customLong("param"),
    help: ArgumentHelp(
      "Bind $name to value: a number, true, false, null, a quoted string or a list or map in Cypher notation ([1, 2]), else the text as a string. Repeatable.",
      valueName: "name=value"))
  var parameters: [String] = []

  @Option(
    name: .customLong("db"),
    help: ArgumentHelp("Open (or create) the database in this directory instead of in memory.", valueName: "directory"))
  var databasePath: String?

  @Option(
    name: .customLong("import-dir"),
    help: ArgumentHelp(
      "The directory LOAD CSV reads file:/// URLs in. (default: the database directory's import/, or the current directory in memory)",
      valueName: "directory"))
  var importDirectory: String?

  @Flag(
    name: .customLong("accept-lost-transactions"),
    help: "Open a database directory whose write-ahead log was deleted or cut short, keeping what is left.")
  var acceptsLostTransactions = false

  func validate() throws {
    if let timeout, SecondsArgument.duration(timeout) == nil {
      throw ValidationError("--timeout takes \(SecondsArgument.requirement).")
    }
    if let bad = parameters.first(where: { ParameterArgument($0) == nil }) {
      throw ValidationError("--param takes name=value, not '\(bad)'.")
    }
  }

  /// Opens a database and the session that prints its results. `interactive` is true for the
  /// shell: timing on by default, a blank line after each result, colours on a terminal.
  func makeSession(interactive: Bool, path: String? = nil) throws -> Session {
    let database: Database
    do {
      if let path = path ?? databasePath {
        database = try Database(path: path, options: DatabaseOptions(acceptsLostTransactions: acceptsLostTransactions))
        for warning in database.recoveryWarnings { Console.error("quiver: \(warning)") }
      } else {
        database = try Database()
        database.importDirectory = FileManager.default.currentDirectoryPath
      }
    } catch {
      Console.error("quiver: cannot open the database: \(error)")
      throw ExitCode(1)
    }
    if let importDirectory { database.importDirectory = importDirectory }
    database.registerExportProcedures()
    let environment = ProcessInfo.processInfo.environment
    let renderer = ResultRenderer(
      format: format,
      tableStyle: Console.tableStyle(environment: environment),
      showsTiming: timing ?? interactive,
      usesColor: Console.outputIsTerminal && ANSI.allowed(environment: environment))
    let session = Session(
      database: database, renderer: renderer, spacesAfterResults: interactive, interactive: interactive)
    session.timeout = timeout.flatMap(SecondsArgument.duration)
    session.showsNotifications = notifications ?? interactive
    for argument in parameters.compactMap(ParameterArgument.init) {
      guard argument.isLiteral else {
        session.parameters[argument.name] = .string(argument.value)
        continue
      }
      do {
        session.parameters[argument.name] = try session.evaluate(argument.value, for: argument.name)
      } catch {
        Console.error("quiver: --param \(argument.name): \(error.message)")
        throw ExitCode(2)
      }
    }
    return session
  }
}
