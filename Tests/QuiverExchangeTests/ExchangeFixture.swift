// A graph holding every value type Quiver stores (with the awkward cases: -0.0, NaN, infinities,
// Int64 limits, quotes, line breaks, `<&>`, non-BMP characters, empty strings and lists, every
// temporal kind with zones) under labels, types and keys that need quoting, and a canonical text
// of a whole graph for comparing two databases value by value (floats by their bits).
import Foundation
import Quiver

enum ExchangeFixture {
  /// The fixture's statements; every node has a unique `key` so graphs can be matched.
  static let statements = [
    "CREATE INDEX person_name FOR (n:Person) ON (n.name)",
    "CREATE INDEX knows_since FOR ()-[r:KNOWS]-() ON (r.since)",
    "CREATE CONSTRAINT person_key FOR (n:Person) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT city_pair FOR (n:City) REQUIRE (n.name, n.country) IS UNIQUE",
    "CREATE CONSTRAINT person_name_exists FOR (n:Person) REQUIRE n.name IS NOT NULL",
    """
    CREATE (a:Person {key: 1, name: 'Ann "the quote" O\\'Neil', age: 42, height: 1.5, active: true,
      big: 9223372036854775807, small: -9223372036854775807 - 1, negzero: -0.0, nan: 0.0 / 0.0,
      inf: 1.0 / 0.0, ninf: -1.0 / 0.0, tiny: 5e-324, huge: 1.7976931348623157e308, tenth: 0.1,
      text: 'line1\\nline2\\r\\nend\\ttab', xml: '<&> & ]]>', emoji: '😀 𝄞 中文', empty: '',
      tags: ['a', 'b c', 'd,e'], nums: [1, -2, 3], floats: [1.5, -0.0], flags: [true, false], nothing: [],
      born: date('1984-10-11'), wake: localtime('07:30:15.123456789'), meet: time('12:31:14.645+01:00'),
      seen: localdatetime('2015-07-21T21:40:32.142'), zoned: datetime('2015-07-21T21:40:32.142+01:00[Europe/London]'),
      offset: datetime('2015-07-21T21:40:32-04:00'), span: duration('P1Y2M10DT12H45M30.25S'),
      days: [date('2020-01-01'), date('1900-02-28')]})
    CREATE (b:Person:`Odd Label` {key: 2, name: 'Bob', `weird key`: 'x', `back``tick`: 1})
    CREATE (c:City {key: 3, name: 'Malmö', country: 'SE'})
    CREATE (d {key: 4})
    CREATE (a)-[:KNOWS {since: 2001, weight: 0.5, note: 'a\\nb'}]->(b)
    CREATE (b)-[:KNOWS {since: 2010}]->(a)
    CREATE (a)-[:`LIVES IN` {from: date('2000-01-01')}]->(c)
    CREATE (d)-[:`HAS-IT`]->(d)
    """,
  ]

  /// A database with the fixture loaded.
  static func database() throws -> Database {
    let db = try Database()
    for statement in statements { _ = try db.execute(statement) }
    return db
  }

  /// A fresh temporary directory.
  static func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "quiver-exchange-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Writes `text` to the file `name` in `directory` and returns its path.
  static func write(_ text: String, named name: String, in directory: String) throws -> String {
    let path = directory + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// The whole graph as sorted lines: nodes by their `key` with label sets and properties,
  /// relationships by their end nodes' keys, type and properties. `transform` maps each
  /// property value first (to state a format's documented losses).
  static func canonical(_ db: Database, transform: (Value) -> Value = { $0 }) throws -> [String] {
    let nodes = try db.execute("MATCH (n) RETURN n").rows.compactMap { $0.first?.nodeValue }
    var keys: [Int64: String] = [:]
    var lines: [String] = []
    for node in nodes {
      let key = node.properties["key"].map(text) ?? "?"
      keys[node.id] = key
      lines.append("node \(key) \(node.labels.sorted()) \(properties(node.properties, transform))")
    }
    let relationships = try db.execute("MATCH ()-[r]->() RETURN r").rows.compactMap { $0.first?.relationshipValue }
    for r in relationships {
      lines.append("rel \(keys[r.startID] ?? "?")-[\(r.type)]->\(keys[r.endID] ?? "?") \(properties(r.properties, transform))")
    }
    return lines.sorted()
  }

  /// The lines only in `actual` (`+`) or only in `expected` (`-`): empty when the graphs agree,
  /// and readable when they do not.
  static func difference(_ actual: [String], _ expected: [String]) -> [String] {
    actual.filter { !expected.contains($0) }.map { "+ " + $0 } + expected.filter { !actual.contains($0) }.map { "- " + $0 }
  }

  /// Indexes and constraints as SHOW reports them (names, kinds, labels, properties).
  static func schema(_ db: Database) throws -> [String] {
    let indexes = try db.execute("SHOW INDEXES").rows.map { row in row.prefix(6).map(text).joined(separator: " ") }
    let constraints = try db.execute("SHOW CONSTRAINTS").rows.map { row in row.map(text).joined(separator: " ") }
    return (indexes + constraints).sorted()
  }

  private static func properties(_ map: [String: Value], _ transform: (Value) -> Value) -> String {
    map.keys.sorted().map { "\($0)=\(text(transform(map[$0] ?? .null)))" }.joined(separator: ", ")
  }

  /// Exact text of a value: its type and, for floats, the bit pattern.
  static func text(_ value: Value) -> String {
    switch value {
    case .float(let x): return "float(\(String(x.bitPattern, radix: 16)))"
    case .int(let n): return "int(\(n))"
    case .string(let s): return "string(\(s.debugDescription))"
    case .list(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
    case .temporal(let t): return "\(t.typeName)(\(t))"
    default: return value.cypherText
    }
  }

  /// The loss of every format but the dump: NaN comes back as the positive quiet NaN (the text
  /// `NaN` carries neither sign nor payload).
  static func nanSignLoss(_ value: Value) -> Value {
    switch value {
    case .float(let x) where x.isNaN: return .float(.nan)
    case .list(let items): return .list(items.map(nanSignLoss))
    default: return value
    }
  }

  /// JSON's losses: temporals become their ISO text, NaN and the infinities strings.
  static func jsonLoss(_ value: Value) -> Value {
    switch value {
    case .temporal(let t): return .string(t.description)
    case .float(let x) where x.isNaN: return .string("NaN")
    case .float(let x) where x.isInfinite: return .string(x < 0 ? "-Infinity" : "Infinity")
    case .list(let items): return .list(items.map(jsonLoss))
    default: return value
    }
  }
}
