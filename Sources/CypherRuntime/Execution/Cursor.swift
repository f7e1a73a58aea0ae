// The pull interface every physical operator implements, and the factory that turns a plan
// into a tree of cursors. Rows are pulled one at a time from the root.
import CypherPlanner
import GraphCore

/// A running operator: each call to `next` yields one row, or nil when exhausted.
package protocol Cursor: AnyObject {
  func next() throws -> Row?
}

/// Yields the argument row once: the leaf of every plan and correlated sub-plan.
final class ArgumentCursor: Cursor {
  private var row: Row?
  init(_ row: Row) { self.row = row }
  func next() throws -> Row? {
    defer { row = nil }
    return row
  }
}

/// The rows of an operator that computes them all on the first pull (an aggregation), yielded
/// one per pull.
struct ComputedRows {
  private var rows: [Row]?
  private var position = 0

  /// The next row, computing them all with `compute` on the first call.
  mutating func next(_ compute: () throws -> [Row]) rethrows -> Row? {
    if rows == nil { rows = try compute() }
    guard let rows, position < rows.count else { return nil }
    position += 1
    return rows[position - 1]
  }
}

extension ExecutionContext {
  /// Builds the cursor tree for `op`, whose leaf yields `argument`. With a profile recorder and a
  /// `path` (the operator's position in the plan), every cursor is measured.
  package func makeCursor(_ op: PlanOperator, argument: Row, path: [Int]? = nil) -> Cursor {
    let cursor = build(op, argument: argument, path: path)
    if let profile, let path { return ProfilingCursor(cursor, profile.entry(path), self) }
    return cursor
  }

  private func build(_ op: PlanOperator, argument: Row, path: [Int]?) -> Cursor {
    func input(_ child: PlanOperator, _ index: Int = 0) -> Cursor {
      makeCursor(child, argument: argument, path: path.map { $0 + [index] })
    }
    let inner = path.map { $0 + [1] }
    switch op {
    case .argument: return ArgumentCursor(argument)
    case .nodeScan(let i, let slot, let label):
      return NodeScanCursor(input(i), self, slot: slot) { [unowned self] _ in
        guard let label else { return self.store.allNodeIDs() }
        guard let id = label.id ?? self.store.labelID(label.name) else { return [] }
        return self.store.nodeIDs(withLabelID: id)
      }
    case .nodeIndexSeek(let i, let spec):
      return NodeScanCursor(input(i), self, slot: spec.slot) { [unowned self] row in
        try self.indexSeekIDs(index: spec.index, bounds: spec.bounds, row)
      }
    case .relationshipIndexSeek(let i, let spec): return RelationshipSeekCursor(input(i), self, spec)
    case .nodeIndexScan(let i, let slot, let index, let label, let ascending):
      return NodeScanCursor(input(i), self, slot: slot) { [unowned self] _ in
        self.orderedNodeIDs(label: label, index: index, ascending: ascending)
      }
    case .expand(let i, let spec): return ExpandCursor(input(i), self, spec)
    case .expandClosing(let i, let spec, let closing): return ClosingExpandCursor(input(i), self, spec, closing: closing)
    case .expandCount(let i, let spec): return ExpandCountCursor(input(i), self, spec)
    case .nodeCountByProperty(let i, let spec): return PropertyCountCursor(input(i), self, spec)
    case .varExpand(let i, let spec): return VarExpandCursor(input(i), self, spec)
    case .shortestPath(let i, let spec): return ShortestPathCursor(input(i), self, spec)
    case .selectPaths(let i, let plan, let spec): return PathSelectCursor(input(i), self, inner: plan, spec: spec, path: inner)
    case .filter(let i, let predicate): return FilterCursor(input(i), self, predicate)
    case .project(let i, let items): return ProjectCursor(input(i), self, items)
    case .aggregate(let i, let keys, let aggregates): return AggregateCursor(input(i), self, keys: keys, aggregates: aggregates)
    case .distinct(let i, let slots): return DistinctCursor(input(i), self, slots: slots)
    case .sort(let i, let keys): return SortCursor(input(i), self, keys)
    case .skip(let i, let count): return SkipLimitCursor(input(i), self, skip: count)
    case .limit(let i, let count): return SkipLimitCursor(input(i), self, limit: count)
    case .unwind(let i, let list, let slot): return UnwindCursor(input(i), self, list, slot: slot)
    case .optional(let i, let plan, let nulls): return OptionalCursor(input(i), self, inner: plan, nulls: nulls, path: inner)
    case .apply(let i, let plan, let outputs): return ApplyCursor(input(i), self, inner: plan, outputs: outputs, path: inner)
    case .hashJoin(let i, let build, let probeKey, let buildKey, let slots):
      return HashJoinCursor(input(i), self, build: makeCursor(build, argument: argument, path: inner), probeKey: probeKey, buildKey: buildKey, slots: slots)
    case .relationshipsUnique(let i, let singles, let lists): return UniquenessCursor(input(i), singles: singles, lists: lists)
    case .create(let i, let steps): return CreateCursor(input(i), self, steps)
    case .merge(let i, let spec): return MergeCursor(input(i), self, spec, path: inner)
    case .set(let i, let ops): return SetCursor(input(i), self, ops)
    case .remove(let i, let ops): return RemoveCursor(input(i), self, ops)
    case .delete(let i, let targets, let detach): return DeleteCursor(input(i), self, targets, detach: detach)
    case .foreach(let i, let slot, let list, let plan):
      return ForeachCursor(input(i), self, slot: slot, list: list, inner: plan, path: inner)
    case .procedureCall(let i, let spec): return ProcedureCallCursor(input(i), self, spec)
    case .vectorSearch(let i, let spec): return VectorSearchCursor(input(i), self, spec)
    case .union(let branches, let outputs, let distinct):
      return UnionCursor(branches.enumerated().map { input($0.element, $0.offset) }, outputs: outputs, distinct: distinct)
    case .eager(let i): return EagerCursor(input(i), self)
    case .loadCSV(let i, let spec): return LoadCSVCursor(input(i), self, spec)
    case .applyInTransactions(let i, let plan, let outputs, let spec):
      return TransactionApplyCursor(input(i), self, inner: plan, outputs: outputs, spec, path: inner)
    }
  }
}
