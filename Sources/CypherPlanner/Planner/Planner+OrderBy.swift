// Planning ORDER BY of a WITH or RETURN: sort keys may name projected columns or repeat their
// expressions; the binder has checked that after DISTINCT or aggregation they use only projected
// columns and whole aggregates of the projection (Binder+Projection.swift).
import CypherSyntax
import GraphCore

extension Planner {
  /// Sorts `op`, the projection of `items` (its variables `newScope`) over `scope`, by the
  /// ORDER BY of `p`, or lets an index scan deliver the order.
  mutating func planOrderBy(
    _ p: Projection, items: [ProjectionItem], _ op: PlanOperator, newScope: Scope, scope: Scope, aggregating: Bool
  ) throws -> PlanOperator {
    var sortScope = newScope
    if !aggregating && !p.distinct {
      for (name, v) in scope.variables where sortScope[name] == nil { sortScope[name] = v }
    }
    var keys: [(PlanExpression, Bool)] = []
    for s in p.orderBy {
      let e = p.sortKey(s, items: items, catalog)
      if e.containsAggregate(catalog) {
        preconditionFailure("unreachable: the binder refuses an aggregate in ORDER BY that is not a whole column")
      }
      keys.append((try bind(e, sortScope), s.ascending))
    }
    if let ordered = indexOrderedPlan(op, p, items: items, scope: scope, aggregating: aggregating) {
      return ordered
    }
    return .sort(op, keys)
  }
}
