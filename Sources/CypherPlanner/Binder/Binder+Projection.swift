// The binder's scope rules of WITH and RETURN: the columns (with `*` expanded) must have distinct
// names and WITH columns an alias; the variables after the projection are its columns; a column
// beside an aggregate may read only grouping keys; ORDER BY and the WHERE of a WITH see the old
// variables too unless the projection aggregates or removes duplicates, which hides them.
import CypherSyntax
import GraphCore

extension Binder {
  /// Checks a WITH or RETURN (`isReturn`) with its WHERE (`predicate`, WITH only) against the
  /// scope, which it replaces by the projection's columns; returns the column names.
  mutating func resolveProjection(_ p: Projection, isReturn: Bool, predicate: Expression?) throws -> [String] {
    let old = scope
    var items = p.items
    if p.star {
      items = old.visibleNames.map { ProjectionItem(expression: .variable($0, p.loc), alias: $0, text: $0, loc: p.loc) } + items
    }
    // A column that is a variable as it is is not resolved below; record every read here.
    for item in items { readNames.formUnion(item.expression.mentionedNames) }
    for sort in p.orderBy { readNames.formUnion(sort.expression.mentionedNames) }
    var seen = Set<String>()
    var missingAlias: QuiverError?
    for item in items {
      if !isReturn, item.alias == nil {
        if case .variable = item.expression {} else if missingAlias == nil {
          missingAlias = semanticError(.noExpressionAlias, "expression in WITH must be aliased (use AS)", item.loc.position)
        }
      }
      if !seen.insert(item.name).inserted {
        throw semanticError(
          .columnNameConflict, "multiple result columns with the same name `\(item.name)`", item.loc.position, name: item.name)
      }
    }
    let aggregating = items.contains { $0.expression.containsAggregate(catalog) }
    let projected = aggregating ? try resolveGrouping(items, old) : try resolveColumns(items, old)
    if !p.orderBy.isEmpty {
      try resolveOrderBy(p, items: items, projected, old: old, aggregating: aggregating, isReturn: isReturn)
    }
    // Reported after ORDER BY, whose errors openCypher ranks first.
    if let missingAlias { throw missingAlias }
    for count in [p.skip, p.limit] { if let count { try resolve(count, BinderScope()) } }
    if let predicate {
      var predicateScope = projected
      if !aggregating && !p.distinct {
        for (name, v) in old.symbols where predicateScope[name] == nil { predicateScope[name] = v }
      } else {
        predicateScope = predicateScope.hiding(namesOf: old)
      }
      try resolvePredicate(predicate, predicateScope)
    }
    scope = projected
    return items.map(\.name)
  }

  /// The variables after projecting `items` (none aggregates) from `old`.
  private mutating func resolveColumns(_ items: [ProjectionItem], _ old: BinderScope) throws -> BinderScope {
    var projected = BinderScope()
    for item in items {
      if case .variable(let n, _) = item.expression, n == item.name, let v = old[n] {
        projected[n] = v
        continue
      }
      try resolve(item.expression, old)
      projected[item.name] = projectedSymbol(item.expression, old)
    }
    return projected
  }

  /// The variables after grouping `old` by the items that do not aggregate; an item that
  /// aggregates may read, outside its aggregates, only grouping keys.
  private mutating func resolveGrouping(_ items: [ProjectionItem], _ old: BinderScope) throws -> BinderScope {
    var projected = BinderScope()
    var keyScope = BinderScope()
    var keys: [(Expression, String)] = []
    for (i, item) in items.enumerated() where !item.expression.containsAggregate(catalog) {
      try resolve(item.expression, old)
      let kind = kindOf(item.expression, old)
      keyScope[item.name] = .init(kind: kind)
      if case .variable(let n, _) = item.expression { keyScope[n] = .init(kind: kind) }
      let keyName = " key\(i)"
      keyScope[keyName] = .init(kind: kind)
      if case .property(.variable, _) = item.expression { keys.append((item.expression, keyName)) }
    }
    keyScope = keyScope.hiding(namesOf: old)
    keyScope[" aggregate"] = .init(kind: .value)
    for item in items {
      if let key = keyScope[item.name], !item.expression.containsAggregate(catalog) {
        projected[item.name] = key
        continue
      }
      let (lifted, aggregates) = liftAggregates(item.expression, keys: keys)
      for arguments in aggregates {
        for argument in arguments { try resolve(argument, old) }
      }
      do {
        try resolve(lifted, keyScope)
      } catch let e as QuiverError where e.code == .undefinedVariable && old.binds(e.name) {
        throw semanticError(
          .ambiguousAggregationExpression, "expression mixes aggregation with variables that are not grouping keys",
          item.loc.position)
      }
      projected[item.name] = .init(kind: .value)
    }
    return projected
  }

