// The binder's scoped walk through expressions and patterns: every variable read must be in
// scope, operand and argument types must fit (Binder+Types.swift), a bare pattern stands only as
// a predicate, and a pattern's variables must fit what they are already bound to. It visits an
// expression in the order the planner binds it, so the first error is the one the planner met.
import CypherSyntax
import GraphCore

extension Binder {
  /// Checks `e` against `scope`, top-down; with `patternAllowed` (the boolean skeleton of a WHERE
  /// or of exists()) a bare pattern may stand as a predicate. Subquery bodies are bound here, in
  /// the scope they see.
  mutating func resolve(_ e: Expression, _ scope: BinderScope, patternAllowed: Bool = false) throws {
    try checkOperands(e, scope)
    var allowed = false
    switch e {
    case .binary(.and, _, _, _), .binary(.or, _, _, _), .binary(.xor, _, _, _), .unary(.not, _):
      allowed = patternAllowed
    case .patternPredicate(_, let loc) where !patternAllowed:
      throw semanticError(
        .unexpectedSyntax, "a pattern can only stand as a predicate in WHERE; use EXISTS { … } or a pattern comprehension",
        loc.position)
    default:
      break
    }
    switch e {
    case .literal, .parameter, .countStar:
      return
    case .variable(let name, let loc):
      try requireDefined(name, loc, scope)
    case .property(let owner, _), .isNull(let owner, _), .typePredicate(let owner, _, _), .hasLabels(let owner, _):
      try resolve(owner, scope)
    case .subscript(let owner, let index):
      try resolve(owner, scope)
      try resolve(index, scope)
    case .slice(let owner, let from, let to):
      try resolve(owner, scope)
      for bound in [from, to] { if let bound { try resolve(bound, scope) } }
    case .list(let items):
      for item in items { try resolve(item, scope) }
    case .map(let entries):
      for entry in entries { try resolve(entry.value, scope) }
    case .unary(_, let operand):
      try resolve(operand, scope, patternAllowed: allowed)
    case .binary(_, let l, let r, _):
      try resolve(l, scope, patternAllowed: allowed)
      try resolve(r, scope, patternAllowed: allowed)
    case .function(let name, _, let args, _):
      try resolveCall(name, args, scope)
    case .caseExpression(let subject, let branches, let otherwise):
      if let subject { try resolve(subject, scope) }
      for branch in branches {
        try resolve(branch.condition, scope)
        try resolve(branch.result, scope)
      }
      if let otherwise { try resolve(otherwise, scope) }
    case .listComprehension(let variable, let list, let predicate, let projection):
      try resolve(list, scope)
      var inner = scope
      inner[variable] = .init(kind: .value, type: scope.elementType(list))
      if let predicate { try resolve(predicate, inner) }
      if let projection { try resolve(projection, inner) }
    case .quantifier(_, let variable, let list, let predicate, _):
      try resolve(list, scope)
      var inner = scope
      inner[variable] = .init(kind: .value, type: scope.elementType(list))
      try resolve(predicate, inner)
    case .reduce(let accumulator, let initial, let variable, let list, let body):
      try resolve(initial, scope)
      try resolve(list, scope)
      var inner = scope
      inner[accumulator] = .init(kind: .value)
      inner[variable] = .init(kind: .value)
      try resolve(body, inner)
    case .patternComprehension(let pathVariable, var pattern, let predicate, let projection, _):
      pattern.pathVariable = pathVariable
      var inner = scope
      try resolveMatch([pattern], predicate: predicate, scope: &inner)
      try resolve(projection, inner)
    case .patternPredicate(let pattern, let loc):
      for name in pattern.introducedNames where scope[name] == nil {
        throw semanticError(
          .undefinedVariable, "variable `\(name)` not defined (a pattern expression cannot introduce new variables)",
          loc.position, name: name)
      }
      var inner = scope
      try resolveMatch([pattern], predicate: nil, scope: &inner)
    case .exists(let body, let loc):
      try readOnly("EXISTS", loc, scope) { try $0.bindRows(body, counting: false) }
    case .countSubquery(let body, let loc):
      try readOnly("COUNT", loc, scope) { try $0.bindRows(body, counting: true) }
    case .collectSubquery(let body, let loc):
      try readOnly("COLLECT", loc, scope) { binder in
        let facts = try binder.bindBody(body, openEnd: false)
        if facts.columns.count != 1 {
          throw semanticError(
            .invalidClauseComposition, "a COLLECT subquery must return exactly one column, not \(facts.columns.count)",
            loc.position)
        }
        return facts
      }
    case .mapProjection(let subject, let items):
      try resolve(subject, scope)
      for item in items {
        switch item {
        case .literal(_, let value): try resolve(value, scope)
        case .variable(let name, let loc): try requireDefined(name, loc, scope)
        case .property, .allProperties: continue
        }
      }
    }
  }

