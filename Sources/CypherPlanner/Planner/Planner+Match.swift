// Planning MATCH and OPTIONAL MATCH: each pattern part becomes a scan (or a bound start), a
// chain of expands, label/property filters and an optional path projection; relationship
// uniqueness is enforced across the whole clause.
import CypherSyntax
import GraphCore

extension Planner {
  /// Plans a MATCH clause on top of `input`, extending `scope` with the pattern's variables.
  mutating func planMatch(
    _ input: PlanOperator, optional: Bool, patterns: [PatternPart], predicate: Expression?, search: VectorSearch? = nil,
    scope: inout Scope
  ) throws -> PlanOperator {
    // WHERE written inside node and relationship patterns filters like the clause's own WHERE
    // (a pattern under a selector applies its own before selecting).
    let inline = patterns.filter { $0.selector == nil || $0.shortest != .none }.flatMap(\.inlinePredicates)
    if optional {
      var inner = scope
      var remaining = (predicate?.conjuncts ?? []) + inline
      var op = PlanOperator.argument
      if let search { op = try planSearch(op, search, patterns, scope: &inner) }
      op = try planPatterns(op, patterns, conjuncts: &remaining, scope: &inner)
      for c in remaining { op = .filter(op, try bindPredicate(c, inner)) }
      let introduced = inner.variables.filter { scope[$0.key] == nil }.map(\.value.slot).sorted()
      scope = inner
      return .optional(input, inner: op, nulls: introduced)
    }
    var remaining = (predicate?.conjuncts ?? []) + inline
    var op = input
    if let search { op = try planSearch(op, search, patterns, scope: &scope) }
    op = try planPatterns(op, patterns, conjuncts: &remaining, scope: &scope)
    for c in remaining { op = .filter(op, try bindPredicate(c, scope)) }
    return op
  }

  /// The vector index search of a MATCH's SEARCH subclause: it binds the binding variable (and
  /// the score) first, so that the pattern then only checks and expands from the bound entity,
  /// which makes the pattern's labels, properties and the MATCH's WHERE filters after the search,
  /// as the manual specifies.
  private mutating func planSearch(
    _ input: PlanOperator, _ search: VectorSearch, _ patterns: [PatternPart], scope: inout Scope
  ) throws -> PlanOperator {
    let onNodes = patterns.contains { part in
      part.start.variable == search.variable || part.steps.contains { $0.node.variable == search.variable }
    }
    let query = try bind(search.query, scope)
    let limit = try bind(search.limit, scope)
    let slot = newSlot()
    scope[search.variable] = Variable(slot: slot, kind: onNodes ? .node : .relationship)
    var scoreSlot: Int?
    if let alias = search.scoreAlias {
      let s = newSlot()
      scope[alias] = Variable(slot: s, kind: .value, type: .float)
      scoreSlot = s
    }
    return .vectorSearch(
      input,
      VectorSearchSpec(
        index: search.index, onNodes: onNodes, query: query, limit: limit, slot: slot, scoreSlot: scoreSlot,
        filterKeys: Binder.searchFilterKeys(search)))
  }

