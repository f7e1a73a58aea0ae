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

  /// The hops one repetition of a variable-length relationship, quantified relationship or
  /// quantified path pattern walks, in walk order (against the written order when `reversed`,
  /// a walk from the pattern's end), each with the check it must pass: its relationship's
  /// property map, type expression and WHERE, and for a quantified path pattern the inner
  /// nodes' labels, properties and WHERE and the pattern's WHERE. Each check runs at the first
  /// hop by which everything it reads is placed (a hop places its relationship in `scratch` and
  /// the nodes it leaves and reaches in `near` / `far`), so a walk is cut as early as it can be.
  mutating func repetitionHops(_ rel: RelationshipPattern, reversed: Bool, scope: Scope) throws -> [VarExpandHop] {
    let group = rel.group
    // A group of one relationship is that relationship (with its variable) quantified.
    let rels = group.map { $0.steps.count > 1 ? $0.relationships : [rel] } ?? [rel]
    let k = rels.count
    var inner = scope
    // The hop at which each inner variable is placed.
    var placed: [String: Int] = [:]
    let relSlots = rels.map { _ in newSlot() }
    for (i, r) in rels.enumerated() {
      guard let name = r.variable else { continue }
      inner[name] = Variable(slot: relSlots[i], kind: .relationship)
      placed[name] = reversed ? k - 1 - i : i
    }
    let nodes = group?.nodes ?? []
    let nodeSlots = nodes.map { _ in newSlot() }
    // Node j sits at walk position `reversed ? k - j : j`; position q is placed by hop max(q - 1, 0).
    let nodeHop = { (j: Int) in max((reversed ? k - j : j) - 1, 0) }
    for (j, node) in nodes.enumerated() {
      guard let name = node.variable else { continue }
      inner[name] = Variable(slot: nodeSlots[j], kind: .node)
      placed[name] = nodeHop(j)
    }
    let readHop = { (e: Expression?) in (e?.mentionedNames ?? []).compactMap { placed[$0] }.max() ?? 0 }
    var conditions = [[PlanExpression]](repeating: [], count: k)
    for (i, r) in rels.enumerated() {
      let own = reversed ? k - 1 - i : i
      if let f = try relationshipFilter(r, slot: relSlots[i], scope: inner) {
        conditions[max(own, readHop(r.properties))].append(f)
      }
      if let p = r.predicate { conditions[max(own, readHop(p))].append(try bindPredicate(p, inner)) }
    }
    for (j, node) in nodes.enumerated() {
      if let f = try nodeFilter(node, slot: nodeSlots[j], scope: inner) {
        conditions[max(nodeHop(j), readHop(node.properties))].append(f)
      }
      if let p = node.predicate { conditions[max(nodeHop(j), readHop(p))].append(try bindPredicate(p, inner)) }
    }
    if let p = group?.predicate { conditions[readHop(p)].append(try bindPredicate(p, inner)) }
    return (0..<k).map { h in
      let i = reversed ? k - 1 - h : h
      let direction = rels[i].direction.storeDirection
      let predicate = conditions[h].reduce(nil as PlanExpression?) { acc, c in acc.map { .and($0, c) } ?? c }
      var hop = VarExpandHop(
        types: rels[i].types.isEmpty ? nil : rels[i].types.map(relationshipType), direction: reversed ? direction.reversed : direction,
        scratch: relSlots[i], predicate: predicate)
      if !nodes.isEmpty {
        hop.near = nodeSlots[reversed ? k - h : h]
        hop.far = nodeSlots[reversed ? k - h - 1 : h + 1]
      }
      return hop
    }
  }

  /// Binds the group variables of a quantified path pattern to new slots, as the walk yields
  /// them (see `VarExpandSpec.nodeLists`): for a walk against the written direction the inner
  /// end node comes first. A group of one relationship binds only its nodes; its relationship
  /// is the walk's relationship list. A group variable the statement never reads is not bound:
  /// building its list for every row would cost the walk a quarter of its time.
  mutating func bindGroupLists(_ rel: RelationshipPattern, reversed: Bool, scope: inout Scope) -> (nodes: [Int?], relationships: [Int?]) {
    guard let group = rel.group else { return ([], []) }
    func bind(_ name: String?) -> Int? {
      guard let name, bound.readNames.contains(name) else { return nil }
      let slot = newSlot()
      scope[name] = Variable(slot: slot, kind: .value, type: .list)
      return slot
    }
    var nodes = group.nodes.map { bind($0.variable) }
    var rels = group.steps.count > 1 ? group.relationships.map { bind($0.variable) } : []
    if reversed {
      nodes.reverse()
      rels.reverse()
    }
    return (nodes, rels)
  }
}