  /// Checks a WHERE predicate: it must be able to be a boolean, and bare patterns may stand in it.
  mutating func resolvePredicate(_ e: Expression, _ scope: BinderScope) throws {
    try requireType(e, scope, [.boolean], "WHERE")
    try resolve(e, scope, patternAllowed: true)
  }

  /// Refuses a read of `name` when it is not in scope, and records the read (see `readNames`).
  mutating func requireDefined(_ name: String, _ loc: Loc, _ scope: BinderScope) throws {
    readNames.insert(name)
    guard scope[name] == nil else { return }
    throw semanticError(.undefinedVariable, "variable `\(name)` not defined", loc.position, name: name)
  }

  /// Checks the arguments of a function call (its name, count and DISTINCT were checked by
  /// Binder+Functions.swift); an aggregate's arguments are read in the rows it aggregates.
  private mutating func resolveCall(_ name: String, _ args: [Expression], _ scope: BinderScope) throws {
    let lower = name.lowercased()
    if lower == "exists", let first = args.first {
      if case .property = first { return try resolve(first, scope) }
      return try resolvePredicate(first, scope)
    }
    if AggregateFunction.byName[lower] == nil, TemporalFunction.resolve(lower) == nil, let f = ScalarFunction.byName[lower] {
      try checkArguments(f, args, scope)
    }
    for arg in args { try resolve(arg, scope) }
  }

  /// Checks the patterns of a MATCH (or a pattern expression, EXISTS body or MERGE) and its WHERE,
  /// adding the patterns' variables to `scope`. Property maps may read every variable of the clause.
  mutating func resolveMatch(
    _ patterns: [PatternPart], predicate: Expression?, search: VectorSearch? = nil, scope: inout BinderScope
  ) throws {
    let outer = scope.names
    // A pattern that names a variable bound before it reads that variable.
    for part in patterns { readNames.formUnion(part.mentionedNames.intersection(outer)) }
    for part in patterns { try declare(part, outer: outer, scope: &scope) }
    for part in patterns {
      let maps = [part.start.properties] + part.steps.flatMap { [$0.relationship.properties, $0.node.properties] }
      for case let map? in maps { try resolve(map, scope) }
    }
    var outerScope = scope
    for name in scope.names.subtracting(outer) { outerScope[name] = nil }
    try resolveInline(patterns, outer: outerScope, scope: scope)
    if let search {
      if let filter = search.filter { try resolvePredicate(filter, scope) }
      // SCORE AS binds a new variable the MATCH's WHERE and later clauses can read.
      if let alias = search.scoreAlias {
        if scope[alias] != nil {
          throw semanticError(.variableAlreadyBound, "variable `\(alias)` is already defined", search.loc.position, name: alias)
        }
        scope[alias] = .init(kind: .value)
      }
    }
    for conjunct in predicate?.conjuncts ?? [] { try resolvePredicate(conjunct, scope) }
  }

  /// Adds the variables of a pattern to match to `scope`; `outer` are those bound before the
  /// clause, the only ones a relationship variable may repeat.
  private func declare(_ part: PatternPart, outer: Set<String>, scope: inout BinderScope) throws {
    let paths = [part.pathVariable].compactMap { $0 } + part.subpathVariables
    for (i, p) in paths.enumerated() {
      if scope[p] != nil || paths[..<i].contains(p) {
        throw semanticError(.variableAlreadyBound, "variable `\(p)` is already defined", part.loc.position, name: p)
      }
      try scope.checkNotHidden(p, part.loc.position)
    }
    try declareNode(part.start, scope: &scope)
    for step in part.steps {
      try declareNode(step.node, scope: &scope)
      let rel = step.relationship
      if let group = rel.group { try declareGroup(group, scope: &scope) }
      if part.shortest != .none {
        try declareRelationship(rel, kind: .relationshipList, outer: outer, scope: &scope)
      } else if rel.length != nil {
        // A list bound before (`WITH [r1, r2] AS rs MATCH (a)-[rs*]->(b)`) must equal the walk.
        if let name = rel.variable, let v = scope[name], outer.contains(name),
          v.kind == .relationshipList || (v.kind == .value && (v.type == nil || v.type == .list))
        {
          continue
        }
        try declareRelationship(rel, kind: .relationshipList, outer: outer, scope: &scope)
      } else {
        try declareRelationship(rel, kind: .relationship, outer: outer, scope: &scope)
      }
    }
    for p in paths { scope[p] = .init(kind: .path) }
  }

