// A statement parsed and planned once and run many times with different parameters. It keeps
// its own plan, so it does not depend on the plan cache's capacity, and plans again only when
// what the plan cache would also drop it for changed: the schema (indexes, constraints), the
// procedure and function catalog, or the graph's size class (an order of two in node count,
// which plans are chosen by).
import CypherRuntime
import GraphCore
import GraphStorage
import Synchronization

/// A Cypher statement parsed and planned once: `let find = try db.prepare("MATCH (p:Person {id: $id}) RETURN p")`,
/// then `try find.execute(["id": 5])` as often as needed. Safe to share between threads.
public final class PreparedStatement: Sendable {
  /// The statement's text.
  public let query: String
  /// The database it runs on.
  public let database: Database

  /// A plan with what it was made against.
  private struct Planned: Sendable {
    let prepared: Database.Prepared
    let schemaVersion: Int
    let catalogVersion: Int
    let sizeClass: Int
  }

  private let planned: Locked<Planned>
  private let replans = Atomic<Int>(0)

  init(database: Database, query: String) throws {
    self.database = database
    self.query = query
    let (store, procedures) = database.snapshot
    planned = Locked(try Self.make(query, store, procedures))
  }

  /// How many times the statement was planned again since it was prepared (after schema or
  /// catalog changes), for tests and diagnostics.
  public var replanCount: Int { replans.load(ordering: .relaxed) }

  /// The statement's columns, as far as known before it runs (empty for schema commands).
  public var columns: [String] {
    planned.withLock { p in
      if case .query(let compiled) = p.prepared { return compiled.columns.map(\.0) }
      return []
    }
  }

  /// Runs the statement in a transaction of its own with `parameters` bound to its placeholders.
  /// - Throws: `QuiverError` as `Database.execute` does.
  @discardableResult
  public func execute(
    _ parameters: [String: any ValueConvertible] = [:], timeout: Duration? = nil, cancellation: QueryCancellation? = nil
  ) throws -> QueryResult {
    try stream(parameters, timeout: timeout, cancellation: cancellation).collect()
  }

  /// Runs the statement inside `transaction`.
  /// - Throws: `QuiverError` as `Transaction.execute` does.
  @discardableResult
  public func execute(
    in transaction: Transaction, _ parameters: [String: any ValueConvertible] = [:], timeout: Duration? = nil,
    cancellation: QueryCancellation? = nil
  ) throws -> QueryResult {
    try transaction.start(
      query, parameters: parameters.cypherValues, control: RunControl(timeout: timeout, cancellation: cancellation),
      prepared: self
    ).collect()
  }

  /// Runs the statement and decodes every row as a `T` (see `Row.decode(_:)`).
  /// - Throws: `QuiverError` from the statement, or code `CannotDecodeValue`.
  public func query<T: Decodable>(
    _ type: T.Type, _ parameters: [String: any ValueConvertible] = [:], timeout: Duration? = nil,
    cancellation: QueryCancellation? = nil
  ) throws -> [T] {
    try execute(parameters, timeout: timeout, cancellation: cancellation).decode(T.self)
  }

  /// Starts the statement and returns the stream of its rows (see `Database.stream`).
  public func stream(
    _ parameters: [String: any ValueConvertible] = [:], timeout: Duration? = nil, cancellation: QueryCancellation? = nil
  ) throws -> ResultStream {
    try database.start(
      query, parameters: parameters.cypherValues, control: RunControl(timeout: timeout, cancellation: cancellation),
      in: database, prepared: self)
  }

  /// The plan for a run on `store` with `procedures`, planned again when it is stale; checks
  /// that `parameters` has every parameter the statement uses.
  func plan(parameters: [String: Value], _ store: GraphStore, _ procedures: ProcedureRegistry) throws -> Database.Prepared {
    let sizeClass = PlanCache.sizeClass(store.nodeCount)
    var current = planned.withLock { $0 }
    if current.schemaVersion != store.schemaVersion || current.catalogVersion != procedures.version
      || current.sizeClass != sizeClass
    {
      current = try Self.make(query, store, procedures)
      let fresh = current
      planned.withLock { $0 = fresh }
      replans.add(1, ordering: .relaxed)
    }
    try Database.checkParameters(current.prepared, parameters)
    return current.prepared
  }

  private static func make(_ query: String, _ store: GraphStore, _ procedures: ProcedureRegistry) throws -> Planned {
    Planned(
      prepared: try Database.compile(query, store, procedures), schemaVersion: store.schemaVersion,
      catalogVersion: procedures.version, sizeClass: PlanCache.sizeClass(store.nodeCount))
  }
}

extension Database {
  /// Parses and plans `query` once, for running it many times with different parameters.
  /// - Throws: `QuiverError` for syntax and semantic errors, at once.
  public func prepare(_ query: String) throws -> PreparedStatement {
    try limits.check(query: query)
    return try PreparedStatement(database: self, query: query)
  }
}
