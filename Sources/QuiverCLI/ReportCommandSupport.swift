// What the `quiver report` subcommands share: the options naming the graph (--db or --script),
// its filters, the format and the output file; opening the graph; computing a report on a
// worker thread with a progress line on a terminal; and writing the report out. Usage errors
// are one line on standard error and exit 2; a graph that cannot be read or a report that
// cannot be computed or written exit 1.
import ArgumentParser
import Foundation
import GraphCore
import Quiver
import QuiverShellSupport

/// The options every report takes.
struct ReportGraphOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp("Report on the database in this directory (opened read-only).", valueName: "directory"))
  var databasePath: String?

  @Option(help: ArgumentHelp("Report on the graph this Cypher script builds in memory ('-' for standard input).", valueName: "file"))
  var script: String?

  @Option(help: ArgumentHelp("text, csv, json or html.", valueName: "format"))
  var format = ReportFormat.text.rawValue

  @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Option(name: .customLong("label"), help: ArgumentHelp("Only nodes with this label. Repeatable.", valueName: "label"))
  var labels: [String] = []

  @Option(
    name: .customLong("relationship-type"),
    help: ArgumentHelp("Only relationships of this type. Repeatable.", valueName: "type"))
  var relationshipTypes: [String] = []

  @Option(help: ArgumentHelp("The node property shown for each node (default: name, else the first).", valueName: "key"))
  var displayProperty: String?

  @Option(
    help: ArgumentHelp(
      "The html format draws the graph up to N nodes; beyond, the N highest-scored and the relationships among them.",
      valueName: "N"))
  var drawLimit = "2000"

  /// The format, or the first thing wrong with the graph options.
  func parsedFormat() throws(ReportError) -> ReportFormat {
    switch (databasePath, script) {
    case (nil, nil): throw ReportError("give the graph with --db <directory> or --script <file>")
    case (.some, .some): throw ReportError("give either --db or --script, not both")
    default: break
    }
    guard let parsed = ReportFormat(rawValue: format.lowercased()) else {
      throw ReportError("unknown format '\(format)'; valid: \(ReportCLI.names(ReportFormat.self))")
    }
    return parsed
  }

  /// The --draw-limit value.
  func parsedDrawLimit() throws(ReportError) -> Int {
    guard let limit = Int(drawLimit), limit >= 0 else {
      throw ReportError("--draw-limit takes a whole number of at least 0, not '\(drawLimit)'")
    }
    return limit
  }

  /// The database at --db, read-only, or a fresh one the --script has built.
  func openGraph() throws -> Database {
    if let databasePath {
      do {
        let database = try Database(path: databasePath, readOnly: true)
        for warning in database.recoveryWarnings { Console.error("quiver: \(warning)") }
        return database
      } catch {
        Console.error("quiver: cannot open the database: \(error)")
        throw ExitCode(1)
      }
    }
    let path = script ?? "-"
    let text: String
    do {
      text = try RunCommand.read(path)
    } catch {
      Console.error("quiver: cannot read '\(path)': \(error.reason)")
      throw ExitCode(1)
    }
    let database: Database
    do {
      database = try Database()
    } catch {
      Console.error("quiver: cannot open the database: \(error)")
      throw ExitCode(1)
    }
    let session = Session(database: database, renderer: ResultRenderer(), spacesAfterResults: false, interactive: false)
    session.printsResults = false
    session.sourceDirectories = path == "-" ? [] : [(path as NSString).deletingLastPathComponent]
    let outcome = ScriptRunner(host: session).run(text, origin: path == "-" ? "<stdin>" : path)
    session.rollBackOpenTransaction()
    if outcome != .completed(failures: 0) && outcome != .quit { throw ExitCode(1) }
    return session.database
  }

  /// Runs a report subcommand: its settings from `parse` (exit 2 when wrong), the graph opened,
  /// the report computed by `compute` with the progress line, and written in the format.
  func run<Options: Sendable, Report: Sendable>(
    _ parse: () throws(ReportError) -> (options: Options, format: ReportFormat),
    compute: @escaping @Sendable (
      Database, Options, _ progress: @escaping CentralityReport.Progress, _ work: @escaping @Sendable (AlgorithmProgress) -> Void
    ) throws -> Report,
    render: (ReportFormat, Report, TableFormatter.Style) -> String
  ) throws {
    let settings = try ReportCLI.usage(parse)
    let database = try openGraph()
    let options = settings.options
    let report = try ReportCLI.compute { progress, work in try compute(database, options, progress, work) }
    try emit(render(settings.format, report, tableStyle))
  }

  /// The table style of the text format: the terminal's on standard output, ASCII in files.
  var tableStyle: TableFormatter.Style {
    output == nil ? Console.tableStyle(environment: ProcessInfo.processInfo.environment) : .ascii
  }

  /// Writes `text` to --output, or to standard output without one.
  func emit(_ text: String) throws {
    guard let output else {
      Console.write(text)
      Console.flush()
      return
    }
    do {
      try ReportCLI.write(text, to: output)
    } catch {
      Console.error("quiver: cannot write '\(output)': \(error.message)")
      throw ExitCode(1)
    }
  }
}