  /// Plans the pattern parts of one MATCH. WHERE conjuncts are applied as soon as every name they
  /// mention is bound (filter push-down); those left in `conjuncts` are for the caller to apply.
  private mutating func planPatterns(
    _ input: PlanOperator, _ patterns: [PatternPart], conjuncts: inout [Expression], scope: inout Scope
  ) throws -> PlanOperator {
    let savedOuter = matchOuterNames
    matchOuterNames = Set(scope.variables.keys)
    defer { matchOuterNames = savedOuter }
    var op = input
    var singles: [Int] = []
    var lists: [Int] = []
    var remaining = patterns
    while !remaining.isEmpty {
      // Join order: next, the part whose cheapest start yields the fewest rows given what is
      // bound so far (a part touching a bound variable costs nothing), shortest paths last.
      var pick = 0
      var best = Double.infinity
      let outer = Set(scope.variables.keys)
      for (i, candidate) in remaining.enumerated() where candidate.shortest == .none && candidate.selector == nil {
        let nodes = [candidate.start] + candidate.steps.map(\.node)
        let nodeCost = nodes.map { startOption($0, conjuncts: conjuncts, outer: outer, scope: scope).cost }.min() ?? .infinity
        let cost = min(nodeCost, relationshipSeekOption(candidate, conjuncts: conjuncts, outer: outer, scope: scope)?.cost ?? .infinity)
        if cost < best {
          best = cost
          pick = i
        }
      }
      let part = remaining.remove(at: pick)
      if part.shortest != .none {
        op = try planShortestPath(op, part, scope: &scope)
        continue
      }
      if part.selector != nil {
        // The clause's WHERE filters the selected paths, never before the selector.
        let selected = try planSelectedPaths(op, part, scope: &scope)
        op = try applyReady(selected.op, &conjuncts, scope)
        singles += selected.singles
        lists += selected.lists
        continue
      }
      if let joined = try planHashJoin(op, part, conjuncts: &conjuncts, scope: &scope) {
        op = joined.op
        singles += joined.singles
        lists += joined.lists
        continue
      }
      let result = try planPart(op, part, conjuncts: &conjuncts, scope: &scope)
      op = result.op
      singles += result.singles
      lists += result.lists
    }
    // Under REPEATABLE ELEMENTS a match may use a relationship more than once.
    if singles.count + lists.count > 1, !patterns.contains(where: \.repeatableElements) {
      op = .relationshipsUnique(op, singles: singles, lists: lists)
    }
    return op
  }

  /// `op` followed by the leaf that finds `node` in `slot` as `access` says, and a filter for the
  /// labels and properties that leaf does not already guarantee.
  mutating func start(_ node: NodePattern, slot: Int, access: StartAccess, on op: PlanOperator, scope: Scope) throws -> PlanOperator {
    var op = op
    var covered: String?
    switch access {
    case .bound:
      break
    case .scan(let label):
      covered = label
      op = .nodeScan(op, slot: slot, label: label.map(self.label))
    case .seek(let index, let label, let bounds):
      covered = label
      op = .nodeIndexSeek(op, IndexSeekSpec(slot: slot, index: index, label: label, bounds: try bindBounds(bounds, scope)))
    }
    if let f = try nodeFilter(node, slot: slot, checked: covered.map { [$0] } ?? [], scope: scope) { op = .filter(op, f) }
    return op
  }

  /// A pattern node's slot, and whether it was bound before this point (the binder has checked
  /// that what it is bound to can be a node).
  mutating func bindNodeVariable(_ node: NodePattern, scope: inout Scope) throws -> (slot: Int, bound: Bool) {
    guard let name = node.variable else { return (newSlot(), false) }
    if let v = scope[name] { return (v.slot, true) }
    let slot = newSlot()
    scope[name] = Variable(slot: slot, kind: .node)
    return (slot, false)
  }

  /// Filters for the labels and property map written on a node or relationship pattern.
  mutating func patternFilter(slot: Int, labels: [String], properties: Expression?, scope: Scope) throws -> PlanExpression? {
    var conditions: [PlanExpression] = []
    if !labels.isEmpty { conditions.append(.hasLabels(.slot(slot), labels.map(label))) }
    if let properties {
      conditions += try propertyConditions(.slot(slot), properties, scope: scope)
    }
    return conditions.reduce(nil) { acc, c in acc.map { .and($0, c) } ?? c }
  }

  private mutating func propertyConditions(_ owner: PlanExpression, _ properties: Expression, scope: Scope) throws -> [PlanExpression] {
    switch properties {
    case .map(let entries):
      return try entries.map { .binary(.equal, .property(owner, propertyKey($0.key)), try bind($0.value, scope)) }
    default:
      preconditionFailure("unreachable: the binder lets only literal property maps reach a pattern to match")
    }
  }

