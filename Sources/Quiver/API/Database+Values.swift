// Running Cypher with plain Swift values: parameters given as `ValueConvertible` values (`Int`,
// `String`, `Date`, arrays, optionals, …) and results decoded into `Decodable` types, for the
// database and its transactions. The statements themselves run through `execute`.

extension Database {
  /// Runs one Cypher statement with plain Swift values bound to its `$name` placeholders
  /// (`["limit": 10, "name": name]`), in a transaction of its own.
  /// - Throws: `QuiverError` as `execute(_:parameters:timeout:cancellation:)` does.
  @discardableResult
  public func execute(
    _ query: String, parameters: [String: any ValueConvertible], timeout: Duration? = nil,
    cancellation: QueryCancellation? = nil
  ) throws -> QueryResult {
    try execute(query, parameters: parameters.cypherValues, timeout: timeout, cancellation: cancellation)
  }

  /// Runs one reading or writing statement and decodes every row as a `T`, by column name
  /// (`try db.query(Person.self, "MATCH (p:Person) RETURN p.name AS name, p.age AS age")`); a
  /// row of one node column decodes from the node's properties (see `Row.decode(_:)`).
  /// - Throws: `QuiverError` from the statement, or code `CannotDecodeValue` naming the column,
  ///   the expected type and the value found.
  public func query<T: Decodable>(
    _ type: T.Type, _ query: String, parameters: [String: any ValueConvertible] = [:], timeout: Duration? = nil,
    cancellation: QueryCancellation? = nil
  ) throws -> [T] {
    try execute(query, parameters: parameters.cypherValues, timeout: timeout, cancellation: cancellation).decode(T.self)
  }
}

extension Transaction {
  /// Runs one statement inside the transaction with plain Swift values as parameters.
  /// - Throws: `QuiverError` as `execute(_:parameters:timeout:cancellation:)` does.
  @discardableResult
  public func execute(
    _ query: String, parameters: [String: any ValueConvertible], timeout: Duration? = nil,
    cancellation: QueryCancellation? = nil
  ) throws -> QueryResult {
    try execute(query, parameters: parameters.cypherValues, timeout: timeout, cancellation: cancellation)
  }

  /// Runs one statement inside the transaction and decodes every row as a `T` (see
  /// `Database.query(_:_:parameters:timeout:cancellation:)`).
  public func query<T: Decodable>(
    _ type: T.Type, _ query: String, parameters: [String: any ValueConvertible] = [:], timeout: Duration? = nil,
    cancellation: QueryCancellation? = nil
  ) throws -> [T] {
    try execute(query, parameters: parameters.cypherValues, timeout: timeout, cancellation: cancellation).decode(T.self)
  }
}

extension Session {
  /// Starts `query` with plain Swift values as parameters (see `run(_:parameters:timeout:cancellation:)`).
  public func run(
    _ query: String, parameters: [String: any ValueConvertible], timeout: Duration? = nil,
    cancellation: QueryCancellation? = nil
  ) throws -> ResultStream {
    try run(query, parameters: parameters.cypherValues, timeout: timeout, cancellation: cancellation)
  }
}
