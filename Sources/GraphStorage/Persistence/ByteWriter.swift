// Appending the primitives of Quiver's binary formats to a byte buffer: little-endian fixed-width
// integers, LEB128 varints (zigzag for signed values), length-prefixed UTF-8 strings.

/// A growable byte buffer with the primitive encoders of the log and snapshot formats.
package struct ByteWriter: Sendable {
  package private(set) var bytes: [UInt8] = []

  package init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

  package var count: Int { bytes.count }

  package mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

  package mutating func byte(_ b: UInt8) { bytes.append(b) }

  package mutating func fixed32(_ v: UInt32) { fixed(v) }

  package mutating func fixed64(_ v: UInt64) { fixed(v) }

  /// `v` in little-endian order, all of its bytes.
  private mutating func fixed<T: FixedWidthInteger>(_ v: T) {
    for shift in stride(from: 0, to: T.bitWidth, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> shift)) }
  }

  /// Overwrites four bytes at `offset` (for a length or checksum filled in afterwards).
  package mutating func patch32(_ v: UInt32, at offset: Int) {
    for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: v >> UInt32(8 * i)) }
  }

  package mutating func varint(_ v: UInt64) {
    var v = v
    while v >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  /// A signed integer, zigzag-encoded so that small magnitudes of either sign stay short.
  package mutating func signed(_ v: Int64) {
    varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
  }

  package mutating func count(_ n: Int) { varint(UInt64(n)) }

  package mutating func string(_ s: String) {
    var s = s
    s.withUTF8 { utf8 in
      count(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  package mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

  /// `count` unsigned integers given by `value(i)`, packed: a width byte (0, 1, 2, 4 or 8 — the
  /// fewest bytes that hold the largest; 0 when every one is 0), then each in that many bytes,
  /// little-endian. Columns of ids and codes so read back in one pass with no per-value branch.
  package mutating func packed(count: Int, _ value: (Int) -> UInt64) {
    var largest: UInt64 = 0
    for i in 0..<count { largest |= value(i) }
    let width = largest == 0 ? 0 : largest <= 0xFF ? 1 : largest <= 0xFFFF ? 2 : largest <= 0xFFFF_FFFF ? 4 : 8
    byte(UInt8(width))
    guard width > 0 else { return }
    bytes.reserveCapacity(bytes.count + count * width)
    for i in 0..<count {
      let v = value(i)
      for k in 0..<width { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(8 * k))) }
    }
  }
}
