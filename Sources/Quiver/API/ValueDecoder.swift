// Cypher values as any `Decodable` Swift type: maps, nodes and relationships (by their
// properties) decode keyed containers, lists unkeyed ones, and `Date`, `Temporal`, `Node`,
// `Relationship`, `Path` and `Value` come out as they are. `Row.decode` builds on it to decode a
// whole row by column name. Part of the embedding API (Quiver).
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Decodes Cypher `Value`s into `Decodable` Swift types.
///
/// Integers decode into any integer type they fit and into `Double`; a `datetime` (or a local
/// date-time or date, read as UTC) decodes into `Date`; a node or relationship decodes a keyed
/// type from its properties; `null` decodes only into an optional.
public struct ValueDecoder: Sendable {
  /// A decoder.
  public init() {}

  /// `value` as a `T`.
  /// - Throws: `QuiverError` (code `CannotDecodeValue`) naming the expected type, the value found
  ///   and the coding path.
  public func decode<T: Decodable>(_ type: T.Type, from value: Value) throws -> T {
    do {
      return try DecodingBox(value: value, codingPath: []).decodeValue(T.self)
    } catch let error as DecodingError {
      throw ValueDecoder.failure(error, column: nil, inRow: false)
    }
  }

  /// The typed error for `error`, met decoding `column` of a row (when the coding path does not
  /// start with it), or a value outside a row.
  static func failure(_ error: DecodingError, column: String?, inRow: Bool = true) -> QuiverError {
    let context: DecodingError.Context
    switch error {
    case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): context = c
    @unknown default: return QuiverError(.type, .cannotDecodeValue, "\(error)", phase: .runtime, name: column)
    }
    var path = context.codingPath.map(\.stringValue)
    if let column, path.first != column { path.insert(column, at: 0) }
    let place = path.isEmpty ? "" : "\(inRow ? "column" : "at") `\(path.joined(separator: "."))`: "
    return QuiverError(
      .type, .cannotDecodeValue, place + context.debugDescription, phase: .runtime, name: path.first)
  }

  /// How `value` is shown in a decoding error: its Cypher type and a short rendering.
  static func describe(_ value: Value) -> String {
    let text = "\(value)"
    let short = text.count > 40 ? String(text.prefix(40)) + "…" : text
    return "\(value.typeName) \(short)"
  }
}

/// A coding key made from a column or map key.
struct NameKey: CodingKey {
  let stringValue: String
  var intValue: Int? { nil }
  init(_ name: String) { stringValue = name }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { return nil }
}

/// The `Decoder` over one value.
struct DecodingBox: Decoder {
  let value: Value
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    switch value {
    case .map(let m): return KeyedDecodingContainer(KeyedReader<Key>(entries: m, codingPath: codingPath))
    case .node(let n): return KeyedDecodingContainer(KeyedReader<Key>(entries: n.properties, codingPath: codingPath))
    case .relationship(let r):
      return KeyedDecodingContainer(KeyedReader<Key>(entries: r.properties, codingPath: codingPath))
    default: throw mismatch([String: Value].self, "a map, node or relationship")
    }
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .list(let items) = value else { throw mismatch([Value].self, "a list") }
    return UnkeyedReader(items: items, codingPath: codingPath)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleReader(box: self) }

  func mismatch(_ type: Any.Type, _ expected: String) -> DecodingError {
    .typeMismatch(
      type, .init(codingPath: codingPath, debugDescription: "expected \(type) (\(expected)), found \(ValueDecoder.describe(value))"))
  }

  /// `value` as a `T`: a leaf type directly, anything else through its `init(from:)`.
  func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
    if let leaf = try leafValue(T.self) { return leaf }
    if value.isNull, !(T.self is any OptionalDecodable.Type) {
      throw DecodingError.valueNotFound(
        T.self, .init(codingPath: codingPath, debugDescription: "expected \(T.self), found NULL"))
    }
    return try T(from: self)
  }

  /// `value` as one of the types Quiver decodes without `init(from:)`; nil for other types.
  private func leafValue<T>(_ type: T.Type) throws -> T? {
    if T.self == Value.self { return value as? T }
    if T.self == Date.self {
      guard case .temporal(let t) = value, let date = t.date else { throw mismatch(Date.self, "a DATETIME") }
      return date as? T
    }
    if T.self == Temporal.self {
      guard case .temporal(let t) = value else { throw mismatch(Temporal.self, "a temporal value") }
      return t as? T
    }
    if T.self == Point.self {
      guard case .point(let p) = value else { throw mismatch(Point.self, "a POINT") }
      return p as? T
    }
    if T.self == Node.self {
      guard case .node(let n) = value else { throw mismatch(Node.self, "a NODE") }
      return n as? T
    }
    if T.self == Relationship.self {
      guard case .relationship(let r) = value else { throw mismatch(Relationship.self, "a RELATIONSHIP") }
      return r as? T
    }
    if T.self == Path.self {
      guard case .path(let p) = value else { throw mismatch(Path.self, "a PATH") }
      return p as? T
    }
    return nil
  }
}

