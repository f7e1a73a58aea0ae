// `quiver import`: bulk-loads CSV files into a database directory through the importer of the
// embedding API (`Database.importCSV`), then prints what it created. Usage errors are one line
// on standard error and exit 2; files that cannot be imported exit 1 and leave the database as
// it was.
import ArgumentParser
import Foundation
import Quiver

/// `quiver import --db DIR --nodes Label=file.csv ... --relationships TYPE=file.csv ...`.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    _superCommandName: "quiver",
    abstract: "Bulk-load nodes and relationships from CSV files into a database.",
    discussion: """
      Each node file has a header row and one node per row; every non-empty field becomes a \
      property, typed as an integer, float, boolean or string by what it spells, or as the \
      header says ('age:int', 'score:float', 'active:boolean', 'zip:string'). The id column \
      names each node for the relationship files, whose start and end columns (by default the \
      first two) hold those ids; their other fields become the relationship's properties. \
      Everything is loaded in one transaction: an error anywhere (reported with file and line) \
      leaves the database unchanged.

      EXAMPLES:
        quiver import --db social.quiver --nodes Person=nodes.csv --relationships KNOWS=edges.csv
        quiver import --db shop.quiver --nodes Customer:Person=customers.csv --nodes Product=products.csv \\
            --relationships BOUGHT=orders.csv --start-column customer --end-column product --id-column key
      """,
    version: QuiverCommand.version)

  @Option(name: .customLong("db"), help: ArgumentHelp("The database directory (created if missing).", valueName: "directory"))
  var databasePath: String

  @Option(help: ArgumentHelp("Labels (joined by ':') and a node file, as Label=file.csv. Repeatable.", valueName: "labels=file"))
  var nodes: [String] = []

  @Option(help: ArgumentHelp("A relationship type and a file, as TYPE=file.csv. Repeatable.", valueName: "type=file"))
  var relationships: [String] = []

  @Option(help: ArgumentHelp("The column that identifies nodes in every node file.", valueName: "name"))
  var idColumn = "id"

  @Option(help: ArgumentHelp("The column of relationship files naming the start node (default: the first).", valueName: "name"))
  var startColumn: String?

  @Option(help: ArgumentHelp("The column of relationship files naming the end node (default: the second).", valueName: "name"))
  var endColumn: String?

  @Option(help: ArgumentHelp("The field delimiter, one character.", valueName: "char"))
  var delimiter = ","

  func run() throws {
    let nodeFiles = try nodes.map { spec -> CSVNodeFile in
      let (labels, path) = try split(spec, "--nodes")
      return CSVNodeFile(path: path, labels: labels.split(separator: ":").map(String.init), idColumn: idColumn)
    }
    let relationshipFiles = try relationships.map { spec -> CSVRelationshipFile in
      let (type, path) = try split(spec, "--relationships")
      return CSVRelationshipFile(path: path, type: type, startColumn: startColumn, endColumn: endColumn)
    }
    guard !nodeFiles.isEmpty else { throw usage("give at least one node file with --nodes Label=file.csv") }
    guard delimiter.count == 1, let character = delimiter.first, character.isASCII else {
      throw usage("--delimiter must be one ASCII character")
    }
    let database: Database
    do {
      database = try Database(path: databasePath)
    } catch {
      Console.error("quiver: cannot open the database: \(error)")
      throw ExitCode(1)
    }
    let start = ContinuousClock.now
    do {
      let summary = try database.importCSV(nodes: nodeFiles, relationships: relationshipFiles, delimiter: character)
      let seconds = (ContinuousClock.now - start) / .seconds(1)
      print(
        "Imported \(summary.nodes) nodes, \(summary.relationships) relationships and \(summary.properties) properties"
          + " in \(String(format: "%.2f", seconds)) s")
    } catch let error as QuiverError {
      Console.error("quiver: import failed, nothing was changed: \(error.message)")
      throw ExitCode(1)
    }
  }

  /// `NAME=path` into its parts; a usage error names the option when either is missing.
  private func split(_ spec: String, _ option: String) throws -> (String, String) {
    guard let eq = spec.firstIndex(of: "="), eq != spec.startIndex, spec.index(after: eq) != spec.endIndex else {
      throw usage("\(option) takes NAME=file.csv, not '\(spec)'")
    }
    return (String(spec[..<eq]), String(spec[spec.index(after: eq)...]))
  }

  private func usage(_ message: String) -> ExitCode {
    Console.error("quiver: \(message)")
    return ExitCode(2)
  }
}
