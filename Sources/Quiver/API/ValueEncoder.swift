// Any `Encodable` Swift value as a Cypher `Value`: structs and dictionaries become maps, arrays
// lists, optionals null, and `ValueConvertible` leaves (`Date`, `Temporal`, `Value`) keep their
// own value. Used for query parameters (`parameters: ["person": try ValueEncoder().encode(p)]`,
// or `encoding:`) in the embedding API.

/// Encodes any `Encodable` value as a Cypher `Value`.
///
/// A keyed container becomes a map, an unkeyed one a list, and a single value its Cypher value;
/// a `ValueConvertible` value (such as `Date`) is taken as it is, and unsigned integers that do
/// not fit an `Int64` throw.
public struct ValueEncoder: Sendable {
  /// An encoder.
  public init() {}

  /// The Cypher value of `value`.
  /// - Throws: `QuiverError` (code `CannotEncodeValue`) naming the coding path, for a value Cypher
  ///   cannot hold (an unsigned integer over `Int64.max`, or a type that encodes nothing).
  public func encode<T: Encodable>(_ value: T) throws -> Value {
    if let leaf = value as? any ValueConvertible { return leaf.cypherValue }
    let encoder = EncodingBox(codingPath: [])
    try value.encode(to: encoder)
    guard let encoded = encoder.storage.value else {
      throw ValueEncoder.failure("\(T.self) encoded no value", codingPath: [])
    }
    return encoded
  }

  /// The error for a value that cannot be encoded.
  static func failure(_ message: String, codingPath: [any CodingKey]) -> QuiverError {
    let path = codingPath.map(\.stringValue).joined(separator: ".")
    return QuiverError(
      .argument, .cannotEncodeValue, path.isEmpty ? message : "\(path): \(message)", phase: .compile,
      name: path.isEmpty ? nil : path)
  }
}

/// Where one encoded value grows: a leaf, a map or a list whose entries are filled in later.
private final class EncodedSlot {
  enum Content {
    case empty
    case leaf(Value)
    case map([(String, EncodedSlot)])
    case list([EncodedSlot])
  }

  var content = Content.empty

  var value: Value? {
    switch content {
    case .empty: return nil
    case .leaf(let v): return v
    case .map(let entries):
      var map: [String: Value] = [:]
      for (key, slot) in entries { map[key] = slot.value ?? .null }
      return .map(map)
    case .list(let slots): return .list(slots.map { $0.value ?? .null })
    }
  }

  func entry(_ key: String) -> EncodedSlot {
    let slot = EncodedSlot()
    if case .map(var entries) = content {
      entries.append((key, slot))
      content = .map(entries)
    } else {
      content = .map([(key, slot)])
    }
    return slot
  }

  func element() -> EncodedSlot {
    let slot = EncodedSlot()
    if case .list(var slots) = content {
      slots.append(slot)
      content = .list(slots)
    } else {
      content = .list([slot])
    }
    return slot
  }

  var count: Int {
    if case .list(let slots) = content { return slots.count }
    return 0
  }
}

/// The `Encoder` handed to `encode(to:)`, writing into one slot.
private struct EncodingBox: Encoder {
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  let storage: EncodedSlot

  init(codingPath: [any CodingKey], storage: EncodedSlot = EncodedSlot()) {
    self.codingPath = codingPath
    self.storage = storage
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .empty = storage.content { storage.content = .map([]) }
    return KeyedEncodingContainer(KeyedBox<Key>(codingPath: codingPath, slot: storage))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if case .empty = storage.content { storage.content = .list([]) }
    return UnkeyedBox(codingPath: codingPath, slot: storage)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleBox(codingPath: codingPath, slot: storage)
  }
}

/// Encodes `value` into `slot` at `path`.
private func encodeValue<T: Encodable>(_ value: T, into slot: EncodedSlot, path: [any CodingKey]) throws {
  if let leaf = value as? any ValueConvertible {
    slot.content = .leaf(leaf.cypherValue)
    return
  }
  try value.encode(to: EncodingBox(codingPath: path, storage: slot))
}

/// The Cypher integer of an unsigned value, or an error when it does not fit.
private func integer<T: UnsignedInteger>(_ value: T, path: [any CodingKey]) throws -> Value {
  guard let v = Int64(exactly: value) else {
    throw ValueEncoder.failure("\(value) does not fit a Cypher INTEGER", codingPath: path)
  }
  return .int(v)
}

private struct KeyedBox<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let codingPath: [any CodingKey]
  let slot: EncodedSlot

  mutating func encodeNil(forKey key: Key) throws { slot.entry(key.stringValue).content = .leaf(.null) }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try encodeValue(value, into: slot.entry(key.stringValue), path: codingPath + [key])
  }
  mutating func encode(_ value: UInt, forKey key: Key) throws {
    slot.entry(key.stringValue).content = .leaf(try integer(value, path: codingPath + [key]))
  }
  mutating func encode(_ value: UInt64, forKey key: Key) throws {
    slot.entry(key.stringValue).content = .leaf(try integer(value, path: codingPath + [key]))
  }
  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    EncodingBox(codingPath: codingPath + [key], storage: slot.entry(key.stringValue)).container(keyedBy: keyType)
  }
  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    EncodingBox(codingPath: codingPath + [key], storage: slot.entry(key.stringValue)).unkeyedContainer()
  }
  mutating func superEncoder() -> any Encoder {
    EncodingBox(codingPath: codingPath, storage: slot.entry("super"))
  }
  mutating func superEncoder(forKey key: Key) -> any Encoder {
    EncodingBox(codingPath: codingPath + [key], storage: slot.entry(key.stringValue))
  }
}

/// A coding key for a list position.
struct IndexKey: CodingKey {
  let intValue: Int?
  var stringValue: String { intValue.map { "[\($0)]" } ?? "" }
  init(_ index: Int) { intValue = index }
  init?(intValue: Int) { self.intValue = intValue }
  init?(stringValue: String) { return nil }
}

private struct UnkeyedBox: UnkeyedEncodingContainer {
  let codingPath: [any CodingKey]
  let slot: EncodedSlot
  var count: Int { slot.count }

  private var nextPath: [any CodingKey] { codingPath + [IndexKey(count)] }

  mutating func encodeNil() throws { slot.element().content = .leaf(.null) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    let path = nextPath
    try encodeValue(value, into: slot.element(), path: path)
  }
  mutating func encode(_ value: UInt) throws {
    let v = try integer(value, path: nextPath)
    slot.element().content = .leaf(v)
  }
  mutating func encode(_ value: UInt64) throws {
    let v = try integer(value, path: nextPath)
    slot.element().content = .leaf(v)
  }
  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
    let path = nextPath
    return EncodingBox(codingPath: path, storage: slot.element()).container(keyedBy: keyType)
  }
  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let path = nextPath
    return EncodingBox(codingPath: path, storage: slot.element()).unkeyedContainer()
  }
  mutating func superEncoder() -> any Encoder {
    let path = nextPath
    return EncodingBox(codingPath: path, storage: slot.element())
  }
}

private struct SingleBox: SingleValueEncodingContainer {
  let codingPath: [any CodingKey]
  let slot: EncodedSlot

  mutating func encodeNil() throws { slot.content = .leaf(.null) }
  mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value, into: slot, path: codingPath) }
  mutating func encode(_ value: UInt) throws { slot.content = .leaf(try integer(value, path: codingPath)) }
  mutating func encode(_ value: UInt64) throws { slot.content = .leaf(try integer(value, path: codingPath)) }
}
