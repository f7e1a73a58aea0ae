// Decodes PackStream from a complete message's bytes into `PackValue`s. Every size is checked
// against the bytes that remain, and nesting is bounded, so malformed input from a client is an
// error (and the end of its connection), never a crash or a huge allocation.
import NIOCore

/// Why a message could not be decoded.
package struct PackStreamError: Error, Hashable, CustomStringConvertible {
  package let message: String
  package init(_ message: String) { self.message = message }
  package var description: String { message }
}

/// Reads PackStream values from a buffer holding one whole message.
package struct PackStreamReader {
  package var buffer: ByteBuffer
  /// Lists, maps and structures may nest this deep.
  private let maxDepth = 64

  package init(buffer: ByteBuffer) { self.buffer = buffer }

  /// Bytes not read yet.
  package var remaining: Int { buffer.readableBytes }

  /// Reads the next value.
  package mutating func read() throws -> PackValue { try read(depth: 0) }

  private mutating func read(depth: Int) throws -> PackValue {
    guard depth < maxDepth else { throw PackStreamError("values nest more than \(maxDepth) deep") }
    let marker: UInt8 = try integer()
    switch marker {
    case 0x00...0x7F: return .int(Int64(marker))
    case 0xF0...0xFF: return .int(Int64(Int8(bitPattern: marker)))
    case PackMarker.null: return .null
    case PackMarker.false: return .bool(false)
    case PackMarker.true: return .bool(true)
    case PackMarker.float64: return .float(Double(bitPattern: try integer(UInt64.self)))
    case PackMarker.int8: return .int(Int64(try integer(Int8.self)))
    case PackMarker.int16: return .int(Int64(try integer(Int16.self)))
    case PackMarker.int32: return .int(Int64(try integer(Int32.self)))
    case PackMarker.int64: return .int(try integer(Int64.self))
    case PackMarker.bytes8, PackMarker.bytes16, PackMarker.bytes32:
      let count = try size(after: marker, small: PackMarker.bytes8)
      return .bytes(try bytes(count))
    case 0x80...0x8F: return .string(try string(Int(marker & 0x0F)))
    case PackMarker.string8, PackMarker.string16, PackMarker.string32:
      return .string(try string(try size(after: marker, small: PackMarker.string8)))
    case 0x90...0x9F: return .list(try list(Int(marker & 0x0F), depth: depth))
    case PackMarker.list8, PackMarker.list16, PackMarker.list32:
      return .list(try list(try size(after: marker, small: PackMarker.list8), depth: depth))
    case 0xA0...0xAF: return .map(try map(Int(marker & 0x0F), depth: depth))
    case PackMarker.map8, PackMarker.map16, PackMarker.map32:
      return .map(try map(try size(after: marker, small: PackMarker.map8), depth: depth))
    case 0xB0...0xBF:
      let tag: UInt8 = try integer()
      let count = Int(marker & 0x0F)
      var fields: [PackValue] = []
      fields.reserveCapacity(count)
      for _ in 0..<count { fields.append(try read(depth: depth + 1)) }
      return .structure(tag: tag, fields: fields)
    default:
      throw PackStreamError("unknown PackStream marker 0x\(String(marker, radix: 16, uppercase: true))")
    }
  }

  private mutating func integer<T: FixedWidthInteger>(_ type: T.Type = T.self) throws -> T {
    guard let value = buffer.readInteger(as: T.self) else { throw PackStreamError("the message ends in the middle of a value") }
    return value
  }

  /// The 8, 16 or 32-bit size that follows `marker` (`small`, `small + 1`, `small + 2`).
  private mutating func size(after marker: UInt8, small: UInt8) throws -> Int {
    let count: Int
    switch marker - small {
    case 0: count = Int(try integer(UInt8.self))
    case 1: count = Int(try integer(UInt16.self))
    default: count = Int(try integer(UInt32.self))
    }
    return count
  }

  private mutating func bytes(_ count: Int) throws -> [UInt8] {
    guard count <= buffer.readableBytes, let bytes = buffer.readBytes(length: count) else {
      throw PackStreamError("a value claims \(count) bytes but the message has \(buffer.readableBytes) left")
    }
    return bytes
  }

  private mutating func string(_ count: Int) throws -> String {
    guard count <= buffer.readableBytes, let text = buffer.readString(length: count) else {
      throw PackStreamError("a string claims \(count) bytes but the message has \(buffer.readableBytes) left")
    }
    return text
  }

  private mutating func list(_ count: Int, depth: Int) throws -> [PackValue] {
    // Every item takes at least one byte: a larger count is a lie, refused before allocating.
    guard count <= buffer.readableBytes else { throw PackStreamError("a list claims \(count) items but the message is shorter") }
    var items: [PackValue] = []
    items.reserveCapacity(count)
    for _ in 0..<count { items.append(try read(depth: depth + 1)) }
    return items
  }

  private mutating func map(_ count: Int, depth: Int) throws -> [String: PackValue] {
    guard count * 2 <= buffer.readableBytes else { throw PackStreamError("a map claims \(count) entries but the message is shorter") }
    var entries: [String: PackValue] = [:]
    entries.reserveCapacity(count)
    for _ in 0..<count {
      guard case .string(let key) = try read(depth: depth + 1) else { throw PackStreamError("a map key is not a string") }
      entries[key] = try read(depth: depth + 1)
    }
    return entries
  }
}
