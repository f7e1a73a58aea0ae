// The temporal functions — `date()`, `datetime.truncate()`, `duration.between()` and the rest —
// resolved by their lower-cased (possibly dotted) name at plan time.
import GraphCore

/// A temporal function: the kind of value it makes and what it does.
package struct TemporalFunction: Sendable, Hashable {
  /// What the function computes.
  package enum Operation: Sendable, Hashable {
    /// `date(x)`: from a string, a map or another temporal value; the current value without one.
    case construct
    /// `date.statement()`, `.transaction()`, `.realtime()`: the current value, optionally in a zone.
    case current
    /// `date.truncate(unit, value[, map])`.
    case truncate
    /// `datetime.fromepoch(seconds, nanoseconds)`.
    case fromEpoch
    /// `datetime.fromepochmillis(milliseconds)`.
    case fromEpochMillis
    /// `duration.between`, `inMonths`, `inDays`, `inSeconds`.
    case between(TemporalBetween.Unit)
  }

  package let kind: Temporal.Kind
  package let operation: Operation

  private static let kinds: [String: Temporal.Kind] = [
    "date": .date, "localtime": .localTime, "time": .time, "localdatetime": .localDateTime,
    "datetime": .dateTime, "duration": .duration,
  ]

  /// The function called `name` (already lower-cased), or nil when it is not temporal.
  package static func resolve(_ name: String) -> TemporalFunction? {
    // GQL's name for duration.between.
    let name = name == "duration_between" ? "duration.between" : name
    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
    guard let kind = kinds[String(parts[0])] else { return nil }
    if parts.count == 1 { return TemporalFunction(kind: kind, operation: .construct) }
    guard parts.count == 2 else { return nil }
    let operation: Operation
    switch (kind, parts[1]) {
    case (.duration, "between"): operation = .between(.all)
    case (.duration, "inmonths"): operation = .between(.months)
    case (.duration, "indays"): operation = .between(.days)
    case (.duration, "inseconds"): operation = .between(.seconds)
    case (.duration, _): return nil
    case (.dateTime, "fromepoch"): operation = .fromEpoch
    case (.dateTime, "fromepochmillis"): operation = .fromEpochMillis
    case (_, "statement"), (_, "transaction"), (_, "realtime"): operation = .current
    case (_, "truncate"): operation = .truncate
    default: return nil
    }
    return TemporalFunction(kind: kind, operation: operation)
  }

  /// Allowed argument counts.
  package var arity: ClosedRange<Int> {
    switch operation {
    case .construct: return kind == .duration ? 1...1 : 0...1
    case .current: return 0...1
    case .truncate: return 2...3
    case .fromEpoch, .between: return 2...2
    case .fromEpochMillis: return 1...1
    }
  }
}
