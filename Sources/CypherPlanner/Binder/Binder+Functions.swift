// The binder's check of function calls that are not aggregates: the function exists, takes that
// many arguments and no DISTINCT. Aggregate calls are checked with their column
// (Binder+Aggregates.swift); temporal functions (date(), duration.between(), …) check the values
// of their arguments when they run.
import CypherSyntax
import GraphCore

extension Binder {
  /// Checks the call `name(args)` at `p`; `distinct` is set for `name(DISTINCT …)`.
  func checkFunction(_ name: String, distinct: Bool, _ args: [Expression], _ p: SourcePosition) throws {
    let lower = name.lowercased()
    if catalog.isAggregate(lower) { return }
    if let t = TemporalFunction.resolve(lower) {
      return try checkCall(name, spelled: name, arity: t.arity, distinct: distinct, args.count, p)
    }
    if lower == "exists" {
      guard args.count == 1 else {
        throw semanticError(.invalidNumberOfArguments, "exists() takes one argument", p, name: name)
      }
      switch args[0] {
      case .property, .patternPredicate: return
      default: throw semanticError(.invalidArgumentType, "exists() takes a property or a pattern", p, name: name)
      }
    }
    guard let f = ScalarFunction.byName[lower] else {
      if let user = catalog.function(named: lower) {
        return try checkUserFunction(user, name, distinct: distinct, args, p)
      }
      throw semanticError(.unknownFunction, "unknown function '\(name)'", p, name: name)
    }
    try checkCall(name, spelled: f.rawValue, arity: f.arity, distinct: distinct, args.count, p)
    if f == .size, case .patternPredicate = args[0] {
      throw semanticError(
        .unexpectedSyntax, "size() of a pattern is not supported; use COUNT { pattern } or size([pattern | 1])", p,
        name: name)
    }
  }

  /// Checks that a call of the function `name` (printed as `spelled`) with `count` arguments
  /// takes that many and, not being an aggregate, no DISTINCT.
  private func checkCall(
    _ name: String, spelled: String, arity: ClosedRange<Int>, distinct: Bool, _ count: Int, _ p: SourcePosition
  ) throws {
    if !arity.contains(count) {
      throw semanticError(
        .invalidNumberOfArguments, "\(spelled)() does not take \(count) argument\(count == 1 ? "" : "s")", p, name: name)
    }
    if distinct {
      throw semanticError(.invalidArgumentType, "DISTINCT is only allowed in aggregate functions", p, name: name)
    }
  }
}
