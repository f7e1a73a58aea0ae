// The parsing half of the bulk importer: the rows of one piece of a CSV file (see `CSVBatches`)
// read into typed values and, for relationship files, resolved end nodes, with no access to the
// store, so that the pieces of a batch are parsed on all cores at once. The importer then applies
// the pieces' rows to the store in file order (`CSVImporter`).
import GraphCore
import CypherRuntime

/// A column of an import file's header: its name and declared type, if any.
struct CSVColumn: Sendable {
  var name: String
  var type: CSVPropertyType?
}

/// How a column's values are read.
enum CSVPropertyType: String, Sendable {
  case int, float, boolean, string
}

/// The rows of one piece, parsed, up to its first bad row.
struct CSVParsedRows: Sendable {
  /// The id-column value of each row of a node file.
  var ids: [String] = []
  /// The line of each row of a node file (for the duplicate-id error, found when applying).
  var lines: [Int] = []
  /// The store ids of each row's end nodes, for a relationship file.
  var starts: [Int64] = []
  var ends: [Int64] = []
  /// The rows' property values with their columns, row after row; row r's are those from
  /// `valueEnds[r - 1]` (or 0) up to `valueEnds[r]`.
  var columns: [Int32] = []
  var values: [Value] = []
  var valueEnds: [Int] = []
  /// The first bad row, which ends the piece.
  var failure: Failure?

  /// The number of rows read well.
  var count: Int { valueEnds.count }

  /// The positions in `columns` and `values` of row `r`'s property values.
  func valueRange(_ r: Int) -> Range<Int> { (r == 0 ? 0 : valueEnds[r - 1])..<valueEnds[r] }

  /// A bad row: the error to report, its line, and (node files) the id it names when that was
  /// read before the fault, since a duplicate id is reported first.
  struct Failure: Sendable {
    var error: QuiverError
    var line: Int
    var id: String?
  }
}

/// Parses pieces of one node or relationship file; shared by the threads parsing a batch.
struct CSVRowParser: Sendable {
  /// What the rows are.
  enum Role: Sendable {
    /// Nodes, named by the value of column `key`.
    case nodes(key: Int)
    /// Relationships between the nodes named in columns `start` and `end`, resolved by `ids`.
    case relationships(start: Int, end: Int, ids: CSVNodeIDs)
  }

  let path: String
  let delimiter: UInt8
  let columns: [CSVColumn]
  let role: Role
  /// Whether each column holds properties (not a relationship's end columns).
  private let isProperty: [Bool]

  init(path: String, delimiter: UInt8, columns: [CSVColumn], role: Role) {
    self.path = path
    self.delimiter = delimiter
    self.columns = columns
    self.role = role
    var isProperty = Array(repeating: true, count: columns.count)
    if case .relationships(let start, let end, _) = role {
      isProperty[start] = false
      isProperty[end] = false
    }
    self.isProperty = isProperty
  }

  /// The rows of `piece` up to (not including) its first bad row, which is recorded.
  func parse(_ piece: CSVPiece) -> CSVParsedRows {
    var reader = piece.reader(path: path, delimiter: delimiter, strictUTF8: true)
    var out = CSVParsedRows()
    var line = piece.line
    var id: String?
    do {
      while true {
        id = nil
        guard let (rowLine, fields) = try reader.nextRow() else { break }
        line = rowLine
        switch role {
        case .nodes(let key):
          id = try field(fields, key, line)
          try values(fields, line, into: &out)
          out.ids.append(id ?? "")
          out.lines.append(line)
        case .relationships(let start, let end, let ids):
          let from = try node(try field(fields, start, line), ids, line)
          let to = try node(try field(fields, end, line), ids, line)
          try values(fields, line, into: &out)
          out.starts.append(from)
          out.ends.append(to)
        }
        out.valueEnds.append(out.values.count)
      }
    } catch {
      let failure = error as? QuiverError ?? CSVReader.error(in: path, line: line, "\(error)")
      out.failure = CSVParsedRows.Failure(error: failure, line: line, id: id)
    }
    return out
  }

  private func field(_ fields: [String], _ index: Int, _ line: Int) throws -> String {
    guard index < fields.count, !fields[index].isEmpty else {
      throw CSVReader.error(in: path, line: line, "the row has no value in column \(index + 1)")
    }
    return fields[index]
  }

  private func node(_ id: String, _ ids: CSVNodeIDs, _ line: Int) throws -> Int64 {
    guard let node = ids[id] else { throw CSVReader.error(in: path, line: line, "no imported node has the id `\(id)`") }
    return node
  }

  /// Appends the row's property values: every non-empty field of a property column, typed by
  /// its column.
  private func values(_ fields: [String], _ line: Int, into out: inout CSVParsedRows) throws {
    guard fields.count == columns.count else {
      throw CSVReader.error(in: path, line: line, "the row has \(fields.count) fields but the header has \(columns.count) columns")
    }
    for (i, text) in fields.enumerated() where !text.isEmpty && isProperty[i] {
      out.values.append(try value(text, columns[i], line))
      out.columns.append(Int32(i))
    }
  }

  /// The value `text` spells in `column`.
  private func value(_ text: String, _ column: CSVColumn, _ line: Int) throws -> Value {
    switch column.type {
    case nil: return Self.infer(text)
    case .string?: return .string(text)
    case .int?:
      guard let v = Int64(text) else { throw CSVReader.error(in: path, line: line, "`\(text)` in column `\(column.name)` is not an integer") }
      return .int(v)
    case .float?:
      switch CSVFloat.parse(text) {
      case .success(let v): return .float(v)
      case .failure(let problem):
        throw CSVReader.error(in: path, line: line, CSVFloat.message(text, column: column.name, problem, typeName: "float"))
      }
    case .boolean?:
      switch text.lowercased() {
      case "true": return .bool(true)
      case "false": return .bool(false)
      default: throw CSVReader.error(in: path, line: line, "`\(text)` in column `\(column.name)` is not true or false")
      }
    }
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
