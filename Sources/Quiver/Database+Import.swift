// Bulk import of CSV files: one writer version filled straight from the files, published (and in
// a durable database written as the new snapshot) only when every row was read.
import GraphCore
import GraphStorage

extension Database {
  /// Creates the nodes of `nodes` and then the relationships of `relationships` in one
  /// transaction, reading the files directly rather than running Cypher per row (see
  /// `CSVNodeFile` and `CSVRelationshipFile` for the layout). Relationship files name their end
  /// nodes by the values of the node files' id columns; ids must be unique across the import.
  /// Existing nodes are not matched. A durable database commits the import by writing a new
  /// snapshot (no write-ahead log record per row): a crash before that snapshot is complete
  /// leaves the database as it was before the import.
  /// - Throws: `QuiverError` (IOError `InvalidCSV`, naming the file and line) for a malformed
  ///   file, an unknown id or a value of the wrong type, and constraint errors; the graph is
  ///   unchanged then.
  @discardableResult
  public func importCSV(
    nodes: [CSVNodeFile], relationships: [CSVRelationshipFile] = [], delimiter: Character = ","
  ) throws -> ImportSummary {
    try importCSV(nodes: nodes, relationships: relationships, delimiter: delimiter, batchBytes: CSVImporter.defaultBatchBytes)
  }

  /// `importCSV` reading `batchBytes` bytes of a file per batch (each cut into pieces parsed
  /// on all cores), for tests that make a small file span many batches and pieces.
  @discardableResult
  package func importCSV(
    nodes: [CSVNodeFile], relationships: [CSVRelationshipFile], delimiter: Character, batchBytes: Int
  ) throws -> ImportSummary {
    guard let byte = delimiter.asciiValue, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") else {
      throw QuiverError.runtime(.argument, .invalidArgumentValue, "the delimiter must be one ASCII character other than a quote or line break")
    }
    if let bad = nodes.first(where: { $0.labels.isEmpty || $0.labels.contains("") }) {
      throw QuiverError.runtime(.argument, .invalidArgumentValue, "the node file \(bad.path) needs at least one label, and no empty ones")
    }
    if let bad = relationships.first(where: { $0.type.isEmpty }) {
      throw QuiverError.runtime(.argument, .invalidArgumentValue, "the relationship file \(bad.path) needs a relationship type")
    }
    return try writeInBulk { latest in
      var store = latest
      var importer = CSVImporter(delimiter: byte, batchBytes: batchBytes)
      for file in nodes { try importer.load(file, into: &store) }
      for file in relationships { try importer.load(file, into: &store) }
      store.compactAdjacency()
      try store.checkConstraints(nodes: importer.created)
      // Relationship ids only grow, so the new ones are those from the old limit on.
      try store.checkConstraints(relationships: Int64(latest.relationshipIDLimit)..<Int64(store.relationshipIDLimit))
      return (importer.summary, store)
    }
  }
}
