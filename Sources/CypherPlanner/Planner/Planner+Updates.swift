// Planning the updating clauses: CREATE, MERGE, SET, REMOVE, DELETE and FOREACH. The binder has
// checked what each may bind or create (Binder+Updates.swift).
import CypherSyntax
import GraphCore

extension Planner {
  mutating func planUpdate(_ clause: Clause, input: PlanOperator, scope: inout Scope) throws -> PlanOperator {
    switch clause {
    case .create(let parts, _):
      var steps: [CreateStep] = []
      for part in parts {
        steps += try createSteps(part, scope: &scope)
      }
      let labelling = try dynamicLabelling(parts, scope)
      return labelling.isEmpty ? .create(input, steps) : .set(.create(input, steps), labelling)
    case .merge(let part, let actions, let loc):
      return try planMerge(input, part, actions, loc, scope: &scope)
    case .set(let items, _):
      return .set(input, try items.map { try bindSetItem($0, scope) })
    case .remove(let items, _):
      return .remove(input, try items.map { try bindRemoveItem($0, scope) })
    case .delete(let detach, let targets, _):
      return .delete(input, try targets.map { try bind($0, scope) }, detach: detach)
    case .foreach(let variable, let list, let body, _):
      let boundList = try bind(list, scope)
      var inner = scope
      let slot = newSlot()
      inner[variable] = Variable(slot: slot, kind: .value)
      var op = PlanOperator.argument
      for c in body {
        op = try planUpdate(c, input: op, scope: &inner)
      }
      return .foreach(input, slot: slot, list: boundList, inner: op)
    default:
      preconditionFailure("unreachable: the binder lets only updating clauses reach planUpdate")
    }
  }

  /// The nodes, relationships and path a CREATE pattern part makes or, with `merge` set to the
  /// variables bound before a MERGE, the parts of a MERGE pattern that MERGE creates.
  mutating func createSteps(_ part: PatternPart, scope: inout Scope, merge outer: Set<String>? = nil) throws -> [CreateStep] {
    var steps: [CreateStep] = []
    var created = Set<Int>()
    var nodeSlots: [Int] = []
    for node in [part.start] + part.steps.map(\.node) {
      let properties = try node.properties.map { try bind($0, scope) }
      if let name = node.variable, let v = scope[name] {
        // The binder has checked that a node bound before is used as it is.
        let isOuter = outer.map { $0.contains(name) } ?? true
        if isOuter || created.contains(v.slot) {
          nodeSlots.append(v.slot)
          continue
        }
        steps.append(.node(slot: v.slot, labels: node.labels.map { label($0) }, properties: properties))
        created.insert(v.slot)
        nodeSlots.append(v.slot)
        continue
      }
      let slot = newSlot()
      if let name = node.variable { scope[name] = Variable(slot: slot, kind: .node) }
      steps.append(.node(slot: slot, labels: node.labels.map { label($0) }, properties: properties))
      created.insert(slot)
      nodeSlots.append(slot)
    }
    var relSlots: [Int] = []
    for (i, step) in part.steps.enumerated() {
      let rel = step.relationship
      // The binder has checked that the relationship is new, with one type, a direction (in
      // CREATE) and no variable length; in MERGE its variable is the matched one's.
      var slot = newSlot()
      if let name = rel.variable {
        if let v = scope[name] { slot = v.slot }
        scope[name] = Variable(slot: slot, kind: .relationship)
      }
      relSlots.append(slot)
      let forward = rel.direction != .incoming
      // The binder has checked there is one type: written, or computed per row.
      let dynamicType = try rel.dynamicTypes.first.map { try bind($0.expression, scope) }
      steps.append(.relationship(
        slot: slot, type: rel.types.first.map(relationshipType) ?? InternedName("", id: nil), dynamicType: dynamicType,
        from: forward ? nodeSlots[i] : nodeSlots[i + 1],
        to: forward ? nodeSlots[i + 1] : nodeSlots[i], properties: try rel.properties.map { try bind($0, scope) }))
    }
    if let p = part.pathVariable {
      let slot = scope[p]?.slot ?? newSlot()
      scope[p] = Variable(slot: slot, kind: .path)
      steps.append(.path(slot: slot, pathElements(nodeSlots: nodeSlots, relSlots: relSlots, rels: part.steps.map(\.relationship))))
    }
    return steps
  }

