// Binding calls of temporal functions (`date(…)`, `datetime.truncate(…)`, `duration.between(…)`):
// argument counts are checked at plan time, everything else when the function runs.
import CypherSyntax
import GraphCore

extension Planner {
  /// Binds a call of temporal function `f`, spelled `name` in the query.
  mutating func bindTemporal(
    _ f: TemporalFunction, _ name: String, distinct: Bool, _ args: [Expression], _ p: SourcePosition, _ scope: Scope
  ) throws -> PlanExpression {
    if !f.arity.contains(args.count) {
      throw semanticError(.invalidNumberOfArguments, "\(name)() does not take \(args.count) argument\(args.count == 1 ? "" : "s")", p)
    }
    if distinct {
      throw semanticError(.invalidArgumentType, "DISTINCT is only allowed in aggregate functions", p)
    }
    return .temporal(f, try args.map { try bind($0, scope) })
  }
}
