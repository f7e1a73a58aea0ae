// The bulk importer: reads node files, then relationship files, straight into a private version
// of the store, without parsing or planning Cypher per row. The caller publishes that version
// only when every file was read without error, so a failed import changes nothing.
//
// Each file is read in batches of whole rows; a batch is cut into two pieces per core, the pieces
// are parsed at once (`CSVRowParser`: fields, typed values, relationship end nodes looked up in
// the finished id map, which no thread writes meanwhile), and their rows are then applied to the
// store on this thread in file order. The first bad row in file order is the one reported: a
// piece stops at its first bad row, and the pieces before it are applied (and checked for
// duplicate ids, which only the file-order pass can see) first.
import Dispatch
import GraphAlgorithms
import GraphCore
import CypherRuntime
import GraphStorage

/// Loads CSV files into a store version.
struct CSVImporter {
  let delimiter: UInt8
  /// Bytes read per batch (the batch is then cut into `piecesPerBatch` pieces).
  let batchBytes: Int
  /// The default `batchBytes`: large enough that cutting costs nothing, small enough that a
  /// batch and its parsed rows stay a small part of the memory the import fills.
  static let defaultBatchBytes = 8 << 20
  /// Pieces per batch: two per core, so that the threads that finish parsing early (or the one
  /// applying the batch before) take the pieces left.
  static var piecesPerBatch: Int { 2 * Parallel.width }
  /// Store node id of each id-column value seen so far.
  private var nodeIDs = CSVNodeIDs()
  private(set) var summary = ImportSummary(nodes: 0, relationships: 0, properties: 0)
  /// Ids of the nodes created, for the constraint check at the end.
  private(set) var created: [Int64] = []

  init(delimiter: UInt8, batchBytes: Int = Self.defaultBatchBytes) {
    self.delimiter = delimiter
    self.batchBytes = batchBytes
  }

  mutating func load(_ file: CSVNodeFile, into store: inout GraphStore) throws {
    var batches = try CSVBatches(path: file.path, delimiter: delimiter, batchBytes: batchBytes)
    let (columns, reader) = try header(&batches)
    guard let key = columns.firstIndex(where: { $0.name == file.idColumn }) else {
      throw reader.error(line: 1, "there is no id column `\(file.idColumn)` (columns: \(columns.map(\.name).joined(separator: ", ")))")
    }
    let parser = CSVRowParser(path: file.path, delimiter: delimiter, columns: columns, role: .nodes(key: key))
    var keys = PropertyKeys(columns)
    var parsed: [CSVParsedRows] = []
    while let pieces = try batches.next(pieces: Self.piecesPerBatch) {
      let previous = parsed
      parsed = try Self.parse(pieces, parser) { try applyNodes(previous, file, reader, &keys, &store) }
    }
    try applyNodes(parsed, file, reader, &keys, &store)
  }

  /// Creates the nodes of parsed pieces, in order, up to the first bad row.
  private mutating func applyNodes(
    _ parsed: [CSVParsedRows], _ file: CSVNodeFile, _ reader: CSVReader, _ keys: inout PropertyKeys, _ store: inout GraphStore
  ) throws {
    for rows in parsed {
      for r in 0..<rows.count {
        let id = rows.ids[r]
        guard nodeIDs[id] == nil else { throw reader.error(line: rows.lines[r], "the id `\(id)` was already used by another node") }
        let properties = map(rows, r, &keys, &store)
        let node = store.createNode(labels: file.labels, map: properties, direct: true)
        nodeIDs.insert(id, node)
        created.append(node)
        summary.nodes += 1
        summary.properties += properties.count
      }
      if let failure = rows.failure {
        if let id = failure.id, nodeIDs[id] != nil {
          throw reader.error(line: failure.line, "the id `\(id)` was already used by another node")
        }
        throw failure.error
      }
    }
  }

  mutating func load(_ file: CSVRelationshipFile, into store: inout GraphStore) throws {
    var batches = try CSVBatches(path: file.path, delimiter: delimiter, batchBytes: batchBytes)
    let (columns, reader) = try header(&batches)
    func column(_ name: String?, default index: Int, _ role: String) throws -> Int {
      if let name {
        guard let i = columns.firstIndex(where: { $0.name == name }) else {
          throw reader.error(line: 1, "there is no \(role) column `\(name)` (columns: \(columns.map(\.name).joined(separator: ", ")))")
        }
        return i
      }
      guard index < columns.count else { throw reader.error(line: 1, "a relationship file needs at least two columns") }
      return index
    }
    let start = try column(file.startColumn, default: 0, "start")
    let end = try column(file.endColumn, default: 1, "end")
    let parser = CSVRowParser(
      path: file.path, delimiter: delimiter, columns: columns, role: .relationships(start: start, end: end, ids: nodeIDs))
    var keys = PropertyKeys(columns)
    var parsed: [CSVParsedRows] = []
    while let pieces = try batches.next(pieces: Self.piecesPerBatch) {
      let previous = parsed
      parsed = try Self.parse(pieces, parser) { try applyRelationships(previous, file, &keys, &store) }
    }
    try applyRelationships(parsed, file, &keys, &store)
  }

