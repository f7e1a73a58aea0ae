// Where rows of CSV bytes end, found without reading their fields, so that a file can be cut into
// pieces that readers parse at once on several cores. The rules are `CSVReader`'s exactly: a
// quoted field may hold line breaks, rows end with LF, CR or CRLF, blank lines are skipped, and
// the line a reader would be on at each cut is counted the same way (LF inside quotes and in
// blank runs, one per row end), so that a reader started at a cut reports the lines of the file.
import Foundation

/// A row boundary: the offset of the byte after a row's end, and the line a `CSVReader` reading
/// the whole input would be on there.
package struct CSVCut: Sendable, Equatable {
  package var offset: Int
  package var line: Int

  package init(offset: Int, line: Int) {
    self.offset = offset
    self.line = line
  }
}

/// Finds row boundaries in CSV bytes that begin at a row start.
package struct CSVRowBoundaries: Sendable {
  package let delimiter: UInt8

  package init(delimiter: UInt8) {
    self.delimiter = delimiter
  }

  /// Cuts of `bytes` (which begin at a row start on `line`) into pieces of about `spacing`
  /// bytes or more, each cut at the first row end at or after the next multiple of `spacing`
  /// from the previous cut; and `end`, where the complete rows stop. With `final` the bytes are
  /// the rest of the input and `end` is their count; otherwise a row the bytes do not finish
  /// (or whose last CR may be followed by an LF yet unread) is left for the next bytes. After a
  /// malformed quoted field (text after its closing quote) nothing more is cut and `end` is the
  /// count: a reader reports that row, and nothing after it is read.
  package func cuts(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, final: Bool, spacing: Int) -> (cuts: [CSVCut], end: CSVCut) {
    let n = bytes.count
    let spacing = max(1, spacing)
    if !Self.contains(bytes, UInt8(ascii: "\"")) && !Self.contains(bytes, UInt8(ascii: "\r")) {
      return plainCuts(bytes, line: line, final: final, spacing: spacing)
    }
    let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
    var cuts: [CSVCut] = []
    var line = line
    var last = CSVCut(offset: 0, line: line)
    var i = 0
    // The rest, when the bytes end inside a row: complete only if they are the input's end.
    var rest: CSVCut { final ? CSVCut(offset: n, line: line) : last }
    rows: while true {
      while i < n, bytes[i] == lf || bytes[i] == cr {
        if bytes[i] == lf { line += 1 }
        i += 1
      }
      if i == n { return (cuts, final ? CSVCut(offset: n, line: line) : last) }
      fields: while true {
        if i < n, bytes[i] == quote {
          i += 1
          while true {
            guard i < n else { return (cuts, rest) }
            let b = bytes[i]
            i += 1
            if b == quote {
              guard i < n else { return (cuts, rest) }
              if bytes[i] == quote {
                i += 1
                continue
              }
              break
            }
            if b == lf { line += 1 }
          }
          let b = bytes[i]
          if b != delimiter && b != lf && b != cr { return (cuts, CSVCut(offset: n, line: line)) }
        } else {
          while i < n, bytes[i] != delimiter, bytes[i] != lf, bytes[i] != cr { i += 1 }
          guard i < n else { return (cuts, rest) }
        }
        if bytes[i] == delimiter {
          i += 1
          guard i < n else { return (cuts, rest) }
          continue fields
        }
        if bytes[i] == cr {
          i += 1
          guard i < n else { return (cuts, final ? CSVCut(offset: n, line: line + 1) : last) }
        }
        if bytes[i] == lf { i += 1 }
        line += 1
        last = CSVCut(offset: i, line: line)
        if i >= (cuts.last?.offset ?? 0) + spacing && i < n { cuts.append(last) }
        continue rows
      }
    }
  }

  /// `cuts` for bytes with no quote and no CR: every LF ends a row (or a blank line) and adds a
  /// line, so cuts go after LFs.
  private func plainCuts(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, final: Bool, spacing: Int) -> (cuts: [CSVCut], end: CSVCut) {
    let lf = UInt8(ascii: "\n")
    var cuts: [CSVCut] = []
    var line = line
    var last = CSVCut(offset: 0, line: line)
    var next = spacing
    for i in 0..<bytes.count where bytes[i] == lf {
      line += 1
      last = CSVCut(offset: i + 1, line: line)
      if i + 1 >= next && i + 1 < bytes.count {
        cuts.append(last)
        next = i + 1 + spacing
      }
    }
    return (cuts, final ? CSVCut(offset: bytes.count, line: line) : last)
  }

  /// Whether `bytes` hold `byte` (memchr, which scans many bytes per step).
  private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Bool {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
    return memchr(base, Int32(byte), bytes.count) != nil
  }
}
