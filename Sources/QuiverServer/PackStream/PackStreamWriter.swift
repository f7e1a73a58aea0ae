// Encodes PackStream into a NIO ByteBuffer: markers and sizes chosen as small as the value
// allows, as the specification requires of a writer. Used for every Bolt response message.
import NIOCore

/// Appends PackStream-encoded values to a `ByteBuffer`.
package struct PackStreamWriter {
  package var buffer: ByteBuffer

  package init(buffer: ByteBuffer) { self.buffer = buffer }

  package mutating func writeNull() { buffer.writeInteger(PackMarker.null) }

  package mutating func writeBool(_ b: Bool) { buffer.writeInteger(b ? PackMarker.true : PackMarker.false) }

  /// An integer in the smallest form: TINY_INT for -16...127, then INT_8/16/32/64.
  package mutating func writeInt(_ i: Int64) {
    if i >= -16 && i <= 127 {
      buffer.writeInteger(Int8(i))
    } else if i >= Int64(Int8.min) && i < -16 {
      buffer.writeInteger(PackMarker.int8)
      buffer.writeInteger(Int8(i))
    } else if i >= Int64(Int16.min) && i <= Int64(Int16.max) {
      buffer.writeInteger(PackMarker.int16)
      buffer.writeInteger(Int16(i))
    } else if i >= Int64(Int32.min) && i <= Int64(Int32.max) {
      buffer.writeInteger(PackMarker.int32)
      buffer.writeInteger(Int32(i))
    } else {
      buffer.writeInteger(PackMarker.int64)
      buffer.writeInteger(i)
    }
  }

  package mutating func writeFloat(_ d: Double) {
    buffer.writeInteger(PackMarker.float64)
    buffer.writeInteger(d.bitPattern)
  }

  package mutating func writeString(_ s: String) {
    let count = s.utf8.count
    writeSize(count, tiny: PackMarker.tinyString, small: PackMarker.string8)
    buffer.writeString(s)
  }

  package mutating func writeBytes(_ bytes: [UInt8]) {
    if bytes.count <= Int(UInt8.max) {
      buffer.writeInteger(PackMarker.bytes8)
      buffer.writeInteger(UInt8(bytes.count))
    } else if bytes.count <= Int(UInt16.max) {
      buffer.writeInteger(PackMarker.bytes16)
      buffer.writeInteger(UInt16(bytes.count))
    } else {
      buffer.writeInteger(PackMarker.bytes32)
      buffer.writeInteger(UInt32(truncatingIfNeeded: bytes.count))
    }
    buffer.writeBytes(bytes)
  }

  /// The header of a list of `count` items; the items follow.
  package mutating func writeListHeader(_ count: Int) {
    writeSize(count, tiny: PackMarker.tinyList, small: PackMarker.list8)
  }

  /// The header of a map of `count` entries; key and value pairs follow.
  package mutating func writeMapHeader(_ count: Int) {
    writeSize(count, tiny: PackMarker.tinyMap, small: PackMarker.map8)
  }

  /// The header of a structure with `count` fields (at most 15) and `tag`; the fields follow.
  package mutating func writeStructHeader(tag: UInt8, count: Int) {
    buffer.writeInteger(PackMarker.tinyStruct | UInt8(min(count, 15)))
    buffer.writeInteger(tag)
  }

  /// Writes any wire value.
  package mutating func write(_ value: PackValue) {
    switch value {
    case .null: writeNull()
    case .bool(let b): writeBool(b)
    case .int(let i): writeInt(i)
    case .float(let d): writeFloat(d)
    case .bytes(let b): writeBytes(b)
    case .string(let s): writeString(s)
    case .list(let items):
      writeListHeader(items.count)
      for item in items { write(item) }
    case .map(let entries):
      writeMapHeader(entries.count)
      for (key, item) in entries.sorted(by: { $0.key < $1.key }) {
        writeString(key)
        write(item)
      }
    case .structure(let tag, let fields):
      writeStructHeader(tag: tag, count: fields.count)
      for field in fields { write(field) }
    }
  }

  /// A size in the tiny form (marker + size for sizes under 16) or with an 8, 16 or 32-bit size
  /// after `small`, `small + 1` and `small + 2`.
  private mutating func writeSize(_ count: Int, tiny: UInt8, small: UInt8) {
    if count < 16 {
      buffer.writeInteger(tiny | UInt8(count))
    } else if count <= Int(UInt8.max) {
      buffer.writeInteger(small)
      buffer.writeInteger(UInt8(count))
    } else if count <= Int(UInt16.max) {
      buffer.writeInteger(small + 1)
      buffer.writeInteger(UInt16(count))
    } else {
      buffer.writeInteger(small + 2)
      buffer.writeInteger(UInt32(truncatingIfNeeded: count))
    }
  }
}
