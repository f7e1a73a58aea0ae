// The bulk importer: reads node files, then relationship files, straight into a private version
// of the store, without parsing or planning Cypher per row. The caller publishes that version
// only when every file was read without error, so a failed import changes nothing.
import GraphCore
import CypherRuntime
import GraphStorage

/// Loads CSV files into a store version.
struct CSVImporter {
  let delimiter: UInt8
  /// Store node id of each id-column value seen so far.
  private var nodeIDs: [String: Int64] = [:]
  private(set) var summary = ImportSummary(nodes: 0, relationships: 0, properties: 0)
  /// Ids of the nodes created, for the constraint check at the end.
  private(set) var created: [Int64] = []

  init(delimiter: UInt8) {
    self.delimiter = delimiter
  }

  mutating func load(_ file: CSVNodeFile, into store: inout GraphStore) throws {
    var reader = try CSVReader(path: file.path, delimiter: delimiter, strictUTF8: true)
    let columns = try header(&reader)
    guard let key = columns.firstIndex(where: { $0.name == file.idColumn }) else {
      throw reader.error(line: 1, "there is no id column `\(file.idColumn)` (columns: \(columns.map(\.name).joined(separator: ", ")))")
    }
    var keys = PropertyKeys(columns)
    while let (line, fields) = try reader.nextRow() {
      let id = try field(fields, key, file.path, line)
      guard nodeIDs[id] == nil else { throw reader.error(line: line, "the id `\(id)` was already used by another node") }
      let properties = try self.properties(fields, columns, skipping: [], &keys, &store, file.path, line)
      let node = store.createNode(labels: file.labels, map: properties)
      nodeIDs[id] = node
      created.append(node)
      summary.nodes += 1
      summary.properties += properties.count
    }
  }

  mutating func load(_ file: CSVRelationshipFile, into store: inout GraphStore) throws {
    var reader = try CSVReader(path: file.path, delimiter: delimiter, strictUTF8: true)
    let columns = try header(&reader)
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
    var keys = PropertyKeys(columns)
    // Created in batches, with no adjacency entry: the import's compactAdjacency() files them.
    var batch: [PendingRelationship] = []
    while let (line, fields) = try reader.nextRow() {
      let from = try node(try field(fields, start, file.path, line), file.path, line)
      let to = try node(try field(fields, end, file.path, line), file.path, line)
      let properties = try self.properties(fields, columns, skipping: [start, end], &keys, &store, file.path, line)
      batch.append(PendingRelationship(start: from, end: to, properties: properties))
      if batch.count == PendingRelationship.batchSize {
        store.createRelationships(type: file.type, batch, linking: false)
        batch.removeAll(keepingCapacity: true)
      }
      summary.relationships += 1
      summary.properties += properties.count
    }
    store.createRelationships(type: file.type, batch, linking: false)
  }

  /// The interned property key of each column, interned when its first value is stored (so that
  /// a column with no values adds no key).
  private struct PropertyKeys {
    private let names: [String]
    private var ids: [PropertyKeyID?]

    init(_ columns: [Column]) {
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

  /// A column of the header: its name and declared type, if any.
  private struct Column {
    var name: String
    var type: PropertyType?
  }

  /// How a column's values are read.
  private enum PropertyType: String {
    case int, float, boolean, string
  }

  private func header(_ reader: inout CSVReader) throws -> [Column] {
    guard let (_, names) = try reader.nextRow() else { throw reader.error(line: 1, "the file is empty; it needs a header row") }
    let columns = try names.map { raw in
      guard let colon = raw.lastIndex(of: ":") else { return Column(name: raw, type: nil) }
      let name = String(raw[..<colon])
      let spelled = raw[raw.index(after: colon)...].lowercased()
      let aliases: [String: PropertyType] = [
        "int": .int, "long": .int, "integer": .int, "float": .float, "double": .float, "boolean": .boolean,
        "bool": .boolean, "string": .string,
      ]
      guard let type = aliases[spelled] else {
        throw reader.error(line: 1, "column `\(raw)` has an unknown type `\(spelled)` (use int, float, boolean or string)")
      }
      return Column(name: name, type: type)
    }
    try Self.checkDistinct(columns.map(\.name), reader)
    return columns
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

  private func field(_ fields: [String], _ index: Int, _ path: String, _ line: Int) throws -> String {
    guard index < fields.count, !fields[index].isEmpty else {
      throw CSVReader.error(in: path, line: line, "the row has no value in column \(index + 1)")
    }
    return fields[index]
  }

  private func node(_ id: String, _ path: String, _ line: Int) throws -> Int64 {
    guard let node = nodeIDs[id] else { throw CSVReader.error(in: path, line: line, "no imported node has the id `\(id)`") }
    return node
  }

  /// The row's properties: every non-empty field outside `skipping`, typed by its column, under
  /// the columns' interned keys.
  private func properties(
    _ fields: [String], _ columns: [Column], skipping: Set<Int>, _ keys: inout PropertyKeys, _ store: inout GraphStore,
    _ path: String, _ line: Int
  ) throws -> PropertyMap {
    guard fields.count == columns.count else {
      throw CSVReader.error(in: path, line: line, "the row has \(fields.count) fields but the header has \(columns.count) columns")
    }
    var out = PropertyMap()
    for (i, text) in fields.enumerated() where !text.isEmpty && !skipping.contains(i) {
      let column = columns[i]
      let value: Value
      switch column.type {
      case nil: value = Self.infer(text)
      case .string?: value = .string(text)
      case .int?:
        guard let v = Int64(text) else { throw CSVReader.error(in: path, line: line, "`\(text)` in column `\(column.name)` is not an integer") }
        value = .int(v)
      case .float?:
        switch CSVFloat.parse(text) {
        case .success(let v): value = .float(v)
        case .failure(let problem):
          throw CSVReader.error(in: path, line: line, CSVFloat.message(text, column: column.name, problem, typeName: "float"))
        }
      case .boolean?:
        switch text.lowercased() {
        case "true": value = .bool(true)
        case "false": value = .bool(false)
        default: throw CSVReader.error(in: path, line: line, "`\(text)` in column `\(column.name)` is not true or false")
        }
      }
      out.set(keys.id(i, &store), value)
    }
    return out
  }

  /// An untyped value: an integer, a float, a boolean, or else the text itself.
  static func infer(_ text: String) -> Value {
    if let v = Int64(text) { return .int(v) }
    if let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: ".") || (first >= 48 && first <= 57),
      let v = Double(text), v.isFinite
    {
      return .float(v)
    }
    if text == "true" { return .bool(true) }
    if text == "false" { return .bool(false) }
    return .string(text)
  }
}
