// The binary encodings of the log and snapshot: every Value case (including those that cannot
// be stored as properties — maps, nested lists, entities, paths) and every logged change comes
// back exactly; damaged bytes give a FormatError, never a trap; CRC-32 matches known vectors.
import GraphCore
import Testing

@testable import GraphStorage

@Suite struct BinaryCodingTests {
  private func roundTrip(_ v: Value) throws -> Value {
    var w = ByteWriter()
    w.value(v)
    var r = ByteReader(w.bytes)
    let back = try r.value()
    #expect(r.isAtEnd)
    return back
  }

  /// Text that tells apart float bit patterns and entity contents.
  private func text(_ v: Value) -> String {
    switch v {
    case .float(let d): return "f\(d.bitPattern)"
    case .list(let items): return "[" + items.map(text).joined(separator: ",") + "]"
    case .map(let m): return "{" + m.keys.sorted().map { "\($0):\(text(m[$0] ?? .null))" }.joined(separator: ",") + "}"
    case .node(let n): return "(\(n.id) \(n.labels) \(text(.map(n.properties))))"
    case .relationship(let r): return "[\(r.id) \(r.type) \(r.startID) \(r.endID) \(text(.map(r.properties)))]"
    case .path(let p): return "path" + p.nodes.map { text(.node($0)) }.joined() + p.relationships.map { text(.relationship($0)) }.joined()
    default: return "\(v.typeName) \(v)"
    }
  }