  /// Creates the relationships of parsed pieces, in order, up to the first bad row; with no
  /// adjacency entry (the import's compactAdjacency() files them).
  private mutating func applyRelationships(
    _ parsed: [CSVParsedRows], _ file: CSVRelationshipFile, _ keys: inout PropertyKeys, _ store: inout GraphStore
  ) throws {
    var batch = PendingRelationshipColumns()
    batch.reserveCapacity(parsed.reduce(0) { $0 + $1.count }, pairs: parsed.reduce(0) { $0 + $1.values.count })
    for rows in parsed {
      for r in 0..<rows.count {
        for v in rows.valueRange(r) {
          let value = rows.values[v]
          batch.add(keys.id(Int(rows.columns[v]), &store), value)
          if !value.isNull { summary.properties += 1 }
        }
        batch.append(start: rows.starts[r], end: rows.ends[r])
        summary.relationships += 1
      }
      if let failure = rows.failure { throw failure.error }
    }
    store.createRelationships(type: file.type, columns: batch)
  }

  /// Parses `pieces` on all cores while `apply` (the previous batch's rows going into the
  /// store) runs on one of them, so that the single-threaded store work overlaps the parsing.
  /// Returns the pieces' rows in order once both are done; rethrows `apply`'s error.
  private static func parse(_ pieces: [CSVPiece], _ parser: CSVRowParser, applying apply: () throws -> Void) throws -> [CSVParsedRows] {
    let results = UnsafeMutableBufferPointer<CSVParsedRows?>.allocate(capacity: pieces.count)
    results.initialize(repeating: nil)
    let failure = UnsafeMutablePointer<(any Error)?>.allocate(capacity: 1)
    failure.initialize(to: nil)
    defer {
      _ = results.deinitialize()
      results.deallocate()
      failure.deinitialize(count: 1)
      failure.deallocate()
    }
    try withoutActuallyEscaping(apply) { apply in
      // Each iteration writes only its own slot; iteration 0 alone touches the store.
      nonisolated(unsafe) let apply = apply
      nonisolated(unsafe) let out = results
      nonisolated(unsafe) let failed = failure
      DispatchQueue.concurrentPerform(iterations: pieces.count + 1) { i in
        if i == 0 {
          do { try apply() } catch { failed.pointee = error }
        } else {
          out[i - 1] = parser.parse(pieces[i - 1])
        }
      }
      if let error = failed.pointee { throw error }
    }
    return results.compactMap { $0 }
  }

  /// Row `r`'s properties under the columns' interned keys.
  private func map(_ rows: CSVParsedRows, _ r: Int, _ keys: inout PropertyKeys, _ store: inout GraphStore) -> PropertyMap {
    var out = PropertyMap()
    let values = rows.valueRange(r)
    out.reserveCapacity(values.count)
    for v in values {
      out.set(keys.id(Int(rows.columns[v]), &store), rows.values[v])
    }
    return out
  }

  /// The interned property key of each column, interned when its first value is stored (so that
  /// a column with no values adds no key).
  private struct PropertyKeys {
    private let names: [String]
    private var ids: [PropertyKeyID?]

    init(_ columns: [CSVColumn]) {
      names = columns.map(\.name)
      ids = Array(repeating: nil, count: columns.count)
    }

    mutating func id(_ column: Int, _ store: inout GraphStore) -> PropertyKeyID {
      if let id = ids[column] { return id }
      let id = store.internPropertyKey(names[column])
      ids[column] = id
      return id
    }
  }

  /// The header's columns, and a reader of the header row for errors located in the file.
  private func header(_ batches: inout CSVBatches) throws -> ([CSVColumn], CSVReader) {
    let empty = CSVReader.error(in: batches.path, line: 1, "the file is empty; it needs a header row")
    guard let piece = try batches.firstRow() else { throw empty }
    var reader = piece.reader(path: batches.path, delimiter: delimiter, strictUTF8: true)
    guard let (_, names) = try reader.nextRow() else { throw empty }
    let columns = try names.map { raw in
      guard let colon = raw.lastIndex(of: ":") else { return CSVColumn(name: raw, type: nil) }
      let name = String(raw[..<colon])
      let spelled = raw[raw.index(after: colon)...].lowercased()
      let aliases: [String: CSVPropertyType] = [
        "int": .int, "long": .int, "integer": .int, "float": .float, "double": .float, "boolean": .boolean,
        "bool": .boolean, "string": .string,
      ]
      guard let type = aliases[spelled] else {
        throw reader.error(line: 1, "column `\(raw)` has an unknown type `\(spelled)` (use int, float, boolean or string)")
      }
      return CSVColumn(name: name, type: type)
    }
    try Self.checkDistinct(columns.map(\.name), reader)
    return (columns, reader)
  }

  /// Throws when two header columns share a name: one property would silently take the other's
  /// value. Also used for neo4j-admin headers.
  static func checkDistinct(_ names: [String], _ reader: CSVReader) throws {
    var first: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      if let earlier = first[name] {
        throw reader.error(line: 1, "column \(index + 1) `\(name)` repeats the name of column \(earlier + 1); column names must differ")
      }
      first[name] = index
    }
  }
}