  mutating func planPart(_ input: PlanOperator, _ part: PatternPart, conjuncts: inout [Expression], scope: inout Scope)
    throws -> (op: PlanOperator, singles: [Int], lists: [Int], ends: (start: Int, end: Int))
  {
    let nodes = [part.start] + part.steps.map(\.node)
    let rels = part.steps.map(\.relationship)
    // Start where the fewest rows are expected: a bound node, an index seek, a label scan.
    let outer = Set(scope.variables.keys)
    let starts = nodes.indices.map { startOption(nodes[$0], conjuncts: conjuncts, outer: outer, scope: scope) }
    var first = 0
    for i in nodes.indices where starts[i].cost < starts[first].cost { first = i }

    var nodeSlots = [Int](repeating: -1, count: nodes.count)
    var relSlots = [Int](repeating: -1, count: rels.count)
    var singles: [Int] = []
    var lists: [Int] = []
    var op = input

    // Expand right from the start to the end, then left from the start to the beginning.
    var order: [Int]
    if let seek = relationshipSeekOption(part, conjuncts: conjuncts, outer: outer, scope: scope), seek.cost < starts[first].cost {
      // A relationship index seek binds one relationship and both its nodes.
      let k = seek.step
      let rel = rels[k]
      let (left, _) = try bindNodeVariable(nodes[k], scope: &scope)
      let (right, _) = try bindNodeVariable(nodes[k + 1], scope: &scope)
      let (relSlot, _) = try bindRelationshipVariable(rel, kind: .relationship, scope: &scope)
      (nodeSlots[k], nodeSlots[k + 1], relSlots[k]) = (left, right, relSlot)
      singles.append(relSlot)
      op = .relationshipIndexSeek(op, RelationshipSeekSpec(
        relationship: relSlot, left: left, right: right, index: seek.index, type: rel.types[0],
        direction: rel.direction.storeDirection, bounds: try bindBounds(seek.bounds, scope)))
      if let f = try relationshipFilter(rel, slot: relSlot, scope: scope) { op = .filter(op, f) }
      for i in [k, k + 1] {
        if let f = try nodeFilter(nodes[i], slot: nodeSlots[i], scope: scope) { op = .filter(op, f) }
      }
      first = k + 1
      order = Array(k + 2..<nodes.count) + Array((0..<k).reversed())
    } else {
      let (startSlot, _) = try bindNodeVariable(nodes[first], scope: &scope)
      nodeSlots[first] = startSlot
      op = try start(nodes[first], slot: startSlot, access: starts[first].access, on: op, scope: scope)
      order = Array(first + 1..<nodes.count) + Array((0..<first).reversed())
    }
    op = try applyReady(op, &conjuncts, scope)

    for nodeIndex in order {
      let reversed = nodeIndex < first
      let prevIndex = reversed ? nodeIndex + 1 : nodeIndex - 1
      let relIndex = reversed ? nodeIndex : prevIndex
      let rel = rels[relIndex]
      let direction = reversed ? rel.direction.storeDirection.reversed : rel.direction.storeDirection
      let (toSlot, toBound) = try bindNodeVariable(nodes[nodeIndex], scope: &scope)
      nodeSlots[nodeIndex] = toSlot
      let types = rel.types.isEmpty ? nil : rel.types
      var checkedLabels: [String] = []
      if let length = rel.length {
        // A list bound earlier (`WITH [r1, r2] AS rs MATCH (a)-[rs*]->(b)`) must equal the walk.
        var boundList: Int?
        if let name = rel.variable, let v = scope[name], matchOuterNames?.contains(name) == true,
          v.kind == .relationshipList || (v.kind == .value && (v.type == nil || v.type == .list))
        {
          boundList = v.slot
        }
        let listSlot = boundList != nil ? newSlot() : try bindRelationshipVariable(rel, kind: .relationshipList, scope: &scope).slot
        relSlots[relIndex] = listSlot
        lists.append(listSlot)
        let hops = try repetitionHops(rel, reversed: reversed, scope: scope)
        let groups = bindGroupLists(rel, reversed: reversed, scope: &scope)
        let spec = VarExpandSpec(
          from: nodeSlots[prevIndex], relationships: listSlot, to: toSlot, hops: hops, minHops: length.min ?? 1,
          maxHops: length.max, toBound: toBound, nodeLists: groups.nodes, relationshipLists: groups.relationships,
          repeatable: part.repeatableElements)
        op = .varExpand(op, spec)
        if reversed {
          // The walk ran end to start; store the lists in pattern order.
          let lists = [listSlot] + (groups.nodes + groups.relationships).compactMap { $0 }
          op = .project(op, lists.map { ($0, .function(.reverse, [.slot($0)])) })
        }
        if let boundList {
          op = .filter(op, .binary(.equal, .slot(listSlot), .slot(boundList)))
        }
      } else {
        let (relSlot, relBound) = try bindRelationshipVariable(rel, kind: .relationship, scope: &scope)
        relSlots[relIndex] = relSlot
        singles.append(relSlot)
        // The reached node's labels are checked by the expand itself.
        let spec = ExpandSpec(
          from: nodeSlots[prevIndex], relationship: relSlot, to: toSlot, types: types?.map(relationshipType),
          direction: direction, toBound: toBound, relationshipBound: relBound,
          toLabels: toBound ? [] : nodes[nodeIndex].labels.map(label))
        op = Self.expanding(op, spec)
        if let f = try relationshipFilter(rel, slot: relSlot, scope: scope) {
          op = .filter(op, f)
        }
        checkedLabels = spec.toLabels.map(\.name)
      }
      if let f = try nodeFilter(nodes[nodeIndex], slot: toSlot, checked: checkedLabels, scope: scope) {
        op = .filter(op, f)
      }
      op = try applyReady(op, &conjuncts, scope)
    }

    if let p = part.pathVariable {
      let slot = newSlot()
      // A subpath variable of the whole pattern is another name of the path.
      for name in [p] + part.subpathVariables { scope[name] = Variable(slot: slot, kind: .path) }
      op = .project(op, [(slot, .path(pathElements(nodeSlots: nodeSlots, relSlots: relSlots, rels: rels)))])
      op = try applyReady(op, &conjuncts, scope)
    }
    return (op, singles, lists, (nodeSlots[0], nodeSlots[nodeSlots.count - 1]))
  }

