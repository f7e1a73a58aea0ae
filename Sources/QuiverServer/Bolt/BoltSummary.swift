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
      ("labels-removed", s.labelsRemoved), ("indexes-added", s.indexesAdded), ("indexes-removed", s.indexesRemoved),
      ("constraints-added", s.constraintsAdded), ("constraints-removed", s.constraintsRemoved),
    ]
    var stats: [String: PackValue] = [:]
    for (name, count) in counters where count != 0 { stats[name] = .int(Int64(count)) }
    if !stats.isEmpty { stats["contains-updates"] = .bool(true) }
    return stats
  }

  /// The plan tree as Neo4j sends it: per operator `operatorType`, `identifiers`, `args` (with
  /// `Details` and, for EXPLAIN, `EstimatedRows`) and `children`; PROFILE adds `rows`, `dbHits`
  /// and `time` (nanoseconds, the operator's own). The root's `args` also carry the planner, the
  /// runtime and Quiver's plan text as `string-representation`.
  static func plan(_ plan: PlanDescription, text: String, profiled: Bool) -> PackValue {
    var root = node(plan, profiled: profiled)
    if case .map(var args)? = root["args"] {
      args["string-representation"] = .string(text)
      args["planner"] = .string("COST")
      args["runtime"] = .string("QUIVER")
      root["args"] = .map(args)
    }
    return .map(root)
  }

  private static func node(_ plan: PlanDescription, profiled: Bool) -> [String: PackValue] {
    var args: [String: PackValue] = ["Details": .string(plan.details)]
    if let estimate = plan.estimatedRows { args["EstimatedRows"] = .float(estimate) }
    var map: [String: PackValue] = [
      "operatorType": .string(plan.operatorType),
      "identifiers": .list(plan.identifiers.map(PackValue.string)),
      "args": .map(args),
      "children": .list(plan.children.map { .map(node($0, profiled: profiled)) }),
    ]
    if profiled {
      map["rows"] = .int(Int64(plan.rows ?? 0))
      map["dbHits"] = .int(Int64(plan.dbHits ?? 0))
      if let time = plan.time {
        map["time"] = .int(time.components.seconds * 1_000_000_000 + time.components.attoseconds / 1_000_000_000)
      }
    }
    return map
  }

  /// The notifications as Bolt before 5.5 carries them (`notifications`: code, title,
  /// description, severity, category, position).
  static func notifications(_ list: [QueryNotification]) -> PackValue {
    .list(
      list.map { n in
        var map: [String: PackValue] = [
          "code": .string(n.code), "title": .string(n.title), "description": .string(n.description),
          "severity": .string(n.severity), "category": .string(n.category),
        ]
        if let position = n.position { map["position"] = Self.position(position) }
        return .map(map)
      })
  }

  /// GQL status objects as Bolt 5.5+ carries them (`statuses`): the notifications, then the
  /// outcome (`00000` rows came, `02000` no rows, `00001` no result columns).
  static func statuses(_ list: [QueryNotification], hadColumns: Bool, hadRows: Bool) -> PackValue {
    var statuses: [PackValue] = list.map { n in
      var diagnostic: [String: PackValue] = [
        "OPERATION": .string(""), "OPERATION_CODE": .string("0"), "CURRENT_SCHEMA": .string("/"),
        "_severity": .string(n.severity), "_classification": .string(n.category),
      ]
      if let position = n.position { diagnostic["_position"] = Self.position(position) }
      return .map([
        "gql_status": .string(n.gqlStatus), "status_description": .string(n.statusDescription),
        "neo4j_code": .string(n.code), "title": .string(n.title), "description": .string(n.description),
        "diagnostic_record": .map(diagnostic),
      ])
    }
    let outcome: (String, String) =
      !hadColumns ? ("00001", "note: successful completion - omitted result")
      : hadRows ? ("00000", "note: successful completion") : ("02000", "note: no data")
    statuses.append(
      .map([
        "gql_status": .string(outcome.0), "status_description": .string(outcome.1),
        "diagnostic_record": .map([
          "OPERATION": .string(""), "OPERATION_CODE": .string("0"), "CURRENT_SCHEMA": .string("/"),
        ]),
      ]))
    return .list(statuses)
  }

  private static func position(_ p: SourcePosition) -> PackValue {
    .map(["offset": .int(Int64(p.offset)), "line": .int(Int64(p.line)), "column": .int(Int64(p.column))])
  }
}
