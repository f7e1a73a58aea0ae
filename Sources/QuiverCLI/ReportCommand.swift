// `quiver report centrality`: computes centrality measures on a graph, either a database
// directory opened read-only (--db) or an in-memory database built by a Cypher script
// (--script), and writes the report as text, CSV, JSON or a self-contained HTML page, to a file
// (--output) or standard output. Usage errors are one line on standard error and exit 2; a graph
// that cannot be read or a report that cannot be written exit 1.
import ArgumentParser
import Foundation
import Quiver
import QuiverShellSupport
import Synchronization

/// `quiver report`: the group of report subcommands. `QuiverCommand.main` parses it as a root
/// command of its own (named `quiver report` in help), so that its --db and --format are not
/// taken by the root's options of the same names.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    _superCommandName: "quiver",
    abstract: "Write analytics reports on a graph.",
    version: QuiverCommand.version,
    subcommands: [CentralityReportCommand.self])
}

/// `quiver report centrality`: top nodes, statistics and correlation of centrality measures.
struct CentralityReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "centrality",
    abstract: "Report the most central nodes of a graph by several measures.",
    discussion: """
      For each measure: its top nodes (rank, id, labels, display property, score) and \
      statistics of all its scores (count, min, max, mean, median, standard deviation). Then \
      the Pearson and Spearman correlation between the measures and the degree distribution. \
      On graphs of more than \(ReportSample.automaticAbove) nodes, betweenness, closeness and \
      harmonic are estimated from \(ReportSample.automaticSize) sampled source nodes, and the \
      report says so with the expected error; --sample N sets the sample, --sample all computes \
      them exactly. \
      The html format is one self-contained page with charts; csv is one document whose first \
      column, 'section', says what each row holds (see docs/shell.md, "Centrality reports").

      EXAMPLES:
        quiver report centrality --db graph.quiver
        quiver report centrality --script social.cypher --algorithms degree,pagerank,hits --top 5
        quiver report centrality --db graph.quiver --label Person --relationship-type KNOWS \\
            --direction undirected --format html --output report.html
        quiver report centrality --db big.quiver --sample 5000
      """)

  @Option(
    name: .customLong("db"),
    help: ArgumentHelp("Report on the database in this directory (opened read-only).", valueName: "directory"))
  var databasePath: String?

  @Option(help: ArgumentHelp("Report on the graph this Cypher script builds in memory ('-' for standard input).", valueName: "file"))
  var script: String?

  @Option(
    help: ArgumentHelp(
      "Comma-separated measures: \(CentralityAlgorithm.names.joined(separator: ", ")) (hubs and authorities).",
      valueName: "names"))
  var algorithms = CentralityAlgorithm.defaults.map(\.rawValue).joined(separator: ",")

  @Option(help: ArgumentHelp("How many top nodes to list per measure.", valueName: "k"))
  var top = "20"

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

  @Option(help: ArgumentHelp("directed, undirected or reverse.", valueName: "direction"))
  var direction = ReportDirection.directed.rawValue

  @Option(
    help: ArgumentHelp(
      "Estimate betweenness, closeness and harmonic from N sampled source nodes, or 'all' for exact scores "
        + "(default: exact up to \(ReportSample.automaticAbove) nodes, else \(ReportSample.automaticSize) sources).",
      valueName: "N"))
  var sample: String?

  func run() throws {
    let settings: (options: ReportOptions, format: ReportFormat)
    do {
      settings = try parsedSettings()
    } catch {
      Console.error("quiver: \(error.message)")
      throw ExitCode(2)
    }
    let database = try openGraph()
    let report = try compute(on: database, options: settings.options)
    let style = output == nil ? Console.tableStyle(environment: ProcessInfo.processInfo.environment) : .ascii
    let text = settings.format.render(report, tableStyle: style)
    guard let output else {
      Console.write(text)
      Console.flush()
      return
    }
    do {
      try Self.write(text, to: output)
    } catch {
      Console.error("quiver: cannot write '\(output)': \(error.message)")
      throw ExitCode(1)
    }
  }

  /// The options and format, or the first thing wrong with them.
  func parsedSettings() throws(ReportError) -> (options: ReportOptions, format: ReportFormat) {
    switch (databasePath, script) {
    case (nil, nil): throw ReportError("give the graph with --db <directory> or --script <file>")
    case (.some, .some): throw ReportError("give either --db or --script, not both")
    default: break
    }
    guard let format = ReportFormat(rawValue: format.lowercased()) else {
      throw ReportError("unknown format '\(format)'; valid: \(Self.names(ReportFormat.self))")
    }
    guard let direction = ReportDirection(rawValue: direction.lowercased()) else {
      throw ReportError("unknown direction '\(direction)'; valid: \(Self.names(ReportDirection.self))")
    }
    guard let count = Int(top), count > 0 else { throw ReportError("--top takes a whole number of at least 1, not '\(top)'") }
    var options = ReportOptions()
    options.algorithms = try CentralityAlgorithm.parse(algorithms)
    options.top = count
    options.labels = labels
    options.relationshipTypes = relationshipTypes
    options.displayProperty = displayProperty
    options.direction = direction
    if let sample { options.sample = try ReportSample.parse(sample) }
    return (options, format)
  }

  /// The database at --db, read-only, or a fresh one the --script has built.
  private func openGraph() throws -> Database {
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

  /// The report, computed on a worker thread; on a terminal a line on standard error names the
  /// measure being computed and, for the long ones, the part done and the time left.
  private func compute(on database: Database, options: ReportOptions) throws -> CentralityReport {
    let step = Mutex<(name: String, position: Int, count: Int, work: AlgorithmProgress?)?>(nil)
    let showsProgress = Console.errorIsTerminal
    do {
      let report = try QueryExecution.onWorker({
        try CentralityReport.compute(
          on: database, options: options,
          progress: { name, position, count in step.withLock { $0 = (name, position, count, nil) } },
          work: { work in step.withLock { $0?.work = work } })
      }) { elapsed in
        guard showsProgress, let current = step.withLock({ $0 }) else { return nil }
        return ProgressLine.frame(
          step: current.name, position: current.position, count: current.count, elapsed: elapsed, work: current.work)
      }
      guard let report else { throw ReportError("the computation ended without a result") }
      return report
    } catch {
      Console.error("quiver: cannot compute the report: \(error)")
      throw ExitCode(1)
    }
  }

  private static func names<T: CaseIterable & RawRepresentable>(_: T.Type) -> String where T.RawValue == String {
    T.allCases.map(\.rawValue).joined(separator: ", ")
  }

  /// Writes `text` to the file at `path`, replacing it; the error says why not in the system's
  /// words ("No such file or directory", "Is a directory").
  private static func write(_ text: String, to path: String) throws(ReportError) {
    guard let file = fopen(path, "w") else { throw ReportError(String(cString: strerror(errno))) }
    let bytes = Array(text.utf8)
    let written = fwrite(bytes, 1, bytes.count, file)
    let failure = written == bytes.count ? nil : errno
    guard fclose(file) == 0, failure == nil else { throw ReportError(String(cString: strerror(failure ?? errno))) }
  }
}
