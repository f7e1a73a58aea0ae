// Joining a pattern part that shares no variable with what is already bound: instead of running
// it once per row (a Cartesian product), plan it once on its own and hash-join it on an equality
// between the two sides from the WHERE clause.
import CypherSyntax
import GraphCore

extension Planner {
  /// A hash join of `part` onto `input`, when the part is independent of the bound variables and
  /// the WHERE clause equates an expression over the bound side with one over the part.
  mutating func planHashJoin(
    _ input: PlanOperator, _ part: PatternPart, conjuncts: inout [Expression], scope: inout Scope
  ) throws -> (op: PlanOperator, singles: [Int], lists: [Int])? {
    let bound = Set(scope.variables.keys.filter { !$0.hasPrefix(" ") })
    guard !bound.isEmpty else { return nil }
    let partNames = part.mentionedNames
    let own = Set(part.introducedNames)
    // The part must not read anything bound before it: it is planned once, on its own.
    guard partNames.isSubset(of: own), own.isDisjoint(with: bound) else { return nil }
    var keys: (left: Expression, right: Expression)?
    for c in conjuncts {
      guard case .binary(.equal, let a, let b, _) = c, !c.containsPatterns else { continue }
      let na = a.mentionedNames
      let nb = b.mentionedNames
      guard !na.isEmpty, !nb.isEmpty else { continue }
      if na.isSubset(of: bound) && nb.isSubset(of: own) {
        keys = (a, b)
      } else if nb.isSubset(of: bound) && na.isSubset(of: own) {
        keys = (b, a)
      }
      if keys != nil { break }
    }
    guard let keys else { return nil }
    var rightScope = scope.emptied
    var rightConjuncts = conjuncts.filter { $0.mentionedNames.isSubset(of: own) }
    let firstSlot = slotCount
    let right = try planPart(.argument, part, conjuncts: &rightConjuncts, scope: &rightScope)
    let rightSlots = Array(firstSlot..<slotCount)
    let leftKey = try bind(keys.left, scope)
    let rightKey = try bind(keys.right, rightScope)
    // Conjuncts the right side already applied are done; the join's own equality is checked
    // again after the join, which keeps null and type semantics exact.
    let applied = conjuncts.filter { $0.mentionedNames.isSubset(of: own) }.filter { c in !rightConjuncts.contains(c) }
    conjuncts.removeAll { applied.contains($0) }
    for (name, variable) in rightScope.variables { scope[name] = variable }
    let op = PlanOperator.hashJoin(input, build: right.op, probeKey: leftKey, buildKey: rightKey, buildSlots: rightSlots)
    return (try applyReady(op, &conjuncts, scope), right.singles, right.lists)
  }
}