  func pathElements(nodeSlots: [Int], relSlots: [Int], rels: [RelationshipPattern]) -> [PathElement] {
    var elements: [PathElement] = [.node(nodeSlots[0])]
    for (i, rel) in rels.enumerated() {
      elements.append(rel.length == nil ? .relationship(relSlots[i]) : .relationships(relSlots[i]))
      elements.append(.node(nodeSlots[i + 1]))
    }
    return elements
  }

  /// A pattern relationship's slot, and whether it was bound before (the binder has checked that
  /// it repeats a relationship bound before the clause, never a list).
  mutating func bindRelationshipVariable(_ rel: RelationshipPattern, kind: VariableKind, scope: inout Scope) throws -> (slot: Int, bound: Bool) {
    guard let name = rel.variable else { return (newSlot(), false) }
    if let v = scope[name] { return (v.slot, true) }
    let slot = newSlot()
    scope[name] = Variable(slot: slot, kind: kind)
    return (slot, false)
  }

  /// shortestPath((a)-[*]-(b)) / allShortestPaths: binds (or scans for) both ends, then searches.
  private mutating func planShortestPath(_ input: PlanOperator, _ part: PatternPart, scope: inout Scope) throws -> PlanOperator {
    guard part.steps.count == 1, let step = part.steps.first else {
      preconditionFailure("unreachable: the binder refuses a shortest path without exactly one relationship")
    }
    var op = input
    var ends: [Int] = []
    for node in [part.start, step.node] {
      // Each end is found the cheapest way (an index seek on its property map when there is one).
      let start = startOption(node, conjuncts: [], outer: Set(scope.variables.keys), scope: scope)
      let (slot, _) = try bindNodeVariable(node, scope: &scope)
      op = try self.start(node, slot: slot, access: start.access, on: op, scope: scope)
      ends.append(slot)
    }
    let rel = step.relationship
    let listSlot = try bindRelationshipVariable(rel, kind: .relationshipList, scope: &scope).slot
    guard let hop = try repetitionHops(rel, reversed: false, scope: scope).first else {
      preconditionFailure("unreachable: a relationship pattern walks one hop a repetition")
    }
    let (scratch, predicate) = (hop.scratch, hop.predicate)
    let pathSlot = newSlot()
    for p in [part.pathVariable].compactMap({ $0 }) + part.subpathVariables {
      scope[p] = Variable(slot: pathSlot, kind: .path)
    }
    let length = rel.length ?? LengthRange(min: 1, max: 1)
    let spec = ShortestPathSpec(
      from: ends[0], to: ends[1], path: pathSlot, relationships: listSlot, types: rel.types.isEmpty ? nil : rel.types.map(relationshipType),
      direction: rel.direction.storeDirection, minHops: length.min ?? 1, maxHops: length.max, all: part.shortest == .all,
      scratch: scratch, predicate: predicate)
    return .shortestPath(op, spec)
  }
}

