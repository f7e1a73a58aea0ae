// The planner: runs the binder (Binder/), which refuses every invalid query, then binds names to
// slots and builds the operator tree clause by clause.
import CypherSyntax
import GraphCore

/// Procedure signatures the planner can check CALL against.
package protocol ProcedureCatalog: Sendable {
  func procedure(named name: String) -> Procedure?
  /// The user-defined function `name` (matched without regard to case), if one is registered.
  func function(named name: String) -> UserFunction?
  /// The user-defined aggregating function `name` (matched without regard to case), if one is registered.
  func aggregate(named name: String) -> UserAggregateFunction?
}

extension ProcedureCatalog {
  /// No user-defined functions, for catalogs that hold only procedures.
  package func function(named name: String) -> UserFunction? { nil }
  /// No user-defined aggregates, for catalogs that hold only procedures.
  package func aggregate(named name: String) -> UserAggregateFunction? { nil }

  /// Whether `name` calls an aggregating function, built in or registered.
  package func isAggregate(_ name: String) -> Bool {
    AggregateFunction.byName[name.lowercased()] != nil || aggregate(named: name) != nil
  }
}

/// Compiles a parsed statement into a `CompiledQuery`.
package struct Planner {
  var slotCount = 0
  let catalog: any ProcedureCatalog
  let statistics: any GraphStatistics
  /// What the binder resolved: the procedure of each CALL.
  let bound: BoundStatement
  var isUpdating = false
  /// Variables bound before the MATCH being planned: a relationship list among them that a
  /// variable-length relationship repeats is compared with the walk.
  var matchOuterNames: Set<String>?
  /// The statement has a CALL subquery IN TRANSACTIONS (allowed only in an implicit transaction).
  var batchesTransactions = false

  init(bound: BoundStatement, catalog: any ProcedureCatalog, statistics: any GraphStatistics) {
    self.bound = bound
    self.catalog = catalog
    self.statistics = statistics
  }

  /// Binds and plans `statement`, raising the binder's compile-time errors before anything runs. `schema`
  /// tells which indexes exist and how large labels and indexes are.
  package static func compile(
    _ statement: Statement, catalog: any ProcedureCatalog, schema: any GraphStatistics = NoStatistics()
  ) throws -> CompiledQuery {
    let bound = try Binder.bind(statement, catalog: catalog)
    var planner = Planner(bound: bound, catalog: catalog, statistics: schema)
    let names = SlotNames()
    let (root, columns) = try planner.planQuery(statement.query, input: .argument, scope: Scope(slotNames: names), isSubquery: false)
    return CompiledQuery(
      root: root, columns: columns, slotCount: planner.slotCount, isUpdating: planner.isUpdating,
      mode: ExecutionMode(statement.mode), parameterNames: bound.parameters, slotNames: names.names,
      batchesTransactions: planner.batchesTransactions)
  }

  mutating func newSlot() -> Int {
    slotCount += 1
    return slotCount - 1
  }

  /// Plans a query body (single query or UNION) on `input`. The parts of a CALL subquery
  /// (`isSubquery`) see only the outer variables they import: those its scope clause names
  /// (`imports`), or else those each part's leading WITH names.
  mutating func planQuery(
    _ body: QueryBody, input: PlanOperator, scope: Scope, isSubquery: Bool, imports: SubqueryImports? = nil, at loc: Loc? = nil
  ) throws -> (PlanOperator, [(String, Int)]) {
    var declared = scope
    if case .names(let names)? = imports {
      declared = scope.emptied
      // The binder has refused imports that are not in scope.
      for name in names { declared[name] = try scope.variable(name, at: loc) }
    }
    func visible(_ part: SingleQuery) -> Scope {
      guard isSubquery else { return scope }
      return imports == nil ? imported(part, from: scope) : declared
    }
    if body.parts.count == 1 {
      let (op, _, columns) = try planSingle(body.parts[0], input: input, scope: visible(body.parts[0]))
      return (op, columns)
    }
    var branches: [PlanOperator] = []
    var names: [String]?
    var outputs: [Int] = []
    for part in body.parts {
      let (op, _, columns) = try planSingle(part, input: input, scope: visible(part))
      // The binder has checked that every part returns the same columns.
      if names == nil {
        names = columns.map(\.0)
        outputs = columns.map { _ in newSlot() }
      }
      let projections = zip(outputs, columns).map { ($0, PlanExpression.slot($1.1)) }
      branches.append(.project(op, projections))
    }
    let distinct = body.unionAll.first == false
    return (.union(branches, outputs: outputs, distinct: distinct), zip(names ?? [], outputs).map { ($0, $1) })
  }

  /// The outer variables a part of a CALL subquery imports: those its leading WITH names as
  /// they are (every one for `WITH *`); a part that does not start with WITH imports none.
  private func imported(_ part: SingleQuery, from scope: Scope) -> Scope {
    guard case .with(let projection, _)? = part.clauses.first else { return scope.emptied }
    if projection.star { return scope }
    var inner = scope.emptied
    for item in projection.items {
      if case .variable(let name, _) = item.expression, let v = scope[name] { inner[name] = v }
    }
    return inner
  }

  /// Plans one sequence of clauses; returns the final operator, scope and result columns.
  /// The binder has checked how the clauses are composed.
  mutating func planSingle(_ query: SingleQuery, input: PlanOperator, scope start: Scope) throws
    -> (PlanOperator, Scope, [(String, Int)])
  {
    var op = input
    var scope = start
    var afterUpdate = false
    /// The previous clause was a subquery that writes: later reads wait for it, like after any
    /// write (without the WITH an updating clause needs before a MATCH).
    var afterSubqueryWrite = false
    var columns: [(String, Int)] = []
    for clause in query.clauses {
      var subqueryWrites = false
      if (afterUpdate || afterSubqueryWrite) && !clause.isUpdating {
        op = .eager(op)
      }
      switch clause {
      case .match(let optional, let patterns, let predicate, let search, _):
        op = try planMatch(op, optional: optional, patterns: patterns, predicate: predicate, search: search, scope: &scope)
      case .unwind(let e, let alias, _):
        let list = try bind(e, scope)
        let slot = newSlot()
        scope[alias] = Variable(slot: slot, kind: .value)
        op = .unwind(op, list, slot: slot)
      case .with(let projection, let predicate):
        (op, scope, _) = try planProjection(projection, input: op, scope: scope, isReturn: false, predicate: predicate)
      case .return(let projection):
        (op, scope, columns) = try planProjection(projection, input: op, scope: scope, isReturn: true, predicate: nil)
      case .call(let call):
        let resolved = bound.resolution(of: call)
        (op, columns) = try planCall(call, resolved, input: op, scope: &scope)
        if !resolved.standalone { columns = [] }
        // A write-back procedure stores properties: the statement then runs as a write.
        if resolved.procedure.writes { isUpdating = true }
      case .loadCSV(let load):
        op = try planLoadCSV(load, input: op, scope: &scope)
      case .finish:
        // Every row is produced (so every write happens), then none is returned.
        op = .filter(op, .constant(.bool(false)))
      case .subquery(let body, let imports, let loc), .subqueryInTransactions(let body, let imports, _, let loc):
        let batching: InTransactions? = if case .subqueryInTransactions(_, _, let tx, _) = clause { tx } else { nil }
        let updatedBefore = isUpdating
        isUpdating = false
        let (inner, innerColumns) = try planQuery(body, input: .argument, scope: scope, isSubquery: true, imports: imports, at: loc)
        if isUpdating {
          // A subquery that writes is a write: earlier reads finish before it, later ones after.
          subqueryWrites = true
          // Batches read their input as they go (Neo4j's semantics), so it is not made eager.
          if batching == nil && !afterUpdate && !afterSubqueryWrite && !isSimpleInput(op) { op = .eager(op) }
        }
        isUpdating = isUpdating || updatedBefore
        for (name, slot) in innerColumns {
          scope[name] = Variable(slot: slot, kind: .value)
        }
        let outputs = innerColumns.isEmpty ? nil : innerColumns.map(\.1)
        if let batching {
          op = try planInTransactions(op, inner: inner, outputs: outputs, batching, scope: &scope)
        } else {
          op = .apply(op, inner: inner, outputs: outputs)
        }
      default:
        // Reads before a write finish first; MERGE also reads, so it waits for earlier writes.
        if (!afterUpdate || clause.isMerge) && !isSimpleInput(op) { op = .eager(op) }
        op = try planUpdate(clause, input: op, scope: &scope)
        isUpdating = true
      }
      afterUpdate = clause.isUpdating
      afterSubqueryWrite = subqueryWrites
    }
    return (op, scope, columns)
  }

  private func isSimpleInput(_ op: PlanOperator) -> Bool {
    if case .argument = op { return true }
    if case .eager = op { return true }
    // LOAD CSV reads a file, not the graph: writes after it cannot change what it yields.
    if case .loadCSV(let input, _) = op { return isSimpleInput(input) }
    return false
  }
}

extension Clause {
  var isUpdating: Bool {
    switch self {
    case .create, .merge, .set, .remove, .delete, .foreach: return true
    default: return false
    }
  }
  var isReturn: Bool { if case .return = self { return true } else { return false } }
  var isWith: Bool { if case .with = self { return true } else { return false } }
  var isCall: Bool { if case .call = self { return true } else { return false } }
  var isMerge: Bool { if case .merge = self { return true } else { return false } }
  var isFinish: Bool { if case .finish = self { return true } else { return false } }
}
