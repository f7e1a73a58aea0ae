// The write-ahead log's file format. A 16-byte header (magic `QUIVRWAL`, format version, header
// checksum), then one record per committed transaction: payload length (u32), CRC-32 of the
// payload (u32), payload = format version (u8), sequence number (u64), change count, changes.
import GraphCore

/// One decoded log record: a committed transaction.
package struct LogRecord: Sendable {
  package let sequence: UInt64
  package let changes: [StoreChange]
  /// Byte offset of the record in the file.
  package let offset: Int
}

/// What scanning a log file found: its whole records, where the good part ends, and a warning
/// when a torn or damaged tail must be cut off.
package struct LogScan: Sendable {
  package var records: [LogRecord] = []
  /// Length of the valid prefix; 0 when even the header must be written anew.
  package var validEnd = 0
  package var warning: String?
}

/// Encoding and scanning of write-ahead log files.
package enum LogFormat {
  package static let magic: [UInt8] = Array("QUIVRWAL".utf8)
  package static let version: UInt8 = 1
  package static let headerSize = 16
  private static let recordHeaderSize = 8

  /// The file header of a new log.
  package static func header() -> [UInt8] {
    var w = ByteWriter(capacity: headerSize)
    w.append(magic)
    w.fixed32(UInt32(version))
    w.fixed32(CRC32.checksum(w.bytes, 0..<12))
    return w.bytes
  }

  /// The bytes of one record holding `changes` as transaction number `sequence`.
  package static func record(sequence: UInt64, changes: [StoreChange]) -> [UInt8] {
    var bytes: [UInt8] = []
    encodeRecord(sequence: sequence, changes: changes, pieceSize: .max) { piece, _ in bytes = piece }
    return bytes
  }

  /// Encodes the record of `changes` as transaction `sequence` piece by piece, so that a large
  /// transaction is never held encoded whole: each piece of about `pieceSize` bytes goes to
  /// `sink` with its offset in the record once it is full, and the record header (its length and
  /// checksum, known only at the end) last. A record that fits one piece goes in one call, header
  /// included, as `record` returns it. Returns the record's size, or nil as soon as it passes
  /// `limit` bytes (the pieces already handed over are then the caller's to cut off).
  @discardableResult
  package static func encodeRecord(
    sequence: UInt64, changes: [StoreChange], limit: Int = .max, pieceSize: Int = 1 << 20,
    to sink: ([UInt8], Int) throws -> Void
  ) rethrows -> Int? {
    var w = ByteWriter(capacity: min(pieceSize, 64 + changes.count * 32) + 4096)
    w.fixed32(0)
    w.fixed32(0)
    w.byte(version)
    w.fixed64(sequence)
    w.count(changes.count)
    var checksum: UInt32 = 0
    var handed = 0
    var next = 0
    while true {
      while next < changes.count && w.count < pieceSize {
        w.change(changes[next])
        next += 1
      }
      let done = next == changes.count
      guard handed + w.count <= limit else { return nil }
      if done && handed == 0 {
        w.patch32(UInt32(truncatingIfNeeded: w.count - recordHeaderSize), at: 0)
        w.patch32(CRC32.checksum(w.bytes, recordHeaderSize..<w.count), at: 4)
        try sink(w.bytes, 0)
        return w.count
      }
      // The header's eight bytes are not checksummed; they are written last.
      let skip = handed == 0 ? recordHeaderSize : 0
      checksum = w.bytes.withUnsafeBytes { CRC32.extend(checksum, UnsafeRawBufferPointer(rebasing: $0[skip...])) }
      try sink(w.bytes, handed)
      handed += w.count
      w.removeAll()
      if done {
        var head = ByteWriter(capacity: recordHeaderSize)
        head.fixed32(UInt32(truncatingIfNeeded: handed - recordHeaderSize))
        head.fixed32(checksum)
        try sink(head.bytes, 0)
        return handed
      }
    }
  }

  /// An I/O error about `file` at byte `offset`.
  package static func damaged(_ file: String, _ offset: Int, _ message: String) -> QuiverError {
    QuiverError(.io, .corruptLog, "write-ahead log `\(file)` at byte offset \(offset): \(message)", phase: .runtime)
  }

  /// Reads every whole record of a log file. A torn or damaged last record is reported in
  /// `warning` and left out; damage followed by valid records, a record of a newer format or
  /// records out of sequence are errors, since cutting there would lose committed transactions.
  package static func scan(_ bytes: [UInt8], file: String) throws(QuiverError) -> LogScan {
    var scan = LogScan()
    if bytes.count < headerSize {
      if bytes.isEmpty { return scan }
      guard header().starts(with: bytes) || bytes.allSatisfy({ $0 == 0 }) else {
        throw damaged(file, 0, "not a Quiver write-ahead log (bad magic number)")
      }
      scan.warning = "write-ahead log `\(file)` had an incomplete header (\(bytes.count) bytes); it was started anew"
      return scan
    }
    guard Array(bytes[0..<8]) == magic else {
      if bytes[0..<headerSize].allSatisfy({ $0 == 0 }) && bytes.count == headerSize {
        scan.warning = "write-ahead log `\(file)` had an unwritten header; it was started anew"
        return scan
      }
      throw damaged(file, 0, "not a Quiver write-ahead log (bad magic number)")
    }
    var r = ByteReader(bytes, range: 8..<headerSize)
    let fileVersion = (try? r.fixed32()) ?? 0
    let headerSum = (try? r.fixed32()) ?? 0
    guard headerSum == CRC32.checksum(bytes, 0..<12) else { throw damaged(file, 8, "header checksum mismatch") }
    guard fileVersion <= UInt32(version) else {
      throw damaged(file, 8, "format version \(fileVersion) is newer than this Quiver reads (\(version))")
    }
    var pos = headerSize
    var last: UInt64?
    while pos < bytes.count {
      guard let end = wholeRecord(bytes, at: pos) else {
        if let later = laterRecord(bytes, after: pos, sequenceAbove: last) {
          throw damaged(file, pos, "damaged record followed by a valid record at byte offset \(later)")
        }
        scan.warning = "write-ahead log `\(file)`: cut \(bytes.count - pos) bytes of an incomplete or damaged last record at byte offset \(pos)"
        break
      }
      let record = try decode(bytes, pos, end, file: file)
      if let last, record.sequence != last + 1 {
        throw damaged(file, pos, "transaction \(record.sequence) follows transaction \(last)")
      }
      last = record.sequence
      scan.records.append(record)
      pos = end
    }
    scan.validEnd = pos
    return scan
  }

  /// The end of the record at `pos` when its length fits the file and its checksum matches.
  private static func wholeRecord(_ bytes: [UInt8], at pos: Int) -> Int? {
    guard bytes.count - pos >= recordHeaderSize else { return nil }
    var r = ByteReader(bytes, range: pos..<pos + recordHeaderSize)
    guard let length = try? r.fixed32(), let sum = try? r.fixed32() else { return nil }
    let start = pos + recordHeaderSize
    guard length >= 10, Int(length) <= bytes.count - start else { return nil }
    return CRC32.checksum(bytes, start..<start + Int(length)) == sum ? start + Int(length) : nil
  }

  /// The offset of a whole record after damage at `pos`, if there is one: its version byte and a
  /// sequence number above the last good one are checked before the checksum.
  private static func laterRecord(_ bytes: [UInt8], after pos: Int, sequenceAbove last: UInt64?) -> Int? {
    var p = pos + 1
    while p + recordHeaderSize + 9 <= bytes.count {
      if bytes[p + recordHeaderSize] == version {
        var r = ByteReader(bytes, range: p + recordHeaderSize + 1..<p + recordHeaderSize + 9)
        if let seq = try? r.fixed64(), seq > (last ?? 0), wholeRecord(bytes, at: p) != nil { return p }
      }
      p += 1
    }
    return nil
  }

  private static func decode(_ bytes: [UInt8], _ pos: Int, _ end: Int, file: String) throws(QuiverError) -> LogRecord {
    var r = ByteReader(bytes, range: pos + recordHeaderSize..<end)
    do {
      let v = try r.byte()
      guard v <= version else {
        throw damaged(file, pos, "record of format version \(v), newer than this Quiver reads (\(version))")
      }
      let sequence = try r.fixed64()
      let n = try r.count()
      var changes: [StoreChange] = []
      changes.reserveCapacity(n)
      for _ in 0..<n { changes.append(try r.change()) }
      guard r.isAtEnd else { throw damaged(file, r.offset, "unexpected bytes at the end of a record") }
      return LogRecord(sequence: sequence, changes: changes, offset: pos)
    } catch let e as FormatError {
      throw damaged(file, e.offset, e.message)
    } catch let e as QuiverError {
      throw e
    } catch {
      throw damaged(file, pos, "\(error)")
    }
  }
}
