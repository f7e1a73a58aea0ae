// The binder, the stage between parser and planner. It walks the parsed statement in clause
// order and checks how clauses are composed (where RETURN, WITH, UNION, FOREACH and subqueries
// may stand, and which subqueries may write), resolves each procedure CALL against the catalog
// and collects the parameters the statement reads. Its `BoundStatement` feeds the planner.
import CypherSyntax
import GraphCore

/// Checks a parsed statement's structure and resolves what it names; see `docs/architecture.md`.
package struct Binder {
  let catalog: any ProcedureCatalog
  /// How many subquery bodies (CALL { … }, EXISTS, COUNT, COLLECT) enclose the clauses being
  /// bound: a procedure CALL alone is standalone only in the statement itself.
  var nesting = 0
  var parameters = Set<String>()
  var calls: [Int: BoundCall] = [:]

  /// What the enclosing clause needs to know about a query body it contains.
  struct BodyFacts {
    /// Some clause of the body, or of a CALL subquery inside it, changes the graph.
    var writes = false
    /// The body ends in RETURN, so it has result columns.
    var returns = false
  }

  /// Binds `statement`, raising the first compile-time error of its structure.
  package static func bind(_ statement: Statement, catalog: any ProcedureCatalog) throws -> BoundStatement {
    var binder = Binder(catalog: catalog)
    _ = try binder.bindBody(statement.query, openEnd: false)
    return BoundStatement(statement: statement, parameters: binder.parameters, calls: binder.calls)
  }

  /// Binds a query body (one single query or a UNION of several).
  mutating func bindBody(_ body: QueryBody, openEnd: Bool) throws -> BodyFacts {
    if Set(body.unionAll).count > 1 {
      throw semanticError(
        .invalidClauseComposition, "UNION and UNION ALL cannot be mixed in one query", body.parts[1].loc.position)
    }
    var facts = BodyFacts()
    for (i, part) in body.parts.enumerated() {
      let partFacts = try bindSingle(part, openEnd: openEnd)
      facts.writes = facts.writes || partFacts.writes
      if i == 0 { facts.returns = partFacts.returns }
    }
    return facts
  }

  /// Binds one sequence of clauses. With `openEnd` (the body of EXISTS or COUNT) the clauses
  /// need not end in RETURN or an updating clause.
  mutating func bindSingle(_ query: SingleQuery, openEnd: Bool) throws -> BodyFacts {
    var facts = BodyFacts()
    let clauses = query.clauses
    var afterUpdate = false
    for (i, clause) in clauses.enumerated() {
      let isLast = i == clauses.count - 1
      var unitSubqueryWrites = false
      switch clause {
      case .match(_, let patterns, let predicate, let loc):
        if afterUpdate {
          throw semanticError(
            .invalidClauseComposition, "WITH is required between an updating clause and MATCH", loc.position)
        }
        try checkMatchable(patterns)
        try visit(patterns)
        try visit(predicate)
        try checkNoAggregate(inWhere: predicate)
        try checkAggregatePlacement(clause)
      case .unwind(let list, _, _):
        try visit(list)
        try checkAggregatePlacement(clause)
      case .with(let projection, let predicate):
        try visit(projection)
        try checkNoAggregate(inWhere: predicate)
        try visit(predicate)
        try checkAggregatePlacement(clause)
      case .return(let projection):
        if !isLast {
          throw semanticError(
            .invalidClauseComposition, "RETURN can only be the last clause of a query", projection.loc.position)
        }
        try visit(projection)
        try checkAggregatePlacement(clause)
        facts.returns = true
      case .call(let call):
        try bindCall(call, standalone: clauses.count == 1 && nesting == 0)
        try checkAggregatePlacement(clause)
      case .loadCSV(let load):
        try bindLoadCSV(load)
        try checkAggregatePlacement(clause)
      case .subquery(let body, let imports, let loc), .subqueryInTransactions(let body, let imports, _, let loc):
        if case .subqueryInTransactions(_, _, let tx, _) = clause { try bindInTransactions(tx, at: loc) }
        if case .names(let names)? = imports, let twice = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
          throw semanticError(.variableAlreadyBound, "variable `\(twice)` is imported twice", loc.position, name: twice)
        }
        nesting += 1
        let inner = try bindBody(body, openEnd: false)
        nesting -= 1
        facts.writes = facts.writes || inner.writes
        // A subquery that writes and returns nothing may end the query, like an updating clause.
        unitSubqueryWrites = inner.writes && !inner.returns
      default:
        try bindUpdate(clause)
        facts.writes = true
      }
      afterUpdate = clause.isUpdating
      if isLast && !openEnd && !clause.isReturn && !clause.isUpdating && !unitSubqueryWrites && !clause.isCall {
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
      try visit(parts)
    case .merge(let part, let actions, _):
      try checkMatchable([part])
      try visit([part])
      for action in actions { try visit(action.items) }
    case .set(let items, _):
      try visit(items)
    case .remove(let items, _):
      for case .property(let target, _, _) in items { try visit(target) }
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
