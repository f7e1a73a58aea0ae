// The Neo4j 5 / Cypher 25 clauses that are shorthand for WITH, rewritten here so that the
// binder and planner see only WITH: `FILTER [WHERE] p` (WITH * WHERE p), `LET x = e, …`
// (WITH *, e AS x, …), and standalone
// `ORDER BY …`, `SKIP`/`OFFSET` and `LIMIT` (WITH * ORDER BY … SKIP … LIMIT …); and
// `NODETACH DELETE` (DELETE); `FINISH`; and `FOR x IN list`, GQL's spelling of UNWIND.
import GraphCore

extension Parser {
  /// shorthandClause := filter | let | for | orderSkipLimit | finish | nodetachDelete; nil, consuming nothing,
  /// when none starts here. The clause words are not reserved, so each is recognised only where
  /// a clause can start and when what follows fits it.
  mutating func shorthandClause(_ loc: Loc) throws -> Clause? {
    // No other clause starts with these words, so `FILTER (x > 1)` is the clause too.
    if atWord("FILTER") {
      advance()
      _ = eat(.where)
      let predicate = try expression()
      return .with(star(loc), predicate: predicate)
    }
    if atWord("LET"), peek().kind == .identifier || peek().kind == .quotedIdentifier, peek(2).isSymbol("=") {
      advance()
      return try letBindings(loc)
    }
    // for := FOR name IN expression, UNWIND expression AS name in GQL's order.
    if at(.for), peek().kind == .identifier || peek().kind == .quotedIdentifier, peek(2).isKeyword(.in) {
      advance()
      let alias = try symbolicName("a variable name")
      try expect(.in)
      return .unwind(try expression(), alias: alias, loc)
    }
    if (at(.order) && peek().isKeyword(.by)) || at(.skip) || at(.limit) || atWord("OFFSET") {
      let (order, skip, limit) = try projectionTail()
      var p = star(loc)
      p.orderBy = order
      p.skip = skip
      p.limit = limit
      return .with(p, predicate: nil)
    }
    if atWord("FINISH") {
      advance()
      return .finish(loc)
    }
    if atWord("NODETACH") && peek().isKeyword(.delete) {
      advance()
      advance()
      return .delete(detach: false, try commaSeparated { try $0.expression() }, loc)
    }
    return nil
  }

  /// `WITH *` with nothing else.
  private func star(_ loc: Loc) -> Projection {
    Projection(distinct: false, star: true, items: [], orderBy: [], skip: nil, limit: nil, loc: loc)
  }

  /// let := LET name '=' expression (',' name '=' expression)*, as `WITH *, e AS name, …`.
  private mutating func letBindings(_ loc: Loc) throws -> Clause {
    var p = star(loc)
    p.items = try commaSeparated { parser in
      let itemLoc = Loc(parser.current.position)
      let name = try parser.symbolicName("a variable name")
      try parser.expectSymbol("=")
      let start = parser.current.position.offset
      let e = try parser.expression()
      return ProjectionItem(expression: e, alias: name, text: parser.text(from: start), loc: itemLoc)
    }
    return .with(p, predicate: nil)
  }
}
