// `quiver import`: bulk-loads files into a database directory. CSV in Quiver's own layout goes
// through `Database.importCSV`; CSV with neo4j-admin headers (`:ID`, `:START_ID`, …), GraphML and
// JSON lines through QuiverExchange. Usage errors are one line on standard error and exit 2;
// files that cannot be imported exit 1 and leave the database as it was.
import ArgumentParser
import Foundation
import Quiver
import QuiverExchange
import QuiverShellSupport

/// `quiver import --db DIR --nodes Label=file.csv ... --relationships TYPE=file.csv ...`.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    _superCommandName: "quiver",
    abstract: "Bulk-load nodes and relationships from CSV, GraphML or JSON-lines files into a database.",
    discussion: """
      CSV in Quiver's layout: each node file has a header row and one node per row; every \
      non-empty field becomes a property, typed as an integer, float, boolean or string by what \
      it spells, or as the header says ('age:int'). The id column names each node for the \
      relationship files, whose start and end columns (by default the first two) hold those ids.

      CSV in neo4j-admin's layout (recognised by ':ID', ':START_ID', ':END_ID' or ':LABEL' \
      headers): '--nodes [Labels=]header.csv,part1.csv.gz,...' and '--relationships \
      [TYPE=]files', ID spaces ':ID(Person)', typed columns ('age:long', 'born:date', \
      'tags:string[]'), ':IGNORE'. Bad rows are reported with file, line and reason; \
      '--skip-bad-rows' goes on past them.

      '--format graphml FILE' and '--format jsonl FILE' read what 'quiver export' writes.
      Everything is loaded in one transaction: an error leaves the database unchanged. Like \
      neo4j-admin's full import, it loads only into an empty database unless given '--append', \
      and a file given twice is refused.

      EXAMPLES:
        quiver import --db social.quiver --nodes Person=nodes.csv --relationships KNOWS=edges.csv
        quiver import --db movies.quiver --nodes=Person=people_header.csv,people.csv.gz \\
            --relationships=ACTED_IN=roles.csv --id-type integer --skip-bad-rows
        quiver import --db copy.quiver --format graphml graph.graphml
      """,
    version: QuiverCommand.version)

  @Option(name: .customLong("db"), help: ArgumentHelp("The database directory (created if missing).", valueName: "directory"))
  var databasePath: String

  @Option(help: ArgumentHelp("csv (Quiver's or neo4j-admin's layout), graphml or jsonl.", valueName: "format"))
  var format = "csv"

  @Argument(help: ArgumentHelp("The file to read with --format graphml or jsonl.", valueName: "file"))
  var file: String?

  @Option(help: ArgumentHelp("Labels (joined by ':') and node files, as Label=file.csv[,more.csv]. Repeatable.", valueName: "labels=files"))
  var nodes: [String] = []

  @Option(help: ArgumentHelp("A relationship type and files, as TYPE=file.csv[,more.csv]. Repeatable.", valueName: "type=files"))
  var relationships: [String] = []

  @Option(help: ArgumentHelp("The column that identifies nodes in every node file (Quiver's layout).", valueName: "name"))
  var idColumn = "id"

  @Option(help: ArgumentHelp("The column of relationship files naming the start node (Quiver's layout).", valueName: "name"))
  var startColumn: String?

  @Option(help: ArgumentHelp("The column of relationship files naming the end node (Quiver's layout).", valueName: "name"))
  var endColumn: String?

  @Option(help: ArgumentHelp("The field delimiter, one character.", valueName: "char"))
  var delimiter = ","

  @Option(help: ArgumentHelp("The delimiter between array elements (neo4j-admin layout).", valueName: "char"))
  var arrayDelimiter = ";"

  @Option(help: ArgumentHelp("How :ID values are read: string, integer or actual (neo4j-admin layout).", valueName: "type"))
  var idType = "string"

  @Flag(help: "Skip rows that cannot be imported, reporting each, instead of stopping (neo4j-admin layout).")
  var skipBadRows = false

  @Option(help: ArgumentHelp("With --skip-bad-rows, fail once more rows than this were bad.", valueName: "n"))
  var badRowLimit: Int?

  @Flag(help: "Add to a database that already holds nodes (by default only an empty database is loaded).")
  var append = false

  func run() throws {
    guard delimiter.count == 1, let character = delimiter.first, let byte = character.asciiValue else {
      throw usage("--delimiter must be one ASCII character")
    }
    let nodeGroups = try nodes.map { try group($0, "--nodes") }
    let relationshipGroups = try relationships.map { try group($0, "--relationships") }
    // A header-only first file may head several groups (neo4j-admin's layout); data files may not repeat.
    var seen = Set<String>()
    let dataFiles = (nodeGroups + relationshipGroups).flatMap { $0.files.count > 1 ? Array($0.files.dropFirst()) : $0.files }
    for path in dataFiles where !seen.insert(path).inserted {
      throw usage("the file \(path) is given twice; each file is imported once")
    }
    let database: Database
    do {
      database = try Database(path: databasePath)
    } catch {
      Console.error("quiver: cannot open the database: \(error)")
      throw ExitCode(1)
    }
    if !append, let held = try? database.execute("MATCH (n) RETURN count(n)").rows.first?.first?.intValue, held > 0 {
      Console.error(
        "quiver: the database at \(databasePath) already holds \(held) nodes; quiver import loads an empty database "
          + "(give --append to add to it, or import into a new directory)")
      throw ExitCode(1)
    }
    let start = ContinuousClock.now
    do {
      let summary: ImportSummary
      switch format.lowercased() {
      case "graphml", "jsonl":
        guard let file, nodes.isEmpty, relationships.isEmpty else { throw usage("--format \(format) takes one file and no --nodes or --relationships") }
        summary = format.lowercased() == "graphml" ? try GraphMLImport.run(path: file, into: database) : try JSONLImport.run(path: file, into: database)
      case "csv":
        guard file == nil else { throw usage("CSV files are given with --nodes and --relationships") }
        guard let first = nodeGroups.first?.files.first else { throw usage("give at least one node file with --nodes Label=file.csv") }
        if Neo4jColumn.isNeo4jHeader(path: first, delimiter: byte) {
          summary = try neo4jImport(nodeGroups, relationshipGroups, delimiter: byte, database, start)
        } else {
          summary = try database.importCSV(
            nodes: try nodeGroups.flatMap { g in
              guard !g.names.isEmpty else { throw usage("--nodes takes NAME=file.csv, not '\(g.files.joined(separator: ","))'") }
              return g.files.map { CSVNodeFile(path: $0, labels: g.names, idColumn: idColumn) }
            },
            relationships: try relationshipGroups.flatMap { g in
              guard let type = g.names.first else {
                throw usage("--relationships takes NAME=file.csv, not '\(g.files.joined(separator: ","))'")
              }
              return g.files.map { CSVRelationshipFile(path: $0, type: type, startColumn: startColumn, endColumn: endColumn) }
            },
            delimiter: character)
        }
      default:
        throw usage("--format takes csv, graphml or jsonl, not '\(format)'")
      }
      let seconds = (ContinuousClock.now - start) / .seconds(1)
      print(
        "Imported \(summary.nodes) nodes, \(summary.relationships) relationships and \(summary.properties) properties"
          + " in \(String(format: "%.2f", seconds)) s")
    } catch let error as QuiverError {
      if Console.errorIsTerminal { Console.writeError(ProgressLine.erase) }
      Console.error("quiver: import failed, nothing was changed: \(error.message)")
      throw ExitCode(1)
    }
  }

  private func neo4jImport(
    _ nodes: [Neo4jInput], _ relationships: [Neo4jInput], delimiter: UInt8, _ database: Database, _ start: ContinuousClock.Instant
  ) throws -> ImportSummary {
    guard arrayDelimiter.count == 1, let arrayCharacter = arrayDelimiter.first else { throw usage("--array-delimiter must be one character") }
    guard let idType = Neo4jImportOptions.IDType(rawValue: idType.lowercased()) else { throw usage("--id-type takes string, integer or actual") }
    if badRowLimit != nil && !skipBadRows { throw usage("--bad-row-limit needs --skip-bad-rows") }
    var options = Neo4jImportOptions()
    options.delimiter = delimiter
    options.arrayDelimiter = arrayCharacter
    options.idType = idType
    options.skipBadRows = skipBadRows
    options.badRowLimit = badRowLimit
    if Console.errorIsTerminal {
      options.progress = { rows in
        let seconds = max((ContinuousClock.now - start) / .seconds(1), 0.001)
        Console.writeError("\rimporting: \(rows) rows, \(Int(Double(rows) / seconds)) rows/s\u{1B}[K")
      }
    }
    let report = try Neo4jAdminImport.run(nodes: nodes, relationships: relationships, options: options, into: database)
    if Console.errorIsTerminal { Console.writeError(ProgressLine.erase) }
    for bad in report.badRows { Console.error("quiver: skipped \(bad)") }
    return report.summary
  }

  /// `[NAMES=]file[,file…]` into its names (split at ':') and files.
  private func group(_ spec: String, _ option: String) throws -> Neo4jInput {
    var names: [String] = []
    var files = spec[...]
    if let eq = spec.firstIndex(of: "=") {
      names = spec[..<eq].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      files = spec[spec.index(after: eq)...]
      let kind = option == "--nodes" ? "label" : "relationship type"
      if names.contains("") {
        throw usage("\(option) '\(spec)' has an empty \(kind); write \(option == "--nodes" ? "Label[:Label…]" : "TYPE")=file.csv")
      }
      if let bad = names.first(where: { $0.contains { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } } }) {
        throw usage("\(option) '\(spec)': the \(kind) `\(bad)` holds a space or control character; give a name without one")
      }
    }
    let paths = files.split(separator: ",").map(String.init)
    guard !paths.isEmpty else { throw usage("\(option) takes NAME=file.csv, not '\(spec)'") }
    return Neo4jInput(names: names, files: paths)
  }

  private func usage(_ message: String) -> ExitCode {
    Console.error("quiver: \(message)")
    return ExitCode(2)
  }
}
