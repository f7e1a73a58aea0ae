// The manifest file of a database directory: what the directory is known to hold, so that opening
// one whose write-ahead log was deleted or cut short is an error instead of a smaller graph. Two
// 32-byte slots, each: magic `QUIVMANI`, format version (u32), CRC-32 of the slot's other bytes
// (u32), last committed transaction (u64), log size after it (u64). Commits overwrite the slot of
// their sequence number's parity, so a torn write leaves the other slot whole.

/// A place in the history of a database directory: a committed transaction and the size of the
/// write-ahead log up to the end of its record (the header only, once a checkpoint emptied it).
package struct LogPosition: Sendable, Equatable {
  package var sequence: UInt64
  package var logSize: UInt64

  package init(sequence: UInt64, logSize: UInt64) {
    self.sequence = sequence
    self.logSize = logSize
  }
}

/// Encoding and reading of manifest files.
package enum ManifestFormat {
  package static let magic: [UInt8] = Array("QUIVMANI".utf8)
  package static let version: UInt32 = 1
  package static let slotSize = 32
  package static let fileSize = 2 * slotSize

  /// The slot `entry` is written to: its sequence number's parity.
  package static func slotOffset(for entry: LogPosition) -> Int { Int(entry.sequence % 2) * slotSize }

  /// The 32 bytes of one slot holding `entry`.
  package static func slot(_ entry: LogPosition) -> [UInt8] {
    var w = ByteWriter(capacity: slotSize)
    w.append(magic)
    w.fixed32(version)
    w.fixed32(0)
    w.fixed64(entry.sequence)
    w.fixed64(entry.logSize)
    w.patch32(checksum(w.bytes, at: 0), at: 12)
    return w.bytes
  }

  /// A whole new manifest file holding `entry` in both slots.
  package static func file(_ entry: LogPosition) -> [UInt8] { slot(entry) + slot(entry) }

  /// The newest whole slot of a manifest file's `bytes`.
  /// - Throws: `FormatError` when neither slot is whole or one is of a newer format.
  package static func read(_ bytes: [UInt8]) throws(FormatError) -> LogPosition {
    var newest: LogPosition?
    for start in stride(from: 0, to: fileSize, by: slotSize) where bytes.count >= start + slotSize {
      guard Array(bytes[start..<start + 8]) == magic else { continue }
      var r = ByteReader(bytes, range: start + 8..<start + slotSize)
      let slotVersion = try r.fixed32()
      let sum = try r.fixed32()
      guard sum == checksum(bytes, at: start) else { continue }
      guard slotVersion <= version else {
        throw FormatError(offset: start + 8, message: "format version \(slotVersion) is newer than this Quiver reads (\(version))")
      }
      let entry = LogPosition(sequence: try r.fixed64(), logSize: try r.fixed64())
      if entry.sequence >= newest?.sequence ?? 0 { newest = entry }
    }
    guard let newest else { throw FormatError(offset: 0, message: "no whole manifest record (bad magic number or checksum)") }
    return newest
  }

  /// The CRC-32 of the slot at `start` with its checksum field taken as zero.
  private static func checksum(_ bytes: [UInt8], at start: Int) -> UInt32 {
    var copy = Array(bytes[start..<start + slotSize])
    for i in 12..<16 { copy[i] = 0 }
    return CRC32.checksum(copy, 0..<slotSize)
  }
}
