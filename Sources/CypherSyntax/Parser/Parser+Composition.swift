// Cypher 25 query composition, rewritten to what the binder and planner already know:
// sequential queries `q1 NEXT q2` (q2 reads q1's rows: `CALL () { q1 } q2`; a UNION after NEXT
// reads the whole table through one CALL subquery) and conditional queries `WHEN p THEN q …
// [ELSE q]` (the index of the branch to run computed once, per row after NEXT; each branch a
// CALL subquery behind a gate that lets one row through only for that branch, the branches
// joined by UNION ALL, so only the chosen branch reads, writes or aggregates).
import GraphCore

extension Parser {
  /// True at a word that ends the clauses of one query part inside a composed query.
  var endsQueryPart: Bool { at(.when) || at(.else) || atWord("NEXT") }

  /// composedQuery := (conditionalQuery | unionQuery) (NEXT (conditionalQuery | unionQuery))*
  mutating func composedQuery() throws -> QueryBody {
    var body = try at(.when) ? Self.conditional(conditionalQuery(), after: nil) : unionQuery()
    while atWord("NEXT") {
      let loc = Loc(current.position)
      advance()
      let call = Clause.subquery(body, imports: .names([]), loc)
      if at(.when) {
        let conditional = try conditionalQuery()
        body = Self.conditional(conditional, after: (call, try Self.columns(of: body, at: loc)))
        continue
      }
      let next = try unionQuery()
      if next.parts.count == 1, let part = next.parts.first {
        body = QueryBody(parts: [SingleQuery(clauses: [call] + part.clauses, loc: part.loc)], unionAll: [])
      } else {
        body = Self.union(next, after: call, columns: try Self.columns(of: body, at: loc), at: loc)
      }
    }
    return body
  }

  /// A conditional query as written: each WHEN's predicate and branch, then ELSE's branch.
  struct Conditional {
    var predicates: [Expression]
    var branches: [QueryBody]
    var loc: Loc
  }

  /// conditionalQuery := WHEN expression THEN unionQuery (WHEN expression THEN unionQuery)*
  ///   [ELSE unionQuery]
  mutating func conditionalQuery() throws -> Conditional {
    let loc = Loc(current.position)
    var predicates: [Expression] = []
    var branches: [QueryBody] = []
    while eat(.when) {
      predicates.append(try expression())
      try expect(.then)
      branches.append(try unionQuery())
    }
    if eat(.else) { branches.append(try unionQuery()) }
    return Conditional(predicates: predicates, branches: branches, loc: loc)
  }

  /// Names the rewrites give their own variables: they start with a space, so no query can
  /// name them and `*` skips them.
  private static let tableName = " next table"
  private static let rowName = " next row"
  private static let branchName = " next branch"
  private static let gateName = " next gate"

  /// `c` alone (`after` nil), or run once per row of the query `after.call` runs, whose
  /// columns it reads: `[CALL () { q1 }] WITH [[c1, …] AS row,] <index of the first WHEN whose
  /// predicate holds, else ELSE's> AS branch CALL ([row,] branch) { UNWIND <[0] if branch is 0,
  /// else []> AS gate CALL ([row]) { [WITH row[0] AS c1, …] <branch 0> } RETURN <its columns>
  /// UNION ALL … } RETURN <the columns>`. The index is computed once, before any branch runs or
  /// writes, and a branch that is not chosen runs not at all (an aggregate in it gives no row).
  static func conditional(_ c: Conditional, after: (call: Clause, columns: [String])?) -> QueryBody {
    let loc = c.loc
    let chosen = Expression.caseExpression(
      subject: nil,
      branches: c.predicates.enumerated().map { CaseBranch(condition: $1, result: .literal(.int(Int64($0)))) },
      otherwise: .literal(.int(Int64(c.predicates.count))))
    var fed = [ProjectionItem(expression: chosen, alias: branchName, text: branchName, loc: loc)]
    var imports = [branchName]
    var lead: [Clause] = []
    if let after {
      fed.insert(item(.list(after.columns.map { .variable($0, loc) }), rowName, loc), at: 0)
      imports.insert(rowName, at: 0)
      lead = unpacking(after.columns, loc)
    }
    var parts: [SingleQuery] = []
    for (i, branch) in c.branches.enumerated() {
      let gate = Expression.caseExpression(
        subject: nil,
        branches: [CaseBranch(condition: .binary(.equal, .variable(branchName, loc), .literal(.int(Int64(i))), loc), result: .list([.literal(.int(0))]))],
        otherwise: .list([]))
      let inner = Clause.subquery(fedParts(branch, lead: lead), imports: .names(after == nil ? [] : [rowName]), loc)
      let partLoc = branch.parts.first?.loc ?? loc
      parts.append(SingleQuery(clauses: [.unwind(gate, alias: gateName, partLoc), inner] + returning(branch, loc), loc: partLoc))
    }
    let subquery = Clause.subquery(
      QueryBody(parts: parts, unionAll: Array(repeating: true, count: max(parts.count - 1, 0))), imports: .names(imports), loc)
    let clauses = (after.map { [$0.call] } ?? []) + [.with(projection(fed, loc), predicate: nil), subquery]
    return QueryBody(parts: [SingleQuery(clauses: clauses + returning(c.branches.first, loc), loc: loc)], unionAll: [])
  }

