// The expression part of the Cypher syntax tree, exactly as written. Positions ride along on the
// nodes that errors point at (names, calls, parameters) and never take part in equality, so the
// planner can recognise the same expression written twice.
import GraphCore

/// A source position that every `==` treats as equal, so positions never make two otherwise
/// identical expressions differ.
package struct Loc: Sendable, Hashable {
  package let position: SourcePosition
  package init(_ p: SourcePosition) { position = p }
  package static func == (_: Loc, _: Loc) -> Bool { true }
  package func hash(into _: inout Hasher) {}
}

/// A literal constant.
package enum Literal: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int64)
  case float(Double)
  case string(String)
}

/// Binary operators, grouped as the grammar groups them.
package enum BinaryOperator: String, Sendable, Hashable {
  case or = "OR", xor = "XOR", and = "AND"
  case equal = "=", notEqual = "<>", less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
  case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"
  case `in` = "IN", startsWith = "STARTS WITH", endsWith = "ENDS WITH", contains = "CONTAINS"
  case regexMatch = "=~"
  /// `||`: string or list concatenation.
  case concatenate = "||"
}

/// Unary operators.
package enum UnaryOperator: String, Sendable, Hashable {
  case not = "NOT", minus = "-", plus = "+"
}

/// `all`, `any`, `none`, `single` over a list.
package enum Quantifier: String, Sendable, Hashable {
  case all, any, none, single

  /// The quantifier the keyword `ALL`, `ANY`, `NONE` or `SINGLE` names; nil for other keywords.
  init?(_ keyword: Keyword) { self.init(rawValue: keyword.rawValue.lowercased()) }
}

/// One entry of a map projection `n {.name, alias: expr, .*, other}`.
package enum MapProjectionItem: Sendable, Hashable {
  case property(String)
  case allProperties
  case literal(String, Expression)
  case variable(String, Loc)
}

/// A Cypher expression.
package indirect enum Expression: Sendable, Hashable {
  case literal(Literal)
  case parameter(String, Loc)
  case variable(String, Loc)
  case property(Expression, String)
  case `subscript`(Expression, Expression)
  case slice(Expression, from: Expression?, to: Expression?)
  case list([Expression])
  case map([MapEntry])
  case unary(UnaryOperator, Expression)
  case binary(BinaryOperator, Expression, Expression, Loc)
  case isNull(Expression, negated: Bool)
  /// `x IS [NOT] :: TYPE` (also `x :: TYPE`, `x IS [NOT] TYPED TYPE`).
  case typePredicate(Expression, ValueTypeSpec, negated: Bool)
  case hasLabels(Expression, [String])
  case function(name: String, distinct: Bool, arguments: [Expression], Loc)
  case countStar(Loc)
  case caseExpression(subject: Expression?, branches: [CaseBranch], otherwise: Expression?)
  case listComprehension(variable: String, list: Expression, predicate: Expression?, projection: Expression?)
  case quantifier(Quantifier, variable: String, list: Expression, predicate: Expression, Loc)
  case reduce(accumulator: String, initial: Expression, variable: String, list: Expression, expression: Expression)
  case patternComprehension(pathVariable: String?, pattern: PatternPart, predicate: Expression?, projection: Expression, Loc)
  /// A relationship pattern used as a boolean (`WHERE (a)-->(b)`).
  case patternPredicate(PatternPart, Loc)
  case exists(ExistsSubquery, Loc)
  /// `COUNT { … }`: how many rows the subquery yields.
  case countSubquery(ExistsSubquery, Loc)
  /// `COLLECT { … RETURN x }`: the list of the subquery's single column.
  case collectSubquery(QueryBody, Loc)
  case mapProjection(Expression, [MapProjectionItem])

  /// The position of the first name, call or parameter inside, for error messages.
  package var position: SourcePosition? {
    switch self {
    case .parameter(_, let l), .variable(_, let l), .function(_, _, _, let l), .countStar(let l),
      .binary(_, _, _, let l), .quantifier(_, _, _, _, let l), .patternComprehension(_, _, _, _, let l),
      .patternPredicate(_, let l), .exists(_, let l), .countSubquery(_, let l), .collectSubquery(_, let l):
      return l.position
    case .property(let e, _), .subscript(let e, _), .slice(let e, _, _), .unary(_, let e),
      .isNull(let e, _), .typePredicate(let e, _, _), .hasLabels(let e, _), .mapProjection(let e, _):
      return e.position
    case .list(let es): return es.lazy.compactMap(\.position).first
    case .map(let entries): return entries.lazy.compactMap(\.value.position).first
    case .caseExpression(let s, let b, _): return s?.position ?? b.first?.condition.position
    case .listComprehension(_, let l, _, _), .reduce(_, _, _, let l, _): return l.position
    case .literal: return nil
    }
  }
}

/// `key: value` in a map literal, in written order.
package struct MapEntry: Sendable, Hashable {
  package let key: String
  package let value: Expression
  package init(key: String, value: Expression) {
    self.key = key
    self.value = value
  }
}

/// `WHEN condition THEN result`.
package struct CaseBranch: Sendable, Hashable {
  package let condition: Expression
  package let result: Expression
  package init(condition: Expression, result: Expression) {
    self.condition = condition
    self.result = result
  }
}

/// `EXISTS { … }`: a pattern with an optional WHERE, or a full query body.
package enum ExistsSubquery: Sendable, Hashable {
  case pattern([PatternPart], predicate: Expression?)
  case query(QueryBody)
}
