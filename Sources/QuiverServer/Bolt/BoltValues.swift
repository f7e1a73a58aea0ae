// Quiver values on the Bolt wire, both ways. Results are written straight into the output
// buffer (nodes, relationships and paths with element ids in Bolt 5; every temporal kind, with
// the UTC date-time structures of Bolt 5 or of 4.4's `utc` patch, the legacy local forms
// otherwise; points as Point2D/Point3D); parameters arrive as `PackValue`s and become `Value`s
// here.
import GraphCore

/// Structure tags of the values Bolt carries.
enum BoltTag {
  static let node: UInt8 = 0x4E
  static let relationship: UInt8 = 0x52
  static let unboundRelationship: UInt8 = 0x72
  static let path: UInt8 = 0x50
  static let date: UInt8 = 0x44
  static let time: UInt8 = 0x54
  static let localTime: UInt8 = 0x74
  static let dateTimeUTC: UInt8 = 0x49
  static let dateTimeZoneIDUTC: UInt8 = 0x69
  static let dateTimeLegacy: UInt8 = 0x46
  static let dateTimeZoneIDLegacy: UInt8 = 0x66
  static let localDateTime: UInt8 = 0x64
  static let duration: UInt8 = 0x45
  static let point2D: UInt8 = 0x58
  static let point3D: UInt8 = 0x59
}

/// How values are written for one connection: element ids and UTC date-times or not.
package struct BoltValueFormat: Sendable, Hashable {
  /// Nodes and relationships carry element ids (Bolt 5).
  package var elementIDs: Bool
  /// Date-times travel as UTC instants (Bolt 5, or 4.4 with the `utc` patch).
  package var utcDateTimes: Bool

  package init(elementIDs: Bool, utcDateTimes: Bool) {
    self.elementIDs = elementIDs
    self.utcDateTimes = utcDateTimes
  }
}

extension PackStreamWriter {
  /// Writes a Quiver value in `format`.
  package mutating func write(_ value: Value, format: BoltValueFormat) {
    switch value {
    case .null: writeNull()
    case .bool(let b): writeBool(b)
    case .int(let i): writeInt(i)
    case .float(let d): writeFloat(d)
    case .string(let s): writeString(s)
    case .list(let items):
      writeListHeader(items.count)
      for item in items { write(item, format: format) }
    case .map(let entries): writeMap(entries, format: format)
    case .node(let node): writeNode(node, format: format)
    case .relationship(let rel):
      writeStructHeader(tag: BoltTag.relationship, count: format.elementIDs ? 8 : 5)
      writeInt(rel.id)
      writeInt(rel.startID)
      writeInt(rel.endID)
      writeString(rel.type)
      writeMap(rel.properties, format: format)
      if format.elementIDs {
        writeString(String(rel.id))
        writeString(String(rel.startID))
        writeString(String(rel.endID))
      }
    case .path(let path): writePath(path, format: format)
    case .temporal(let t): writeTemporal(t, format: format)
    case .point(let p):
      writeStructHeader(tag: p.z == nil ? BoltTag.point2D : BoltTag.point3D, count: p.z == nil ? 3 : 4)
      writeInt(Int64(p.srid))
      for coordinate in p.coordinates { writeFloat(coordinate) }
    // The Bolt versions Quiver speaks (up to 5.x) have no vector structure (Bolt 6 added one):
    // a vector travels as the list of its coordinates, integers or floats.
    case .vector(let v): write(.list(v.elements), format: format)
    }
  }

  private mutating func writeMap(_ entries: [String: Value], format: BoltValueFormat) {
    writeMapHeader(entries.count)
    for (key, item) in entries {
      writeString(key)
      write(item, format: format)
    }
  }

  private mutating func writeNode(_ node: Node, format: BoltValueFormat) {
    writeStructHeader(tag: BoltTag.node, count: format.elementIDs ? 4 : 3)
    writeInt(node.id)
    writeListHeader(node.labels.count)
    for label in node.labels { writeString(label) }
    writeMap(node.properties, format: format)
    if format.elementIDs { writeString(String(node.id)) }
  }