  /// `next`, a UNION after NEXT, fed the rows of the query `call` runs (its `columns`):
  /// `CALL () { q1 } WITH collect([c1, …]) AS table CALL (table) { UNWIND table AS row WITH
  /// row[0] AS c1, … <part> UNION … } RETURN <next's columns>`, so that each part reads the
  /// whole table (an aggregate in it aggregates every row).
  private static func union(_ next: QueryBody, after call: Clause, columns: [String], at loc: Loc) -> QueryBody {
    let table = Expression.function(name: "collect", distinct: false, arguments: [.list(columns.map { .variable($0, loc) })], loc)
    let lead = [Clause.unwind(.variable(tableName, loc), alias: rowName, loc)] + unpacking(columns, loc)
    let subquery = Clause.subquery(fedParts(next, lead: lead), imports: .names([tableName]), loc)
    let clauses = [call, .with(projection([item(table, tableName, loc)], loc), predicate: nil), subquery]
    return QueryBody(parts: [SingleQuery(clauses: clauses + returning(next, loc), loc: loc)], unionAll: [])
  }

  /// `body`'s parts, each after `lead`, their columns aliased by name: they leave a subquery.
  private static func fedParts(_ body: QueryBody, lead: [Clause]) -> QueryBody {
    let parts = body.parts.map { part in
      var clauses = part.clauses
      if case .return(var projection)? = clauses.last, !projection.star {
        for i in projection.items.indices { projection.items[i].alias = projection.items[i].name }
        clauses[clauses.count - 1] = .return(projection)
      }
      return SingleQuery(clauses: lead + clauses, loc: part.loc)
    }
    return QueryBody(parts: parts, unionAll: body.unionAll)
  }

  /// `WITH row[0] AS c1, …`: the row's values under the names of `columns`; nothing for none.
  private static func unpacking(_ columns: [String], _ loc: Loc) -> [Clause] {
    if columns.isEmpty { return [] }
    let items = columns.enumerated().map { i, name in
      item(.subscript(.variable(rowName, loc), .literal(.int(Int64(i)))), name, loc)
    }
    return [.with(projection(items, loc), predicate: nil)]
  }

  /// `RETURN c1, …` of the columns `body` returns (`RETURN *` for its `*`), nothing when it
  /// does not end in RETURN.
  private static func returning(_ body: QueryBody?, _ loc: Loc) -> [Clause] {
    guard case .return(let last)? = body?.parts.first?.clauses.last else { return [] }
    let items = last.star ? [] : last.items.map { ProjectionItem(expression: .variable($0.name, loc), alias: nil, text: $0.name, loc: loc) }
    var p = projection(items, loc)
    p.star = last.star
    return [.return(p)]
  }

  /// The column names `body` returns (none when it does not end in RETURN); `RETURN *` before
  /// a UNION or conditional query after NEXT is refused, its names being known only when bound.
  private static func columns(of body: QueryBody, at loc: Loc) throws -> [String] {
    guard case .return(let projection)? = body.parts.first?.clauses.last else { return [] }
    if projection.star {
      throw QuiverError.syntax(
        .unexpectedSyntax, "a UNION or a conditional query after NEXT needs the columns before NEXT named, not RETURN *",
        at: loc.position)
    }
    return projection.items.map(\.name)
  }

  /// `expression AS name`.
  private static func item(_ expression: Expression, _ name: String, _ loc: Loc) -> ProjectionItem {
    ProjectionItem(expression: expression, alias: name, text: name, loc: loc)
  }

  /// A plain projection of `items`: no DISTINCT, `*`, ORDER BY, SKIP or LIMIT.
  private static func projection(_ items: [ProjectionItem], _ loc: Loc) -> Projection {
    Projection(distinct: false, star: false, items: items, orderBy: [], skip: nil, limit: nil, loc: loc)
  }
}
