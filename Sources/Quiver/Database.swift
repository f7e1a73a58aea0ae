// The embedding API's entry point: a property graph that runs Cypher. It drives the pipeline
// parse → plan → execute and keeps the published version of the graph. Readers run in parallel,
// each on the snapshot taken when its statement or transaction starts; writers take the single
// writer slot, change a private version and publish it only when the whole statement or
// transaction succeeded, so a failure changes nothing and readers never see half a write.
@_exported import GraphCore
import CypherPlanner
import CypherRuntime
import CypherSyntax
import GraphCore
import GraphStorage

/// A Quiver database. Create one with `try Database()` and run Cypher with `execute`.
public final class Database: Sendable {
  struct State: Sendable {
    var store = GraphStore()
    var procedures = ProcedureRegistry()
  }

  let state = Locked(State())
  /// Held by the one statement or transaction that may write.
  let writerSlot = WriterSlot()
  let planCache = PlanCache()
  /// Where statements report to the embedder's query log (`queryLog`).
  let queryLogSlot = QueryLogSlot()
  /// Node property and adjacency columns of the latest graph version, for read-only statements.
  let columns = ColumnCache()

  /// Number of columns the database keeps (for tests).
  package var cachedColumnCount: Int { columns.count }
  /// Number of plans the plan cache holds (for tests).
  package var cachedPlanCount: Int { planCache.count }
  /// The directory files of a durable database; nil in memory.
  let storage: DiskStorage?
  private let importDirectoryState = Locked<String?>(nil)
  /// The statements running now, for SHOW TRANSACTIONS and TERMINATE TRANSACTIONS.
  let runningStatements = RunningStatements()
  private let limitsState = Locked(ResourceLimits())

  /// The resource limits of statements started from now on (see `ResourceLimits`); a durable
  /// database starts with `DatabaseOptions.limits`.
  public var limits: ResourceLimits {
    get { limitsState.withLock { $0 } }
    set { limitsState.withLock { $0 = newValue } }
  }

  /// The directory `LOAD CSV FROM 'file:///name'` reads `name` in (see
  /// `DatabaseOptions.importDirectory`); nil, the default of an in-memory database, lets LOAD CSV
  /// read nothing.
  public var importDirectory: String? {
    get { importDirectoryState.withLock { $0 } }
    set { importDirectoryState.withLock { $0 = newValue } }
  }

  /// An empty in-memory database.
  public init() throws { storage = nil }

  /// A database over `storage` whose committed graph is `store`.
  init(storage: DiskStorage, store: GraphStore) {
    self.storage = storage
    state.withLock { $0.store = store }
  }

  /// Runs one Cypher statement with `parameters` bound to `$name` placeholders, in a transaction
  /// of its own.
  /// - Parameters:
  ///   - query: one Cypher statement.
  ///   - parameters: the values of its `$name` placeholders.
  ///   - timeout: the statement fails with a `TimedOut` error when it runs longer than this.
  ///   - cancellation: cancel it from another thread to stop the statement.
  ///   - limits: resource limits for this statement instead of the database's `limits`.
  /// - Throws: `QuiverError` for syntax, semantic and runtime errors; the graph is unchanged then.
  @discardableResult
  public func execute(
    _ query: String, parameters: [String: Value] = [:], timeout: Duration? = nil,
    cancellation: QueryCancellation? = nil, limits: ResourceLimits? = nil
  ) throws -> QueryResult {
    var control = RunControl(timeout: timeout, cancellation: cancellation)
    control.limits = limits
    return try start(query, parameters: parameters, control: control, in: self).collect()
  }

  /// Runs `body` in a transaction: its statements see each other's changes, nothing is visible to
  /// others before `body` returns, and everything is rolled back when it throws. A read-only
  /// transaction reads one snapshot and never waits for writers.
  @discardableResult
  public func transaction<T>(readOnly: Bool = false, _ body: (Transaction) throws -> T) throws -> T {
    let tx = beginTransaction(readOnly: readOnly)
    do {
      let value = try body(tx)
      try tx.commit()
      return value
    } catch {
      tx.rollback()
      throw error
    }
  }

  /// Starts a transaction that the caller ends with `commit()` or `rollback()`. A writing
  /// transaction holds the writer slot until then, so other writers wait.
  public func beginTransaction(readOnly: Bool = false) -> Transaction {
    let readOnly = readOnly || isReadOnly
    if !readOnly { writerSlot.acquire() }
    return openTransaction(readOnly: readOnly)
  }

