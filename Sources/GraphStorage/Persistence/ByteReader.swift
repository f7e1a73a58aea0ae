// Reading the primitives of Quiver's binary formats back, with every length and count checked
// against the bytes that remain: damaged input ends in a `FormatError` that says where, never in
// a trap.

/// Why bytes could not be decoded, and at which offset of the buffer.
package struct FormatError: Error, Sendable {
  package let offset: Int
  package let message: String
}

/// A cursor over a byte buffer with checked decoders for the primitives `ByteWriter` writes.
package struct ByteReader {
  private let bytes: [UInt8]
  package private(set) var offset: Int
  private let end: Int

  package init(_ bytes: [UInt8], range: Range<Int>? = nil) {
    self.bytes = bytes
    self.offset = range?.lowerBound ?? 0
    self.end = range?.upperBound ?? bytes.count
  }

  package var isAtEnd: Bool { offset >= end }
  package var remaining: Int { end - offset }

  package func fail(_ message: String) -> FormatError { FormatError(offset: offset, message: message) }

  package mutating func byte() throws(FormatError) -> UInt8 {
    guard offset < end else { throw fail("unexpected end of data") }
    defer { offset += 1 }
    return bytes[offset]
  }

  package mutating func fixed32() throws(FormatError) -> UInt32 { try fixed() }

  package mutating func fixed64() throws(FormatError) -> UInt64 { try fixed() }

  /// A little-endian unsigned integer of `T`'s width.
  private mutating func fixed<T: FixedWidthInteger & UnsignedInteger>() throws(FormatError) -> T {
    let size = T.bitWidth / 8
    guard remaining >= size else { throw fail("unexpected end of data") }
    var v: T = 0
    for i in 0..<size { v |= T(bytes[offset + i]) << (8 * i) }
    offset += size
    return v
  }

  package mutating func varint() throws(FormatError) -> UInt64 {
    var v: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let b = try byte()
      if shift == 63 && b > 1 { throw fail("integer too large") }
      v |= UInt64(b & 0x7F) << shift
      if b & 0x80 == 0 { return v }
      shift += 7
      if shift > 63 { throw fail("integer too long") }
    }
  }

  package mutating func signed() throws(FormatError) -> Int64 {
    let z = try varint()
    return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
  }

  /// A non-negative integer that fits in `Int` and is at most `limit`.
  package mutating func int(max limit: Int = Int.max) throws(FormatError) -> Int {
    let start = offset
    let v = try varint()
    guard limit >= 0, v <= UInt64(limit) else { throw FormatError(offset: start, message: "number \(v) out of range") }
    return Int(v)
  }

  /// A count of items that each take at least one byte, so it cannot exceed the bytes left.
  package mutating func count() throws(FormatError) -> Int {
    let start = offset
    let n = try int()
    guard n <= remaining else { throw FormatError(offset: start, message: "count \(n) exceeds the bytes left") }
    return n
  }

  /// `count` unsigned integers as `ByteWriter.packed` wrote them.
  package mutating func packed(count n: Int) throws(FormatError) -> [UInt64] {
    let widthAt = offset
    let width = Int(try byte())
    guard width == 0 || width == 1 || width == 2 || width == 4 || width == 8 else {
      throw FormatError(offset: widthAt, message: "packed width \(width) is not 0, 1, 2, 4 or 8")
    }
    guard width == 0 || n <= remaining / width else { throw fail("unexpected end of data") }
    var out = [UInt64](repeating: 0, count: n)
    guard width > 0 else { return out }
    let start = offset
    bytes.withUnsafeBytes { raw in
      out.withUnsafeMutableBufferPointer { out in
        func load<T: FixedWidthInteger & UnsignedInteger>(_: T.Type) {
          for i in 0..<n { out[i] = UInt64(T(littleEndian: raw.loadUnaligned(fromByteOffset: start + width * i, as: T.self))) }
        }
        switch width {
        case 1: load(UInt8.self)
        case 2: load(UInt16.self)
        case 4: load(UInt32.self)
        default: load(UInt64.self)
        }
      }
    }
    offset += n * width
    return out
  }

  package mutating func string() throws(FormatError) -> String {
    let n = try count()
    let start = offset
    guard let s = String(validating: bytes[start..<start + n], as: UTF8.self) else {
      throw FormatError(offset: start, message: "string is not valid UTF-8")
    }
    offset += n
    return s
  }
}
