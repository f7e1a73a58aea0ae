// Rough row estimates per operator for EXPLAIN, from label counts, relationship counts and index
// statistics, with fixed selectivities where nothing better is known.
import GraphCore

/// Estimates how many rows each operator yields.
struct CardinalityEstimator {
  let statistics: any GraphStatistics

  /// Estimated rows of `op` (its whole subtree).
  func rows(_ op: PlanOperator) -> Double {
    switch op {
    case .argument: return 1
    case .nodeScan(let i, _, let label):
      return rows(i) * Double(label.map { statistics.count(ofLabel: $0.name) } ?? statistics.nodeCount)
    case .nodeIndexScan(let i, _, _, let label, _):
      return rows(i) * Double(statistics.count(ofLabel: label))
    case .nodeIndexSeek(let i, let spec):
      return rows(i) * seekRows(spec.index, spec.bounds)
    case .relationshipIndexSeek(let i, let spec):
      return rows(i) * seekRows(spec.index, spec.bounds) * (spec.direction == .both ? 2 : 1)
    case .expand(let i, let spec):
      let degree = averageDegree(spec.types?.map(\.name), spec.direction)
      let labelled = spec.toLabels.map { Double(statistics.count(ofLabel: $0.name)) / Double(max(1, statistics.nodeCount)) }.min() ?? 1
      return rows(i) * (spec.toBound ? degree / Double(max(1, statistics.nodeCount)) : degree * labelled)
    case .expandClosing(let i, let spec, let closing):
      return rows(.expand(.expand(i, spec), closing))
    case .expandCount: return 1
    case .nodeCountByProperty(let i, let spec):
      return rows(i) > 0 ? max(1, Double(spec.label.map { statistics.count(ofLabel: $0.name) } ?? statistics.nodeCount).squareRoot()) : 0
    case .varExpand(let i, let spec):
      // One repetition fans out by the product of its hops' degrees.
      let degree = spec.hops.reduce(1.0) { $0 * averageDegree($1.types?.map(\.name), $1.direction) }
      let hops = Double(min(spec.maxHops ?? 3, 3))
      return rows(i) * max(1, pow(degree, hops))
    case .shortestPath(let i, _): return rows(i)
    case .selectPaths(let i, let inner, _): return rows(i) * max(1, rows(inner).squareRoot())
    case .filter(let i, _): return rows(i) * 0.5
    case .project(let i, _), .sort(let i, _), .relationshipsUnique(let i, _, _), .eager(let i), .create(let i, _),
      .set(let i, _), .remove(let i, _), .delete(let i, _, _), .foreach(let i, _, _, _), .procedureCall(let i, _):
      return rows(i)
    case .aggregate(let i, let keys, _): return keys.isEmpty ? 1 : max(1, rows(i).squareRoot())
    case .distinct(let i, _): return rows(i) * 0.7
    case .skip(let i, _): return rows(i)
    case .limit(let i, let count):
      if case .constant(.int(let n)) = count { return min(rows(i), Double(n)) }
      return rows(i)
    case .unwind(let i, let list, _):
      if case .list(let items) = list { return rows(i) * Double(items.count) }
      if case .constant(.list(let items)) = list { return rows(i) * Double(items.count) }
      return rows(i) * 10
    case .optional(let i, let inner, _): return rows(i) * max(1, rows(inner))
    case .apply(let i, let inner, let outputs), .applyInTransactions(let i, let inner, let outputs, _):
      return outputs == nil ? rows(i) : rows(i) * rows(inner)
    case .loadCSV(let i, _): return rows(i) * 1000
    case .vectorSearch(let i, let spec):
      // At most LIMIT neighbours per row; 10 when the LIMIT is not a constant.
      if case .constant(.int(let n)) = spec.limit { return rows(i) * Double(max(0, n)) }
      return rows(i) * 10
    case .hashJoin(let i, let build, _, _, _): return max(rows(i), rows(build))
    case .merge(let i, _): return rows(i)
    case .union(let branches, _, _): return branches.map(rows).reduce(0, +)
    }
  }

  /// Entries an index seek is expected to find per input row.
  private func seekRows(_ index: String, _ bounds: IndexBounds) -> Double {
    let s = statistics.indexStatistics(index)
    let perKey = s.unique ? 1 : Double(s.entries) / Double(max(1, s.distinct))
    switch bounds {
    case .equal: return perKey
    case .anyOf: return perKey * 3
    case .range, .boundingBox, .distance: return Double(s.entries) / 3
    case .prefix: return Double(s.entries) / 5
    }
  }

  private func averageDegree(_ types: [String]?, _ direction: Direction) -> Double {
    let relationships = Double(types.map { $0.map { statistics.count(ofType: $0) }.reduce(0, +) } ?? statistics.relationshipCount)
    let perNode = relationships / Double(max(1, statistics.nodeCount))
    return direction == .both ? 2 * perNode : perNode
  }
}

private func pow(_ x: Double, _ n: Double) -> Double {
  var r = 1.0
  for _ in 0..<Int(n) { r *= x }
  return r
}
