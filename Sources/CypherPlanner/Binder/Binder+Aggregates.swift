// The binder's checks of aggregate functions: an aggregate cannot stand in a WHERE, and each
// aggregate call of a WITH or RETURN column is not nested, does not aggregate rand() and has a
// number of arguments its function takes. Grouping itself is planned in Planner+Projection.swift.
import CypherSyntax
import GraphCore

extension Binder {
  /// Refuses an aggregate in `predicate`, the WHERE of MATCH, WITH, an EXISTS or COUNT pattern or
  /// a pattern comprehension: rows are filtered before anything is aggregated.
  func checkNoAggregate(inWhere predicate: Expression?) throws {
    if let predicate, predicate.containsAggregate {
      throw semanticError(.invalidAggregation, "aggregate functions are not allowed in WHERE", predicate.position)
    }
  }

  /// Checks the aggregate calls of the column expression `e`, outermost first and left to right:
  /// their arguments are evaluated per row, so they can hold neither an aggregate nor rand().
  func checkAggregateCalls(_ e: Expression) throws {
    guard e.containsAggregate else { return }
    _ = try e.rewritten { sub -> Expression? in
      guard case .function(let name, _, let args, let loc) = sub, let f = AggregateFunction.byName[name.lowercased()] else {
        return nil
      }
      if args.contains(where: \.containsAggregate) {
        throw semanticError(.nestedAggregation, "aggregate functions cannot be nested", loc.position)
      }
      if args.contains(where: \.callsRand) {
        throw semanticError(
          .nonConstantExpression, "\(name)() cannot aggregate rand(), which changes on every call", loc.position)
      }
      if !f.arity.contains(args.count) {
        throw semanticError(.invalidNumberOfArguments, "\(f.rawValue)() does not take \(args.count) arguments", loc.position)
      }
      return sub
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