extension PatternDirection {
  var storeDirection: Direction {
    switch self {
    case .outgoing: return .outgoing
    case .incoming: return .incoming
    case .both: return .both
    }
  }
}

extension Planner {
  /// `op` followed by the expand `spec`; when `spec` closes a cycle right after an expand to a
  /// new node (`(b)-->(c)-->(a)` with `a` bound before), the two run as one Expand(Closing).
  static func expanding(_ op: PlanOperator, _ spec: ExpandSpec) -> PlanOperator {
    if spec.toBound, !spec.relationshipBound, case .expand(let inner, let previous) = op,
      !previous.toBound, !previous.relationshipBound, previous.to == spec.from, spec.to != previous.to
    {
      return .expandClosing(inner, previous, closing: spec)
    }
    return .expand(op, spec)
  }

  /// Filters `op` by every conjunct whose names are all bound in `scope`, removing them from the list.
  mutating func applyReady(_ op: PlanOperator, _ conjuncts: inout [Expression], _ scope: Scope) throws -> PlanOperator {
    var op = op
    var kept: [Expression] = []
    for c in conjuncts {
      if c.mentionedNames.allSatisfy({ scope[$0] != nil }) {
        op = .filter(op, try bindPredicate(c, scope))
      } else {
        kept.append(c)
      }
    }
    conjuncts = kept
    return op
  }
}

extension Expression {
  /// Every name the expression mentions, including names inside patterns; a sub-query adds a
  /// name that is never in scope, so predicates with one wait until the whole pattern is bound.
  var mentionedNames: Set<String> {
    var names = Set<String>()
    _ = rewritten { e in
      switch e {
      case .variable(let n, _): names.insert(n)
      case .patternPredicate(let p, _): names.formUnion(p.mentionedNames)
      case .patternComprehension(let pv, let p, _, _, _):
        names.formUnion(p.mentionedNames)
        if let pv { names.insert(pv) }
      case .exists, .countSubquery, .collectSubquery: names.insert(" subquery")
      case .mapProjection(_, let items):
        for case .variable(let n, _) in items { names.insert(n) }
      default: break
      }
      return nil
    }
    return names
  }
}

extension PatternPart {
  /// The pattern's variables and every name its property maps and inline WHERE mention (inside
  /// quantified path patterns too).
  var mentionedNames: Set<String> {
    var names = Set(introducedNames)
    for e in writtenExpressions { names.formUnion(e.mentionedNames) }
    return names
  }
}
