// The binder, the stage between parser and planner. It walks the parsed statement in clause
// order and checks how clauses are composed (where RETURN, WITH, UNION, FOREACH and subqueries
// may stand, and which subqueries may write), resolves each procedure CALL against the catalog,
// collects the parameters the statement reads, and threads a scope model (BinderScope.swift)
// through the clauses to refuse what the variables in scope make invalid. Its `BoundStatement`
// feeds the planner, which only plans.
import CypherSyntax
import GraphCore

/// Checks a parsed statement's structure and resolves what it names; see `docs/architecture.md`.
package struct Binder {
  let catalog: any ProcedureCatalog
  /// How many subquery bodies (CALL { … }, EXISTS, COUNT, COLLECT) enclose the clauses being
  /// bound: a procedure CALL alone is standalone only in the statement itself.
  var nesting = 0
  var parameters = Set<String>()
  /// Every variable name some expression or pattern of the statement reads (see
  /// `BoundStatement.readNames`).
  var readNames = Set<String>()
  var calls: [Int: BoundCall] = [:]
  /// The variables visible to the clause being bound.
  var scope = BinderScope()

  /// What the enclosing clause needs to know about a query body it contains.
  struct BodyFacts {
    /// Some clause of the body, or of a CALL subquery inside it, changes the graph.
    var writes = false
    /// The body ends in RETURN, so it has result columns.
    var returns = false
    /// The names of the body's result columns (of its RETURN, or of a standalone CALL).
    var columns: [String] = []
  }

  /// Which outer variables the parts of a body see.
  enum BodyScope {
    /// Every variable in scope where the body stands (a statement, EXISTS, COUNT, COLLECT).
    case enclosing
    /// A `CALL { … }` subquery: those its scope clause names (`imports`), or else those each
    /// part's leading WITH names; `loc` is the CALL's.
    case callSubquery(imports: SubqueryImports?, Loc)
  }

  /// Binds `statement`, raising the first compile-time error of its structure.
  package static func bind(_ statement: Statement, catalog: any ProcedureCatalog) throws -> BoundStatement {
    var binder = Binder(catalog: catalog)
    _ = try binder.bindBody(statement.query, openEnd: false)
    return BoundStatement(
      statement: statement, parameters: binder.parameters, calls: binder.calls, readNames: binder.readNames)
  }

  /// Binds a query body (one single query or a UNION of several), whose parts see the outer
  /// variables `visibility` says; the scope is the outer one again afterwards.
  mutating func bindBody(_ body: QueryBody, openEnd: Bool, visibility: BodyScope = .enclosing) throws -> BodyFacts {
    if Set(body.unionAll).count > 1 {
      throw semanticError(
        .invalidClauseComposition, "UNION and UNION ALL cannot be mixed in one query", body.parts[1].loc.position)
    }
    let outer = scope
    defer { scope = outer }
    var declared = outer
    if case .callSubquery(.names(let names)?, let loc) = visibility {
      declared = BinderScope()
      // An import is a read: the planner passes the variable's slot in.
      readNames.formUnion(names)
      for name in names {
        guard let symbol = outer[name] else {
          throw semanticError(.undefinedVariable, "variable `\(name)` not defined", loc.position, name: name)
        }
        declared[name] = symbol
      }
    }
    var facts = BodyFacts()
    for (i, part) in body.parts.enumerated() {
      switch visibility {
      case .enclosing: scope = outer
      case .callSubquery(let imports, _): scope = imports == nil ? imported(part, from: outer) : declared
      }
      let partFacts = try bindSingle(part, openEnd: openEnd)
      facts.writes = facts.writes || partFacts.writes
      if i == 0 {
        facts.returns = partFacts.returns
        facts.columns = partFacts.columns
      } else if facts.columns != partFacts.columns {
        let (names, partNames) = (facts.columns.joined(separator: ", "), partFacts.columns.joined(separator: ", "))
        throw semanticError(
          .differentColumnsInUnion, "all parts of a UNION must return the same columns (\(names) vs \(partNames))",
          part.loc.position)
      }
    }
    return facts
  }

  /// The outer variables a part of a CALL subquery imports: those its leading WITH names as
  /// they are (every one for `WITH *`); a part that does not start with WITH imports none.
  private func imported(_ part: SingleQuery, from outer: BinderScope) -> BinderScope {
    guard case .with(let projection, _)? = part.clauses.first else { return BinderScope() }
    if projection.star { return outer }
    var inner = BinderScope()
    for item in projection.items {
      if case .variable(let name, _) = item.expression, let v = outer[name] { inner[name] = v }
    }
    return inner
  }

  /// Binds one sequence of clauses in the current scope, leaving the scope after the last. With
  /// `openEnd` (the body of EXISTS or COUNT) the clauses need not end in RETURN or an update.
  mutating func bindSingle(_ query: SingleQuery, openEnd: Bool) throws -> BodyFacts {
    var facts = BodyFacts()
    let clauses = query.clauses
    var afterUpdate = false
    for (i, clause) in clauses.enumerated() {
      let isLast = i == clauses.count - 1
      var unitSubqueryWrites = false
      switch clause {
      case .match(_, let patterns, let predicate, let search, let loc):
        if afterUpdate {
          throw semanticError(
            .invalidClauseComposition, "WITH is required between an updating clause and MATCH", loc.position)
        }
        try checkMatchable(patterns)
        try visit(patterns)
        try visit(predicate)
        if let search {
          for e in [search.query, search.limit] + [search.filter].compactMap({ $0 }) {
            try visit(e)
            try checkNoAggregate(inWhere: e)
          }
          try checkSearch(search, patterns, outer: scope)
          try resolve(search.query, scope)
          try resolve(search.limit, scope)
        }
        try checkNoAggregate(inWhere: predicate)
        try checkAggregatePlacement(clause)
        var matched = scope
        try resolveMatch(patterns, predicate: predicate, search: search, scope: &matched)
        scope = matched
      case .unwind(let list, let alias, let loc):
        try visit(list)
        try checkAggregatePlacement(clause)
        try resolveUnwind(list, alias: alias, loc)
      case .with(let projection, let predicate):
        try visit(projection)
        try checkNoAggregate(inWhere: predicate)
        try visit(predicate)
        try checkAggregatePlacement(clause)
        _ = try resolveProjection(projection, isReturn: false, predicate: predicate)
      case .return(let projection):
        if !isLast {
          throw semanticError(
            .invalidClauseComposition, "RETURN can only be the last clause of a query", projection.loc.position)
        }
        try visit(projection)
        try checkAggregatePlacement(clause)
        facts.columns = try resolveProjection(projection, isReturn: true, predicate: nil)
        facts.returns = true
      case .call(let call):
        try bindCall(call, standalone: clauses.count == 1 && nesting == 0)
        try checkAggregatePlacement(clause)
        facts.columns = try resolveProcedureCall(call)
      case .loadCSV(let load):
        try bindLoadCSV(load)
        try checkAggregatePlacement(clause)
        try resolveLoadCSV(load)
      case .subquery(let body, let imports, let loc), .subqueryInTransactions(let body, let imports, _, let loc):
        if case .subqueryInTransactions(_, _, let tx, _) = clause { try bindInTransactions(tx, at: loc) }
        if case .names(let names)? = imports, let twice = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
          throw semanticError(.variableAlreadyBound, "variable `\(twice)` is imported twice", loc.position, name: twice)
        }
        nesting += 1
        let inner = try bindBody(body, openEnd: false, visibility: .callSubquery(imports: imports, loc))
        nesting -= 1
        for name in inner.columns {
          if scope[name] != nil {
            throw semanticError(
              .variableAlreadyBound,
              "variable `\(name)` is already defined; a subquery cannot return a variable of the enclosing query",
              loc.position, name: name)
          }
          scope[name] = .init(kind: .value)
        }
        if case .subqueryInTransactions(_, _, let tx, _) = clause, let status = tx.status {
          if scope[status] != nil {
            throw semanticError(
              .variableAlreadyBound, "variable `\(status)` is already defined", tx.statusLoc?.position, name: status)
          }
          scope[status] = .init(kind: .value)
        }
        facts.writes = facts.writes || inner.writes
        // A subquery that writes and returns nothing may end the query, like an updating clause.
        unitSubqueryWrites = inner.writes && !inner.returns
      case .finish(let loc):
        if !isLast {
          throw semanticError(.invalidClauseComposition, "FINISH can only be the last clause of a query", loc.position)
        }
      default:
        try bindUpdate(clause)
        try resolveUpdate(clause)
        facts.writes = true
      }
      afterUpdate = clause.isUpdating
      if isLast && !openEnd && !clause.isReturn && !clause.isUpdating && !unitSubqueryWrites && !clause.isCall
        && !clause.isFinish
      {
        throw semanticError(
          .invalidClauseComposition, "a query must end with RETURN or an updating clause", query.loc.position)
      }
    }
    return facts
  }

  /// Binds an updating clause; FOREACH may contain only updating clauses.
  mutating func bindUpdate(_ clause: Clause) throws {
    switch clause {
    case .create(let parts, _):
      try checkCreatable(parts, clause: "CREATE")
      try visit(parts)
    case .merge(let part, let actions, _):
      try checkCreatable([part], clause: "MERGE")
      try checkMatchable([part])
      try visit([part])
      for action in actions { try visit(action.items) }
    case .set(let items, _):
      try visit(items)
    case .remove(let items, _):
      for item in items {
        for e in item.expressions { try visit(e) }
      }
    case .delete(_, let targets, _):
      for target in targets {
        if case .hasLabels = target {
          throw semanticError(
            .invalidDelete, "DELETE takes nodes, relationships or paths, not a label expression", target.position)
        }
        try visit(target)
      }
    case .foreach(_, let list, let body, let loc):
      try visit(list)
      for inner in body {
        guard inner.isUpdating else {
          throw semanticError(.invalidClauseComposition, "FOREACH can only contain updating clauses", loc.position)
        }
        try bindUpdate(inner)
      }
    default:
      preconditionFailure("unreachable: bindUpdate is only called with updating clauses")
    }
    try checkAggregatePlacement(clause)
  }
}

extension SingleQuery {
  /// True when the last clause is RETURN.
  var endsWithReturn: Bool { clauses.last?.isReturn == true }
}
