// One result row with its column names: values by position or by name, typed accessors and
// decoding of the whole row into a `Decodable` type by column name. Handed out by `QueryResult`
// (a collection of rows) and the streamed `RowSequence` / `AsyncRowSequence`.

/// One row of a result, aligned with its column names.
public struct Row: Sendable, RandomAccessCollection {
  /// Column names in RETURN order.
  public let columns: [String]
  /// The values, aligned with `columns`.
  public let values: [Value]

  /// A row of `values` under `columns` (which must be as many).
  public init(columns: [String], values: [Value]) {
    // A contract on the embedding program, not on query input: results build rows from one
    // statement's columns and the values of each of its rows, always as many.
    precondition(columns.count == values.count, "a row has one value per column")
    self.columns = columns
    self.values = values
  }

  /// The position of the first value.
  public var startIndex: Int { 0 }
  /// One past the position of the last value.
  public var endIndex: Int { values.count }

  /// The value at `position`.
  public subscript(position: Int) -> Value { values[position] }

  /// The value of the column `name`; nil when there is no such column.
  public subscript(name: String) -> Value? {
    columns.firstIndex(of: name).map { values[$0] }
  }

  /// The value of the column `name` decoded as a `T` (`row["age", as: Int.self]`).
  /// - Throws: `QuiverError` (code `CannotDecodeValue`) naming the column, the expected type and
  ///   the value found, also when there is no such column.
  public subscript<T: Decodable>(name: String, as type: T.Type) -> T {
    get throws {
      guard let index = columns.firstIndex(of: name) else {
        throw QuiverError(
          .type, .cannotDecodeValue, "no column `\(name)`; the columns are \(columns.joined(separator: ", "))",
          phase: .runtime, name: name)
      }
      do {
        return try DecodingBox(value: values[index], codingPath: [NameKey(name)]).decodeValue(T.self)
      } catch let error as DecodingError {
        throw ValueDecoder.failure(error, column: name)
      }
    }
  }

  /// The row decoded as a `T`: each property from the column of its name, or, for a row of one
  /// node, relationship or map column, from that value's properties (so both
  /// `RETURN p.name AS name, p.age AS age` and `RETURN p` decode a `Person`). A row of one
  /// column decodes a single-value type (`String`, `Int`, `Date`, `Node`, …) from that column.
  /// - Throws: `QuiverError` (code `CannotDecodeValue`) naming the column, the expected type and
  ///   the value found.
  public func decode<T: Decodable>(_ type: T.Type) throws -> T {
    do {
      if values.count == 1, DecodingBox.isLeaf(T.self) {
        return try DecodingBox(value: values[0], codingPath: [NameKey(columns[0])]).decodeValue(T.self)
      }
      return try T(from: RowDecoder(row: self))
    } catch let error as DecodingError {
      throw ValueDecoder.failure(error, column: nil)
    }
  }
}

extension DecodingBox {
  /// Whether `T` is decoded from one value without `init(from:)`.
  static func isLeaf<T>(_ type: T.Type) -> Bool {
    T.self == Value.self || T.self == Temporal.self || T.self == Node.self || T.self == Relationship.self
      || T.self == Path.self || T.self == DateType.self
  }
}

/// The `Decoder` over a whole row.
private struct RowDecoder: Decoder {
  let row: Row
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(RowReader<Key>(row: row))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try single().unkeyedContainer()
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    try single().singleValueContainer()
  }

  /// The decoder of the only column.
  private func single() throws -> DecodingBox {
    guard row.values.count == 1 else {
      throw DecodingError.typeMismatch(
        Row.self,
        .init(codingPath: [], debugDescription: "a row of \(row.values.count) columns decodes only a keyed type"))
    }
    return DecodingBox(value: row.values[0], codingPath: [NameKey(row.columns[0])])
  }
}

/// A keyed container over a row: a key names a column, or, in a row of one node, relationship
/// or map column, one of that value's properties.
private struct RowReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let row: Row
  var codingPath: [any CodingKey] { [] }

  var allKeys: [Key] { row.columns.compactMap { Key(stringValue: $0) } }

  func contains(_ key: Key) -> Bool { box(key) != nil }

  /// The value of `key` with its coding path, or nil when the row has none.
  private func box(_ key: Key) -> DecodingBox? {
    if let index = row.columns.firstIndex(of: key.stringValue) {
      return DecodingBox(value: row.values[index], codingPath: [key])
    }
    guard row.values.count == 1 else { return nil }
    let properties: [String: Value]
    switch row.values[0] {
    case .node(let n): properties = n.properties
    case .relationship(let r): properties = r.properties
    case .map(let m): properties = m
    default: return nil
    }
    return properties[key.stringValue].map { DecodingBox(value: $0, codingPath: [NameKey(row.columns[0]), key]) }
  }

  private func required(_ key: Key) throws -> DecodingBox {
    guard let box = box(key) else {
      throw DecodingError.keyNotFound(
        key,
        .init(
          codingPath: [key],
          debugDescription: "no column `\(key.stringValue)`; the columns are \(row.columns.joined(separator: ", "))"))
    }
    return box
  }

  func decodeNil(forKey key: Key) throws -> Bool { box(key)?.value.isNull ?? true }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try required(key).decodeValue(T.self) }
  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    guard let box = box(key), !box.value.isNull else { return nil }
    return try box.decodeValue(T.self)
  }

  // The common leaf types straight from their column; anything else (a property of a node
  // column, a value of another type) takes the general path, which also reports the errors.
  private func column(_ key: Key) -> Value? { row.columns.firstIndex(of: key.stringValue).map { row.values[$0] } }
  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    try column(key).flatMap(LeafValue.string) ?? required(key).decodeValue(String.self)
  }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
    try column(key).flatMap(LeafValue.int) ?? required(key).decodeValue(Int.self)
  }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
    try column(key).flatMap(LeafValue.double) ?? required(key).decodeValue(Double.self)
  }
  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
    try column(key).flatMap(LeafValue.bool) ?? required(key).decodeValue(Bool.self)
  }
  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  { try required(key).container(keyedBy: type) }
  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try required(key).unkeyedContainer()
  }
  func superDecoder() throws -> any Decoder { RowDecoder(row: row) }
  func superDecoder(forKey key: Key) throws -> any Decoder { try required(key) }
}
