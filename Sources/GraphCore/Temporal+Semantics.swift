// How temporal values compare: values of the same kind are ordered along the time line
// (durations are not), and ORDER BY's total order ranks the kinds date-time first, duration last.

extension Temporal {
  /// -1, 0 or 1 for `<`/`>` and friends; nil for different kinds or durations.
  package func compare(_ other: Temporal) -> Int? {
    guard kind == other.kind, kind != .duration else { return nil }
    return Temporal.lexicographic(sortKey, other.sortKey)
  }

  /// ORDER BY's order: by kind (date-time, local date-time, date, time, local time, duration),
  /// then along the time line; durations by their fields.
  package func orderCompare(_ other: Temporal) -> Int {
    if kind != other.kind { return kindRank < other.kindRank ? -1 : 1 }
    if kind == .duration {
      return Temporal.lexicographic([months, days, seconds, nanoseconds], [other.months, other.days, other.seconds, other.nanoseconds])
    }
    if let c = compare(other), c != 0 { return c }
    let a = zoneID ?? ""
    let b = other.zoneID ?? ""
    return a == b ? 0 : (a < b ? -1 : 1)
  }

  private var kindRank: Int {
    switch kind {
    case .dateTime: return 0
    case .localDateTime: return 1
    case .date: return 2
    case .time: return 3
    case .localTime: return 4
    case .duration: return 5
    }
  }

  /// The fields compared in order: the instant first for zoned kinds, then the local value.
  private var sortKey: [Int64] {
    switch kind {
    case .date: return [epochDay]
    case .localTime: return [nanoOfDay]
    case .time: return [nanoOfDay - offsetSeconds * Temporal.nanosPerSecond, nanoOfDay]
    case .localDateTime: return [epochDay, nanoOfDay]
    case .dateTime: return [epochSecond, nanoOfDay % Temporal.nanosPerSecond, epochDay, nanoOfDay]
    case .duration: return [months, days, seconds, nanoseconds]
    }
  }

  private static func lexicographic(_ a: [Int64], _ b: [Int64]) -> Int {
    for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
    return 0
  }
}
