// The export procedures, callable from Cypher so that a query can choose what to export:
// `export.<format>.all(file, config)` writes the whole graph and `export.<format>.query(query,
// file, config)` the nodes, relationships and paths a read-only query returns (with the end
// nodes of its relationships). Files go only inside the export directory (see ExportDirectory).
// Each yields `file, nodes, relationships, properties, time` (milliseconds), as APOC's do.
import Quiver

extension Database {
  /// Registers `export.csv|jsonl|graphml|gexf|dot.all` and `.query`, and `export.cypher.all`,
  /// writing inside `directory`, or inside the database directory's `export/` when nil (an
  /// in-memory database then has no export directory and the procedures fail).
  package func registerExportProcedures(directory: String? = nil) {
    let root = directory ?? path.map { $0 + "/export" }
    let outputs = [
      ProcedureField("file", CypherType("STRING")), ProcedureField("nodes", CypherType("INTEGER")),
      ProcedureField("relationships", CypherType("INTEGER")), ProcedureField("properties", CypherType("INTEGER")),
      ProcedureField("time", CypherType("INTEGER")),
    ]
    let file = ProcedureField("file", CypherType("STRING", nullable: false))
    let config = ProcedureField("config", CypherType("MAP"))
    for format in ExportFormat.allCases {
      let prefix = "export.\(format.rawValue)."
      register(
        Procedure(name: prefix + "all", parameters: [file, config], outputs: outputs) { [weak self] arguments in
          guard let self else { return [] }
          return try Self.runExport(format, root, arguments.first, self) { GraphSource(database: self) }
        })
      guard format != .cypher else { continue }
      register(
        Procedure(name: prefix + "query", parameters: [ProcedureField("query", CypherType("STRING", nullable: false)), file, config], outputs: outputs) {
          [weak self] arguments in
          guard let self else { return [] }
          let query = arguments.first?.stringValue ?? ""
          return try Self.runExport(format, root, arguments.dropFirst().first, self) {
            let rows = try self.transaction(readOnly: true) { try $0.execute(query).rows }
            return GraphSource(rows: rows, database: self)
          }
        })
    }
  }

  /// Resolves the file inside the export directory, writes the export and reports it as a row.
  private static func runExport(
    _ format: ExportFormat, _ root: String?, _ file: Value?, _ database: Database, _ source: () throws -> GraphSource
  ) throws -> [[Value]] {
    guard let root else {
      throw QuiverError.runtime(.procedure, .noExportDirectory, "an in-memory database has no export directory; open one on a directory")
    }
    guard let name = file?.stringValue else {
      throw QuiverError.runtime(.argument, .invalidArgumentValue, "the file name must be a string")
    }
    let target = try ExportDirectory(path: root).resolve(name)
    let start = ContinuousClock.now
    let summary = try format.write(try source(), database: database, to: target)
    let milliseconds = (ContinuousClock.now - start) / .milliseconds(1)
    return [[
      .string(name), .int(Int64(summary.nodes)), .int(Int64(summary.relationships)), .int(Int64(summary.properties)),
      .int(Int64(milliseconds)),
    ]]
  }
}
