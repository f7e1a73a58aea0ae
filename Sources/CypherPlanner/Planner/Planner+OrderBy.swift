// Planning ORDER BY of a WITH or RETURN: sort keys may name projected columns or repeat their
// expressions; after DISTINCT or aggregation only projected columns (and whole aggregates of the
// projection) can be used.
import CypherSyntax
import GraphCore

extension Planner {
  /// Sorts `op`, the projection of `items` (its variables `newScope`) over `scope`, by the
  /// ORDER BY of `p`, or lets an index scan deliver the order.
  mutating func planOrderBy(
    _ p: Projection, items: [ProjectionItem], _ op: PlanOperator, newScope: Scope, scope: Scope, aggregating: Bool,
    isReturn: Bool
  ) throws -> PlanOperator {
    var sortScope = newScope
    let seesOld = !aggregating && !p.distinct
    if seesOld {
      for (name, v) in scope.variables where sortScope[name] == nil { sortScope[name] = v }
    } else {
      sortScope = sortScope.hiding(namesOf: scope)
    }
    var keys: [(PlanExpression, Bool)] = []
    for s in p.orderBy {
      let e = s.expression.rewritten { sub in
        if case .variable = sub { return nil }
        if case .literal = sub { return nil }
        // Inside an aggregating sort key only whole aggregates and simple keys stand for columns.
        if s.expression.containsAggregate && s.expression != sub && !sub.containsAggregate,
          !{ if case .property(.variable, _) = sub { return true } else { return false } }()
        {
          return nil
        }
        for item in items where item.expression == sub { return .variable(item.name, p.loc) }
        return nil
      }
      if e.containsAggregate {
        let unknown = e.referencedVariables.filter { newScope[$0] == nil }.sorted()
        if let name = unknown.first, aggregating, scope[name] != nil,
          e.rewritten({ sub in sub.containsAggregate ? nil : .literal(.null) }).referencedVariables.isEmpty
        {
          throw semanticError(.undefinedVariable, "variable `\(name)` not defined: ORDER BY after aggregation can only use projected columns", s.expression.position, name: name)
        }
        throw semanticError(
          aggregating ? .ambiguousAggregationExpression : .invalidAggregation,
          "an aggregation in ORDER BY must appear as a whole in \(isReturn ? "RETURN" : "WITH")", s.expression.position)
      }
      do {
        keys.append((try bind(e, sortScope), s.ascending))
      } catch let err as QuiverError
        where err.code == .undefinedVariable && aggregating && s.expression.containsAggregate && scope.binds(err.name)
      {
        throw semanticError(.ambiguousAggregationExpression, "ORDER BY mixes aggregation with expressions that are not grouping keys", s.expression.position)
      } catch let err as QuiverError where err.code == .undefinedVariable && !seesOld && scope.binds(err.name) {
        throw semanticError(
          .undefinedVariable,
          "variable `\(err.name ?? "")` not defined: after DISTINCT or aggregation ORDER BY can only use projected columns",
          s.expression.position, name: err.name)
      }
    }
    if let ordered = indexOrderedPlan(op, p, items: items, scope: scope, aggregating: aggregating) {
      return ordered
    }
    return .sort(op, keys)
  }
}