  /// `e` with each aggregate call replaced by a placeholder variable and each grouping-key
  /// expression by its key variable, and the arguments of the aggregates in the order met.
  private func liftAggregates(_ e: Expression, keys: [(Expression, String)]) -> (Expression, [[Expression]]) {
    var aggregates: [[Expression]] = []
    let lifted = e.rewritten { sub -> Expression? in
      if case .countStar(let loc) = sub { return .variable(" aggregate", loc) }
      if case .function(let name, _, let args, let loc) = sub, catalog.isAggregate(name) {
        aggregates.append(args)
        return .variable(" aggregate", loc)
      }
      if !sub.containsAggregate(catalog), case .variable = sub { return nil }
      for (keyExpr, keyName) in keys where keyExpr == sub {
        return .variable(keyName, Loc(sub.position ?? .start))
      }
      return nil
    }
    return (lifted, aggregates)
  }

  /// Checks the ORDER BY of `p`: sort keys may name the projection's columns (`projected`) or
  /// repeat their expressions; after DISTINCT or aggregation only those, and whole aggregates of
  /// the projection, can be used.
  private mutating func resolveOrderBy(
    _ p: Projection, items: [ProjectionItem], _ projected: BinderScope, old: BinderScope, aggregating: Bool,
    isReturn: Bool
  ) throws {
    var sortScope = projected
    let seesOld = !aggregating && !p.distinct
    if seesOld {
      for (name, v) in old.symbols where sortScope[name] == nil { sortScope[name] = v }
    } else {
      sortScope = sortScope.hiding(namesOf: old)
    }
    for s in p.orderBy {
      let e = p.sortKey(s, items: items, catalog)
      if e.containsAggregate(catalog) {
        let unknown = e.referencedVariables.filter { projected[$0] == nil }.sorted()
        if let name = unknown.first, aggregating, old[name] != nil,
          e.rewritten({ sub in sub.containsAggregate(catalog) ? nil : .literal(.null) }).referencedVariables.isEmpty
        {
          throw semanticError(
            .undefinedVariable, "variable `\(name)` not defined: ORDER BY after aggregation can only use projected columns",
            s.expression.position, name: name)
        }
        throw semanticError(
          aggregating ? .ambiguousAggregationExpression : .invalidAggregation,
          "an aggregation in ORDER BY must appear as a whole in \(isReturn ? "RETURN" : "WITH")", s.expression.position)
      }
      do {
        try resolve(e, sortScope)
      } catch let err as QuiverError
        where err.code == .undefinedVariable && aggregating && s.expression.containsAggregate(catalog) && old.binds(err.name)
      {
        throw semanticError(
          .ambiguousAggregationExpression, "ORDER BY mixes aggregation with expressions that are not grouping keys",
          s.expression.position)
      } catch let err as QuiverError where err.code == .undefinedVariable && !seesOld && old.binds(err.name) {
        throw semanticError(
          .undefinedVariable,
          "variable `\(err.name ?? "")` not defined: after DISTINCT or aggregation ORDER BY can only use projected columns",
          s.expression.position, name: err.name)
      }
    }
  }

  /// The kind of a grouping key: a variable's own, any other expression a value.
  private func kindOf(_ e: Expression, _ scope: BinderScope) -> VariableKind {
    if case .variable(let n, _) = e, let v = scope[n] { return v.kind }
    return .value
  }

  /// The variable a projected expression becomes: its kind and, for values, its known type.
  private func projectedSymbol(_ e: Expression, _ scope: BinderScope) -> BinderScope.Symbol {
    if case .variable(let n, _) = e, let v = scope[n] { return v }
    let t = scope.staticType(e)
    return .init(kind: .value, type: t == .node ? nil : t)
  }
}

extension Projection {
  /// The sort key `s` with each sub-expression that repeats a column of `items` replaced by the
  /// column's name; inside a key that aggregates, only whole aggregates and properties of
  /// variables stand for columns. The binder checks and the planner binds what comes out.
  func sortKey(_ s: SortItem, items: [ProjectionItem], _ catalog: any ProcedureCatalog) -> Expression {
    s.expression.rewritten { sub in
      if case .variable = sub { return nil }
      if case .literal = sub { return nil }
      if s.expression.containsAggregate(catalog) && s.expression != sub && !sub.containsAggregate(catalog),
        !{ if case .property(.variable, _) = sub { return true } else { return false } }()
      {
        return nil
      }
      for item in items where item.expression == sub { return .variable(item.name, loc) }
      return nil
    }
  }
}
