// The binder's walk through expressions and patterns: it records every `$parameter`, checks
// function calls and binds the bodies of EXISTS, COUNT and COLLECT subqueries one level deeper,
// refusing bodies that would change the graph.
import CypherSyntax
import GraphCore

extension Binder {
  /// Binds the parameters and subquery bodies inside `expression`.
  mutating func visit(_ expression: Expression?) throws {
    guard let expression else { return }
    // `rewritten` visits every sub-expression except the bodies of subqueries and the pattern of
    // a pattern comprehension, which are handled below in the order they were met.
    var found: [Expression] = []
    _ = expression.rewritten { sub in
      switch sub {
      case .parameter, .function, .exists, .countSubquery, .collectSubquery, .patternPredicate, .patternComprehension:
        found.append(sub)
      default:
        break
      }
      return nil
    }
    for sub in found {
      switch sub {
      case .parameter(let name, _):
        parameters.insert(name)
      case .function(let name, let distinct, let args, let loc):
        try checkFunction(name, distinct: distinct, args, loc.position)
      case .patternPredicate(let pattern, _):
        try checkMatchable([pattern])
        try visit([pattern])
      case .patternComprehension(_, let pattern, let predicate, _, _):
        try checkMatchable([pattern])
        try visit([pattern])
        try checkNoAggregate(inWhere: predicate)
      case .exists(let body, let loc):
        try readOnly("EXISTS", loc) { try $0.bindRows(body, counting: false) }
      case .countSubquery(let body, let loc):
        try readOnly("COUNT", loc) { try $0.bindRows(body, counting: true) }
      case .collectSubquery(let body, let loc):
        try readOnly("COLLECT", loc) { try $0.bindBody(body, openEnd: false) }
      default:
        continue
      }
    }
  }

  /// Binds the expressions of a WITH or RETURN; a bare pattern cannot be a column, SKIP and
  /// LIMIT must be constant counts, and the columns' aggregate calls must be well formed.
  mutating func visit(_ projection: Projection) throws {
    for item in projection.items {
      if case .patternPredicate(_, let loc) = item.expression {
        throw semanticError(
          .unexpectedSyntax,
          "a pattern cannot be projected; use a pattern comprehension [(a)-->(b) | b] or EXISTS { … }", loc.position)
      }
      try visit(item.expression)
    }
    for sort in projection.orderBy { try visit(sort.expression) }
    try checkCount(projection.skip, "SKIP")
    try checkCount(projection.limit, "LIMIT")
    try visit(projection.skip)
    try visit(projection.limit)
    for item in projection.items { try checkAggregateCalls(item.expression) }
  }

  /// Binds the property maps of `patterns`.
  mutating func visit(_ patterns: [PatternPart]) throws {
    for part in patterns {
      try visit(part.start.properties)
      for step in part.steps {
        try visit(step.relationship.properties)
        try visit(step.node.properties)
      }
    }
  }

  /// Binds the expressions of SET items.
  mutating func visit(_ items: [SetItem]) throws {
    for item in items {
      switch item {
      case .property(let target, _, let value, _):
        try visit(target)
        try visit(value)
      case .properties(_, let value, _, _):
        try visit(value)
      case .labels:
        continue
      }
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
      for part in q.parts { facts.writes = try bindSingle(part, openEnd: true).writes || facts.writes }
      return facts
    }
  }

  /// Binds the body of a `keyword { … }` subquery expression one level deeper and refuses it
  /// when it would change the graph.
  private mutating func readOnly(_ keyword: String, _ loc: Loc, _ bind: (inout Binder) throws -> BodyFacts) throws {
    nesting += 1
    defer { nesting -= 1 }
    if try bind(&self).writes {
      throw semanticError(.invalidClauseComposition, "\(keyword) subqueries cannot change the graph", loc.position)
    }
  }
}
