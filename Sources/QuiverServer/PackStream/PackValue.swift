// PackStream values as they travel on the wire: the eleven PackStream types, with structures
// left as a tag and their fields. Requests are decoded into this form and then read by the Bolt
// layer; results are written straight from Quiver values (BoltValueWriter) without it.

/// A PackStream value: what `PackStreamReader` decodes and `PackStreamWriter.write(_:)` encodes.
package enum PackValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int64)
  case float(Double)
  case bytes([UInt8])
  case string(String)
  case list([PackValue])
  case map([String: PackValue])
  /// A structure: a one-byte tag and its fields (at most 15).
  case structure(tag: UInt8, fields: [PackValue])

  /// The string inside, or nil for any other type.
  package var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The integer inside, or nil for any other type.
  package var int: Int64? {
    if case .int(let i) = self { return i }
    return nil
  }

  /// The map inside, or nil for any other type.
  package var map: [String: PackValue]? {
    if case .map(let m) = self { return m }
    return nil
  }

  /// The list inside, or nil for any other type.
  package var list: [PackValue]? {
    if case .list(let l) = self { return l }
    return nil
  }
}

/// PackStream's marker bytes, named as in the specification.
enum PackMarker {
  static let null: UInt8 = 0xC0
  static let float64: UInt8 = 0xC1
  static let `false`: UInt8 = 0xC2
  static let `true`: UInt8 = 0xC3
  static let int8: UInt8 = 0xC8
  static let int16: UInt8 = 0xC9
  static let int32: UInt8 = 0xCA
  static let int64: UInt8 = 0xCB
  static let bytes8: UInt8 = 0xCC
  static let bytes16: UInt8 = 0xCD
  static let bytes32: UInt8 = 0xCE
  static let tinyString: UInt8 = 0x80
  static let string8: UInt8 = 0xD0
  static let string16: UInt8 = 0xD1
  static let string32: UInt8 = 0xD2
  static let tinyList: UInt8 = 0x90
  static let list8: UInt8 = 0xD4
  static let list16: UInt8 = 0xD5
  static let list32: UInt8 = 0xD6
  static let tinyMap: UInt8 = 0xA0
  static let map8: UInt8 = 0xD8
  static let map16: UInt8 = 0xD9
  static let map32: UInt8 = 0xDA
  static let tinyStruct: UInt8 = 0xB0
}