  /// Dynamic labels of created nodes (`CREATE (n:$(expr))`, `MERGE (n:$(expr))`), added after
  /// the node is created as SET would add them; the parser requires such a node to be named.
  private mutating func dynamicLabelling(_ parts: [PatternPart], _ scope: Scope) throws -> [SetOperation] {
    var labelling: [SetOperation] = []
    for part in parts {
      for node in [part.start] + part.steps.map(\.node) where !node.dynamicLabels.isEmpty {
        guard let variable = node.variable else { continue }
        labelling.append(
          .addDynamicLabels(
            target: try bind(.variable(variable, node.loc), scope),
            labels: try node.dynamicLabels.map { try bind($0.expression, scope) }))
      }
    }
    return labelling
  }

  private mutating func planMerge(_ input: PlanOperator, _ part: PatternPart, _ actions: [MergeAction], _ loc: Loc, scope: inout Scope) throws -> PlanOperator {
    let outer = Set(scope.variables.keys)
    var inner = scope
    let match = try planMatch(.argument, optional: false, patterns: [part], predicate: nil, scope: &inner)
    var createScope = inner
    let steps = try createSteps(part, scope: &createScope, merge: outer)
    scope = inner
    var nullChecks: [(PlanExpression, String)] = []
    for node in [part.start] + part.steps.map(\.node) {
      if case .map(let entries)? = node.properties {
        for e in entries { nullChecks.append((try bind(e.value, scope), e.key)) }
      }
    }
    for rel in part.steps.map(\.relationship) {
      if case .map(let entries)? = rel.properties {
        for e in entries { nullChecks.append((try bind(e.value, scope), e.key)) }
      }
    }
    var onCreate: [SetOperation] = try dynamicLabelling([part], scope)
    var onMatch: [SetOperation] = []
    for action in actions {
      let bound = try action.items.map { try bindSetItem($0, scope) }
      if action.onCreate { onCreate += bound } else { onMatch += bound }
    }
    return .merge(input, MergeSpec(match: match, create: steps, nullChecks: nullChecks, onCreate: onCreate, onMatch: onMatch))
  }

  private mutating func bindSetItem(_ item: SetItem, _ scope: Scope) throws -> SetOperation {
    switch item {
    case .property(let target, let key, let value, _):
      return .property(target: try bind(target, scope), key: propertyKey(key), value: try bind(value, scope))
    case .properties(let variable, let value, let merge, let loc):
      let target = try bind(.variable(variable, loc), scope)
      let v = try bind(value, scope)
      return merge ? .mergeProperties(target: target, value: v) : .replaceProperties(target: target, value: v)
    case .labels(let variable, let labels, let loc):
      return .addLabels(target: try bind(.variable(variable, loc), scope), labels: labels.map { label($0) })
    case .dynamicProperty(let target, let key, let value, _):
      return .dynamicProperty(target: try bind(target, scope), key: try bind(key, scope), value: try bind(value, scope))
    case .dynamicLabels(let variable, let labels, let loc):
      return .addDynamicLabels(
        target: try bind(.variable(variable, loc), scope), labels: try labels.map { try bind($0, scope) })
    }
  }

  private mutating func bindRemoveItem(_ item: RemoveItem, _ scope: Scope) throws -> RemoveOperation {
    switch item {
    case .property(let target, let key, _):
      return .property(target: try bind(target, scope), key: propertyKey(key))
    case .labels(let variable, let labels, let loc):
      return .labels(target: try bind(.variable(variable, loc), scope), labels: labels.map { label($0) })
    case .dynamicProperty(let target, let key, _):
      return .dynamicProperty(target: try bind(target, scope), key: try bind(key, scope))
    case .dynamicLabels(let variable, let labels, let loc):
      return .dynamicLabels(target: try bind(.variable(variable, loc), scope), labels: try labels.map { try bind($0, scope) })
    }
  }
}