  @Test func everyValueCaseRoundTrips() throws {
    let node = Node(id: 7, labels: ["A", "B"], properties: ["x": .int(1), "y": .list([.string("z")])])
    let rel = Relationship(id: 9, type: "R", startID: 7, endID: 8, properties: ["w": .float(0.5)])
    let values: [Value] = [
      .null, .bool(true), .bool(false), .int(.min), .int(.max), .int(0), .int(-64), .int(63), .int(64),
      .float(.nan), .float(-.nan), .float(.infinity), .float(-.infinity), .float(-0.0), .float(.ulpOfOne),
      .string(""), .string("ünïcødé 🎉"), .list([]), .list([.list([.map(["k": .null])])]),
      .map([:]), .map(["a": .int(1), "ö": .map(["deep": .list([.bool(true)])])]),
      .node(node), .relationship(rel), .path(Path(nodes: [node, Node(id: 8)], relationships: [rel])),
      .temporal(.date(epochDay: -1)), .temporal(.localTime(nanoOfDay: 1)), .temporal(.time(nanoOfDay: 2, offsetSeconds: -3600)),
      .temporal(.localDateTime(epochDay: 5, nanoOfDay: 6)),
      .temporal(.dateTime(epochDay: 7, nanoOfDay: 8, offsetSeconds: 3600, zoneID: "Europe/Paris")),
      .temporal(.dateTime(epochDay: 7, nanoOfDay: 8, offsetSeconds: 0)),
      .temporal(.duration(months: .min, days: .max, seconds: -1, nanoseconds: 999_999_999)),
      .point(.cartesian(x: -0.0, y: .nan)), .point(.cartesian(x: 1, y: 2, z: 3)),
      .point(.wgs84(longitude: 12.5, latitude: -55.25)), .point(.wgs84(longitude: 1, latitude: 2, height: 3)),
    ]
    for v in values {
      let back = try roundTrip(v)
      #expect(text(back) == text(v))
      if case .temporal(let a) = v, case .temporal(let b) = back { #expect(a == b) }
      if case .point(let a) = v, case .point(let b) = back {
        #expect(a.srid == b.srid && a.coordinates.map(\.bitPattern) == b.coordinates.map(\.bitPattern))
      }
    }
  }

  @Test func everyChangeRoundTrips() throws {
    let changes: [StoreChange] = [
      .createNode(id: 0, labels: ["A"], properties: ["k": .int(1)]),
      .createRelationship(id: 3, type: "T", start: 0, end: 1, properties: [:]),
      .setNodeProperty(id: 1, key: "k", value: nil), .setNodeProperty(id: 1, key: "k", value: .string("v")),
      .setRelationshipProperty(id: 2, key: "w", value: .float(1)), .addLabel(id: 4, label: "L"), .removeLabel(id: 4, label: "L"),
      .deleteNode(5), .deleteRelationship(6),
      .createIndex(IndexDefinition(name: "i", entity: .relationship, label: "T", properties: ["a", "b"])),
      .createIndex(IndexDefinition(name: "c", entity: .node, label: "A", properties: ["k"], owningConstraint: "c")),
      .dropIndex("i"), .createConstraint(ConstraintDefinition(name: "c", kind: .exists, label: "A", properties: ["k"])),
      .dropConstraint("c"),
    ]
    let bytes = LogFormat.record(sequence: 42, changes: changes)
    let scan = try LogFormat.scan(LogFormat.header() + bytes, file: "test")
    #expect(scan.warning == nil && scan.records.count == 1 && scan.records[0].sequence == 42)
    var again = ByteWriter()
    for c in scan.records[0].changes { again.change(c) }
    var original = ByteWriter()
    for c in changes { original.change(c) }
    #expect(again.bytes == original.bytes)
  }

  /// Packed integer columns take the narrowest width that holds their largest value, read back
  /// exactly, and a bad width or a cut column throws.
  @Test func packedColumnsRoundTrip() throws {
    let columns: [(values: [UInt64], width: UInt8)] = [
      ([], 0), ([0, 0, 0], 0), ([1, 255, 7], 1), ([256, 1], 2), ([65_536, 3], 4), ([UInt64.max, 0, 1 << 40], 8),
    ]
    for column in columns {
      var w = ByteWriter()
      w.packed(count: column.values.count) { column.values[$0] }
      #expect(w.bytes.first == column.width)
      #expect(w.bytes.count == 1 + column.values.count * Int(column.width))
      var r = ByteReader(w.bytes)
      #expect(try r.packed(count: column.values.count) == column.values)
      #expect(r.isAtEnd)
      if column.width > 0 {
        var cut = ByteReader(Array(w.bytes.dropLast()))
        #expect(throws: FormatError.self) { _ = try cut.packed(count: column.values.count) }
      }
    }
    var bad = ByteReader([3, 1, 2, 3])
    #expect { _ = try bad.packed(count: 1) } throws: { ($0 as? FormatError)?.message == "packed width 3 is not 0, 1, 2, 4 or 8" }
  }

  @Test func damagedValueBytesThrow() {
    var w = ByteWriter()
    w.value(.map(["key": .list([.string("text"), .temporal(.date(epochDay: 3)), .float(2)])]))
    for cut in 0..<w.bytes.count {
      var r = ByteReader(Array(w.bytes[0..<cut]))
      #expect(throws: FormatError.self) { _ = try r.value() }
    }
    for i in 0..<w.bytes.count {
      for flip: UInt8 in [0x01, 0x80, 0xFF] {
        var bytes = w.bytes
        bytes[i] ^= flip
        var r = ByteReader(bytes)
        _ = try? r.value()  // any outcome but a trap
      }
    }
    var deep = [UInt8](repeating: 6, count: 1000)  // lists of one list of one list …
    for i in stride(from: 1, to: deep.count, by: 2) { deep[i] = 1 }
    var r = ByteReader(deep)
    #expect(throws: FormatError.self) { _ = try r.value() }
  }

  /// A record encoded in small pieces, each placed at its offset and the header last, is the
  /// record encoded whole, byte for byte; past its limit the encoder stops and hands over no
  /// piece that would end beyond it.
  @Test func recordEncodedInPiecesIsTheWholeRecord() throws {
    let changes: [StoreChange] = (0..<300).map {
      .createNode(id: Int64($0), labels: ["L"], properties: ["k": .int(Int64($0)), "s": .string(String(repeating: "x", count: $0 % 17))])
    }
    let whole = LogFormat.record(sequence: 7, changes: changes)
    var assembled = [UInt8](repeating: 0, count: whole.count)
    var pieces = 0
    let size = LogFormat.encodeRecord(sequence: 7, changes: changes, pieceSize: 256) { piece, offset in
      assembled.replaceSubrange(offset..<offset + piece.count, with: piece)
      pieces += 1
    }
    #expect(size == whole.count)
    #expect(assembled == whole)
    #expect(pieces > 10)
    let scan = try LogFormat.scan(LogFormat.header() + assembled, file: "test")
    #expect(scan.records.map(\.sequence) == [7] && scan.records.first?.changes.count == 300)
    var furthest = 0
    let stopped = LogFormat.encodeRecord(sequence: 7, changes: changes, limit: 1000, pieceSize: 256) { piece, offset in
      furthest = max(furthest, offset + piece.count)
    }
    #expect(stopped == nil)
    #expect(furthest > 0 && furthest <= 1000)
    #expect(LogFormat.encodeRecord(sequence: 7, changes: changes, limit: whole.count) { _, _ in } == whole.count)
    #expect(LogFormat.encodeRecord(sequence: 7, changes: changes, limit: whole.count - 1) { _, _ in } == nil)
    let bytes = Array("123456789".utf8)
    let split = bytes.withUnsafeBytes { CRC32.extend(CRC32.extend(0, UnsafeRawBufferPointer(rebasing: $0[..<4])), UnsafeRawBufferPointer(rebasing: $0[4...])) }
    #expect(split == 0xCBF4_3926)
  }

  @Test func crcMatchesKnownVectors() {
    #expect(CRC32.checksum(Array("123456789".utf8), 0..<9) == 0xCBF4_3926)
    #expect(CRC32.checksum([], 0..<0) == 0)
    let long = Array("The quick brown fox jumps over the lazy dog".utf8)
    #expect(CRC32.checksum(long, 0..<long.count) == 0x414F_A339)
  }
}