/// Running a report's computation and writing files, for every report subcommand.
enum ReportCLI {
  /// Step reports of a computation: the step's name, its position and the number of steps.
  typealias Step = (name: String, position: Int, count: Int, work: AlgorithmProgress?)

  /// The report `body` computes on a worker thread; on a terminal a line on standard error
  /// names the step being computed and, for the long ones, the part done and the time left.
  /// A `ReportError` (an end node not found) is printed as it is; other errors as a failed
  /// computation; both exit 1.
  static func compute<T: Sendable>(
    _ body: @escaping @Sendable (
      _ progress: @escaping CentralityReport.Progress, _ work: @escaping @Sendable (AlgorithmProgress) -> Void
    ) throws -> T
  ) throws -> T {
    let step = Locked<Step?>(nil)
    let showsProgress = Console.errorIsTerminal
    do {
      let report = try QueryExecution.onWorker({
        try body(
          { name, position, count in step.withLock { $0 = (name, position, count, nil) } },
          { work in step.withLock { $0?.work = work } })
      }) { elapsed in
        guard showsProgress, let current = step.withLock({ $0 }) else { return nil }
        return ProgressLine.frame(
          step: current.name, position: current.position, count: current.count, elapsed: elapsed, work: current.work)
      }
      guard let report else { throw ReportError("the computation ended without a result") }
      return report
    } catch let error as ReportError {
      Console.error("quiver: \(error.message)")
      throw ExitCode(1)
    } catch {
      Console.error("quiver: cannot compute the report: \(error)")
      throw ExitCode(1)
    }
  }

  /// The settings `parse` gives, or exit 2 with its message.
  static func usage<T>(_ parse: () throws(ReportError) -> T) throws -> T {
    do {
      return try parse()
    } catch {
      Console.error("quiver: \(error.message)")
      throw ExitCode(2)
    }
  }

  static func names<T: CaseIterable & RawRepresentable>(_: T.Type) -> String where T.RawValue == String {
    T.allCases.map(\.rawValue).joined(separator: ", ")
  }

  /// A whole number of at least 1 given to `option`.
  static func positive(_ text: String, _ option: String) throws(ReportError) -> Int {
    guard let count = Int(text), count > 0 else { throw ReportError("\(option) takes a whole number of at least 1, not '\(text)'") }
    return count
  }

  /// Writes `text` to the file at `path`, replacing it; the error says why not in the system's
  /// words ("No such file or directory", "Is a directory").
  static func write(_ text: String, to path: String) throws(ReportError) {
    guard let file = fopen(path, "w") else { throw ReportError(String(cString: strerror(errno))) }
    let bytes = Array(text.utf8)
    let written = fwrite(bytes, 1, bytes.count, file)
    let failure = written == bytes.count ? nil : errno
    guard fclose(file) == 0, failure == nil else { throw ReportError(String(cString: strerror(failure ?? errno))) }
  }
}
