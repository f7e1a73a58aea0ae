// The binder's checks of aggregate functions: an aggregate stands only in a WITH or RETURN
// column or ORDER BY key (not in a WHERE, another clause or a pattern comprehension), and each
// aggregate call of a column is not nested, does not aggregate rand() and has a number of
// arguments its function takes. Grouping itself is planned in Planner+Projection.swift.
import CypherSyntax
import GraphCore

extension Binder {
  /// Refuses an aggregate in `predicate`, the WHERE of MATCH, WITH, an EXISTS or COUNT pattern or
  /// a pattern comprehension: rows are filtered before anything is aggregated.
  func checkNoAggregate(inWhere predicate: Expression?) throws {
    if let predicate, predicate.containsAggregate(catalog) {
      throw semanticError(.invalidAggregation, "aggregate functions are not allowed in WHERE", predicate.position)
    }
  }

  /// Checks the aggregate calls of the column expression `e`, outermost first and left to right:
  /// their arguments are evaluated per row, so they can hold neither an aggregate nor rand().
  func checkAggregateCalls(_ e: Expression) throws {
    guard e.containsAggregate(catalog) else { return }
    try e.forEachSubexpression { sub -> Bool in
      guard case .function(let name, let distinct, let args, let loc) = sub, catalog.isAggregate(name) else {
        return true
      }
      if args.contains(where: { $0.containsAggregate(catalog) }) {
        throw semanticError(.nestedAggregation, "aggregate functions cannot be nested", loc.position)
      }
      if args.contains(where: \.callsRand) {
        throw semanticError(
          .nonConstantExpression, "\(name)() cannot aggregate rand(), which changes on every call", loc.position)
      }
      if let f = AggregateFunction.byName[name.lowercased()] {
        if !f.arity.contains(args.count) {
          throw semanticError(.invalidNumberOfArguments, "\(f.rawValue)() does not take \(args.count) arguments", loc.position)
        }
      } else if let user = catalog.aggregate(named: name) {
        try checkUserCall(user.name, user.parameters, name, distinct: distinct, distinctAllowed: true, args, loc.position)
      }
      return false
    }
  }

  /// Refuses the aggregates in the expressions of `clause` that no projection can compute: any
  /// outside WITH / RETURN columns and ORDER BY keys, and any inside a pattern comprehension or
  /// a pattern's property map. Runs after the clause's other checks, which openCypher ranks first.
  func checkAggregatePlacement(_ clause: Clause) throws {
    switch clause {
    case .match(_, let patterns, let predicate, _, _):
      try checkAggregatePlacement(patterns)
      try checkAggregatePlacement(predicate, column: false)
    case .unwind(let list, _, _):
      try checkAggregatePlacement(list, column: false)
    case .with(let projection, let predicate):
      try checkAggregatePlacement(projection)
      try checkAggregatePlacement(predicate, column: false)
    case .return(let projection):
      try checkAggregatePlacement(projection)
    case .create(let patterns, _):
      try checkAggregatePlacement(patterns)
    case .merge(let part, let actions, _):
      try checkAggregatePlacement([part])
      for action in actions { try checkAggregatePlacement(action.items) }
    case .set(let items, _):
      try checkAggregatePlacement(items)
    case .remove(let items, _):
      for item in items {
        for e in item.expressions { try checkAggregatePlacement(e, column: false) }
      }
    case .delete(_, let targets, _):
      for target in targets { try checkAggregatePlacement(target, column: false) }
    case .foreach(_, let list, _, _):
      try checkAggregatePlacement(list, column: false)
    case .call(let call):
      for a in call.arguments ?? [] { try checkAggregatePlacement(a, column: false) }
      try checkAggregatePlacement(call.predicate, column: false)
    case .subquery, .subqueryInTransactions, .finish:
      break
    case .loadCSV(let load):
      try checkAggregatePlacement(load.url, column: false)
    }
  }

  /// Refuses misplaced aggregates in the columns, sort keys, SKIP and LIMIT of `projection`.
  private func checkAggregatePlacement(_ projection: Projection) throws {
    for item in projection.items { try checkAggregatePlacement(item.expression, column: true) }
    for sort in projection.orderBy { try checkAggregatePlacement(sort.expression, column: true) }
    try checkAggregatePlacement(projection.skip, column: false)
    try checkAggregatePlacement(projection.limit, column: false)
  }

  /// Refuses aggregates in the values of SET items.
  private func checkAggregatePlacement(_ items: [SetItem]) throws {
    for item in items {
      switch item {
      case .property(let target, _, let value, _):
        try checkAggregatePlacement(target, column: false)
        try checkAggregatePlacement(value, column: false)
      case .properties(_, let value, _, _):
        try checkAggregatePlacement(value, column: false)
      case .labels:
        continue
      case .dynamicProperty(let target, let key, let value, _):
        for e in [target, key, value] { try checkAggregatePlacement(e, column: false) }
      case .dynamicLabels(_, let labels, _):
        for e in labels { try checkAggregatePlacement(e, column: false) }
      }
    }
  }

  /// Refuses aggregates in the property maps of `patterns`.
  func checkAggregatePlacement(_ patterns: [PatternPart]) throws {
    for part in patterns {
      try checkAggregatePlacement(part.start.properties, column: false)
      for step in part.steps {
        try checkAggregatePlacement(step.relationship.properties, column: false)
        try checkAggregatePlacement(step.node.properties, column: false)
      }
    }
  }

  /// Refuses the first aggregate of `e` (outermost first, left to right) that cannot be computed
  /// there: in a `column` (a WITH / RETURN item or an ORDER BY key) only those inside a pattern
  /// comprehension or a pattern's property map, elsewhere every one. Subquery bodies are bound
  /// clause by clause on their own.
  func checkAggregatePlacement(_ e: Expression?, column: Bool) throws {
    guard let e else { return }
    try e.forEachSubexpression { sub -> Bool in
      switch sub {
      case .countStar(let loc) where !column:
        throw semanticError(.invalidAggregation, "count(*) is not allowed here", loc.position)
      case .function(let name, _, _, let loc) where !column && catalog.isAggregate(name):
        throw semanticError(.invalidAggregation, "aggregate function \(name)(…) is not allowed here", loc.position)
      case .patternPredicate(let pattern, _):
        try checkAggregatePlacement([pattern])
        return false
      case .patternComprehension(_, let pattern, let predicate, let projection, _):
        try checkAggregatePlacement([pattern])
        try checkAggregatePlacement(predicate, column: false)
        try checkAggregatePlacement(projection, column: false)
        return false
      default:
        return true
      }
    }
  }
}

extension Expression {
  /// True when the expression calls rand() anywhere outside subquery bodies.
  var callsRand: Bool {
    var found = false
    _ = rewritten { e in
      if case .function(let name, _, _, _) = e, name.lowercased() == "rand" { found = true }
      return nil
    }
    return found
  }
}
