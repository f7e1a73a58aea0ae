// Clause productions: MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN, CREATE, MERGE, SET, REMOVE,
// DELETE, FOREACH and CALL (LOAD CSV and IN TRANSACTIONS are in Parser+Import.swift).
import GraphCore

extension Parser {
  /// clause := match | unwind | with | return | create | merge | set | remove | delete | foreach | call
  ///   | loadCSV
  /// Returns nil at the end of a single query (UNION, `;`, `}` or end of input).
  mutating func clause() throws -> Clause? {
    let loc = Loc(current.position)
    if at(.match) || (at(.optional) && peek().isKeyword(.match)) {
      let optional = eat(.optional)
      try expect(.match)
      let repeatable = try matchMode()
      var patterns = try patternList()
      if repeatable { patterns = patterns.map { var p = $0; p.repeatableElements = true; return p } }
      // SEARCH may come before or after the WHERE; either way the WHERE filters its results.
      var predicate = try eat(.where) ? expression() : nil
      let search = try vectorSearch()
      if search != nil, predicate == nil, eat(.where) { predicate = try expression() }
      return .match(optional: optional, patterns: patterns, predicate: predicate, search: search, loc)
    }
    if eat(.unwind) {
      let e = try expression()
      try expect(.as)
      let alias = try symbolicName("a variable name")
      return .unwind(e, alias: alias, loc)
    }
    if eat(.with) {
      let p = try projection(loc)
      let predicate = try eat(.where) ? expression() : nil
      return .with(p, predicate: predicate)
    }
    if eat(.return) {
      return .return(try projection(loc))
    }
    if eat(.create) {
      return .create(try patternList(), loc)
    }
    if eat(.merge) {
      let part = try patternPart()
      var actions: [MergeAction] = []
      while at(.on) {
        advance()
        let onCreate: Bool
        if eat(.create) {
          onCreate = true
        } else if eat(.match) {
          onCreate = false
        } else {
          throw unexpected(expected: "CREATE or MATCH after ON")
        }
        try expect(.set)
        actions.append(MergeAction(onCreate: onCreate, items: try setItems()))
      }
      return .merge(part, actions: actions, loc)
    }
    if eat(.set) {
      return .set(try setItems(), loc)
    }
    if eat(.remove) {
      return .remove(try commaSeparated { try $0.removeItem() }, loc)
    }
    if at(.detach) || at(.delete) {
      let detach = eat(.detach)
      try expect(.delete)
      return .delete(detach: detach, try commaSeparated { try $0.expression() }, loc)
    }
    if eat(.foreach) {
      try expectSymbol("(")
      let variable = try symbolicName("a variable name")
      try expect(.in)
      let list = try expression()
      try expectSymbol("|")
      var body: [Clause] = []
      while !atSymbol(")") {
        let mark = index
        guard let c = try clause() else { throw unexpected(expected: "an updating clause or ')'") }
        body.append(c)
        checkProgress(since: mark)
      }
      try expectSymbol(")")
      if body.isEmpty { throw unexpected(expected: "an updating clause") }
      return .foreach(variable: variable, list: list, body: body, loc)
    }
    if at(.call) {
      advance()
      var imports: SubqueryImports?
      if atSymbol("(") {
        // A scope clause: `(*)`, `()` or `(a, b)`, then the subquery.
        advance()
        if eatSymbol("*") {
          imports = .all
        } else {
          imports = .names(atSymbol(")") ? [] : try commaSeparated { try $0.symbolicName("a variable") })
        }
        try expectSymbol(")")
        guard atSymbol("{") else { throw unexpected(expected: "'{' after the variables a subquery imports") }
      }
      if atSymbol("{") {
        advance()
        let body = try nest { try $0.queryBody() }
        try expectSymbol("}")
        if at(.in) && peek().isKeyword(.transactions) {
          return .subqueryInTransactions(body, imports: imports, try inTransactions(), loc)
        }
        return .subquery(body, imports: imports, loc)
      }
      return .call(try procedureCall(loc))
    }
    if at(.load) && peek().isKeyword(.csv) {
      return .loadCSV(try loadCSV(loc))
    }
    if let c = try shorthandClause(loc) { return c }
    if current.kind == .endOfInput || atSymbol(";") || atSymbol("}") || at(.union) || atSymbol(")") || endsQueryPart {
      return nil
    }
    throw unexpected(expected: "a clause (MATCH, CREATE, RETURN, WITH, …)")
  }

  /// projection := [DISTINCT] ('*' [',' items] | items) [ORDER BY …] [SKIP e] [LIMIT e]
  mutating func projection(_ loc: Loc) throws -> Projection {
    let distinct = eat(.distinct)
    var star = false
    var items: [ProjectionItem] = []
    if eatSymbol("*") {
      star = true
      if eatSymbol(",") { items = try projectionItems() }
    } else {
      items = try projectionItems()
    }
    let (order, skip, limit) = try projectionTail()
    return Projection(distinct: distinct, star: star, items: items, orderBy: order, skip: skip, limit: limit, loc: loc)
  }

  /// projectionTail := [ORDER BY sortItem (',' sortItem)*] [(SKIP | OFFSET) e] [LIMIT e]
  mutating func projectionTail() throws -> (order: [SortItem], skip: Expression?, limit: Expression?) {
    var order: [SortItem] = []
    if at(.order) {
      advance()
      try expect(.by)
      order = try commaSeparated { parser in
        let e = try parser.expression()
        var ascending = true
        if parser.eat(.desc) || parser.eat(.descending) {
          ascending = false
        } else if parser.eat(.asc) || parser.eat(.ascending) {
          ascending = true
        }
        return SortItem(expression: e, ascending: ascending)
      }
    }
    let skip = try eat(.skip) || eatWord("OFFSET") ? expression() : nil
    let limit = try eat(.limit) ? expression() : nil
    return (order, skip, limit)
  }

