// A collected result as a collection of `Row`s, with typed decoding of every row. The rows stay
// stored as `[[Value]]`; a `Row` is made when one is read.

extension QueryResult: RandomAccessCollection {
  /// The position of the first row.
  public var startIndex: Int { 0 }
  /// One past the position of the last row.
  public var endIndex: Int { rows.count }

  /// The row at `position`, with its column names.
  public subscript(position: Int) -> Row { Row(columns: columns, values: rows[position]) }

  /// Every row decoded as a `T` (see `Row.decode(_:)`).
  /// - Throws: `QuiverError` (code `CannotDecodeValue`) naming the column, the expected type and
  ///   the value found.
  public func decode<T: Decodable>(_ type: T.Type) throws -> [T] {
    var decoded: [T] = []
    decoded.reserveCapacity(rows.count)
    for values in rows { decoded.append(try Row(columns: columns, values: values).decode(T.self)) }
    return decoded
  }
}
