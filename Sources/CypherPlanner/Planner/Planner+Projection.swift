// Planning WITH and RETURN: projection, grouping and aggregation, DISTINCT, SKIP, LIMIT and the
// WHERE of a WITH. ORDER BY is planned in Planner+OrderBy.swift.
import CypherSyntax
import GraphCore

extension Planner {
  /// Plans a WITH or RETURN (`isReturn`) with its WHERE (`predicate`, WITH only) on `input`;
  /// returns the operator, the variables visible after it and the result columns.
  mutating func planProjection(
    _ p: Projection, input: PlanOperator, scope: Scope, isReturn: Bool, predicate: Expression?
  ) throws -> (PlanOperator, Scope, [(String, Int)]) {
    let items = projectionItems(p, scope: scope)
    let aggregating = items.contains { $0.expression.containsAggregate(catalog) }
    let projected =
      aggregating ? try planGrouping(items, input: input, scope: scope) : try planColumns(items, input: input, scope: scope)
    var op = projected.op
    let newScope = projected.scope
    let itemSlots = projected.slots
    if p.distinct { op = .distinct(op, itemSlots) }
    if !p.orderBy.isEmpty {
      op = try planOrderBy(p, items: items, op, newScope: newScope, scope: scope, aggregating: aggregating)
    }
    if let skip = p.skip { op = .skip(op, try constantCount(skip)) }
    if let limit = p.limit { op = .limit(op, try constantCount(limit)) }
    if let predicate {
      var predicateScope = newScope
      if !aggregating && !p.distinct {
        for (name, v) in scope.variables where predicateScope[name] == nil { predicateScope[name] = v }
      }
      op = .filter(op, try bindPredicate(predicate, predicateScope))
    }
    let columns = items.enumerated().map { ($0.element.name, itemSlots[$0.offset]) }
    return (op, newScope, columns)
  }

  /// The items of `p` with `*` expanded to the visible names (the binder has checked that their
  /// names differ and that WITH items have aliases).
  private func projectionItems(_ p: Projection, scope: Scope) -> [ProjectionItem] {
    guard p.star else { return p.items }
    let names = scope.visibleNames
    return names.map { ProjectionItem(expression: .variable($0, p.loc), alias: $0, text: $0, loc: p.loc) } + p.items
  }

  /// Projects `items` (none aggregates) on `input`: a variable kept under its name keeps its slot.
  private mutating func planColumns(_ items: [ProjectionItem], input: PlanOperator, scope: Scope) throws
    -> (op: PlanOperator, scope: Scope, slots: [Int])
  {
    var op = input
    var newScope = scope.emptied
    var itemSlots: [Int] = []
    var projections: [(Int, PlanExpression)] = []
    for item in items {
      if case .variable(let n, _) = item.expression, n == item.name, let v = scope[n] {
        itemSlots.append(v.slot)
        newScope[item.name] = v
        continue
      }
      let slot = newSlot()
      projections.append((slot, try bind(item.expression, scope)))
      itemSlots.append(slot)
      newScope[item.name] = projectedVariable(item.expression, slot: slot, scope)
    }
    if !projections.isEmpty { op = .project(op, projections) }
    return (op, newScope, itemSlots)
  }

  /// Groups `input` by the items that do not aggregate and computes the aggregates, then
  /// projects the items that combine them (the binder has checked that they read only keys).
  private mutating func planGrouping(_ items: [ProjectionItem], input: PlanOperator, scope: Scope) throws
    -> (op: PlanOperator, scope: Scope, slots: [Int])
  {
    var op = input
    var newScope = scope.emptied
    var itemSlots: [Int] = []
    var keys: [(Int, PlanExpression)] = []
    var postScope = scope.emptied
    var keyExpressions: [(Expression, String)] = []
    for item in items where !item.expression.containsAggregate(catalog) {
      let slot = newSlot()
      keys.append((slot, try bind(item.expression, scope)))
      let kind = kindOf(item.expression, scope)
      postScope[item.name] = Variable(slot: slot, kind: kind)
      if case .variable(let n, _) = item.expression { postScope[n] = Variable(slot: slot, kind: kind) }
      let keyName = " key\(slot)"
      postScope[keyName] = Variable(slot: slot, kind: kind)
      if case .property(.variable, _) = item.expression { keyExpressions.append((item.expression, keyName)) }
    }
    var aggregates: [(Int, AggregateSpec)] = []
    var projections: [(Int, PlanExpression)] = []
    for item in items {
      if let key = postScope[item.name], !item.expression.containsAggregate(catalog) {
        itemSlots.append(key.slot)
        newScope[item.name] = key
        continue
      }
      let lifted = try liftAggregates(item.expression, scope: scope, into: &aggregates, postScope: &postScope, keys: keyExpressions)
      let slot = newSlot()
      projections.append((slot, try bind(lifted, postScope)))
      itemSlots.append(slot)
      newScope[item.name] = Variable(slot: slot, kind: .value)
    }
    op = aggregation(op, keys: keys, aggregates: aggregates)
    if !projections.isEmpty { op = .project(op, projections) }
    return (op, newScope, itemSlots)
  }

