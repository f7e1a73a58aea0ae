// The statement pipeline every way of running Cypher goes through: prepare (parse and plan,
// through the plan cache), then carry out in a scope (auto-commit or a transaction) and hand
// back a `ResultStream`. Reading statements stream from their snapshot; updating statements and
// schema changes run to completion and commit in the scope first.
import CypherPlanner
import CypherRuntime
import GraphStorage

extension Database {
  /// Starts `query` in `scope` and returns the stream of its rows. `statement`, when given, is
  /// `query` prepared, and its plan is used instead of the plan cache's. `onEnd` is told the
  /// summary when the stream ends (nil after a failure).
  func startStatement(
    _ query: String, parameters: [String: Value], control: RunControl, in scope: any StatementScope,
    prepared statement: PreparedStatement? = nil, onEnd: @escaping (ResultSummary?) -> Void = { _ in }
  ) throws -> ResultStream {
    let started = ContinuousClock.now
    // Listed by SHOW TRANSACTIONS from here until the stream ends (or starting it fails).
    let listed = runningStatements.register(query, started: started, flag: control.flag)
    let onEnd: (ResultSummary?) -> Void = { [runningStatements] summary in
      runningStatements.finish(listed)
      onEnd(summary)
    }
    do {
      return try startListed(query, parameters: parameters, control: control, in: scope, prepared: statement, started: started, onEnd: onEnd)
    } catch {
      runningStatements.finish(listed)
      throw error
    }
  }

  /// `startStatement` once the statement is listed as running.
  private func startListed(
    _ query: String, parameters: [String: Value], control: RunControl, in scope: any StatementScope,
    prepared statement: PreparedStatement?, started: ContinuousClock.Instant, onEnd: @escaping (ResultSummary?) -> Void
  ) throws -> ResultStream {
    let limits = control.limits ?? self.limits
    try limits.check(query: query)
    let snapshot = scope.snapshot
    var notifications: [QueryNotification] = []
    func stream(_ columns: [String], _ feed: ResultStream.Feed, _ type: QueryType, _ plan: ResultStream.PlanText = .none) -> ResultStream {
      ResultStream(
        query: query, columns: columns, feed: feed, queryType: type, plan: plan, control: control, started: started,
        notifications: notifications, onEnd: onEnd)
    }
    let prepared =
      try statement?.plan(parameters: parameters, snapshot.store, snapshot.procedures)
      ?? prepare(query, parameters: parameters, snapshot.store, snapshot.procedures)
    try limits.check(prepared, query: query)
    switch prepared {
    case .schema(let command, let show):
      guard Self.changesSchema(command) else {
        let result = try runningStatements.result(of: command) ?? Self.run(command, on: snapshot.store, procedures: snapshot.procedures).0
        if show.isEmpty { return stream(result.columns, .rows(result.rows), .readOnly) }
        let (compiled, rows) = try Self.showQuery(show, over: result, snapshot.store, snapshot.procedures)
        let source = try context(snapshot.store, snapshot.procedures, rows, control, limits, profiled: false).start(compiled)
        return stream(source.columns, .source(source), .readOnly)
      }
      try scope.checkWritable(schema: true)
      let (result, statistics) = try scope.write(control: control) { store, procedures in
        let (result, changed) = try Self.run(command, on: store, procedures: procedures)
        let statistics = Self.statistics(of: command, changed: changed.schemaVersion != store.schemaVersion)
        return ((result, statistics), changed, statistics)
      }
      return stream(result.columns, .kept(result.rows, statistics: statistics), .schemaWrite)
    case .query(let compiled):
      let type: QueryType = !compiled.isUpdating ? .readOnly : compiled.columns.isEmpty ? .writeOnly : .readWrite
      notifications = QueryNotification.notifications(for: compiled.names, in: snapshot.store)
      if compiled.mode == .explain {
        let tree = PlanDescription(compiled.planTree(statistics: snapshot.store))
        return stream([], .rows([]), type, .fixed(compiled.explained(statistics: snapshot.store), tree))
      }
      if compiled.batchesTransactions && !(scope is Database) {
        throw QuiverError(
          .semantic, .implicitTransactionRequired,
          "a query with CALL { … } IN TRANSACTIONS can only run in an implicit transaction, not in an explicit one",
          phase: .runtime)
      }
      let plan: ResultStream.PlanText = compiled.mode == .profile ? .profiled(compiled) : .none
      guard compiled.isUpdating else {
        let source = try context(snapshot.store, snapshot.procedures, parameters, control, limits, profiled: compiled.mode == .profile)
          .start(compiled)
        return stream(source.columns, .source(source), type, plan)
      }
      try scope.checkWritable(schema: false)
      let source = try scope.write(control: control) { store, procedures in
        let running = context(store, procedures, parameters, control, limits, profiled: compiled.mode == .profile)
        if compiled.batchesTransactions { running.commitBatch = { [unowned self] in try self.commitKeepingSlot($0) } }
        let source = try running.start(compiled)
        return (source, source.store, source.statistics)
      }
      // The work is done: fill in the kept rows now and let the statement's context go, and with
      // it the version of the graph it wrote (with its change log), which the stream would
      // otherwise hold until its rows are read.
      let rows = source.remainingKeptRows()
      let done: ResultStream.PlanText =
        source.profile.map {
          .fixed(
            compiled.explained(profile: $0.measurements),
            PlanDescription(compiled.planTree(profile: $0.measurements, resultRows: rows.count)))
        } ?? .none
      return stream(source.columns, .kept(rows, statistics: source.statistics), type, done)
    }
  }

  /// A fresh execution context for one statement on `store`.
  private func context(
    _ store: GraphStore, _ procedures: ProcedureRegistry, _ parameters: [String: Value], _ control: RunControl,
    _ limits: ResourceLimits, profiled: Bool
  ) -> ExecutionContext {
    let context = ExecutionContext(store: store, parameters: parameters, procedures: procedures, control: control.flag, columns: columns)
    if profiled { context.profile = ProfileRecorder() }
    context.imports = ImportSettings(directory: importDirectory)
    // Procedures that read with Cypher (algo.graph.project.cypher) compile through the front end.
    context.compileQuery = { query, store, procedures in
      guard case .query(let compiled) = try Database.compile(query, store, procedures) else { return nil }
      return compiled
    }
    context.limits = limits.query
    return context
  }
}
