// The binary form of values, shared by the log and the snapshot: a tag byte, then the payload —
// zigzag varints for integers, the IEEE bit pattern for floats (NaN payloads and -0.0 survive),
// length-prefixed UTF-8, the integer fields of temporal values, and a point's srid followed by
// the bit patterns of its two or three coordinates, a vector's coordinate type, dimension and
// coordinates (varints for the integer types, 32- or 64-bit patterns for the float types).
import GraphCore

/// Tag bytes of the value encoding. New tags may be added; existing ones never change meaning.
enum ValueTag: UInt8 {
  case null = 0, `false`, `true`, int, float, string, list, map, node, relationship, path
  case date, localTime, time, localDateTime, dateTime, dateTimeZoned, duration
  /// A point: its srid (which fixes the number of coordinates), then each coordinate.
  case point
  /// A vector: its coordinate type (`VectorCoordinateType.rawValue`), its dimension, then each
  /// coordinate — a zigzag varint, or the bit pattern of a `Float` (FLOAT32) or `Double` (FLOAT64).
  case vector
}

/// How deeply lists and maps may nest in stored data before the decoder gives up.
private let maxDepth = 64

extension ByteWriter {
  /// Appends `value` in the tagged binary encoding.
  package mutating func value(_ value: Value) {
    switch value {
    case .null: byte(ValueTag.null.rawValue)
    case .bool(let b): byte(b ? ValueTag.true.rawValue : ValueTag.false.rawValue)
    case .int(let i):
      byte(ValueTag.int.rawValue)
      signed(i)
    case .float(let d):
      byte(ValueTag.float.rawValue)
      fixed64(d.bitPattern)
    case .string(let s):
      byte(ValueTag.string.rawValue)
      string(s)
    case .list(let items):
      byte(ValueTag.list.rawValue)
      count(items.count)
      for item in items { self.value(item) }
    case .map(let entries):
      byte(ValueTag.map.rawValue)
      properties(entries)
    case .node(let n):
      byte(ValueTag.node.rawValue)
      node(n)
    case .relationship(let r):
      byte(ValueTag.relationship.rawValue)
      relationship(r)
    case .path(let p):
      byte(ValueTag.path.rawValue)
      count(p.nodes.count)
      for n in p.nodes { node(n) }
      count(p.relationships.count)
      for r in p.relationships { relationship(r) }
    case .temporal(let t):
      temporal(t)
    case .point(let p):
      byte(ValueTag.point.rawValue)
      signed(Int64(p.srid))
      for coordinate in p.coordinates { fixed64(coordinate.bitPattern) }
    case .vector(let v):
      byte(ValueTag.vector.rawValue)
      byte(UInt8(v.coordinateType.rawValue))
      count(v.dimension)
      switch v.coordinates {
      case .integers(let values): for x in values { signed(x) }
      case .floats(let values) where v.coordinateType == .float32:
        for x in values { fixed32(Float(x).bitPattern) }
      case .floats(let values): for x in values { fixed64(x.bitPattern) }
      }
    }
  }

  /// A string-keyed map: the number of entries, then key and value of each.
  package mutating func properties(_ map: [String: Value]) {
    count(map.count)
    for (k, v) in map {
      string(k)
      value(v)
    }
  }

  /// An optional value: a presence byte, then the value.
  package mutating func optionalValue(_ v: Value?) {
    if let v {
      byte(1)
      value(v)
    } else {
      byte(0)
    }
  }

  package mutating func strings(_ list: [String]) {
    count(list.count)
    for s in list { string(s) }
  }

  private mutating func node(_ n: Node) {
    signed(n.id)
    strings(n.labels)
    properties(n.properties)
  }

  private mutating func relationship(_ r: Relationship) {
    signed(r.id)
    string(r.type)
    signed(r.startID)
    signed(r.endID)
    properties(r.properties)
  }

  private mutating func temporal(_ t: Temporal) {
    switch t.kind {
    case .date:
      byte(ValueTag.date.rawValue)
      signed(t.epochDay)
    case .localTime:
      byte(ValueTag.localTime.rawValue)
      signed(t.nanoOfDay)
    case .time:
      byte(ValueTag.time.rawValue)
      signed(t.nanoOfDay)
      signed(t.offsetSeconds)
    case .localDateTime:
      byte(ValueTag.localDateTime.rawValue)
      signed(t.epochDay)
      signed(t.nanoOfDay)
    case .dateTime:
      byte(t.zoneID == nil ? ValueTag.dateTime.rawValue : ValueTag.dateTimeZoned.rawValue)
      signed(t.epochDay)
      signed(t.nanoOfDay)
      signed(t.offsetSeconds)
      if let zone = t.zoneID { string(zone) }
    case .duration:
      byte(ValueTag.duration.rawValue)
      signed(t.months)
      signed(t.days)
      signed(t.seconds)
      signed(t.nanoseconds)
    }
  }
}