  mutating func projectionItems() throws -> [ProjectionItem] {
    try commaSeparated { parser in
      let start = parser.current
      let e = try parser.expression()
      var text = parser.text(from: start.position.offset)
      // Neo4j names the column of an unaliased map projection `p {.name}` after its variable.
      if case .mapProjection(.variable(let name, _), _) = e { text = name }
      let alias = try parser.eat(.as) ? parser.symbolicName("an alias after AS") : nil
      return ProjectionItem(expression: e, alias: alias, text: text, loc: Loc(start.position))
    }
  }

  mutating func setItems() throws -> [SetItem] {
    try commaSeparated { try $0.setItem() }
  }

  /// setItem := variable ('=' | '+=') expr | variable updateLabels | propertyExpr '=' expr
  ///   | expr '[' expr ']' '=' expr
  mutating func setItem() throws -> SetItem {
    let loc = Loc(current.position)
    if current.kind == .identifier || current.kind == .quotedIdentifier {
      let next = peek()
      if next.isSymbol("=") || next.isSymbol("+=") || next.isSymbol(":") {
        let name = try symbolicName("a variable")
        if atSymbol(":") {
          let labels = try updateLabels()
          let names = labels.compactMap(\.staticLabel)
          if names.count == labels.count { return .labels(variable: name, labels: names, loc) }
          return .dynamicLabels(variable: name, labels: labels, loc)
        }
        let merge = atSymbol("+=")
        advance()
        return .properties(variable: name, value: try expression(), merge: merge, loc)
      }
    }
    switch try propertyTarget() {
    case .static(let owner, let key):
      try expectSymbol("=")
      return .property(target: owner, key: key, value: try expression(), loc)
    case .dynamic(let owner, let key):
      try expectSymbol("=")
      return .dynamicProperty(target: owner, key: key, value: try expression(), loc)
    }
  }

  /// updateLabels := (':' (name | '$(' expr ')'))+ — the labels SET and REMOVE take, static
  /// names as string literals.
  mutating func updateLabels() throws -> [Expression] {
    var labels: [Expression] = []
    while eatSymbol(":") {
      labels.append(try labelOrDynamic("a label name"))
    }
    return labels
  }

  /// A name, as a string literal, or `$(expr)`.
  mutating func labelOrDynamic(_ what: String) throws -> Expression {
    if eatSymbol("$") {
      try expectSymbol("(")
      let e = try expression()
      try expectSymbol(")")
      return e
    }
    return .literal(.string(try symbolicName(what)))
  }

  /// What SET and REMOVE change a property through: `owner.key`, or `owner[key]`.
  enum PropertyTarget {
    case `static`(Expression, String)
    case dynamic(Expression, Expression)
  }

  /// An expression ending in `.key` or `[key]`, split into the owner and the key.
  mutating func propertyTarget() throws -> PropertyTarget {
    let e = try postfixExpression()
    switch e {
    case .property(let owner, let key): return .static(owner, key)
    case .subscript(let owner, let key): return .dynamic(owner, key)
    default:
      throw QuiverError.syntax(
        .unexpectedSyntax, "expected a property such as n.key or n[$key]", at: e.position ?? current.position)
    }
  }

  mutating func removeItem() throws -> RemoveItem {
    let loc = Loc(current.position)
    if current.kind == .identifier || current.kind == .quotedIdentifier, peek().isSymbol(":") {
      let name = try symbolicName("a variable")
      let labels = try updateLabels()
      let names = labels.compactMap(\.staticLabel)
      if names.count == labels.count { return .labels(variable: name, labels: names, loc) }
      return .dynamicLabels(variable: name, labels: labels, loc)
    }
    switch try propertyTarget() {
    case .static(let owner, let key): return .property(target: owner, key: key, loc)
    case .dynamic(let owner, let key): return .dynamicProperty(target: owner, key: key, loc)
    }
  }

  /// call := CALL name ['(' args ')'] [YIELD (* | item (, item)* [WHERE e])]
  mutating func procedureCall(_ loc: Loc) throws -> ProcedureCall {
    var name = try symbolicName("a procedure name")
    while eatSymbol(".") {
      name += "." + (try symbolicName("a procedure name"))
    }
    var arguments: [Expression]?
    if eatSymbol("(") {
      arguments = atSymbol(")") ? [] : try commaSeparated { try $0.expression() }
      try expectSymbol(")")
    }
    var yields: [YieldItem]?
    var yieldAll = false
    var predicate: Expression?
    if eat(.yield) {
      if eatSymbol("*") {
        yieldAll = true
      } else {
        yields = try commaSeparated { parser in
          let itemLoc = Loc(parser.current.position)
          let field = try parser.symbolicName("a procedure output name")
          let alias = try parser.eat(.as) ? parser.symbolicName("an alias after AS") : nil
          return YieldItem(field: field, alias: alias, loc: itemLoc)
        }
      }
      if eat(.where) { predicate = try expression() }
    }
    return ProcedureCall(name: name, arguments: arguments, yields: yields, yieldAll: yieldAll, predicate: predicate, loc: loc)
  }
}
