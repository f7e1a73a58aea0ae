// Planning path selectors the shortest-path search does not run: `SHORTEST k` and `ANY k` with
// k > 1, `SHORTEST k GROUPS`, and any selector over a pattern of several relationships or a
// quantified path pattern. The pattern is planned as any pattern to match (lazy expands from its
// cheapest start), run per input row with its own predicates (the selector's pre-filter), and
// a SelectPaths operator keeps, per start and end node, the paths the selector asks for. The
// clause's WHERE filters afterwards (the post-filter).
import CypherSyntax
import GraphCore

extension Planner {
  /// `part`, which has a path selector, on top of `input`: its matches per input row, then the
  /// selector. Returns the part's relationship slots for the clause's uniqueness check.
  mutating func planSelectedPaths(_ input: PlanOperator, _ part: PatternPart, scope: inout Scope)
    throws -> (op: PlanOperator, singles: [Int], lists: [Int])
  {
    var inner = scope
    var conjuncts = part.inlinePredicates
    let matched = try planPart(.argument, part, conjuncts: &conjuncts, scope: &inner)
    var op = matched.op
    for c in conjuncts { op = .filter(op, try bindPredicate(c, inner)) }
    // A path repeats no relationship (unless REPEATABLE ELEMENTS) before the selector counts it.
    if matched.singles.count + matched.lists.count > 1, !part.repeatableElements {
      op = .relationshipsUnique(op, singles: matched.singles, lists: matched.lists)
    }
    let keep: PathSelectSpec.Keep
    switch part.selector {
    case .shortest(let k)?: keep = .shortest(k)
    case .shortestGroups(let k)?: keep = .groups(k)
    case .any(let k)?: keep = .any(k)
    case .allShortest?, nil: keep = .groups(1)
    }
    let spec = PathSelectSpec(
      keep: keep, start: matched.ends.start, end: matched.ends.end, singles: matched.singles.count, lists: matched.lists,
      count: try part.selectorCount.map { try bind($0, scope.emptied) })
    scope = inner
    return (.selectPaths(input, inner: op, spec), matched.singles, matched.lists)
  }
}
