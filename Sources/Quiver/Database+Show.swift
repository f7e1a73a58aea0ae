// `SHOW … YIELD … WHERE … RETURN …`: the rows a SHOW command lists, run through the clauses
// that follow it as an ordinary query over a parameter holding those rows, so YIELD, WHERE,
// ORDER BY, SKIP, LIMIT and RETURN behave as they do anywhere else.
import CypherPlanner
import CypherRuntime
import CypherSyntax
import GraphStorage

extension Database {
  /// The parameter that carries the listed rows into the query.
  static let showRowsParameter = "__quiver_show_rows"

  /// The query that runs `clauses` over `listed`: `UNWIND $rows AS row WITH row.c AS c, …`
  /// then the clauses, then a RETURN of the yielded (or listed) columns when they have none.
  static func showQuery(_ clauses: [Clause], over listed: QueryResult, _ store: GraphStore, _ procedures: ProcedureRegistry)
    throws -> (CompiledQuery, [String: Value])
  {
    let loc = Loc(.start)
    let row = "__quiver_show_row"
    func item(_ e: Expression, _ name: String) -> ProjectionItem {
      ProjectionItem(expression: e, alias: name, text: name, loc: loc)
    }
    func projection(_ items: [ProjectionItem]) -> Projection {
      Projection(distinct: false, star: false, items: items, orderBy: [], skip: nil, limit: nil, loc: loc)
    }
    let columns = projection(listed.columns.map { item(.property(.variable(row, loc), $0), $0) })
    var body: [Clause] = [.unwind(.parameter(showRowsParameter, loc), alias: row, loc), .with(columns, predicate: nil)]
    body += clauses
    if case .return? = clauses.last {} else {
      var names = listed.columns
      for case .with(let p, _) in clauses where !p.star { names = p.items.map(\.name) }
      body.append(.return(projection(names.map { item(.variable($0, loc), $0) })))
    }
    let statement = Statement(mode: .run, query: QueryBody(parts: [SingleQuery(clauses: body, loc: loc)], unionAll: []))
    let compiled = try Planner.compile(statement, catalog: procedures, schema: store)
    let rows: [Value] = listed.rows.map { values in
      .map(Dictionary(zip(listed.columns, values), uniquingKeysWith: { a, _ in a }))
    }
    return (compiled, [showRowsParameter: .list(rows)])
  }
}