  private func kindOf(_ e: Expression, _ scope: Scope) -> VariableKind {
    if case .variable(let n, _) = e, let v = scope[n] { return v.kind }
    return .value
  }

  /// The variable a projected expression becomes: its kind and, for values, its known type.
  func projectedVariable(_ e: Expression, slot: Int, _ scope: Scope) -> Variable {
    if case .variable(let n, _) = e, let v = scope[n] {
      return Variable(slot: slot, kind: v.kind, type: v.type)
    }
    let t = scope.staticType(e)
    switch t {
    case .node?: return Variable(slot: slot, kind: .value, type: nil)
    default: return Variable(slot: slot, kind: .value, type: t)
    }
  }

  /// Replaces each aggregate call in `e` by a hidden variable bound to a new aggregate slot, and
  /// each grouping-key expression by its key variable.
  private mutating func liftAggregates(
    _ e: Expression, scope: Scope, into aggregates: inout [(Int, AggregateSpec)], postScope: inout Scope,
    keys: [(Expression, String)]
  ) throws -> Expression {
    var lifted: [(Int, AggregateSpec)] = []
    var error: QuiverError?
    var me = self
    let result = e.rewritten { sub -> Expression? in
      if error != nil { return sub }
      if case .countStar(let loc) = sub {
        let slot = me.newSlot()
        lifted.append((slot, AggregateSpec(function: .count, distinct: false, arguments: nil)))
        return .variable(" agg\(slot)", loc)
      }
      if case .function(let name, let distinct, let args, let loc) = sub, let kind = me.aggregateKind(name) {
        // The binder has refused nested aggregates, rand() arguments and wrong argument counts.
        do {
          let bound = try args.map { try me.bind($0, scope) }
          let slot = me.newSlot()
          let spec =
            switch kind {
            case .builtIn(let f): AggregateSpec(function: f, distinct: distinct, arguments: bound)
            case .user(let u): AggregateSpec(user: u, distinct: distinct, arguments: bound)
            }
          lifted.append((slot, spec))
          return .variable(" agg\(slot)", loc)
        } catch let e as QuiverError {
          error = e
          return sub
        } catch {
          return sub
        }
      }
      if !sub.containsAggregate(catalog), case .variable = sub { return nil }
      for (keyExpr, keyName) in keys where keyExpr == sub {
        return .variable(keyName, Loc(sub.position ?? .start))
      }
      return nil
    }
    self = me
    if let error { throw error }
    for (slot, spec) in lifted {
      aggregates.append((slot, spec))
      postScope[" agg\(slot)"] = Variable(slot: slot, kind: .value)
    }
    return result
  }

  /// The aggregate `name` calls, built in (first) or registered; nil for any other function.
  private func aggregateKind(_ name: String) -> AggregateSpec.Kind? {
    if let f = AggregateFunction.byName[name.lowercased()] { return .builtIn(f) }
    return catalog.aggregate(named: name).map { .user($0) }
  }

  /// SKIP or LIMIT bound: a constant expression (the binder checked it reads no variables).
  private mutating func constantCount(_ e: Expression) throws -> PlanExpression {
    try bind(e, Scope(slotNames: SlotNames()))
  }

