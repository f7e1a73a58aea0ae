// A streaming reader of RFC 4180 CSV for LOAD CSV and the bulk importers: fields separated by
// one delimiter byte, quoted with `"` when they hold a delimiter, a quote (written twice) or a
// line break; rows end with LF or CRLF. It pulls the input a chunk at a time (`ByteChunks`), so a
// file of any size is read in bounded memory, and makes a String only of each field it returns.
import GraphCore

/// Rows of one CSV input, read in order.
package struct CSVReader {
  package let path: String
  private let input: ByteChunks
  private var buffer: [UInt8] = []
  private var position = 0
  private var atEnd = false
  private let delimiter: UInt8
  /// Fields must be valid UTF-8 (LOAD CSV); otherwise invalid bytes become U+FFFD.
  private let strictUTF8: Bool
  /// The line the next row starts on (1-based).
  package private(set) var line = 1
  /// Indices of the last row's fields that were written as `""` (an empty string, where an
  /// empty unquoted field means no value).
  package private(set) var quotedEmptyFields: [Int] = []
  private var lastFieldQuoted = false
  /// The number of fields of the last row read.
  private var lastFieldCount = 0
  private var startedInput = false

  /// Reads the file at `path` (gzip or plain) as it goes; an unreadable file is an IOError naming it.
  package init(path: String, delimiter: UInt8 = UInt8(ascii: ","), strictUTF8: Bool = false) throws {
    self.init(path: path, chunks: try ByteChunks(path: path, kind: "CSV file"), delimiter: delimiter, strictUTF8: strictUTF8)
  }

  /// Reads `bytes` (already loaded, e.g. decompressed), naming them `path` in errors.
  package init(path: String, bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) {
    self.init(path: path, chunks: ByteChunks(bytes: bytes, name: path), delimiter: delimiter, strictUTF8: false)
  }

  /// Reads `chunks`, naming them `path` in errors.
  package init(path: String, chunks: ByteChunks, delimiter: UInt8, strictUTF8: Bool) {
    self.path = path
    self.input = chunks
    self.delimiter = delimiter
    self.strictUTF8 = strictUTF8
  }

  /// Reads a piece of a file (see `CSVBatches`): `bytes` begin at a row start on `line` of the
  /// file at `path`, so errors name the file's lines; no byte-order mark is skipped.
  package init(path: String, piece bytes: [UInt8], line: Int, delimiter: UInt8, strictUTF8: Bool) {
    self.init(path: path, chunks: ByteChunks(bytes: bytes, name: path), delimiter: delimiter, strictUTF8: strictUTF8)
    self.line = line
    startedInput = true
  }

  /// Makes sure a byte is buffered at `position` unless the input is exhausted; false at the end.
  /// Inlined for the common case of a byte already buffered; `refill` reads the next chunk.
  @inline(__always)
  private mutating func fill() throws -> Bool {
    position < buffer.count ? true : try refill()
  }

  /// Reads the next chunk into the buffer (skipping a leading byte-order mark); false at the end.
  private mutating func refill() throws -> Bool {
    if position < buffer.count { return true }
    if atEnd { return false }
    guard let chunk = try input.next() else {
      atEnd = true
      buffer = []
      position = 0
      return false
    }
    buffer = chunk
    position = 0
    if !startedInput {
      startedInput = true
      // A UTF-8 byte-order mark is not part of the first field (assumed within the first chunk).
      if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
      return try refill()
    }
    return true
  }

  /// The byte at `position`, or nil at the end of the input.
  private mutating func peek() throws -> UInt8? {
    try fill() ? buffer[position] : nil
  }

  /// The next row's fields and the line it starts on; nil at the end of the file. Blank lines
  /// are skipped.
  package mutating func nextRow() throws -> (line: Int, fields: [String])? {
    if !quotedEmptyFields.isEmpty { quotedEmptyFields.removeAll() }
    while let b = try peek(), b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
      if b == UInt8(ascii: "\n") { line += 1 }
      position += 1
    }
    guard try fill() else { return nil }
    let start = line
    var fields: [String] = []
    // Sized like the row before (rows mostly have the header's count): one allocation per row.
    fields.reserveCapacity(lastFieldCount)
    while true {
      let text = try field(rowStart: start, number: fields.count + 1)
      if lastFieldQuoted && text.isEmpty { quotedEmptyFields.append(fields.count) }
      fields.append(text)
      guard let b = try peek() else { break }
      if b == delimiter {
        position += 1
        // A delimiter at the very end of the input still ends an (empty) field.
        if try !fill() {
          fields.append("")
          break
        }
        continue
      }
      // End of the row: LF or CRLF.
      if b == UInt8(ascii: "\r") { position += 1 }
      if try peek() == UInt8(ascii: "\n") { position += 1 }
      line += 1
      break
    }
    lastFieldCount = fields.count
    return (start, fields)
  }

  /// One field, leaving `position` on the delimiter or line end after it.
  private mutating func field(rowStart: Int, number: Int) throws -> String {
    lastFieldQuoted = try peek() == UInt8(ascii: "\"")
    guard lastFieldQuoted else {
      var out: [UInt8] = []
      while try fill() {
        let start = position
        let delimiter = delimiter
        position = buffer.withUnsafeBufferPointer { bytes in
          var i = start
          while i < bytes.count {
            let b = bytes[i]
            if b == delimiter || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { break }
            i += 1
          }
          return i
        }
        if position < buffer.count {
          if out.isEmpty { return try text(buffer[start..<position], line: rowStart, field: number) }
          out.append(contentsOf: buffer[start..<position])
          break
        }
        out.append(contentsOf: buffer[start..<position])
      }
      return try text(out[...], line: rowStart, field: number)
    }
    position += 1
    var out: [UInt8] = []
    while true {
      guard let b = try peek() else {
        throw error(line: rowStart, "a quoted field is never closed")
      }
      position += 1
      if b == UInt8(ascii: "\"") {
        if try peek() == UInt8(ascii: "\"") {
          out.append(b)
          position += 1
          continue
        }
        break
      }
      if b == UInt8(ascii: "\n") { line += 1 }
      out.append(b)
    }
    if let b = try peek(), b != delimiter && b != UInt8(ascii: "\n") && b != UInt8(ascii: "\r") {
      throw error(line: line, "a quoted field is followed by text before the next delimiter")
    }
    return try text(out[...], line: rowStart, field: number)
  }

  /// The field's bytes as a String; with `strictUTF8`, invalid UTF-8 is an error that names the
  /// field (column) and the first bad byte. Mutating though it changes nothing: called from the
  /// mutating field reader, a non-mutating method made a copy of the whole reader per field.
  private mutating func text(_ bytes: ArraySlice<UInt8>, line: Int, field: Int) throws -> String {
    if strictUTF8, let offset = UTF8Validation.firstInvalidOffset(bytes) {
      let bad = bytes[bytes.startIndex + offset]
      let hex = String(bad, radix: 16, uppercase: true)
      throw error(line: line, "field \(field) is not valid UTF-8 (its byte \(offset + 1) is 0x\(hex.count == 1 ? "0" : "")\(hex))")
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// An import error located at `line` of this file.
  package func error(line: Int, _ message: String) -> QuiverError {
    Self.error(in: path, line: line, message)
  }

  /// An import error located at `line` of the file at `path`, for code that reports errors per
  /// row without holding (and so copying) the reader.
  package static func error(in path: String, line: Int, _ message: String) -> QuiverError {
    QuiverError.runtime(.io, .invalidCSV, "\(path):\(line): \(message)")
  }
}
