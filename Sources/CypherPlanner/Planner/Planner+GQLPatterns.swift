// Planning the GQL parts of a pattern: label and type expressions become label checks, and a
// quantified relationship or quantified path pattern becomes the same lazy, depth-first
// variable-length expand as `-[*m..n]->`, with the iteration's checks (inner node labels and
// properties, inner WHERE) evaluated on each step and the group variables collected as it walks.
import CypherSyntax
import GraphCore

extension Planner {
  /// `e` as a check on the node or relationship `target`: a name is a label check (on a
  /// relationship, its type), `%` asks for any label.
  func labelCondition(_ e: LabelExpression, on target: PlanExpression) -> PlanExpression {
    switch e {
    case .name(let n): return .hasLabels(target, [label(n)])
    case .wildcard: return .hasLabels(target, [])
    case .not(let inner): return .not(labelCondition(inner, on: target))
    case .and(let a, let b): return .and(labelCondition(a, on: target), labelCondition(b, on: target))
    case .or(let a, let b): return .or(labelCondition(a, on: target), labelCondition(b, on: target))
    }
  }

  /// The filter for node pattern `node` bound in `slot`, without the labels in `checked` (which
  /// a scan, seek or expand has already guaranteed).
  mutating func nodeFilter(_ node: NodePattern, slot: Int, checked: [String] = [], scope: Scope) throws -> PlanExpression? {
    let base = try patternFilter(
      slot: slot, labels: node.labels.filter { !checked.contains($0) }, properties: node.properties, scope: scope)
    guard let e = node.labelExpression else { return base }
    let condition = labelCondition(e, on: .slot(slot))
    return base.map { .and($0, condition) } ?? condition
  }

  /// The filter for a single relationship pattern bound in `slot`: its property map and its type
  /// expression (its plain types are followed by the expand).
  mutating func relationshipFilter(_ rel: RelationshipPattern, slot: Int, scope: Scope) throws -> PlanExpression? {
    let base = try patternFilter(slot: slot, labels: [], properties: rel.properties, scope: scope)
    guard let e = rel.typeExpression else { return base }
    let condition = labelCondition(e, on: .slot(slot))
    return base.map { .and($0, condition) } ?? condition
  }

  /// Scratch slots for one step of a quantified relationship or path pattern, and the check that
  /// step must pass: the relationship's own filter and WHERE, and for a quantified path pattern
  /// the inner nodes' labels, properties and WHERE and the pattern's WHERE. The check reads the
  /// relationship in `scratch`, the node the step leaves in `near` and the node it reaches in
  /// `far` (for a walk against the written direction, `reversed`, the inner nodes swap).
  mutating func stepCheck(
    _ rel: RelationshipPattern, scratch: Int, reversed: Bool, scope: Scope
  ) throws -> (predicate: PlanExpression?, near: Int?, far: Int?) {
    var inner = scope
    if let name = rel.variable { inner[name] = Variable(slot: scratch, kind: .relationship) }
    var conditions: [PlanExpression] = []
    if let f = try relationshipFilter(rel, slot: scratch, scope: inner) { conditions.append(f) }
    var near: Int?
    var far: Int?
    if let group = rel.group {
      let (firstSlot, lastSlot) = (newSlot(), newSlot())
      if let name = group.first.variable { inner[name] = Variable(slot: firstSlot, kind: .node) }
      if let name = group.last.variable { inner[name] = Variable(slot: lastSlot, kind: .node) }
      (near, far) = reversed ? (lastSlot, firstSlot) : (firstSlot, lastSlot)
      for (node, slot) in [(group.first, firstSlot), (group.last, lastSlot)] {
        if let f = try nodeFilter(node, slot: slot, scope: inner) { conditions.append(f) }
        if let p = node.predicate { conditions.append(try bindPredicate(p, inner)) }
      }
      if let p = group.predicate { conditions.append(try bindPredicate(p, inner)) }
    }
    if let p = rel.predicate { conditions.append(try bindPredicate(p, inner)) }
    let predicate = conditions.reduce(nil as PlanExpression?) { acc, c in acc.map { .and($0, c) } ?? c }
    return (predicate, near, far)
  }

  /// Binds the group variables of a quantified path pattern to new slots, in the order the walk
  /// yields them: the nodes each step leaves (`near`) and reaches (`far`); for a walk against the
  /// written direction that is the inner end node first.
  mutating func bindGroupLists(_ rel: RelationshipPattern, reversed: Bool, scope: inout Scope) -> (near: Int?, far: Int?) {
    guard let group = rel.group else { return (nil, nil) }
    var slots: [Int?] = []
    for node in [group.first, group.last] {
      let slot = newSlot()
      if let name = node.variable { scope[name] = Variable(slot: slot, kind: .value, type: .list) }
      slots.append(slot)
    }
    return reversed ? (slots[1], slots[0]) : (slots[0], slots[1])
  }
}
