// LOAD CSV: a row source that, for each input row, opens the file its URL names (inside the
// import directory, gzip or plain) and yields one row per record as it reads them, so that a file
// of any size streams through in bounded memory.
import CypherPlanner
import GraphCore

/// For each input row, one row per record of the CSV file the URL names: the record as a list of
/// strings, or with headers as a map keyed by the first record's fields. An unquoted empty field
/// is null; a quoted one (`""`) the empty string.
final class LoadCSVCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let spec: LoadCSVSpec
  /// The file being read, with the input row it was opened for and its header.
  private var reader: CSVReader?
  private var row: Row = []
  private var header: [String]?
  private var path = ""

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: LoadCSVSpec) {
    self.input = input
    self.ctx = ctx
    self.spec = spec
  }

  func next() throws -> Row? {
    while true {
      if reader != nil, let record = try nextRecord() { return record }
      reader = nil
      guard let next = try input.next() else { return nil }
      try open(for: next)
    }
  }

  /// Opens the file of `next`'s URL and reads its header.
  private func open(for next: Row) throws {
    let url: String
    switch try ctx.eval(spec.url, next) {
    case .string(let s): url = s
    case let v: throw QuiverError.typeError("LOAD CSV needs a URL string, got \(v.typeName)")
    }
    path = try ctx.imports.resolve(url)
    let chunks = try ByteChunks(path: path)
    var opened = CSVReader(path: url, chunks: chunks, delimiter: spec.delimiter, strictUTF8: true)
    header = nil
    if spec.withHeaders {
      // An empty file has no header and no rows.
      guard let (_, fields) = try opened.nextRow() else { return }
      header = fields
    }
    row = next
    reader = opened
  }

  /// The next record of the open file as a row, or nil at its end.
  private func nextRecord() throws -> Row? {
    guard var current = reader else { return nil }
    defer { reader = current }
    guard let (line, fields) = try current.nextRow() else { return nil }
    try ctx.checkCancelled()
    let quoted = current.quotedEmptyFields
    func value(_ index: Int) -> Value {
      let text = fields[index]
      return text.isEmpty && !quoted.contains(index) ? .null : .string(text)
    }
    var out = row
    if let header {
      guard fields.count == header.count else {
        throw current.error(line: line, "the record has \(fields.count) field\(fields.count == 1 ? "" : "s") but the header has \(header.count)")
      }
      var map: [String: Value] = [:]
      map.reserveCapacity(header.count)
      for (index, key) in header.enumerated() { map[key] = value(index) }
      out[spec.slot] = .map(map)
    } else {
      out[spec.slot] = .list(fields.indices.map(value))
    }
    out[spec.lineSlot] = .int(Int64(line))
    out[spec.fileSlot] = .string(path)
    return out
  }
}
