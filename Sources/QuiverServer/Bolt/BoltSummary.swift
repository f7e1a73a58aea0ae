// The parts of a final PULL/DISCARD SUCCESS built from a `ResultSummary`: the `stats` counters
// under the names Neo4j uses, and the `plan`/`profile` tree drivers expose for EXPLAIN/PROFILE.
import Quiver

/// Summary pieces in the shape drivers read.
enum BoltSummary {
  /// The non-zero counters, named as Neo4j names them (Quiver's removed properties count as
  /// `properties-set`, as Neo4j counts them).
  static func statistics(_ s: QueryStatistics) -> [String: PackValue] {
    let counters: [(String, Int)] = [
      ("nodes-created", s.nodesCreated), ("nodes-deleted", s.nodesDeleted),
      ("relationships-created", s.relationshipsCreated), ("relationships-deleted", s.relationshipsDeleted),
      ("properties-set", s.propertiesSet + s.propertiesRemoved), ("labels-added", s.labelsAdded),
      ("labels-removed", s.labelsRemoved),
    ]
    var stats: [String: PackValue] = [:]
    for (name, count) in counters where count != 0 { stats[name] = .int(Int64(count)) }
    if !stats.isEmpty { stats["contains-updates"] = .bool(true) }
    return stats
  }

  /// The plan as a one-operator tree whose `string-representation` argument holds Quiver's
  /// plan text (as Neo4j's root operator does); PROFILE adds the row count.
  static func plan(_ text: String, profiled: Bool, rows: Int) -> PackValue {
    let first = text.split(separator: "\n").first.map { String($0.trimmingPrefix(while: { !$0.isLetter })) } ?? "Plan"
    let operatorType = first.split(separator: " ").first.map(String.init) ?? "Plan"
    var plan: [String: PackValue] = [
      "operatorType": .string(operatorType),
      "identifiers": .list([]),
      "args": .map([
        "string-representation": .string(text), "planner": .string("COST"), "runtime": .string("QUIVER"),
        "Details": .string(first),
      ]),
      "children": .list([]),
    ]
    if profiled {
      plan["rows"] = .int(Int64(rows))
      plan["dbHits"] = .int(0)
    }
    return .map(plan)
  }
}