  /// Starts a transaction as `beginTransaction(readOnly:)` does, but a writing one waits for the
  /// writer slot only until `control`'s deadline (then throws `WriterBusy`) or until it is
  /// cancelled (then throws `Cancelled`).
  func beginTransaction(readOnly: Bool, control: RunControl) throws -> Transaction {
    let readOnly = readOnly || isReadOnly
    if !readOnly { try writerSlot.acquire(control) }
    return openTransaction(readOnly: readOnly)
  }

  /// A transaction on the latest version; a writing one is opened with the writer slot held.
  private func openTransaction(readOnly: Bool) -> Transaction {
    let snapshot = state.withLock { $0 }
    return Transaction(database: self, store: snapshot.store, procedures: snapshot.procedures, readOnly: readOnly)
  }

  /// Makes `procedure` callable with `CALL name(...)`; replaces one of the same name.
  public func register(_ procedure: Procedure) {
    state.withLock { $0.procedures = $0.procedures.adding(procedure) }
  }

  /// The procedures that `CALL` can reach, built-in and registered, sorted by name.
  public var procedures: [Procedure] {
    state.withLock { $0.procedures.all }
  }

  /// Number of nodes and relationships in the graph.
  public var counts: (nodes: Int, relationships: Int) {
    state.withLock { ($0.store.nodeCount, $0.store.relationshipCount) }
  }

  /// Labels, relationship types and property keys in use, with counts.
  public var schema: Schema {
    let store = state.withLock { $0.store }
    return Schema(
      labels: store.labelsInUse.map { ($0, store.nodeIDs(withLabel: $0).count) },
      relationshipTypes: store.typeCounts,
      propertyKeys: store.propertyKeys.sorted())
  }

  /// Cuts `script` into statements at the semicolons that end them, ignoring semicolons inside
  /// strings, backquoted names and comments.
  public static func split(script: String) -> ScriptSplit {
    let (pieces, rest) = ScriptSplitter.split(script)
    let bytes = Array(script.utf8)
    func statement(_ p: ScriptPiece) -> ScriptStatement {
      let text = String(decoding: bytes[p.start.offset..<max(p.start.offset, p.endOffset)], as: UTF8.self)
      return ScriptStatement(text: text, start: p.start)
    }
    return ScriptSplit(statements: pieces.map(statement), remainder: rest.map(statement))
  }

  /// Parses and plans `query` (through the plan cache) and checks its parameters.
  func prepare(_ query: String, parameters: [String: Value], _ store: GraphStore, _ procedures: ProcedureRegistry) throws -> Prepared {
    let prepared = try planCache.plan(
      query, procedures: procedures, schemaVersion: store.schemaVersion, nodeCount: store.nodeCount
    ) {
      try Self.compile(query, store, procedures)
    }
    try Self.checkParameters(prepared, parameters)
    return prepared
  }

  /// Parses and plans `query` against `store`'s schema and statistics and the `procedures`.
  static func compile(_ query: String, _ store: GraphStore, _ procedures: ProcedureRegistry) throws -> Prepared {
    let (statement, depth) = try Parser.measuredParse(query)
    if let command = statement.schema { return .schema(command, show: statement.query.parts.first?.clauses ?? []) }
    var compiled = try Planner.compile(statement, catalog: procedures, schema: store)
    var names = NameUses(statement)
    // A store never forgets a name it has interned: only the names missing now are looked up
    // again when the statement runs, to warn about those still missing then.
    names.labels.removeAll { store.labelID($0.name) != nil }
    names.relationshipTypes.removeAll { store.typeID($0.name) != nil }
    names.propertyKeys.removeAll { store.propertyKeyID($0.name) != nil }
    compiled.names = names
    compiled.nestingDepth = depth
    return .query(compiled)
  }

  /// Throws `ParameterMissing` when `prepared` uses a parameter that `parameters` lacks.
  /// A plain loop: a lazy filter's escaping closure cost an allocation per statement.
  static func checkParameters(_ prepared: Prepared, _ parameters: [String: Value]) throws {
    guard case .query(let compiled) = prepared, compiled.mode != .explain else { return }
    var missing: String?
    for name in compiled.parameterNames where parameters[name] == nil {
      if let first = missing, first <= name { continue }
      missing = name
    }
    if let missing {
      throw QuiverError(
        .parameterMissing, .missingParameter, "expected a value for parameter $\(missing)",
        phase: .compile, name: missing)
    }
  }
}
