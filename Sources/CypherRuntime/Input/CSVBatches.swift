// A CSV file read in batches of whole rows, each batch cut into pieces at row boundaries
// (`CSVRowBoundaries`), so that the bulk importer can parse the pieces on all cores and apply
// their rows in file order. A batch holds about `batchBytes` bytes (more only for a row longer
// than that), so a file of any size is read in bounded memory.

/// A run of whole rows of a CSV file and the file line it begins on.
package struct CSVPiece: Sendable {
  package let bytes: [UInt8]
  package let line: Int

  /// A reader of this piece's rows, naming the file's lines in errors.
  package func reader(path: String, delimiter: UInt8, strictUTF8: Bool) -> CSVReader {
    CSVReader(path: path, piece: bytes, line: line, delimiter: delimiter, strictUTF8: strictUTF8)
  }
}

/// Reads one CSV input (plain or gzip) as batches of pieces.
package struct CSVBatches {
  package let path: String
  private let input: ByteChunks
  private let boundaries: CSVRowBoundaries
  private let batchBytes: Int
  /// Bytes read but not yet handed out; they begin at a row start on `line`.
  private var buffer: [UInt8] = []
  private var line = 1
  private var atEnd = false
  private var started = false

  /// Reads the file at `path`; an unreadable file is an IOError naming it.
  package init(path: String, delimiter: UInt8, batchBytes: Int) throws {
    self.path = path
    input = try ByteChunks(path: path, kind: "CSV file")
    boundaries = CSVRowBoundaries(delimiter: delimiter)
    self.batchBytes = max(1, batchBytes)
  }

  /// The first row (with any blank lines before it) as a piece of its own, for the header; nil
  /// for an input with no bytes.
  package mutating func firstRow() throws -> CSVPiece? {
    try take(pieces: 1, firstRowOnly: true).first
  }

  /// The next batch of rows, cut into at most `pieces` pieces of similar size (fewer when the
  /// rows do not allow more cuts); nil at the end of the input.
  package mutating func next(pieces: Int) throws -> [CSVPiece]? {
    let batch = try take(pieces: max(1, pieces), firstRowOnly: false)
    return batch.isEmpty ? nil : batch
  }

  private mutating func take(pieces: Int, firstRowOnly: Bool) throws -> [CSVPiece] {
    var want = batchBytes
    while true {
      try fill(to: want)
      if buffer.isEmpty { return [] }
      // The batch is cut from the first `want` bytes (the input is read a chunk at a time, so
      // more may be buffered).
      let window = min(buffer.count, want)
      let spacing = firstRowOnly ? 1 : max(1, (window + pieces - 1) / pieces)
      let final = atEnd && window == buffer.count
      let (cuts, end) = buffer.withUnsafeBufferPointer {
        boundaries.cuts(UnsafeBufferPointer(rebasing: $0[..<window]), line: line, final: final, spacing: spacing)
      }
      // No whole row yet: one row is longer than the window.
      if end.offset == 0 {
        want = window * 2
        continue
      }
      var starts = [CSVCut(offset: 0, line: line)]
      starts += cuts.prefix { $0.offset < end.offset }
      if firstRowOnly { starts = Array(starts.prefix(1)) }
      var out: [CSVPiece] = []
      for (index, start) in starts.enumerated() {
        let stop = index + 1 < starts.count ? starts[index + 1] : (firstRowOnly ? (cuts.first ?? end) : end)
        out.append(CSVPiece(bytes: Array(buffer[start.offset..<stop.offset]), line: start.line))
        if index + 1 == starts.count {
          buffer.removeFirst(stop.offset)
          line = stop.line
        }
      }
      return out
    }
  }

  /// Reads until at least `size` bytes are buffered or the input ends; a UTF-8 byte-order mark
  /// at the start of the input is dropped (as `CSVReader` does).
  private mutating func fill(to size: Int) throws {
    while !atEnd && buffer.count < size {
      guard let chunk = try input.next() else {
        atEnd = true
        break
      }
      if !started {
        started = true
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) {
          buffer.append(contentsOf: chunk.dropFirst(3))
          continue
        }
      }
      buffer.append(contentsOf: chunk)
    }
  }
}
