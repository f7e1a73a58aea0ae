// `quiver import` of files in neo4j-admin's layout: node groups (labels and files, the first of
// which begins with the header; it may hold nothing else) and relationship groups (an optional
// type and files), read in order into one private version of the graph that is published only
// when the import succeeds. Bad rows (wrong field count, a value its column's type cannot read,
// a missing, duplicate or unknown id) stop the import with file, line and reason, or with
// `skipBadRows` are collected and skipped, up to a limit.
import CypherRuntime
import Quiver

/// Settings of a neo4j-admin import.
package struct Neo4jImportOptions: Sendable {
  /// How `:ID` values are read: any text, or integers (`actual` is read as `integer`: Quiver
  /// chooses its own node ids).
  package enum IDType: String, Sendable, CaseIterable { case string, integer, actual }

  package var delimiter: UInt8 = UInt8(ascii: ",")
  package var arrayDelimiter: Character = ";"
  package var idType = IDType.string
  package var skipBadRows = false
  /// With `skipBadRows`, the import fails once more rows than this were bad (nil: no limit).
  package var badRowLimit: Int?
  /// Called every `progressInterval` rows with the rows read so far.
  package var progress: (@Sendable (Int) -> Void)?
  package var progressInterval = 100_000

  package init() {}
}

/// A group of files: the labels (for nodes) or type (for relationships) given with them, and the
/// files, the first beginning with the header.
package struct Neo4jInput: Sendable, Hashable {
  package var names: [String]
  package var files: [String]

  package init(names: [String], files: [String]) {
    self.names = names
    self.files = files
  }
}

/// A row the import skipped or stopped at.
package struct BadRow: Sendable, Hashable, CustomStringConvertible {
  package var file: String
  package var line: Int
  package var reason: String
  package var description: String { "\(file):\(line): \(reason)" }
}

/// What a neo4j-admin import did.
package struct Neo4jImportReport: Sendable {
  package var summary: ImportSummary
  package var badRows: [BadRow]
}