extension ByteReader {
  /// Reads a value written by `ByteWriter.value`.
  package mutating func value(depth: Int = 0) throws(FormatError) -> Value {
    guard depth < maxDepth else { throw fail("values nested too deeply") }
    let tagOffset = offset
    guard let tag = ValueTag(rawValue: try byte()) else {
      throw FormatError(offset: tagOffset, message: "unknown value tag")
    }
    switch tag {
    case .null: return .null
    case .false: return .bool(false)
    case .true: return .bool(true)
    case .int: return .int(try signed())
    case .float: return .float(Double(bitPattern: try fixed64()))
    case .string: return .string(try string())
    case .list:
      let n = try count()
      var items: [Value] = []
      items.reserveCapacity(n)
      for _ in 0..<n { items.append(try value(depth: depth + 1)) }
      return .list(items)
    case .map: return .map(try properties(depth: depth + 1))
    case .node: return .node(try node(depth: depth + 1))
    case .relationship: return .relationship(try relationship(depth: depth + 1))
    case .path:
      let n = try count()
      var nodes: [Node] = []
      for _ in 0..<n { nodes.append(try node(depth: depth + 1)) }
      let r = try count()
      var rels: [Relationship] = []
      for _ in 0..<r { rels.append(try relationship(depth: depth + 1)) }
      return .path(Path(nodes: nodes, relationships: rels))
    case .date: return .temporal(.date(epochDay: try signed()))
    case .localTime: return .temporal(.localTime(nanoOfDay: try signed()))
    case .time:
      let nano = try signed()
      return .temporal(.time(nanoOfDay: nano, offsetSeconds: try signed()))
    case .localDateTime:
      let day = try signed()
      return .temporal(.localDateTime(epochDay: day, nanoOfDay: try signed()))
    case .dateTime, .dateTimeZoned:
      let day = try signed()
      let nano = try signed()
      let offsetSeconds = try signed()
      let zone = tag == .dateTimeZoned ? try string() : nil
      return .temporal(.dateTime(epochDay: day, nanoOfDay: nano, offsetSeconds: offsetSeconds, zoneID: zone))
    case .duration:
      let months = try signed()
      let days = try signed()
      let seconds = try signed()
      let nanos = try signed()
      guard (0..<Temporal.nanosPerSecond).contains(nanos) else { throw fail("duration nanoseconds out of range") }
      return .temporal(.duration(months: months, days: days, seconds: seconds, nanoseconds: nanos))
    case .point:
      let srid = try signed()
      guard let dimensions = Point.dimensions[Int(truncatingIfNeeded: srid)] else { throw fail("unknown point srid") }
      let x = Double(bitPattern: try fixed64())
      let y = Double(bitPattern: try fixed64())
      let z = dimensions == 3 ? Double(bitPattern: try fixed64()) : nil
      guard let point = Point(srid: Int(truncatingIfNeeded: srid), x: x, y: y, z: z) else { throw fail("unknown point srid") }
      return .point(point)
    case .vector:
      guard let type = VectorCoordinateType(rawValue: Int(try byte())) else { throw fail("unknown vector coordinate type") }
      let n = try count()
      guard n >= 1 && n <= Vector.maximumDimension else { throw fail("vector dimension out of range") }
      let vector: Vector?
      if type.isFloat {
        var floats: [Double] = []
        floats.reserveCapacity(n)
        for _ in 0..<n {
          floats.append(type == .float32 ? Double(Float(bitPattern: try fixed32())) : Double(bitPattern: try fixed64()))
        }
        vector = Vector(type, floats: floats)
      } else {
        var integers: [Int64] = []
        integers.reserveCapacity(n)
        for _ in 0..<n { integers.append(try signed()) }
        vector = Vector(type, integers: integers)
      }
      guard let vector else { throw fail("vector coordinate out of range") }
      return .vector(vector)
    }
  }

  /// Reads a map written by `ByteWriter.properties`.
  package mutating func properties(depth: Int = 0) throws(FormatError) -> [String: Value] {
    let n = try count()
    var map: [String: Value] = [:]
    map.reserveCapacity(n)
    for _ in 0..<n {
      let key = try string()
      map[key] = try value(depth: depth)
    }
    return map
  }

  package mutating func optionalValue() throws(FormatError) -> Value? {
    switch try byte() {
    case 0: return nil
    case 1: return try value()
    default: throw fail("bad presence byte")
    }
  }

  package mutating func strings() throws(FormatError) -> [String] {
    let n = try count()
    var list: [String] = []
    list.reserveCapacity(n)
    for _ in 0..<n { list.append(try string()) }
    return list
  }

  private mutating func node(depth: Int) throws(FormatError) -> Node {
    let id = try signed()
    let labels = try strings()
    return Node(id: id, labels: labels, properties: try properties(depth: depth))
  }

  private mutating func relationship(depth: Int) throws(FormatError) -> Relationship {
    let id = try signed()
    let type = try string()
    let start = try signed()
    let end = try signed()
    return Relationship(id: id, type: type, startID: start, endID: end, properties: try properties(depth: depth))
  }
}
