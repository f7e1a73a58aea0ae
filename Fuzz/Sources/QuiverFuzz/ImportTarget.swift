// The CSV importers on mutated files: Quiver's own layout and neo4j-admin's. Each input is
// written to a scratch file and imported into a fresh in-memory database; the import must load
// or fail with an error, and the graph after it must be consistent (or empty after a failure).
import Foundation
import Quiver
import QuiverExchange

/// Imports mutated CSV files in both layouts.
final class ImportTarget: FuzzTarget {
  let maxLength = 8192
  let dictionary: [[UInt8]] = [
    ",", "\"", "\"\"", "\r\n", "\n", ":ID", ":START_ID", ":END_ID", ":LABEL", ":TYPE", ":IGNORE", ":int", ":float",
    ":string[]", ":date", "(Space)", ";", "1e999", "NaN", "\u{FEFF}",
  ].map { Array($0.utf8) }
  private let scratch: ScratchDirectory
  private let path: String

  init() throws {
    scratch = try ScratchDirectory()
    path = scratch.path + "/input.csv"
  }

  func seeds(corpus: String) throws -> [[UInt8]] { corpusFiles(corpus + "/csv") }

  func run(_ input: [UInt8]) -> String? {
    guard FileManager.default.createFile(atPath: path, contents: Data(input)) else { return "cannot write the scratch file" }
    guard let db = try? Database() else { return "cannot create a database" }
    let loaded: Bool
    if Neo4jColumn.isNeo4jHeader(path: path, delimiter: UInt8(ascii: ",")) {
      loaded =
        (try? Neo4jAdminImport.run(
          nodes: [Neo4jInput(names: ["N"], files: [path])], relationships: [],
          options: Neo4jImportOptions(), into: db)) != nil
    } else {
      loaded =
        (try? db.importCSV(nodes: [CSVNodeFile(path: path, labels: ["N"])], relationships: [CSVRelationshipFile(path: path, type: "R")]))
        != nil
    }
    if !loaded && db.counts.nodes != 0 { return "a failed import left \(db.counts.nodes) nodes" }
    let violations = db.consistencyViolations
    return violations.isEmpty ? nil : "an import left an inconsistent store: " + violations.prefix(3).joined(separator: "; ")
  }
}
