// Checking that bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
// above U+10FFFF), for readers that refuse invalid text rather than repair it. A plain loop over
// the bytes: the standard library's `String(validating:as:)` is generic and looks up type
// metadata on every call, which dominated the cost of reading a CSV field.

/// Well-formedness of UTF-8 byte sequences.
enum UTF8Validation {
  /// The offset of the first byte that does not start or continue a well-formed sequence, or nil
  /// when every byte does.
  static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
    bytes.withUnsafeBufferPointer { firstInvalidOffset($0) }
  }

  /// The offset of the first byte that does not start or continue a well-formed sequence, or nil
  /// when every byte does.
  static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let count = bytes.count
    var i = 0
    while i < count {
      let lead = bytes[i]
      if lead < 0x80 {
        i += 1
        continue
      }
      // The length of the sequence and the range its second byte must fall in (which rules out
      // overlong forms, surrogates and code points above U+10FFFF).
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; high = 0x9F
      case 0xF0: length = 4; low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; high = 0x8F
      default: return i
      }
      guard i + 1 < count, (low...high).contains(bytes[i + 1]) else { return i }
      var k = 2
      while k < length {
        guard i + k < count, (0x80...0xBF).contains(bytes[i + k]) else { return i }
        k += 1
      }
      i += length
    }
    return nil
  }
}
