// The plan as data rather than text: one node per operator with its name, details, the
// variables in scope, the estimated rows (EXPLAIN) or the measured rows, db hits and time
// (PROFILE). Servers send it as Bolt's plan/profile tree; `PlanPrinter` prints the same
// operators as EXPLAIN's text, from the same `describe`.
import GraphCore

/// One operator of a plan with its measurements, root first.
package struct PlanNode: Sendable, Hashable {
  /// The operator's name, as EXPLAIN's text starts its line (`NodeByLabelScan`, `Expand(All)`).
  package var operatorType: String
  /// The rest of the line: the pattern, variables or index the operator works on.
  package var details: String
  /// User-visible variables bound by this operator and the ones below it, sorted.
  package var identifiers: [String]
  /// The planner's estimate of rows produced (EXPLAIN); nil when not estimated.
  package var estimatedRows: Double?
  /// Rows produced, for PROFILE; nil otherwise.
  package var rows: Int?
  /// Store accesses made by this operator alone, for PROFILE.
  package var dbHits: Int?
  /// Time spent in this operator alone (its children's subtracted), for PROFILE.
  package var time: Duration?
  package var children: [PlanNode]
}

extension CompiledQuery {
  /// The plan as a tree under a `ProduceResults` root: with `statistics`, each operator's
  /// estimated rows; with `profile` (rows, inclusive time and hits per operator path), what each
  /// operator did, and `resultRows` as the root's rows.
  package func planTree(
    statistics: (any GraphStatistics)? = nil, profile: [[Int]: (rows: Int, time: Duration, hits: Int)]? = nil,
    resultRows: Int? = nil
  ) -> PlanNode {
    let builder = PlanTreeBuilder(
      printer: PlanPrinter(names: slotNames, profile: profile, estimator: statistics.map { CardinalityEstimator(statistics: $0) }))
    let child = builder.node(root, path: [])
    let columnNames = columns.map(\.0)
    return PlanNode(
      operatorType: "ProduceResults", details: columnNames.joined(separator: ", "),
      identifiers: Array(Set(child.identifiers + columnNames)).sorted(), estimatedRows: child.estimatedRows,
      rows: profile == nil ? nil : resultRows ?? 0, dbHits: profile == nil ? nil : 0, time: nil, children: [child])
  }
}

/// Builds `PlanNode`s with the printer's names, estimator and profile.
private struct PlanTreeBuilder {
  let printer: PlanPrinter

  func node(_ op: PlanOperator, path: [Int]) -> PlanNode {
    let (label, inputs) = printer.describe(op)
    let children = inputs.enumerated().map { node($0.element, path: path + [$0.offset]) }
    let name = label.prefix { $0 != " " }
    let details = label.dropFirst(name.count).trimmingPrefix(while: { $0 == " " })
    var scope = Set(bound(op).compactMap { printer.names[$0] })
    if !resetsScope(op) { scope.formUnion(children.flatMap(\.identifiers)) }
    var made = PlanNode(
      operatorType: String(name), details: String(details), identifiers: scope.sorted(),
      estimatedRows: printer.estimator.map { $0.rows(op) }, rows: nil, dbHits: nil, time: nil, children: children)
    if let profile = printer.profile {
      let measured = profile[path]
      var own = measured?.time ?? .zero
      var hits = measured?.hits ?? 0
      for i in inputs.indices {
        own -= profile[path + [i]]?.time ?? .zero
        hits -= profile[path + [i]]?.hits ?? 0
      }
      made.rows = measured?.rows ?? 0
      made.dbHits = max(0, hits)
      made.time = max(.zero, own)
    }
    return made
  }

  /// Whether the operator's output holds only what it binds itself (grouping, UNION).
  private func resetsScope(_ op: PlanOperator) -> Bool {
    switch op {
    case .aggregate, .union: return true
    default: return false
    }
  }

  /// The slots the operator binds.
  private func bound(_ op: PlanOperator) -> [Int] {
    switch op {
    case .nodeScan(_, let slot, _), .nodeIndexScan(_, let slot, _, _, _), .unwind(_, _, let slot): return [slot]
    case .nodeIndexSeek(_, let s): return [s.slot]
    case .relationshipIndexSeek(_, let s): return [s.left, s.relationship, s.right]
    case .expand(_, let s): return [s.relationship, s.to]
    case .expandClosing(_, let s, let c): return [s.relationship, s.to, c.relationship]
    case .expandCount(_, let c): return [c.count]
    case .nodeCountByProperty(_, let s): return [s.keySlot] + s.countSlots
    case .varExpand(_, let s): return [s.relationships, s.to] + (s.nodeLists + s.relationshipLists).compactMap { $0 }
    case .shortestPath(_, let s): return [s.path, s.relationships]
    case .project(_, let items): return items.map(\.0)
    case .aggregate(_, let keys, let aggregates): return keys.map(\.0) + aggregates.map(\.0)
    case .union(_, let outputs, _): return outputs
    case .apply(_, _, let outputs): return outputs ?? []
    case .hashJoin(_, _, _, _, let slots): return slots
    default: return []
    }
  }
}