  /// `op` aggregated, by a counting operator where one fits:
  /// - an aggregation that only counts what an expand yields (no grouping keys; every aggregate a
  ///   plain count of rows, of the relationship or of either node, or every one a count of the
  ///   distinct reached nodes), optionally filtered and checked for relationship uniqueness,
  ///   runs over Expand(Count), which counts without building a row per relationship and yields
  ///   the total, which each aggregate then takes as its sum;
  /// - a count of scanned nodes grouped by one property of theirs runs as NodeCountByProperty,
  ///   which reads the property once per node and builds no row per node.
  mutating func aggregation(
    _ op: PlanOperator, keys: [(Int, PlanExpression)], aggregates: [(Int, AggregateSpec)]
  ) -> PlanOperator {
    if let counted = propertyCount(op, keys: keys, aggregates: aggregates) { return counted }
    // Filters and at most one uniqueness check between the expand and the aggregation.
    var filters: [PlanExpression] = []
    var unique: [Int]?
    var filtersAboveUnique = 0
    var source = op
    peel: while true {
      switch source {
      case .filter(let input, let predicate):
        filters.insert(predicate, at: 0)
        source = input
      case .relationshipsUnique(let input, let singles, let lists) where lists.isEmpty && unique == nil:
        unique = singles
        filtersAboveUnique = filters.count
        source = input
      default:
        break peel
      }
    }
    guard keys.isEmpty, case .expand(let input, let spec) = source, !spec.toBound, !spec.relationshipBound else {
      return .aggregate(op, keys: keys, aggregates: aggregates)
    }
    let distinctNodes = !countsRows(aggregates, of: [spec.from, spec.relationship, spec.to])
    if distinctNodes && !countsDistinct(aggregates, of: spec.to) { return .aggregate(op, keys: keys, aggregates: aggregates) }
    let count = newSlot()
    let sums = aggregates.map { ($0.0, AggregateSpec(function: .sum, distinct: false, arguments: [.slot(count)])) }
    // Wide: the expand is expected to follow an eighth of what building its columns reads.
    let followed = CardinalityEstimator(statistics: statistics).rows(.expand(input, spec))
    let wide = followed * 8 >= Double(statistics.relationshipCount + statistics.nodeCount)
    let counting = ExpandCountSpec(
      expand: spec, count: count, filters: filters, unique: unique ?? [], uniqueAfter: filters.count - filtersAboveUnique,
      distinctNodes: distinctNodes, wide: wide)
    return .aggregate(.expandCount(input, counting), keys: [], aggregates: sums)
  }

  /// Whether every aggregate is `count(DISTINCT x)` of the node in `slot`.
  private func countsDistinct(_ aggregates: [(Int, AggregateSpec)], of slot: Int) -> Bool {
    !aggregates.isEmpty
      && aggregates.allSatisfy { _, a in
        guard a.function == .count, a.distinct, let arguments = a.arguments, arguments.count == 1,
          case .slot(let s) = arguments[0]
        else { return false }
        return s == slot
      }
  }

  /// NodeCountByProperty for `count(*)` (or counts of the node) over a node scan grouped by one
  /// property of the scanned node; nil when the aggregation has another shape.
  private func propertyCount(
    _ op: PlanOperator, keys: [(Int, PlanExpression)], aggregates: [(Int, AggregateSpec)]
  ) -> PlanOperator? {
    guard keys.count == 1, case .property(.slot(let node), let key) = keys[0].1,
      case .nodeScan(let input, let slot, let label) = op, slot == node, countsRows(aggregates, of: [slot])
    else { return nil }
    let spec = PropertyCountSpec(slot: slot, label: label, key: key, keySlot: keys[0].0, countSlots: aggregates.map(\.0))
    return .nodeCountByProperty(input, spec)
  }

  /// Whether every aggregate counts rows: `count(*)` or a count of one of `slots`, which hold
  /// entities that are never null, without DISTINCT.
  private func countsRows(_ aggregates: [(Int, AggregateSpec)], of slots: [Int]) -> Bool {
    !aggregates.isEmpty
      && aggregates.allSatisfy { _, a in
        guard a.function == .count, !a.distinct else { return false }
        guard let arguments = a.arguments else { return true }
        if arguments.count == 1, case .slot(let s) = arguments[0] { return slots.contains(s) }
        return false
      }
  }
}