/// Reads neo4j-admin CSV files into a database.
package struct Neo4jAdminImport {
  private let options: Neo4jImportOptions
  /// Node ids by ID space ("" for the global one) and id text.
  private var ids: [String: [String: Int64]] = [:]
  private var badRows: [BadRow] = []
  private var rows = 0

  private init(options: Neo4jImportOptions) { self.options = options }

  /// Imports `nodes`, then `relationships`, into `database` in one transaction.
  /// - Throws: `QuiverError` (IOError `InvalidCSV` with file, line and reason) for a bad header,
  ///   a bad row (unless skipped) or too many bad rows; the database is unchanged then.
  package static func run(
    nodes: [Neo4jInput], relationships: [Neo4jInput], options: Neo4jImportOptions, into database: Database
  ) throws -> Neo4jImportReport {
    var importer = Neo4jAdminImport(options: options)
    let summary = try database.bulkLoad { writer in
      for group in nodes { try importer.read(group, nodes: true, &writer) }
      for group in relationships { try importer.read(group, nodes: false, &writer) }
    }
    return Neo4jImportReport(summary: summary, badRows: importer.badRows)
  }

  /// Reads one group's files with the header of its first file.
  private mutating func read(_ group: Neo4jInput, nodes: Bool, _ writer: inout BulkWriter) throws {
    var columns: [Neo4jColumn]?
    for file in group.files {
      var reader = try CSVReader(path: file, delimiter: options.delimiter, strictUTF8: true)
      if columns == nil {
        guard let (_, fields) = try reader.nextRow() else { throw reader.error(line: 1, "the file is empty; it needs a header row") }
        columns = try header(fields, nodes: nodes, reader)
      }
      guard let columns else { continue }
      while let (line, fields) = try reader.nextRow() {
        do {
          if nodes {
            try node(fields, reader.quotedEmptyFields, columns, group.names, &writer)
          } else {
            try relationship(fields, reader.quotedEmptyFields, columns, group.names.first, &writer)
          }
        } catch let bad as RowError {
          try reject(BadRow(file: file, line: line, reason: bad.reason))
        }
        rows += 1
        if rows % options.progressInterval == 0 { options.progress?(rows) }
      }
    }
  }

  private func header(_ fields: [String], nodes: Bool, _ reader: CSVReader) throws -> [Neo4jColumn] {
    let columns = try fields.map { field in
      switch Neo4jColumn.parse(field) {
      case .success(let column): return column
      case .failure:
        throw reader.error(line: 1, "the header field `\(field)` has an unknown type (use string, int, long, float, double, boolean, date, datetime, localdatetime, time, localtime, duration, each optionally with [], or ID, LABEL, START_ID, END_ID, TYPE, IGNORE)")
      }
    }
    if !nodes {
      guard columns.contains(where: { if case .startID = $0 { return true } else { return false } }),
        columns.contains(where: { if case .endID = $0 { return true } else { return false } })
      else { throw reader.error(line: 1, "a relationships header needs :START_ID and :END_ID columns") }
    }
    try checkDistinct(columns, reader)
    return columns
  }

  /// Throws when two columns store the same property (an `:ID` column's property counts).
  private func checkDistinct(_ columns: [Neo4jColumn], _ reader: CSVReader) throws {
    var first: [String: Int] = [:]
    for (index, column) in columns.enumerated() {
      let name: String
      switch column {
      case .property(let property, _): name = property
      case .id(let property?, _): name = property
      default: continue
      }
      if let earlier = first[name] {
        throw reader.error(line: 1, "column \(index + 1) `\(name)` repeats the property of column \(earlier + 1); column names must differ")
      }
      first[name] = index
    }
  }

  /// A reason to skip a row.
  private struct RowError: Error { let reason: String }

  private mutating func reject(_ row: BadRow) throws {
    guard options.skipBadRows else {
      throw QuiverError.runtime(.io, .invalidCSV, row.description)
    }
    badRows.append(row)
    if let limit = options.badRowLimit, badRows.count > limit {
      throw QuiverError.runtime(.io, .tooManyBadRows, "more than \(limit) bad rows; the last: \(row)")
    }
  }

  private mutating func node(
    _ fields: [String], _ quotedEmpty: [Int], _ columns: [Neo4jColumn], _ labels: [String], _ writer: inout BulkWriter
  ) throws {
    try checkCount(fields, columns)
    var nodeLabels = labels
    var properties: [String: Value] = [:]
    var id: (space: String, key: String)?
    for (index, column) in columns.enumerated() {
      let text = fields[index]
      switch column {
      case .id(let property, let space):
        guard !text.isEmpty else { throw RowError(reason: "the row has no id") }
        let key = try idKey(text)
        let spaceName = space ?? ""
        guard ids[spaceName]?[key] == nil else {
          throw RowError(reason: "the id `\(text)` is already used by another node" + (space.map { " in ID space \($0)" } ?? ""))
        }
        id = (spaceName, key)
        if let property { properties[property] = options.idType == .string ? .string(text) : .int(Int64(key) ?? 0) }
      case .label:
        for label in text.split(separator: options.arrayDelimiter, omittingEmptySubsequences: true) {
          let name = String(label)
          if !nodeLabels.contains(name) { nodeLabels.append(name) }
        }
      case .property(let name, let kind):
        if let value = try self.value(text, quoted: quotedEmpty.contains(index), kind, name) { properties[name] = value }
      case .ignore, .startID, .endID, .type: break
      }
    }
    let node = writer.createNode(labels: nodeLabels, properties: properties)
    if let id { ids[id.space, default: [:]][id.key] = node }
  }

  private mutating func relationship(
    _ fields: [String], _ quotedEmpty: [Int], _ columns: [Neo4jColumn], _ type: String?, _ writer: inout BulkWriter
  ) throws {
    try checkCount(fields, columns)
    var start: Int64?
    var end: Int64?
    var relationshipType = type
    var properties: [String: Value] = [:]
    for (index, column) in columns.enumerated() {
      let text = fields[index]
      switch column {
      case .startID(let space): start = try node(text, space, "start")
      case .endID(let space): end = try node(text, space, "end")
      case .type: if !text.isEmpty { relationshipType = text }
      case .property(let name, let kind):
        if let value = try self.value(text, quoted: quotedEmpty.contains(index), kind, name) { properties[name] = value }
      case .id, .label, .ignore: break
      }
    }
    guard let start, let end else { throw RowError(reason: "the row has no start or end id") }
    guard let relationshipType, !relationshipType.isEmpty else {
      throw RowError(reason: "the row has no relationship type (give a :TYPE column or TYPE=files)")
    }
    writer.createRelationship(type: relationshipType, from: start, to: end, properties: properties)
  }

  private func checkCount(_ fields: [String], _ columns: [Neo4jColumn]) throws {
    guard fields.count == columns.count else {
      throw RowError(reason: "the row has \(fields.count) fields but the header has \(columns.count) columns")
    }
  }

  /// The id as the lookup key: the text, or the integer's canonical text.
  private func idKey(_ text: String) throws -> String {
    guard options.idType != .string else { return text }
    guard let number = Int64(text) else { throw RowError(reason: "the id `\(text)` is not an integer (--id-type \(options.idType.rawValue))") }
    return String(number)
  }

  private func node(_ text: String, _ space: String?, _ role: String) throws -> Int64 {
    guard !text.isEmpty else { throw RowError(reason: "the row has no \(role) id") }
    guard let node = ids[space ?? ""]?[try idKey(text)] else {
      throw RowError(reason: "no node has the \(role) id `\(text)`" + (space.map { " in ID space \($0)" } ?? ""))
    }
    return node
  }

  /// A property field's value: nil when empty (`""` is an empty string, or an empty array).
  private func value(_ text: String, quoted: Bool, _ kind: PropertyKind, _ name: String) throws -> Value? {
    if text.isEmpty && !quoted { return nil }
    guard kind.isArray else { return try scalar(text, kind, name) }
    if text.isEmpty { return .list([]) }
    let element = PropertyKind(kind.scalar)
    let items = try text.split(separator: options.arrayDelimiter, omittingEmptySubsequences: false).map { part in
      try scalar(String(part), element, name)
    }
    return .list(items)
  }

  /// One scalar of `kind`, with the exact reason a float is refused (out of range, a NaN spelled
  /// other than `NaN`).
  private func scalar(_ text: String, _ kind: PropertyKind, _ name: String) throws -> Value {
    if kind.scalar == .double, case .failure(let problem) = CSVFloat.parse(text) {
      throw RowError(reason: CSVFloat.message(text, column: name, problem, typeName: "double"))
    }
    guard let value = kind.parseScalar(text) else { throw RowError(reason: "`\(text)` in column `\(name)` is not a \(kind)") }
    return value
  }
}
