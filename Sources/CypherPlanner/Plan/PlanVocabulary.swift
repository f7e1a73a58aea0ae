// The plan's own vocabulary for what the runtime must tell apart without the syntax layer: the
// value operators of `PlanExpression.binary`, the list quantifiers and the mode a statement runs
// in. The planner converts the parser's `BinaryOperator`, `Quantifier` and `Statement.Mode` into
// these (Planner+Vocabulary.swift), so CypherRuntime
// depends on the plan and never on CypherSyntax.

/// A binary operator on values. `AND`, `OR` and `XOR` are not here: plans carry them as their
/// own `PlanExpression` cases, evaluated with short-circuiting.
package enum PlanBinaryOperator: String, Sendable, Hashable {
  case equal = "=", notEqual = "<>", less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
  case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"
  case `in` = "IN", startsWith = "STARTS WITH", endsWith = "ENDS WITH", contains = "CONTAINS"
  case regexMatch = "=~"
  case concatenate = "||"
}

/// `all`, `any`, `none` or `single` over a list.
package enum PlanQuantifier: String, Sendable, Hashable {
  case all, any, none, single
}

/// How a compiled statement runs: as a query, only explained, or profiled.
package enum ExecutionMode: Sendable, Hashable {
  case run, explain, profile
}