  /// A path as Bolt wants it: its distinct nodes, its distinct relationships without end points,
  /// and for each step the relationship's 1-based index (negative when walked against its
  /// direction) and the next node's index.
  private mutating func writePath(_ path: Path, format: BoltValueFormat) {
    var nodes: [Node] = []
    var nodeIndex: [Int64: Int] = [:]
    for node in path.nodes where nodeIndex[node.id] == nil {
      nodeIndex[node.id] = nodes.count
      nodes.append(node)
    }
    var rels: [Relationship] = []
    var relIndex: [Int64: Int] = [:]
    var indices: [Int64] = []
    for (step, rel) in path.relationships.enumerated() {
      if relIndex[rel.id] == nil {
        relIndex[rel.id] = rels.count
        rels.append(rel)
      }
      let forward = step < path.nodes.count && rel.startID == path.nodes[step].id
      let number = Int64((relIndex[rel.id] ?? 0) + 1)
      indices.append(forward ? number : -number)
      let next = step + 1 < path.nodes.count ? path.nodes[step + 1].id : rel.endID
      indices.append(Int64(nodeIndex[next] ?? 0))
    }
    writeStructHeader(tag: BoltTag.path, count: 3)
    writeListHeader(nodes.count)
    for node in nodes { writeNode(node, format: format) }
    writeListHeader(rels.count)
    for rel in rels {
      writeStructHeader(tag: BoltTag.unboundRelationship, count: format.elementIDs ? 4 : 3)
      writeInt(rel.id)
      writeString(rel.type)
      writeMap(rel.properties, format: format)
      if format.elementIDs { writeString(String(rel.id)) }
    }
    writeListHeader(indices.count)
    for index in indices { writeInt(index) }
  }

  private mutating func writeTemporal(_ t: Temporal, format: BoltValueFormat) {
    let second = Temporal.nanosPerSecond
    switch t.kind {
    case .date:
      writeStructHeader(tag: BoltTag.date, count: 1)
      writeInt(t.epochDay)
    case .localTime:
      writeStructHeader(tag: BoltTag.localTime, count: 1)
      writeInt(t.nanoOfDay)
    case .time:
      writeStructHeader(tag: BoltTag.time, count: 2)
      writeInt(t.nanoOfDay)
      writeInt(t.offsetSeconds)
    case .localDateTime:
      writeStructHeader(tag: BoltTag.localDateTime, count: 2)
      writeInt(t.epochDay * 86_400 + t.nanoOfDay / second)
      writeInt(t.nanoOfDay % second)
    case .dateTime:
      let local = t.epochDay * 86_400 + t.nanoOfDay / second
      let seconds = format.utcDateTimes ? local - t.offsetSeconds : local
      let tag: UInt8
      switch (t.zoneID != nil, format.utcDateTimes) {
      case (true, true): tag = BoltTag.dateTimeZoneIDUTC
      case (true, false): tag = BoltTag.dateTimeZoneIDLegacy
      case (false, true): tag = BoltTag.dateTimeUTC
      case (false, false): tag = BoltTag.dateTimeLegacy
      }
      writeStructHeader(tag: tag, count: 3)
      writeInt(seconds)
      writeInt(t.nanoOfDay % second)
      if let zone = t.zoneID { writeString(zone) } else { writeInt(t.offsetSeconds) }
    case .duration:
      writeStructHeader(tag: BoltTag.duration, count: 4)
      writeInt(t.months)
      writeInt(t.days)
      writeInt(t.seconds)
      writeInt(t.nanoseconds)
    }
  }
}

/// A parameter the server cannot turn into a Quiver value.
package struct BoltValueError: Error, Hashable {
  package let message: String
}

extension PackValue {
  /// The Quiver value of a parameter sent by a client in `format`.
  /// - Throws: `BoltValueError` for bytes, graph entities, points of an unknown CRS and unknown
  ///   structures, which Quiver cannot store or compare.
  package func quiverValue(format: BoltValueFormat) throws -> Value {
    switch self {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .float(d)
    case .string(let s): return .string(s)
    case .bytes: throw BoltValueError(message: "byte arrays are not supported by Quiver")
    case .list(let items): return .list(try items.map { try $0.quiverValue(format: format) })
    case .map(let entries): return .map(try entries.mapValues { try $0.quiverValue(format: format) })
    case .structure(let tag, let fields) where tag == BoltTag.point2D || tag == BoltTag.point3D:
      return .point(try Self.point(tag: tag, fields))
    case .structure(let tag, let fields): return .temporal(try Self.temporal(tag: tag, fields, format: format))
    }
  }