  /// Adds a pattern node's variable to `scope`, or checks that what it is bound to can be a node.
  private func declareNode(_ node: NodePattern, scope: inout BinderScope) throws {
    guard let name = node.variable else { return }
    try scope.checkNotHidden(name, node.loc.position)
    if let v = scope[name] {
      guard v.kind == .node || (v.kind == .value && (v.type == nil || v.type == .null)) else {
        throw semanticError(.variableTypeConflict, "variable `\(name)` is not a node", node.loc.position, name: name)
      }
      return
    }
    scope[name] = .init(kind: .node)
  }

  /// Adds a pattern relationship's variable to `scope` as `kind`, or checks the variable it
  /// repeats: of that kind, bound before the clause and, for a list, not bound at all.
  private func declareRelationship(
    _ rel: RelationshipPattern, kind: VariableKind, outer: Set<String>, scope: inout BinderScope
  ) throws {
    guard let name = rel.variable else { return }
    try scope.checkNotHidden(name, rel.loc.position)
    if let v = scope[name] {
      guard v.kind == kind || (v.kind == .value && (v.type == nil || v.type == .null || (kind == .relationshipList && v.type == .list))) else {
        throw semanticError(
          .variableTypeConflict, "variable `\(name)` is not a \(kind == .relationship ? "relationship" : "relationship list")",
          rel.loc.position, name: name)
      }
      if !outer.contains(name) {
        throw semanticError(
          .relationshipUniquenessViolation, "relationship variable `\(name)` cannot be used twice in one pattern",
          rel.loc.position, name: name)
      }
      if kind == .relationshipList {
        throw semanticError(.variableAlreadyBound, "variable `\(name)` is already defined", rel.loc.position, name: name)
      }
      return
    }
    scope[name] = .init(kind: kind)
  }

  /// Binds the body of a `keyword { … }` subquery expression one level deeper, in `scope`, and
  /// refuses it when it would change the graph.
  private mutating func readOnly(
    _ keyword: String, _ loc: Loc, _ scope: BinderScope, _ bind: (inout Binder) throws -> BodyFacts
  ) throws {
    let saved = self.scope
    self.scope = scope
    nesting += 1
    defer {
      nesting -= 1
      self.scope = saved
    }
    if try bind(&self).writes {
      throw semanticError(.invalidClauseComposition, "\(keyword) subqueries cannot change the graph", loc.position)
    }
  }

  /// The body of EXISTS { … } or COUNT { … } (`counting`): a pattern with an optional WHERE, or
  /// a query whose parts either all end in RETURN or none does.
  private mutating func bindRows(_ body: ExistsSubquery, counting: Bool) throws -> BodyFacts {
    switch body {
    case .pattern(let patterns, let predicate):
      try checkMatchable(patterns)
      try visit(patterns)
      try visit(predicate)
      try checkNoAggregate(inWhere: predicate)
      try checkAggregatePlacement(patterns)
      try checkAggregatePlacement(predicate, column: false)
      var inner = scope
      try resolveMatch(patterns, predicate: predicate, scope: &inner)
      return BodyFacts()
    case .query(let q):
      if q.parts.allSatisfy(\.endsWithReturn) { return try bindBody(q, openEnd: false) }
      if q.parts.count > 1 {
        // Without RETURN a UNION has no columns to compare or to remove duplicates by.
        if q.parts.contains(where: \.endsWithReturn) {
          throw semanticError(
            .invalidClauseComposition, "either every part of a UNION in a subquery ends with RETURN or none does",
            q.parts[1].loc.position)
        }
        if counting && q.unionAll.contains(false) {
          throw semanticError(
            .invalidClauseComposition,
            "a UNION in a COUNT subquery needs RETURN in every part, to say which rows are duplicates (or use UNION ALL)",
            q.parts[1].loc.position)
        }
      }
      var facts = BodyFacts()
      let outer = scope
      defer { scope = outer }
      for part in q.parts {
        scope = outer
        facts.writes = try bindSingle(part, openEnd: true).writes || facts.writes
      }
      return facts
    }
  }
}
