// Renders an operator tree as indented text for EXPLAIN: one line per operator with its main
// arguments, children below their parent, and for PROFILE the rows and time of each operator.
// Slots print as the user's variable names, or `_n` for the planner's own.
import Foundation
import GraphCore

extension CompiledQuery {
  /// The plan as text, root first.
  package var explained: String { explained(profile: nil) }

  /// The plan as text with each operator's estimated rows.
  package func explained(statistics: any GraphStatistics) -> String {
    var lines: [String] = []
    let columns = self.columns.map(\.0).joined(separator: ", ")
    lines.append("ProduceResults" + (columns.isEmpty ? "" : " \(columns)"))
    PlanPrinter(names: slotNames, profile: nil, estimator: CardinalityEstimator(statistics: statistics))
      .render(root, prefix: "", isLast: true, path: [], into: &lines)
    return lines.joined(separator: "\n")
  }

  /// The plan as text; with a profile (rows and inclusive time per operator path), each line
  /// also shows the rows the operator produced and the time spent in it alone.
  package func explained(profile: [[Int]: (rows: Int, time: Duration, hits: Int)]?) -> String {
    var lines: [String] = []
    let columns = self.columns.map(\.0).joined(separator: ", ")
    lines.append("ProduceResults" + (columns.isEmpty ? "" : " \(columns)"))
    PlanPrinter(names: slotNames, profile: profile, estimator: nil).render(root, prefix: "", isLast: true, path: [], into: &lines)
    return lines.joined(separator: "\n")
  }
}

/// Writes operator lines with slot names filled in.
struct PlanPrinter {
  let names: [Int: String]
  let profile: [[Int]: (rows: Int, time: Duration, hits: Int)]?
  let estimator: CardinalityEstimator?

  private func n(_ slot: Int) -> String { names[slot] ?? "_\(slot)" }

  func render(_ op: PlanOperator, prefix: String, isLast: Bool, path: [Int], into lines: inout [String]) {
    let (label, children) = describe(op)
    var line = prefix + (isLast ? "└─ " : "├─ ") + label + measurement(path, children: children.count)
    if let estimator { line += " (estimated rows=\(Self.format(estimator.rows(op))))" }
    lines.append(line)
    let childPrefix = prefix + (isLast ? "   " : "│  ")
    for (i, child) in children.enumerated() {
      render(child, prefix: childPrefix, isLast: i == children.count - 1, path: path + [i], into: &lines)
    }
  }

  static func format(_ rows: Double) -> String {
    rows >= 10 || rows == rows.rounded() ? String(Int(rows.rounded())) : String(format: "%.1f", rows)
  }

  /// ` (rows=…, time=… ms)` with the operator's own time (its children's subtracted).
  private func measurement(_ path: [Int], children: Int) -> String {
    guard let profile else { return "" }
    guard let m = profile[path] else { return " (rows=0, not run)" }
    var own = m.time
    var hits = m.hits
    for i in 0..<children {
      own -= profile[path + [i]]?.time ?? .zero
      hits -= profile[path + [i]]?.hits ?? 0
    }
    let ms = max(0, Double(own.components.seconds) * 1e3 + Double(own.components.attoseconds) / 1e15)
    return " (rows=\(m.rows), db hits=\(max(0, hits)), time=\(String(format: "%.3f", ms)) ms)"
  }

  private func arrow(_ d: Direction, _ types: [String]?) -> String {
    let t = types.map { ":" + $0.joined(separator: "|") } ?? ""
    switch d {
    case .outgoing: return "-[\(t)]->"
    case .incoming: return "<-[\(t)]-"
    case .both: return "-[\(t)]-"
    }
  }

  /// The operator-name suffix of a seek with `bounds`.
  private func seekKind(_ bounds: IndexBounds) -> String {
    switch bounds {
    case .equal: return "IndexSeek"
    case .anyOf: return "IndexSeek(IN)"
    case .range, .boundingBox, .distance: return "IndexSeekByRange"
    case .prefix: return "IndexSeekByPrefix"
    }
  }

