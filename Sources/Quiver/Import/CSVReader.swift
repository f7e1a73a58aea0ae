// A reader of RFC 4180 CSV for the bulk importer: fields separated by one delimiter byte, quoted
// with `"` when they hold a delimiter, a quote (written twice) or a line break; rows end with LF
// or CRLF. It works on the file's bytes and makes a String only of each field it returns.
import Foundation
import GraphCore

/// Rows of one CSV file, read in order.
package struct CSVReader {
  package let path: String
  private let bytes: [UInt8]
  private let delimiter: UInt8
  private var position = 0
  /// The line the next row starts on (1-based).
  package private(set) var line = 1
  /// Indices of the last row's fields that were written as `""` (an empty string, where an
  /// empty unquoted field means no value).
  package private(set) var quotedEmptyFields: [Int] = []
  private var lastFieldQuoted = false

  /// Reads the whole file; an unreadable file is an IOError naming it.
  package init(path: String, delimiter: UInt8 = UInt8(ascii: ",")) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw QuiverError.runtime(.io, .fileNotReadable, "cannot read the CSV file \(path)")
    }
    self.init(path: path, bytes: [UInt8](data), delimiter: delimiter)
  }

  /// Reads `bytes` (already loaded, e.g. decompressed), naming them `path` in errors.
  package init(path: String, bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) {
    self.path = path
    self.delimiter = delimiter
    self.bytes = bytes
    // A UTF-8 byte-order mark is not part of the first field.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
  }

  /// The next row's fields and the line it starts on; nil at the end of the file. Blank lines
  /// are skipped.
  package mutating func nextRow() throws -> (line: Int, fields: [String])? {
    if !quotedEmptyFields.isEmpty { quotedEmptyFields.removeAll() }
    while position < bytes.count, bytes[position] == UInt8(ascii: "\n") || bytes[position] == UInt8(ascii: "\r") {
      if bytes[position] == UInt8(ascii: "\n") { line += 1 }
      position += 1
    }
    guard position < bytes.count else { return nil }
    let start = line
    var fields: [String] = []
    while true {
      let text = try field(rowStart: start)
      if lastFieldQuoted && text.isEmpty { quotedEmptyFields.append(fields.count) }
      fields.append(text)
      guard position < bytes.count else { break }
      let b = bytes[position]
      if b == delimiter {
        position += 1
        continue
      }
      // End of the row: LF or CRLF.
      if b == UInt8(ascii: "\r") { position += 1 }
      if position < bytes.count, bytes[position] == UInt8(ascii: "\n") { position += 1 }
      line += 1
      break
    }
    return (start, fields)
  }

  /// One field, leaving `position` on the delimiter or line end after it.
  private mutating func field(rowStart: Int) throws -> String {
    lastFieldQuoted = position < bytes.count && bytes[position] == UInt8(ascii: "\"")
    guard lastFieldQuoted else {
      let start = position
      while position < bytes.count {
        let b = bytes[position]
        if b == delimiter || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { break }
        position += 1
      }
      return String(decoding: bytes[start..<position], as: UTF8.self)
    }
    position += 1
    var out: [UInt8] = []
    while true {
      guard position < bytes.count else {
        throw error(line: rowStart, "a quoted field is never closed")
      }
      let b = bytes[position]
      position += 1
      if b == UInt8(ascii: "\"") {
        if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
          out.append(b)
          position += 1
          continue
        }
        break
      }
      if b == UInt8(ascii: "\n") { line += 1 }
      out.append(b)
    }
    if position < bytes.count {
      let b = bytes[position]
      if b != delimiter && b != UInt8(ascii: "\n") && b != UInt8(ascii: "\r") {
        throw error(line: line, "a quoted field is followed by text before the next delimiter")
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// An import error located at `line` of this file.
  package func error(line: Int, _ message: String) -> QuiverError {
    QuiverError.runtime(.io, .invalidCSV, "\(path):\(line): \(message)")
  }
}
