// The planner: binds names to slots, checks the query's meaning (undefined or re-bound variables,
// misplaced aggregates, clause order) and builds the operator tree clause by clause.
import CypherSyntax
import GraphCore

/// Procedure signatures the planner can check CALL against.
package protocol ProcedureCatalog: Sendable {
  func procedure(named name: String) -> Procedure?
}

/// Compiles a parsed statement into a `CompiledQuery`.
package struct Planner {
  var slotCount = 0
  let catalog: any ProcedureCatalog
  let statistics: any GraphStatistics
  var isUpdating = false
  /// How many subquery bodies (CALL { … }, EXISTS, COUNT, COLLECT) enclose the clauses being
  /// planned: a procedure CALL alone is standalone only in the statement itself.
  var nesting = 0
  /// Variables bound before the MATCH being planned; a relationship variable bound since then
  /// was bound by the same pattern, which is a uniqueness violation.
  var matchOuterNames: Set<String>?
  /// Every `$name` the statement reads.
  var parameterNames = Set<String>()
  /// True while binding the boolean skeleton of a WHERE (or exists()), where a bare pattern may
  /// stand as a predicate.
  var patternPredicateAllowed = false

  init(catalog: any ProcedureCatalog, statistics: any GraphStatistics) {
    self.catalog = catalog
    self.statistics = statistics
  }

  /// Plans `statement`, raising compile-time errors before anything runs. `schema` tells which
  /// indexes exist and how large labels and indexes are.
  package static func compile(
    _ statement: Statement, catalog: any ProcedureCatalog, schema: any GraphStatistics = NoStatistics()
  ) throws -> CompiledQuery {
    var planner = Planner(catalog: catalog, statistics: schema)
    let names = SlotNames()
    let (root, columns) = try planner.planQuery(statement.query, input: .argument, scope: Scope(slotNames: names), isSubquery: false)
    return CompiledQuery(
      root: root, columns: columns, slotCount: planner.slotCount, isUpdating: planner.isUpdating,
      mode: ExecutionMode(statement.mode), parameterNames: planner.parameterNames, slotNames: names.names)
  }

  mutating func newSlot() -> Int {
    slotCount += 1
    return slotCount - 1
  }

  func semanticError(_ code: String, _ message: String, _ p: SourcePosition?) -> QuiverError {
    QuiverError.semantic(code, message, at: p)
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
      if let twice = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
        throw semanticError("VariableAlreadyBound", "variable `\(twice)` is imported twice", loc?.position)
      }
      for name in names {
        guard let v = scope[name] else {
          throw semanticError("UndefinedVariable", "variable `\(name)` not defined", loc?.position)
        }
        declared[name] = v
      }
    }
    func visible(_ part: SingleQuery) -> Scope {
      guard isSubquery else { return scope }
      return imports == nil ? imported(part, from: scope) : declared
    }
    if body.parts.count == 1 {
      let (op, _, columns) = try planSingle(body.parts[0], input: input, scope: visible(body.parts[0]))
      return (op, columns)
    }
    if Set(body.unionAll).count > 1 {
      throw semanticError("InvalidClauseComposition", "UNION and UNION ALL cannot be mixed in one query", body.parts[1].loc.position)
    }
    var branches: [PlanOperator] = []
    var names: [String]?
    var outputs: [Int] = []
    for part in body.parts {
      let (op, _, columns) = try planSingle(part, input: input, scope: visible(part))
      let partNames = columns.map(\.0)
      if let names {
        if names != partNames {
          throw semanticError("DifferentColumnsInUnion", "all parts of a UNION must return the same columns (\(names.joined(separator: ", ")) vs \(partNames.joined(separator: ", ")))", part.loc.position)
        }
      } else {
        names = partNames
        outputs = partNames.map { _ in newSlot() }
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
  /// With `openEnd` (the body of EXISTS or COUNT), the clauses need not end in RETURN.
  mutating func planSingle(_ query: SingleQuery, input: PlanOperator, scope start: Scope, openEnd: Bool = false) throws
    -> (PlanOperator, Scope, [(String, Int)])
  {
    var op = input
    var scope = start
    var afterUpdate = false
    /// The previous clause was a subquery that writes: later reads wait for it, like after any
    /// write (without the WITH an updating clause needs before a MATCH).
    var afterSubqueryWrite = false
    var columns: [(String, Int)] = []
    let clauses = query.clauses
    for (i, clause) in clauses.enumerated() {
      let isLast = i == clauses.count - 1
      var subqueryWrites = false
      var unitSubqueryWrites = false
      if (afterUpdate || afterSubqueryWrite) && !clause.isUpdating {
        op = .eager(op)
      }
      switch clause {
      case .match(let optional, let patterns, let predicate, let loc):
        if afterUpdate, case .match = clause {
          if !(i > 0 && clauses[i - 1].isWith) {
            throw semanticError("InvalidClauseComposition", "WITH is required between an updating clause and MATCH", loc.position)
          }
        }
        op = try planMatch(op, optional: optional, patterns: patterns, predicate: predicate, scope: &scope)
      case .unwind(let e, let alias, let loc):
        if scope[alias] != nil {
          throw semanticError("VariableAlreadyBound", "variable `\(alias)` is already defined", loc.position)
        }
        let list = try bind(e, scope)
        let slot = newSlot()
        scope[alias] = Variable(slot: slot, kind: .value)
        op = .unwind(op, list, slot: slot)
      case .with(let projection, let predicate):
        (op, scope, _) = try planProjection(projection, input: op, scope: scope, isReturn: false, predicate: predicate)
      case .return(let projection):
        if !isLast {
          throw semanticError("InvalidClauseComposition", "RETURN can only be the last clause of a query", projection.loc.position)
        }
        (op, scope, columns) = try planProjection(projection, input: op, scope: scope, isReturn: true, predicate: nil)
      case .call(let call):
        let standalone = clauses.count == 1 && nesting == 0
        (op, columns) = try planCall(call, input: op, scope: &scope, standalone: standalone)
        if !standalone { columns = [] }
      case .subquery(let body, let imports, let loc):
        let updatedBefore = isUpdating
        isUpdating = false
        nesting += 1
        let (inner, innerColumns) = try planQuery(body, input: .argument, scope: scope, isSubquery: true, imports: imports, at: loc)
        nesting -= 1
        if isUpdating {
          // A subquery that writes is a write: earlier reads finish before it, later ones after;
          // a unit one may end the query.
          subqueryWrites = true
          unitSubqueryWrites = innerColumns.isEmpty
          if !afterUpdate && !afterSubqueryWrite && !isSimpleInput(op) { op = .eager(op) }
        }
        isUpdating = isUpdating || updatedBefore
        for (name, slot) in innerColumns {
          if scope[name] != nil {
            throw semanticError("VariableAlreadyBound", "variable `\(name)` is already defined; a subquery cannot return a variable of the enclosing query", loc.position)
          }
          scope[name] = Variable(slot: slot, kind: .value)
        }
        op = .apply(op, inner: inner, outputs: innerColumns.isEmpty ? nil : innerColumns.map(\.1))
      default:
        // Reads before a write finish first; MERGE also reads, so it waits for earlier writes.
        if (!afterUpdate || clause.isMerge) && !isSimpleInput(op) { op = .eager(op) }
        op = try planUpdate(clause, input: op, scope: &scope)
        isUpdating = true
      }
      afterUpdate = clause.isUpdating
      afterSubqueryWrite = subqueryWrites
      if isLast && !openEnd && !clause.isReturn && !clause.isUpdating && !unitSubqueryWrites && !(clause.isCall && clauses.count == 1) {
        if case .call = clause {} else {
          throw semanticError("InvalidClauseComposition", "a query must end with RETURN or an updating clause", query.loc.position)
        }
      }
    }
    return (op, scope, columns)
  }

  private func isSimpleInput(_ op: PlanOperator) -> Bool {
    if case .argument = op { return true }
    if case .eager = op { return true }
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
}
