// The export formats by name, and the one function that writes a graph in any of them to a path
// (a directory for the neo4j-admin CSV layout, a file for the others), shared by `quiver export`
// and the export procedures.
import Quiver

/// A format `quiver export` and the `export.*` procedures write.
package enum ExportFormat: String, CaseIterable, Sendable {
  case csv, jsonl, graphml, gexf, dot, cypher

  /// Writes `source` (or, for `cypher`, all of `database`) to `path`.
  package func write(_ source: GraphSource, database: Database, to path: String) throws -> ExportSummary {
    if self == .csv { return try Neo4jCSVExport.write(source, to: path).summary }
    let output = try TextOutput(path: path)
    let summary = try write(source, database: database, to: output)
    try output.close()
    return summary
  }

  /// Writes `source` (or, for `cypher`, all of `database`) to `output`; `csv`, which needs a
  /// directory, is refused.
  package func write(_ source: GraphSource, database: Database, to output: TextOutput) throws -> ExportSummary {
    switch self {
    case .jsonl: return try JSONLExport.write(source, to: output)
    case .graphml: return try GraphMLExport.write(source, to: output)
    case .gexf: return try GEXFExport.write(source, to: output)
    case .dot: return try DOTExport.write(source, to: output)
    case .cypher: return try CypherDump().write(database, to: output)
    case .csv: throw QuiverError.runtime(.argument, .invalidArgumentValue, "the csv format writes a directory; give one")
    }
  }
}