  /// A Point2D (srid, x, y) or Point3D (srid, x, y, z) structure as a point.
  private static func point(tag: UInt8, _ fields: [PackValue]) throws -> Point {
    let dimensions = tag == BoltTag.point2D ? 2 : 3
    let coordinates = fields.dropFirst().compactMap { field -> Double? in
      if case .float(let d) = field { return d }
      return field.int.map(Double.init)
    }
    guard fields.count == dimensions + 1, let srid = fields[0].int, coordinates.count == dimensions else {
      throw BoltValueError(message: "a Point\(dimensions)D structure needs an srid and \(dimensions) coordinates")
    }
    guard let point = Point(srid: Int(srid), x: coordinates[0], y: coordinates[1], z: coordinates.count > 2 ? coordinates[2] : nil) else {
      throw BoltValueError(
        message: "not a valid Point\(dimensions)D: the coordinate reference system \(srid) is unknown, "
          + "or a WGS-84 longitude is outside [-180, 180] or latitude outside [-90, 90]")
    }
    return point
  }

  private static func temporal(tag: UInt8, _ fields: [PackValue], format: BoltValueFormat) throws -> Temporal {
    let ints = fields.compactMap(\.int)
    func need(_ count: Int, _ name: String, zone: Bool = false) throws {
      guard fields.count == count, ints.count == (zone ? count - 1 : count) else {
        throw BoltValueError(message: "a \(name) structure needs \(count) fields")
      }
    }
    let second = Temporal.nanosPerSecond
    switch tag {
    case BoltTag.date:
      try need(1, "Date")
      return .date(epochDay: ints[0])
    case BoltTag.localTime:
      try need(1, "LocalTime")
      return .localTime(nanoOfDay: ints[0])
    case BoltTag.time:
      try need(2, "Time")
      return .time(nanoOfDay: ints[0], offsetSeconds: ints[1])
    case BoltTag.localDateTime:
      try need(2, "LocalDateTime")
      let (day, secondOfDay) = floorDivMod(ints[0], 86_400)
      return .localDateTime(epochDay: day, nanoOfDay: secondOfDay * second + ints[1])
    case BoltTag.dateTimeUTC, BoltTag.dateTimeLegacy:
      try need(3, "DateTime")
      let local = tag == BoltTag.dateTimeUTC ? ints[0] + ints[2] : ints[0]
      let (day, secondOfDay) = floorDivMod(local, 86_400)
      return .dateTime(epochDay: day, nanoOfDay: secondOfDay * second + ints[1], offsetSeconds: ints[2])
    case BoltTag.dateTimeZoneIDUTC, BoltTag.dateTimeZoneIDLegacy:
      try need(3, "DateTimeZoneId", zone: true)
      guard let zone = fields[2].string, TemporalZones.isKnown(zone) else {
        throw BoltValueError(message: "unknown time zone \(fields[2])")
      }
      let offset: Int64
      let local: Int64
      if tag == BoltTag.dateTimeZoneIDUTC {
        offset = TemporalZones.offset(zone, atEpochSecond: ints[0])
        local = ints[0] + offset
      } else {
        (offset, local) = TemporalZones.resolve(zone, localSecond: ints[0])
      }
      let (day, secondOfDay) = floorDivMod(local, 86_400)
      return .dateTime(epochDay: day, nanoOfDay: secondOfDay * second + ints[1], offsetSeconds: offset, zoneID: zone)
    case BoltTag.duration:
      try need(4, "Duration")
      return .duration(months: ints[0], days: ints[1], seconds: ints[2], nanoseconds: ints[3])
    case BoltTag.node, BoltTag.relationship, BoltTag.path, BoltTag.unboundRelationship:
      throw BoltValueError(message: "nodes, relationships and paths cannot be parameters")
    default:
      throw BoltValueError(message: "unknown structure tag 0x\(String(tag, radix: 16, uppercase: true))")
    }
  }
}

/// `a` divided by `b` rounding down, and the non-negative remainder.
private func floorDivMod(_ a: Int64, _ b: Int64) -> (Int64, Int64) { (floorDiv(a, b), floorMod(a, b)) }

extension Value {
  /// The value as a wire value, for summaries and routing tables built from Quiver values.
  package var packValue: PackValue {
    switch self {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .float(d)
    case .string(let s): return .string(s)
    case .list(let items): return .list(items.map(\.packValue))
    case .map(let entries): return .map(entries.mapValues(\.packValue))
    case .vector(let v): return .list(v.elements.map(\.packValue))
    case .node, .relationship, .path, .temporal, .point: return .string(description)
    }
  }
}
