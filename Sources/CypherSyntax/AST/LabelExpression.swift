// Label expressions of GQL-style patterns (`:A|B`, `:A&B`, `:!A`, `:%`, parentheses), as written
// on node patterns, relationship patterns and `IS` / `:` label predicates. The planner turns
// them into label and type checks; a plain conjunction of names stays a list of labels so that
// label scans and index seeks keep working.

/// A boolean expression over label (or relationship type) names.
package indirect enum LabelExpression: Sendable, Hashable {
  /// One label or type name.
  case name(String)
  /// `%`: any label at all (for a relationship, any type).
  case wildcard
  /// `!e`
  case not(LabelExpression)
  /// `a & b`
  case and(LabelExpression, LabelExpression)
  /// `a | b`
  case or(LabelExpression, LabelExpression)

  /// The names when the expression is `A & B & …` (or one name): a node must carry them all.
  package var conjunctNames: [String]? {
    switch self {
    case .name(let n): return [n]
    case .and(let a, let b):
      guard let l = a.conjunctNames, let r = b.conjunctNames else { return nil }
      return l + r
    default: return nil
    }
  }

  /// The names when the expression is `A | B | …` (or one name): a relationship must have one of them.
  package var disjunctNames: [String]? {
    switch self {
    case .name(let n): return [n]
    case .or(let a, let b):
      guard let l = a.disjunctNames, let r = b.disjunctNames else { return nil }
      return l + r
    default: return nil
    }
  }

  /// Every name the expression mentions, in written order.
  package var names: [String] {
    switch self {
    case .name(let n): return [n]
    case .wildcard: return []
    case .not(let e): return e.names
    case .and(let a, let b), .or(let a, let b): return a.names + b.names
    }
  }
}
