// PackStream encoding and decoding against the byte vectors of the Bolt documentation
// (neo4j.com/docs/bolt/current/packstream), plus the limits that protect the server from
// malformed input.
import NIOCore
import Testing

@testable import QuiverServer

/// Encodes `value` and returns its bytes.
func packed(_ value: PackValue) -> [UInt8] {
  var writer = PackStreamWriter(buffer: ByteBuffer())
  writer.write(value)
  return Array(writer.buffer.readableBytesView)
}

/// Decodes one value from `bytes`.
func unpacked(_ bytes: [UInt8]) throws -> PackValue {
  var reader = PackStreamReader(buffer: ByteBuffer(bytes: bytes))
  return try reader.read()
}

@Suite struct PackStreamTests {
  /// Vectors from the PackStream specification: value, bytes.
  static let vectors: [(PackValue, [UInt8])] = [
    (.null, [0xC0]),
    (.bool(true), [0xC3]),
    (.bool(false), [0xC2]),
    (.int(1), [0x01]),
    (.int(42), [0x2A]),
    (.int(-16), [0xF0]),
    (.int(-17), [0xC8, 0xEF]),
    (.int(127), [0x7F]),
    (.int(128), [0xC9, 0x00, 0x80]),
    (.int(1234), [0xC9, 0x04, 0xD2]),
    (.int(-32_769), [0xCA, 0xFF, 0xFF, 0x7F, 0xFF]),
    (.int(2_147_483_648), [0xCB, 0x00, 0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00]),
    (.float(1.23), [0xC1, 0x3F, 0xF3, 0xAE, 0x14, 0x7A, 0xE1, 0x47, 0xAE]),
    (.float(-1.1), [0xC1, 0xBF, 0xF1, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9A]),
    (.bytes([1, 2, 3]), [0xCC, 0x03, 0x01, 0x02, 0x03]),
    (.string(""), [0x80]),
    (.string("a"), [0x81, 0x61]),
    (
      .string("Größenmaßstäbe"),
      [
        0xD0, 0x12, 0x47, 0x72, 0xC3, 0xB6, 0xC3, 0x9F, 0x65, 0x6E, 0x6D, 0x61, 0xC3, 0x9F, 0x73, 0x74, 0xC3, 0xA4, 0x62,
        0x65,
      ]
    ),
    (.list([]), [0x90]),
    (.list([.int(1), .int(2), .int(3)]), [0x93, 0x01, 0x02, 0x03]),
    (.map([:]), [0xA0]),
    (.map(["one": .string("eins")]), [0xA1, 0x83, 0x6F, 0x6E, 0x65, 0x84, 0x65, 0x69, 0x6E, 0x73]),
    (.structure(tag: 0x44, fields: [.int(19_000)]), [0xB1, 0x44, 0xC9, 0x4A, 0x38]),
  ]

  @Test func encodesTheSpecificationVectors() {
    for (value, bytes) in Self.vectors { #expect(packed(value) == bytes, "\(value)") }
  }

  @Test func decodesTheSpecificationVectors() throws {
    for (value, bytes) in Self.vectors { #expect(try unpacked(bytes) == value, "\(bytes)") }
  }

  @Test func sizesGrowToSixteenAndThirtyTwoBits() throws {
    let long = String(repeating: "x", count: 300)
    #expect(Array(packed(.string(long)).prefix(3)) == [0xD1, 0x01, 0x2C])
    let list = PackValue.list(Array(repeating: .int(0), count: 16))
    #expect(Array(packed(list).prefix(2)) == [0xD4, 0x10])
    let big = PackValue.list(Array(repeating: .null, count: 70_000))
    #expect(Array(packed(big).prefix(5)) == [0xD6, 0x00, 0x01, 0x11, 0x70])
    #expect(try unpacked(packed(big)) == big)
  }

  @Test func refusesSizesLargerThanTheMessage() {
    // A list claiming 2^32-1 items in a five-byte message must fail before allocating.
    #expect(throws: PackStreamError.self) { try unpacked([0xD6, 0xFF, 0xFF, 0xFF, 0xFF]) }
    #expect(throws: PackStreamError.self) { try unpacked([0xD2, 0x00, 0x00, 0x10, 0x00, 0x41]) }
    #expect(throws: PackStreamError.self) { try unpacked([0xC9, 0x01]) }
    #expect(throws: PackStreamError.self) { try unpacked([0xC7]) }
    #expect(throws: PackStreamError.self) { try unpacked([0xA1, 0x01, 0x01]) }
  }

  @Test func refusesDeepNesting() {
    let deep = [UInt8](repeating: 0x91, count: 100) + [0x01]
    #expect(throws: PackStreamError.self) { try unpacked(deep) }
  }
}
