// Binding calls of temporal functions (`date(…)`, `datetime.truncate(…)`, `duration.between(…)`):
// the binder has checked the argument counts, everything else is checked when the function runs.
import CypherSyntax
import GraphCore

extension Planner {
  /// Binds a call of temporal function `f` with arguments `args`.
  mutating func bindTemporal(_ f: TemporalFunction, _ args: [Expression], _ scope: Scope) throws -> PlanExpression {
    .temporal(f, try args.map { try bind($0, scope) })
  }
}