  func describe(_ op: PlanOperator) -> (String, [PlanOperator]) {
    switch op {
    case .argument: return ("Argument", [])
    case .nodeScan(let i, let slot, let label):
      return (label.map { "NodeByLabelScan \(n(slot)):\($0.name)" } ?? "AllNodesScan \(n(slot))", [i])
    case .nodeIndexSeek(let i, let s):
      return ("Node\(seekKind(s.bounds)) \(n(s.slot)):\(s.label) (\(s.index))", [i])
    case .relationshipIndexSeek(let i, let s):
      let kind = (s.direction == .both ? "Undirected" : "Directed") + "Relationship" + seekKind(s.bounds)
      let r = "[\(n(s.relationship)):\(s.type)]"
      let pattern = s.direction == .incoming ? "<-\(r)-" : s.direction == .outgoing ? "-\(r)->" : "-\(r)-"
      return ("\(kind) (\(n(s.left)))\(pattern)(\(n(s.right))) (\(s.index))", [i])
    case .nodeIndexScan(let i, let slot, let index, let label, let ascending):
      return ("NodeIndexScan \(n(slot)):\(label) (\(index)) \(ascending ? "ASC" : "DESC")", [i])
    case .expand(let i, let s):
      let labels = s.toLabels.map { ":" + $0.name }.joined()
      return ("Expand\(s.toBound ? "(Into)" : "(All)") (\(n(s.from)))\(arrow(s.direction, s.types?.map(\.name)))(\(n(s.to))\(labels))", [i])
    case .expandClosing(let i, let s, let c):
      let labels = s.toLabels.map { ":" + $0.name }.joined()
      return ("Expand(Closing) (\(n(s.from)))\(arrow(s.direction, s.types?.map(\.name)))(\(n(s.to))\(labels))\(arrow(c.direction, c.types?.map(\.name)))(\(n(c.to)))", [i])
    case .expandCount(let i, let c):
      let s = c.expand
      let labels = s.toLabels.map { ":" + $0.name }.joined()
      let filtered = c.filters.isEmpty ? "" : " filtered"
      let distinct = (c.unique.isEmpty ? "" : " unique") + (c.distinctNodes ? " distinct (\(n(s.to)))" : "")
      return ("Expand(Count) (\(n(s.from)))\(arrow(s.direction, s.types?.map(\.name)))(\(n(s.to))\(labels))\(filtered)\(distinct) into \(n(c.count))", [i])
    case .nodeCountByProperty(let i, let s):
      let label = s.label.map { ":" + $0.name } ?? ""
      let counts = s.countSlots.map { "\(n($0))" }.joined(separator: ", ")
      return ("NodeCountByProperty (\(n(s.slot))\(label)).\(s.key.name) into \(n(s.keySlot)), \(counts)", [i])
    case .varExpand(let i, let s):
      let range = "*\(s.minHops)..\(s.maxHops.map(String.init) ?? "")"
      // A quantified path pattern names its group variables; REPEATABLE ELEMENTS is noted.
      let groups = (s.nodeLists + s.relationshipLists).compactMap { $0 }.map { "\(n($0))" }
      let extra = (groups.isEmpty ? "" : " groups (\(groups.joined(separator: ", ")))") + (s.repeatable ? " repeatable" : "")
      // Several hops a repetition: `(a)(-[:R]->()-[:S]->)*1..3(b)`.
      let arrows = s.hops.map { arrow($0.direction, $0.types?.map(\.name)) }
      let walk = arrows.count == 1 ? arrows.joined() : "(" + arrows.joined(separator: "()") + ")"
      return ("VarLengthExpand (\(n(s.from)))\(walk)\(range)(\(n(s.to)))\(extra)", [i])
    case .selectPaths(let i, let inner, let s):
      let keep: String
      // A count a parameter gives prints as that parameter.
      let given = { (k: Int) in if case .parameter(let name)? = s.count { return "$" + name } else { return "\(k)" } }
      switch s.keep {
      case .shortest(let k): keep = "SHORTEST \(given(k))"
      case .groups(let k): keep = "SHORTEST \(given(k)) GROUPS"
      case .any(let k): keep = "ANY \(given(k))"
      }
      return ("SelectPaths \(keep) (\(n(s.start)))..(\(n(s.end)))", [i, inner])
    case .shortestPath(let i, let s):
      return ("\(s.all ? "AllShortestPaths" : "ShortestPath") (\(n(s.from)))\(arrow(s.direction, s.types?.map(\.name)))(\(n(s.to)))", [i])
    case .filter(let i, _): return ("Filter", [i])
    case .project(let i, let items): return ("Projection \(items.map { "\(n($0.0))" }.joined(separator: ", "))", [i])
    case .aggregate(let i, let keys, let aggs):
      let k = keys.map { "\(n($0.0))" }.joined(separator: ", ")
      let a = aggs.map { "\(n($0.0))=\($0.1.name)\($0.1.distinct ? "(DISTINCT)" : "")" }.joined(separator: ", ")
      return (keys.isEmpty ? "EagerAggregation \(a)" : "EagerAggregation keys [\(k)] \(a)", [i])
    case .distinct(let i, _): return ("Distinct", [i])
    case .sort(let i, let keys): return ("Sort \(keys.map { $0.1 ? "ASC" : "DESC" }.joined(separator: ", "))", [i])
    case .skip(let i, _): return ("Skip", [i])
    case .limit(let i, _): return ("Limit", [i])
    case .unwind(let i, _, let slot): return ("Unwind \(n(slot))", [i])
    case .optional(let i, let inner, _): return ("Optional", [i, inner])
    case .apply(let i, let inner, _): return ("Apply", [i, inner])
    case .hashJoin(let i, let build, _, _, _): return ("ValueHashJoin", [i, build])
    case .relationshipsUnique(let i, _, _): return ("RelationshipUniqueness", [i])
    case .create(let i, let steps): return ("Create (\(steps.count) element\(steps.count == 1 ? "" : "s"))", [i])
    case .merge(let i, let spec): return ("Merge", [i, spec.match])
    case .set(let i, _): return ("SetProperties", [i])
    case .remove(let i, _): return ("Remove", [i])
    case .delete(let i, _, let detach): return (detach ? "DetachDelete" : "Delete", [i])
    case .foreach(let i, _, _, let inner): return ("Foreach", [i, inner])
    case .procedureCall(let i, let spec): return ("ProcedureCall \(spec.name)", [i])
    case .vectorSearch(let i, let spec): return ("VectorSearch \(n(spec.slot)) IN \(spec.index)", [i])
    case .union(let branches, _, let distinct): return (distinct ? "Union (distinct)" : "UnionAll", branches)
    case .eager(let i): return ("Eager", [i])
    case .loadCSV(let i, let spec): return ("LoadCSV \(n(spec.slot))\(spec.withHeaders ? " (with headers)" : "")", [i])
    case .applyInTransactions(let i, let inner, let outputs, _):
      return (outputs == nil ? "TransactionForeach" : "TransactionApply", [i, inner])
    }
  }
}
