// The `the side effects should be:` table and its check against the statistics of the
// `executing query` step. Keys that the table does not list must be zero.
import Quiver

/// Expected side effects, one count per TCK key.
struct SideEffects: Sendable, Hashable {
  /// The TCK keys in report order.
  static let keys = [
    "+nodes", "-nodes", "+relationships", "-relationships", "+labels", "-labels", "+properties",
    "-properties",
  ]

  /// The statistic a TCK key stands for.
  static func count(_ key: String, in s: QueryStatistics) -> Int {
    switch key {
    case "+nodes": return s.nodesCreated
    case "-nodes": return s.nodesDeleted
    case "+relationships": return s.relationshipsCreated
    case "-relationships": return s.relationshipsDeleted
    case "+labels": return s.labelNamesAdded
    case "-labels": return s.labelNamesRemoved
    case "+properties": return s.propertiesSet
    case "-properties": return s.propertiesRemoved
    default: return 0
    }
  }

  var counts: [String: Int] = [:]

  /// No side effects at all.
  static let none = SideEffects()

  /// Reads a `| key | count |` table (no header row).
  static func parse(_ table: DataTable) throws(StepFailure) -> SideEffects {
    let known = Set(keys)
    var result = SideEffects()
    for row in table.rows {
      guard row.count == 2 else { throw StepFailure("side effect rows need a key and a count") }
      let key = row[0]
      guard known.contains(key) else { throw StepFailure("unknown side effect `\(key)`") }
      guard result.counts[key] == nil else { throw StepFailure("side effect `\(key)` listed twice") }
      guard let count = Int(row[1]), count >= 0 else {
        throw StepFailure("bad count `\(row[1])` for side effect `\(key)`")
      }
      result.counts[key] = count
    }
    return result
  }

  /// Nil when `statistics` has exactly these counts (unlisted keys zero), else the differences.
  func mismatch(_ statistics: QueryStatistics) -> String? {
    var diffs: [String] = []
    for key in Self.keys {
      let expected = counts[key] ?? 0
      let actual = Self.count(key, in: statistics)
      if expected != actual { diffs.append("\(key): expected \(expected), got \(actual)") }
    }
    return diffs.isEmpty ? nil : "side effects differ: " + diffs.joined(separator: ", ")
  }
}
