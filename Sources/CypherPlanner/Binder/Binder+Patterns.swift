// The binder's checks on shapes it can judge without the scope: a pattern to match compares
// properties with a literal map, a shortest path has one relationship, and SKIP / LIMIT are
// constant counts. (The shape of a relationship to create waits for the planner: openCypher
// reports a re-bound variable first.)
import CypherSyntax
import GraphCore

extension Binder {
  /// Checks patterns that are matched (MATCH, MERGE, pattern expressions, EXISTS and COUNT
  /// bodies): their property maps must be written out, not given as a parameter or expression,
  /// and shortestPath / allShortestPaths wrap exactly one relationship.
  func checkMatchable(_ patterns: [PatternPart]) throws {
    for part in patterns {
      let properties = [part.start.properties] + part.steps.flatMap { [$0.relationship.properties, $0.node.properties] }
      for case let p? in properties {
        if case .map = p { continue }
        throw semanticError(
          .invalidParameterUse, "a pattern to match needs a literal property map, not a parameter or expression", p.position)
      }
    }
    for part in patterns where part.shortest != .none && part.steps.count != 1 {
      throw semanticError(.invalidArgumentType, "shortestPath needs a pattern with exactly one relationship", part.loc.position)
    }
    try checkGQLPatterns(patterns)
  }

  /// Checks that SKIP or LIMIT (`clause`) is a constant, non-negative integer as far as can be
  /// told before running (a parameter is checked when it has a value).
  func checkCount(_ e: Expression?, _ clause: String) throws {
    guard let e else { return }
    if !e.referencedVariables.isEmpty {
      throw semanticError(.nonConstantExpression, "\(clause) must be a constant expression, not one that reads variables", e.position)
    }
    if case .literal(.int(let v)) = e, v < 0 {
      throw semanticError(.negativeIntegerArgument, "\(clause) must be a non-negative integer, got \(v)", e.position)
    }
    if case .literal(.float) = e {
      throw semanticError(.invalidArgumentType, "\(clause) must be an integer", e.position)
    }
  }
}
