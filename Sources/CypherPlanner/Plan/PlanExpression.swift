// Bound expressions: the planner's form of an expression, with variables resolved to row slots
// and functions to enum cases. The runtime evaluates these and never sees names.
import GraphCore

/// One element of a path being assembled from bound slots.
package enum PathElement: Sendable {
  case node(Int)
  case relationship(Int)
  /// A variable-length relationship list, walked from the preceding node.
  case relationships(Int)
}

/// What a correlated subquery computes for the current row.
package enum SubqueryResult: Sendable {
  /// True when the subquery yields at least one row.
  case exists
  /// How many rows the subquery yields.
  case count
  /// The list of `projection` over the subquery's rows.
  case collect(PlanExpression)
}

/// An entry of a bound map projection.
package enum PlanMapProjectionItem: Sendable {
  case property(String)
  case allProperties
  case entry(String, PlanExpression)
}

/// A bound expression.
package indirect enum PlanExpression: Sendable {
  case constant(Value)
  case parameter(String)
  case slot(Int)
  case property(PlanExpression, InternedName)
  case `subscript`(PlanExpression, PlanExpression)
  case slice(PlanExpression, PlanExpression?, PlanExpression?)
  case list([PlanExpression])
  case map([(String, PlanExpression)])
  case not(PlanExpression)
  case negate(PlanExpression)
  case and(PlanExpression, PlanExpression)
  case or(PlanExpression, PlanExpression)
  case xor(PlanExpression, PlanExpression)
  case binary(PlanBinaryOperator, PlanExpression, PlanExpression)
  case isNull(PlanExpression, negated: Bool)
  /// `x IS [NOT] :: TYPE`: never null.
  case typePredicate(PlanExpression, ValueTypeSpec, negated: Bool)
  /// Whether a node carries every one of the labels (with their committed ids); no labels asks
  /// for any label (`:%`). On a relationship, whether its type is every one of the names.
  case hasLabels(PlanExpression, [InternedName])
  case function(ScalarFunction, [PlanExpression])
  case temporal(TemporalFunction, [PlanExpression])
  /// A call of a scalar function an embedder registered.
  case userFunction(UserFunction, [PlanExpression])
  case caseExpression(subject: PlanExpression?, branches: [(PlanExpression, PlanExpression)], otherwise: PlanExpression?)
  case listComprehension(slot: Int, list: PlanExpression, predicate: PlanExpression?, projection: PlanExpression?)
  case quantifier(PlanQuantifier, slot: Int, list: PlanExpression, predicate: PlanExpression)
  case reduce(accumulator: Int, initial: PlanExpression, slot: Int, list: PlanExpression, expression: PlanExpression)
  case subquery(PlanOperator, SubqueryResult)
  case mapProjection(PlanExpression, [PlanMapProjectionItem])
  case path([PathElement])
}
