// Cypher 25 query composition, rewritten to what the binder and planner already know:
// sequential queries `q1 NEXT q2` (q2 reads q1's rows: `CALL () { q1 } q2`) and conditional
// queries `WHEN p THEN q … [ELSE q]` (the branches joined by UNION ALL, each fed one row only
// when its predicate is the first to hold, so only that branch reads or writes).
import GraphCore

extension Parser {
  /// True at a word that ends the clauses of one query part inside a composed query.
  var endsQueryPart: Bool { at(.when) || at(.else) || atWord("NEXT") }

  /// composedQuery := (conditionalQuery | unionQuery) (NEXT (conditionalQuery | unionQuery))*
  mutating func composedQuery() throws -> QueryBody {
    var body = try at(.when) ? conditionalQuery() : unionQuery()
    while atWord("NEXT") {
      let loc = Loc(current.position)
      advance()
      let next = try at(.when) ? conditionalQuery() : unionQuery()
      guard next.parts.count == 1, let part = next.parts.first else {
        throw QuiverError.syntax(.unexpectedSyntax, "the query after NEXT must be a single query, not a UNION or a conditional query", at: loc.position)
      }
      let call = Clause.subquery(body, imports: .names([]), loc)
      body = QueryBody(parts: [SingleQuery(clauses: [call] + part.clauses, loc: part.loc)], unionAll: [])
    }
    return body
  }

  /// conditionalQuery := WHEN expression THEN unionQuery (WHEN expression THEN unionQuery)*
  ///   [ELSE unionQuery]
  /// Each part of branch i starts with `UNWIND CASE WHEN <first true predicate is i> THEN [0]
  /// ELSE [] END AS __quiver_branch_i`; the branches are joined with UNION ALL.
  mutating func conditionalQuery() throws -> QueryBody {
    let loc = Loc(current.position)
    var predicates: [Expression] = []
    var branches: [QueryBody] = []
    while eat(.when) {
      predicates.append(try expression())
      try expect(.then)
      branches.append(try unionQuery())
    }
    if eat(.else) { branches.append(try unionQuery()) }
    // The index of the branch to run: the first WHEN whose predicate is true, else ELSE's.
    let chosen = Expression.caseExpression(
      subject: nil,
      branches: predicates.enumerated().map { CaseBranch(condition: $1, result: .literal(.int(Int64($0)))) },
      otherwise: .literal(.int(Int64(predicates.count))))
    var parts: [SingleQuery] = []
    var unionAll: [Bool] = []
    for (i, branch) in branches.enumerated() {
      if branch.unionAll.contains(false) {
        throw QuiverError.syntax(
          .unexpectedSyntax, "a branch of a conditional query cannot use UNION without ALL", at: branch.parts[0].loc.position)
      }
      let guardList = Expression.caseExpression(
        subject: nil,
        branches: [CaseBranch(condition: .binary(.equal, chosen, .literal(.int(Int64(i))), loc), result: .list([.literal(.int(0))]))],
        otherwise: .list([]))
      for part in branch.parts {
        if !parts.isEmpty { unionAll.append(true) }
        let gate = Clause.unwind(guardList, alias: "__quiver_branch_\(i)", part.loc)
        parts.append(SingleQuery(clauses: [gate] + part.clauses, loc: part.loc))
      }
    }
    return QueryBody(parts: parts, unionAll: unionAll)
  }
}
