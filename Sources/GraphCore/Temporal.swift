// Temporal values — dates, times, date-times and durations as openCypher defines them — stored as
// plain integers (days since 1970-01-01, nanoseconds of the day, an offset, a zone name, and a
// duration's months/days/seconds/nanoseconds) so they are cheap to copy, hash and compare.

/// A temporal value: one of openCypher's six temporal kinds and its fields. Fields a kind does not
/// use are zero (or nil), so the synthesized equality is openCypher's equality.
public struct Temporal: Sendable, Hashable {
  /// The six temporal kinds.
  public enum Kind: Sendable, Hashable, CaseIterable {
    case date, localTime, time, localDateTime, dateTime, duration
  }

  public let kind: Kind
  /// Days since 1970-01-01 of the local date (date, local date-time, date-time).
  public let epochDay: Int64
  /// Nanoseconds since local midnight (local time, time, local date-time, date-time).
  public let nanoOfDay: Int64
  /// Offset from UTC in seconds (time, date-time).
  public let offsetSeconds: Int64
  /// The named time zone of a date-time, e.g. `Europe/Stockholm`; nil for a fixed offset.
  public let zoneID: String?
  /// A duration's calendar months.
  public let months: Int64
  /// A duration's days.
  public let days: Int64
  /// A duration's seconds (may be negative).
  public let seconds: Int64
  /// A duration's nanoseconds, always in 0..<1_000_000_000.
  public let nanoseconds: Int64

  private init(
    kind: Kind, epochDay: Int64 = 0, nanoOfDay: Int64 = 0, offsetSeconds: Int64 = 0, zoneID: String? = nil,
    months: Int64 = 0, days: Int64 = 0, seconds: Int64 = 0, nanoseconds: Int64 = 0
  ) {
    self.kind = kind
    self.epochDay = epochDay
    self.nanoOfDay = nanoOfDay
    self.offsetSeconds = offsetSeconds
    self.zoneID = zoneID
    self.months = months
    self.days = days
    self.seconds = seconds
    self.nanoseconds = nanoseconds
  }

  public static let nanosPerSecond: Int64 = 1_000_000_000
  public static let nanosPerDay: Int64 = 86_400 * 1_000_000_000

  /// A date.
  public static func date(epochDay: Int64) -> Temporal { Temporal(kind: .date, epochDay: epochDay) }

  /// A local time; `nanoOfDay` wraps into one day.
  public static func localTime(nanoOfDay: Int64) -> Temporal {
    Temporal(kind: .localTime, nanoOfDay: floorMod(nanoOfDay, nanosPerDay))
  }

  /// A time with an offset; `nanoOfDay` wraps into one day.
  public static func time(nanoOfDay: Int64, offsetSeconds: Int64) -> Temporal {
    Temporal(kind: .time, nanoOfDay: floorMod(nanoOfDay, nanosPerDay), offsetSeconds: offsetSeconds)
  }

  /// A local date-time; a `nanoOfDay` outside one day carries into the date.
  public static func localDateTime(epochDay: Int64, nanoOfDay: Int64) -> Temporal {
    Temporal(
      kind: .localDateTime, epochDay: epochDay + floorDiv(nanoOfDay, nanosPerDay),
      nanoOfDay: floorMod(nanoOfDay, nanosPerDay))
  }

  /// A date-time at a fixed offset, or in a named zone whose offset at that moment is `offsetSeconds`.
  public static func dateTime(epochDay: Int64, nanoOfDay: Int64, offsetSeconds: Int64, zoneID: String? = nil) -> Temporal {
    Temporal(
      kind: .dateTime, epochDay: epochDay + floorDiv(nanoOfDay, nanosPerDay),
      nanoOfDay: floorMod(nanoOfDay, nanosPerDay), offsetSeconds: offsetSeconds, zoneID: zoneID)
  }

  /// A duration; nanoseconds carry into seconds so that `nanoseconds` lies in 0..<1e9.
  public static func duration(months: Int64, days: Int64, seconds: Int64, nanoseconds: Int64) -> Temporal {
    Temporal(
      kind: .duration, months: months, days: days, seconds: seconds + floorDiv(nanoseconds, nanosPerSecond),
      nanoseconds: floorMod(nanoseconds, nanosPerSecond))
  }

  /// True for kinds with a calendar date.
  public var hasDate: Bool { kind == .date || kind == .localDateTime || kind == .dateTime }
  /// True for kinds with a time of day.
  public var hasTime: Bool { kind == .localTime || kind == .time || kind == .localDateTime || kind == .dateTime }
  /// True for kinds with an offset or zone.
  public var hasZone: Bool { kind == .time || kind == .dateTime }

  /// The type name `valueType()` reports.
  public var typeName: String {
    switch kind {
    case .date: return "DATE"
    case .localTime: return "LOCAL TIME"
    case .time: return "ZONED TIME"
    case .localDateTime: return "LOCAL DATETIME"
    case .dateTime: return "ZONED DATETIME"
    case .duration: return "DURATION"
    }
  }

  /// Seconds since 1970-01-01T00:00Z of a date-time (the local value for local kinds).
  package var epochSecond: Int64 {
    epochDay * 86_400 + nanoOfDay / Temporal.nanosPerSecond - offsetSeconds
  }
}

/// Floor division (rounds toward negative infinity).
package func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
  let q = a / b
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
}

/// Floor modulo: the result has the sign of `b`.
package func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }
