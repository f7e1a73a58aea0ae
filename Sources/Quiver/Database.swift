// The embedding API's entry point: a property graph that runs Cypher. It drives the pipeline
// parse → plan → execute. Readers run in parallel, each on the snapshot of the graph taken when
// its statement starts; writers are serialized and publish their changes only when the whole
// statement succeeded, so a failed statement changes nothing.
@_exported import GraphCore
import CypherPlanner
import CypherRuntime
import CypherSyntax
import GraphStorage
import Synchronization

/// A Quiver database. Create one with `try Database()` and run Cypher with `execute`.
public final class Database: Sendable {
  private struct State: Sendable {
    var store = GraphStore()
    var procedures = ProcedureRegistry()
  }

  private let state = Mutex(State())
  /// Held for the whole of a writing statement so that writers run one at a time.
  private let writer = Mutex(())

  /// An empty in-memory database.
  public init() throws {}

  /// Runs one Cypher statement with `parameters` bound to `$name` placeholders.
  /// - Throws: `QuiverError` for syntax, semantic and runtime errors; the graph is unchanged then.
  public func execute(_ query: String, parameters: [String: Value] = [:]) throws -> QueryResult {
    let statement = try Parser.parse(query)
    let snapshot = state.withLock { $0 }
    let compiled = try Planner.compile(statement, catalog: snapshot.procedures)
    if compiled.mode == .explain {
      return QueryResult(columns: [], rows: [], plan: compiled.explained)
    }
    if let missing = compiled.parameterNames.subtracting(parameters.keys).sorted().first {
      throw QuiverError(.parameterMissing, "MissingParameter", "expected a value for parameter $\(missing)", phase: .compile)
    }
    let plan = compiled.mode == .profile ? compiled.explained : nil
    if !compiled.isUpdating {
      let context = ExecutionContext(store: snapshot.store, parameters: parameters, procedures: snapshot.procedures)
      let outcome = try context.run(compiled)
      return QueryResult(columns: outcome.columns, rows: outcome.rows, statistics: outcome.statistics, plan: plan)
    }
    return try writer.withLock { _ in
      let latest = state.withLock { $0 }
      let context = ExecutionContext(store: latest.store, parameters: parameters, procedures: latest.procedures)
      let outcome = try context.run(compiled)
      state.withLock { $0.store = outcome.store }
      return QueryResult(columns: outcome.columns, rows: outcome.rows, statistics: outcome.statistics, plan: plan)
    }
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
}