/// The common leaf types read straight from a value of their own Cypher type, so that keyed
/// containers skip the general path (a coding path and a nested decoder per field) for them;
/// nil for any other value, which then goes the general way and gets its error there.
enum LeafValue {
  static func string(_ value: Value) -> String? {
    if case .string(let s) = value { return s }
    return nil
  }
  static func int(_ value: Value) -> Int? {
    if case .int(let i) = value { return Int(exactly: i) }
    return nil
  }
  static func double(_ value: Value) -> Double? {
    switch value {
    case .float(let d): return d
    case .int(let i): return Double(i)
    default: return nil
    }
  }
  static func bool(_ value: Value) -> Bool? {
    if case .bool(let b) = value { return b }
    return nil
  }
}

/// Lets the decoder tell optionals, which accept `null`, from other types.
private protocol OptionalDecodable {}
extension Optional: OptionalDecodable {}

/// A keyed container over map entries (a map's, or a node's or relationship's properties).
private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let entries: [String: Value]
  let codingPath: [any CodingKey]

  var allKeys: [Key] { entries.keys.sorted().compactMap { Key(stringValue: $0) } }
  func contains(_ key: Key) -> Bool { entries[key.stringValue] != nil }

  private func box(_ key: Key) throws -> DecodingBox {
    guard let v = entries[key.stringValue] else {
      throw DecodingError.keyNotFound(
        key, .init(codingPath: codingPath, debugDescription: "no value for key `\(key.stringValue)`"))
    }
    return DecodingBox(value: v, codingPath: codingPath + [key])
  }

  func decodeNil(forKey key: Key) throws -> Bool { entries[key.stringValue]?.isNull ?? true }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try box(key).decodeValue(T.self) }
  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    try entries[key.stringValue].flatMap(LeafValue.string) ?? box(key).decodeValue(String.self)
  }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
    try entries[key.stringValue].flatMap(LeafValue.int) ?? box(key).decodeValue(Int.self)
  }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
    try entries[key.stringValue].flatMap(LeafValue.double) ?? box(key).decodeValue(Double.self)
  }
  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
    try entries[key.stringValue].flatMap(LeafValue.bool) ?? box(key).decodeValue(Bool.self)
  }
  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    guard let v = entries[key.stringValue], !v.isNull else { return nil }
    return try DecodingBox(value: v, codingPath: codingPath + [key]).decodeValue(T.self)
  }
  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  { try box(key).container(keyedBy: type) }
  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try box(key).unkeyedContainer() }
  func superDecoder() throws -> any Decoder { DecodingBox(value: .map(entries), codingPath: codingPath) }
  func superDecoder(forKey key: Key) throws -> any Decoder { try box(key) }
}

/// An unkeyed container over a list's items.
private struct UnkeyedReader: UnkeyedDecodingContainer {
  let items: [Value]
  let codingPath: [any CodingKey]
  var currentIndex = 0

  init(items: [Value], codingPath: [any CodingKey]) {
    self.items = items
    self.codingPath = codingPath
  }

  var count: Int? { items.count }
  var isAtEnd: Bool { currentIndex >= items.count }

  private mutating func nextBox() throws -> DecodingBox {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        Value.self, .init(codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "the list has no more items"))
    }
    defer { currentIndex += 1 }
    return DecodingBox(value: items[currentIndex], codingPath: codingPath + [IndexKey(currentIndex)])
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, items[currentIndex].isNull else { return false }
    currentIndex += 1
    return true
  }
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try nextBox().decodeValue(T.self) }
  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
    try nextBox().container(keyedBy: type)
  }
  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try nextBox().unkeyedContainer() }
  mutating func superDecoder() throws -> any Decoder { try nextBox() }
}

/// The single-value container: the primitive types with Cypher's numeric rules.
private struct SingleReader: SingleValueDecodingContainer {
  let box: DecodingBox
  var codingPath: [any CodingKey] { box.codingPath }

  func decodeNil() -> Bool { box.value.isNull }

  func decode(_ type: Bool.Type) throws -> Bool {
    guard let b = LeafValue.bool(box.value) else { throw box.mismatch(Bool.self, "a BOOLEAN") }
    return b
  }
  func decode(_ type: String.Type) throws -> String {
    guard let s = LeafValue.string(box.value) else { throw box.mismatch(String.self, "a STRING") }
    return s
  }
  func decode(_ type: Double.Type) throws -> Double {
    guard let d = LeafValue.double(box.value) else { throw box.mismatch(Double.self, "a FLOAT") }
    return d
  }
  func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
  func decode(_ type: Int.Type) throws -> Int { try integer(Int.self) }
  func decode(_ type: Int8.Type) throws -> Int8 { try integer(Int8.self) }
  func decode(_ type: Int16.Type) throws -> Int16 { try integer(Int16.self) }
  func decode(_ type: Int32.Type) throws -> Int32 { try integer(Int32.self) }
  func decode(_ type: Int64.Type) throws -> Int64 { try integer(Int64.self) }
  func decode(_ type: UInt.Type) throws -> UInt { try integer(UInt.self) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(UInt8.self) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(UInt16.self) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(UInt32.self) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(UInt64.self) }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try box.decodeValue(T.self) }

  /// An integer value as `T`, when it fits.
  private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
    guard case .int(let i) = box.value else { throw box.mismatch(T.self, "an INTEGER") }
    guard let v = T(exactly: i) else {
      throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "\(i) does not fit \(T.self)"))
    }
    return v
  }
}

/// `Date` under a name the row decoder can use beside `Value`'s own cases.
typealias DateType = Date
