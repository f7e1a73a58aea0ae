// The binder's flat walk through expressions and patterns: it records every `$parameter`, checks
// function calls and the shape of pattern expressions. What depends on the scope (variables,
// types, the bodies of EXISTS, COUNT and COLLECT) is checked by the scoped walk, Binder+Names.swift.
import CypherSyntax
import GraphCore

extension Binder {
  /// Records the parameters inside `expression` and checks its function calls and patterns.
  mutating func visit(_ expression: Expression?) throws {
    guard let expression else { return }
    // `forEachSubexpression` visits every sub-expression except the bodies of subqueries and the
    // pattern of a pattern comprehension, which are handled below in the order they were met;
    // subquery bodies are bound by the scoped walk.
    var found: [Expression] = []
    expression.forEachSubexpression { sub in
      switch sub {
      case .parameter, .function, .patternPredicate, .patternComprehension:
        found.append(sub)
      default:
        break
      }
      return true
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
    try visitInline(patterns)
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
      case .dynamicProperty(let target, let key, let value, _):
        for e in [target, key, value] { try visit(e) }
      case .dynamicLabels(_, let labels, _):
        for e in labels { try visit(e) }
      }
    }
  }
}
