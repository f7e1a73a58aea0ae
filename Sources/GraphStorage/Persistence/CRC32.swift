// CRC-32 (the IEEE 802.3 polynomial, as zlib and PNG use it) over byte buffers, computed with
// eight lookup tables (slicing-by-8). It guards every log record and snapshot block against torn
// writes and flipped bits.

/// The CRC-32 checksum of byte buffers.
package enum CRC32 {
  /// The eight tables one after another: entry `i` of table `t` is at `256 * t + i`.
  private static let tables: [UInt32] = {
    var tables = [UInt32](repeating: 0, count: 8 * 256)
    for i in 0..<256 {
      var c = UInt32(i)
      for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
      tables[i] = c
    }
    for t in 1..<8 {
      for i in 0..<256 {
        let previous = tables[256 * (t - 1) + i]
        tables[256 * t + i] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
      }
    }
    return tables
  }()

  /// The checksum of `bytes`, eight bytes per step read as one little-endian word.
  package static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 { extend(0, bytes) }

  /// The checksum of the bytes whose checksum is `checksum` followed by `bytes`, so that a long
  /// record can be checked piece by piece: `extend(checksum(a), b) == checksum(a + b)`.
  package static func extend(_ checksum: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
    var crc = ~checksum
    let count = bytes.count
    var i = 0
    tables.withUnsafeBufferPointer { t in
      while i + 8 <= count {
        let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        let lo = crc ^ UInt32(truncatingIfNeeded: word)
        let hi = UInt32(truncatingIfNeeded: word >> 32)
        crc = t[1792 + Int(lo & 0xFF)] ^ t[1536 + Int((lo >> 8) & 0xFF)] ^ t[1280 + Int((lo >> 16) & 0xFF)] ^ t[1024 + Int(lo >> 24)]
          ^ t[768 + Int(hi & 0xFF)] ^ t[512 + Int((hi >> 8) & 0xFF)] ^ t[256 + Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
        i += 8
      }
      while i < count {
        crc = t[Int((crc ^ UInt32(bytes[i])) & 0xFF)] ^ (crc >> 8)
        i += 1
      }
    }
    return crc ^ 0xFFFF_FFFF
  }

  /// The checksum of `bytes[range]`.
  package static func checksum(_ bytes: [UInt8], _ range: Range<Int>) -> UInt32 {
    bytes.withUnsafeBytes { checksum(UnsafeRawBufferPointer(rebasing: $0[range])) }
  }
}
