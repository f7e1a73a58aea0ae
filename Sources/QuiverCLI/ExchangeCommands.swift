// `quiver dump`, `quiver restore` and `quiver export`: thin wiring of QuiverExchange's Cypher
// dump, its restore and the export formats to a database directory. Usage errors exit 2, failures
// exit 1 with one line on standard error.
import ArgumentParser
import Foundation
import Quiver
import QuiverExchange

/// `quiver dump DIR [--output FILE]`.
struct DumpCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dump", _superCommandName: "quiver",
    abstract: "Write a database as a Cypher script that restores it (schema, nodes, relationships).",
    discussion: """
      The script creates the indexes and constraints, then the nodes and relationships in \
      UNWIND batches. Load it with 'quiver restore FILE --db DIR' or 'quiver run --db DIR FILE'.

      EXAMPLES:
        quiver dump graph.quiver --output graph.cypher
      """,
    version: QuiverCommand.version)

  @Argument(help: ArgumentHelp("The database directory.", valueName: "directory"))
  var databasePath: String

  @Option(help: ArgumentHelp("The file to write (default: standard output).", valueName: "file"))
  var output: String?

  func run() throws {
    let database = try ExchangeCLI.open(databasePath, readOnly: true)
    try ExchangeCLI.reporting {
      let sink = try output.map { try TextOutput(path: $0) } ?? TextOutput()
      let summary = try CypherDump().write(database, to: sink)
      try sink.close()
      if output == nil {
        Console.write(sink.text)
      } else {
        Console.error("Dumped \(summary.nodes) nodes and \(summary.relationships) relationships (\(summary.bytes) bytes)")
      }
    }
  }
}

/// `quiver restore FILE --db DIR [--force]`.
struct RestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore", _superCommandName: "quiver",
    abstract: "Load a dump written by 'quiver dump' into a database directory.",
    discussion: """
      The dump's statements run one by one; if one fails, the database is emptied again. A \
      database that holds anything is refused unless --force, which replaces its contents.

      EXAMPLES:
        quiver restore graph.cypher --db copy.quiver
      """,
    version: QuiverCommand.version)

  @Argument(help: ArgumentHelp("The dump file.", valueName: "file"))
  var dump: String

  @Option(name: .customLong("db"), help: ArgumentHelp("The database directory (created if missing).", valueName: "directory"))
  var databasePath: String

  @Flag(help: "Replace what the database holds.")
  var force = false

  func run() throws {
    let database = try ExchangeCLI.open(databasePath, readOnly: false)
    try ExchangeCLI.reporting {
      let start = ContinuousClock.now
      let outcome = try DumpRestore.restore(script: try InputFile.text(dump), into: database, replace: force)
      let seconds = (ContinuousClock.now - start) / .seconds(1)
      print("Restored \(outcome.nodes) nodes and \(outcome.relationships) relationships in \(String(format: "%.2f", seconds)) s")
    }
  }
}

/// `quiver export DIR --format F [--output PATH]`.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", _superCommandName: "quiver",
    abstract: "Write a database as neo4j-admin CSV, JSON lines, GraphML, GEXF, DOT or a Cypher dump.",
    discussion: """
      csv writes a directory of neo4j-admin import files (one per label combination and per \
      relationship type); the other formats write one file.

      EXAMPLES:
        quiver export graph.quiver --format graphml --output graph.graphml
        quiver export graph.quiver --format csv --output csv-dir
      """,
    version: QuiverCommand.version)

  @Argument(help: ArgumentHelp("The database directory.", valueName: "directory"))
  var databasePath: String

  @Option(help: ArgumentHelp("csv, jsonl, graphml, gexf, dot or cypher.", valueName: "format"))
  var format: String

  @Option(help: ArgumentHelp("The file (a directory for csv) to write; default: standard output, or 'export-csv' for csv.", valueName: "path"))
  var output: String?

  func run() throws {
    guard let format = ExportFormat(rawValue: format.lowercased()) else {
      Console.error("quiver: --format takes \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(self.format)'")
      throw ExitCode(2)
    }
    let database = try ExchangeCLI.open(databasePath, readOnly: true)
    try ExchangeCLI.reporting {
      let source = GraphSource(database: database)
      if format == .csv || output != nil {
        let summary = try format.write(source, database: database, to: output ?? "export-csv")
        Console.error("Exported \(summary.nodes) nodes and \(summary.relationships) relationships (\(summary.bytes) bytes)")
        return
      }
      let sink = TextOutput()
      _ = try format.write(source, database: database, to: sink)
      Console.write(sink.text)
    }
  }
}

/// What the exchange commands share: opening the database and turning errors into exit codes.
enum ExchangeCLI {
  /// Opens the database at `path`, with the export procedures registered.
  static func open(_ path: String, readOnly: Bool) throws -> Database {
    do {
      let database = try Database(path: path, readOnly: readOnly)
      database.registerExportProcedures()
      return database
    } catch {
      Console.error("quiver: cannot open the database: \(error)")
      throw ExitCode(1)
    }
  }

  /// Runs `body`, printing a QuiverError as one line and exiting 1.
  static func reporting(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as QuiverError {
      Console.error("quiver: \(error.message)")
      throw ExitCode(1)
    }
  }
}
