// ORDER BY on an indexed property of the node that drives the plan: scan that index in order
// instead of sorting, so `ORDER BY p.age LIMIT 10` reads the first rows in order and stops.
import CypherSyntax
import GraphCore

extension Planner {
  /// `op` with its driving label scan replaced by an ordered index scan, when the projection's
  /// single ORDER BY key is an indexed property of that scan's node and every operator between
  /// keeps the scan's order; nil otherwise.
  func indexOrderedPlan(_ op: PlanOperator, _ p: Projection, items: [ProjectionItem], scope: Scope, aggregating: Bool) -> PlanOperator? {
    guard !aggregating, !p.distinct, p.orderBy.count == 1, let sort = p.orderBy.first else { return nil }
    var key = sort.expression
    if case .variable(let name, _) = key, let item = items.first(where: { $0.name == name }) { key = item.expression }
    guard case .property(.variable(let v, _), let property) = key, let variable = scope[v], variable.kind == .node else {
      return nil
    }
    return replaceDriver(op, slot: variable.slot, property: property, ascending: sort.ascending)
  }

  /// Walks down the chain of order-keeping operators to the driving scan and replaces it.
  private func replaceDriver(_ op: PlanOperator, slot: Int, property: String, ascending: Bool) -> PlanOperator? {
    func again(_ child: PlanOperator) -> PlanOperator? { replaceDriver(child, slot: slot, property: property, ascending: ascending) }
    switch op {
    case .nodeScan(.argument, let s, let label?) where s == slot:
      guard let index = statistics.nodeIndexName(label: label.name, properties: [property]) else { return nil }
      return .nodeIndexScan(.argument, slot: slot, index: index, label: label.name, ascending: ascending)
    case .filter(let i, let e): return again(i).map { .filter($0, e) }
    case .project(let i, let items): return again(i).map { .project($0, items) }
    case .expand(let i, let spec): return again(i).map { .expand($0, spec) }
    case .expandClosing(let i, let spec, let closing): return again(i).map { .expandClosing($0, spec, closing: closing) }
    case .varExpand(let i, let spec): return again(i).map { .varExpand($0, spec) }
    case .optional(let i, let inner, let nulls): return again(i).map { .optional($0, inner: inner, nulls: nulls) }
    case .relationshipsUnique(let i, let s, let l): return again(i).map { .relationshipsUnique($0, singles: s, lists: l) }
    case .hashJoin(let i, let b, let pk, let bk, let slots): return again(i).map { .hashJoin($0, build: b, probeKey: pk, buildKey: bk, buildSlots: slots) }
    default: return nil
    }
  }
}
