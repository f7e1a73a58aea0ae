// Arithmetic on temporal values: adding a duration to an instant (months first with the day
// clamped, then days, then seconds), sums, differences and multiples of durations, and
// truncation of a value to a unit.

/// The operators openCypher defines on temporal values.
package enum TemporalArithmetic {
  static func overflow() -> QuiverError {
    QuiverError.runtime(.arithmetic, .durationOverflow, "temporal arithmetic overflowed")
  }

  /// `-d` for a duration; a component of exactly `Int64.min` has no negation and is an overflow.
  package static func negate(_ d: Temporal) throws -> Temporal {
    guard d.months != .min, d.days != .min, d.seconds != .min else { throw overflow() }
    return .duration(months: -d.months, days: -d.days, seconds: -d.seconds, nanoseconds: -d.nanoseconds)
  }

  /// `t + d` (`sign` 1) or `t - d` (`sign` -1) for a temporal `t` and a duration `d`.
  package static func plus(_ t: Temporal, _ d: Temporal, sign: Int64) throws -> Temporal {
    // Beyond these bounds every result would leave the supported years ±999,999,999.
    guard d.months.magnitude < 30_000_000_000, d.days.magnitude < 1_000_000_000_000, d.seconds.magnitude < 100_000_000_000_000_000 else {
      throw overflow()
    }
    let months = sign * d.months
    let days = sign * d.days
    let seconds = sign * d.seconds
    let nanos = sign * d.nanoseconds
    let timeNanos = (seconds % 86_400) * Temporal.nanosPerSecond + nanos
    switch t.kind {
    case .date:
      return .date(epochDay: TemporalCalendar.plusMonths(t.epochDay, months) + days + seconds / 86_400)
    case .localTime:
      return .localTime(nanoOfDay: t.nanoOfDay + timeNanos)
    case .time:
      return .time(nanoOfDay: t.nanoOfDay + timeNanos, offsetSeconds: t.offsetSeconds)
    case .localDateTime:
      let day = TemporalCalendar.plusMonths(t.epochDay, months) + days + seconds / 86_400
      return .localDateTime(epochDay: day, nanoOfDay: t.nanoOfDay + timeNanos)
    case .dateTime:
      let day = TemporalCalendar.plusMonths(t.epochDay, months) + days
      let zone = ZoneSpec(offset: t.offsetSeconds, id: t.zoneID)
      let local = TemporalBuilder.zoned(epochDay: day, nanoOfDay: t.nanoOfDay, zone: zone)
      let total = local.nanoOfDay % Temporal.nanosPerSecond + nanos
      let instant = TemporalInstant(
        epochSecond: local.epochSecond + seconds + floorDiv(total, Temporal.nanosPerSecond),
        nano: floorMod(total, Temporal.nanosPerSecond))
      return TemporalBuilder.at(instant, zone: zone)
    case .duration:
      return .duration(
        months: d.months + months, days: d.days + days, seconds: d.seconds + seconds, nanoseconds: d.nanoseconds + nanos)
    }
  }

  /// `a + b` or `a - b` for two durations, with overflow checks.
  package static func durations(_ a: Temporal, _ b: Temporal, sign: Int64) throws -> Temporal {
    func op(_ x: Int64, _ y: Int64) throws -> Int64 {
      let (p, o1) = y.multipliedReportingOverflow(by: sign)
      let (r, o2) = x.addingReportingOverflow(p)
      if o1 || o2 { throw overflow() }
      return r
    }
    return .duration(
      months: try op(a.months, b.months), days: try op(a.days, b.days), seconds: try op(a.seconds, b.seconds),
      nanoseconds: try op(a.nanoseconds, b.nanoseconds))
  }

  /// `d * n` for an integer factor (exact).
  package static func multiply(_ d: Temporal, by n: Int64) throws -> Temporal {
    func op(_ x: Int64) throws -> Int64 {
      let (r, o) = x.multipliedReportingOverflow(by: n)
      if o { throw overflow() }
      return r
    }
    return .duration(months: try op(d.months), days: try op(d.days), seconds: try op(d.seconds), nanoseconds: try op(d.nanoseconds))
  }

  /// `d * f` for a float factor; fractions cascade into smaller units.
  package static func multiply(_ d: Temporal, by f: Double) throws -> Temporal {
    try DurationParser.approximate(
      months: Double(d.months) * f, days: Double(d.days) * f,
      seconds: Double(d.seconds) * f + Double(d.nanoseconds) * f / 1e9, nanos: 0)
  }

  /// `d / f`; dividing by zero is an error.
  package static func divide(_ d: Temporal, by f: Double) throws -> Temporal {
    if f == 0 { throw QuiverError.runtime(.arithmetic, .divisionByZero, "cannot divide a duration by zero") }
    return try DurationParser.approximate(
      months: Double(d.months) / f, days: Double(d.days) / f,
      seconds: Double(d.seconds) / f + Double(d.nanoseconds) / f / 1e9, nanos: 0)
  }

  /// `t` cut down to the start of `unit` (`millennium` … `microsecond`), keeping its kind and zone.
  package static func truncate(_ t: Temporal, _ unit: String) throws -> Temporal {
    var day = t.epochDay
    var nano = t.nanoOfDay
    let c = TemporalCalendar.civil(day)
    let u = unit.lowercased()
    let dateUnits = ["millennium", "century", "decade", "year", "weekyear", "quarter", "month", "week", "day"]
    switch u {
    case "millennium": day = TemporalCalendar.epochDay(year: floorDiv(c.year, 1000) * 1000, month: 1, day: 1)
    case "century": day = TemporalCalendar.epochDay(year: floorDiv(c.year, 100) * 100, month: 1, day: 1)
    case "decade": day = TemporalCalendar.epochDay(year: floorDiv(c.year, 10) * 10, month: 1, day: 1)
    case "year": day = TemporalCalendar.epochDay(year: c.year, month: 1, day: 1)
    case "weekyear": day = TemporalCalendar.firstMonday(weekYear: TemporalCalendar.isoWeek(day).weekYear)
    case "quarter": day = TemporalCalendar.epochDay(year: c.year, month: (c.month - 1) / 3 * 3 + 1, day: 1)
    case "month": day = TemporalCalendar.epochDay(year: c.year, month: c.month, day: 1)
    case "week": day -= TemporalCalendar.dayOfWeek(day) - 1
    case "day": break
    case "hour": nano -= nano % (3600 * Temporal.nanosPerSecond)
    case "minute": nano -= nano % (60 * Temporal.nanosPerSecond)
    case "second": nano -= nano % Temporal.nanosPerSecond
    case "millisecond": nano -= nano % 1_000_000
    case "microsecond": nano -= nano % 1000
    default: throw TemporalBuilder.invalid("unknown truncation unit '\(unit)'")
    }
    if dateUnits.contains(u) {
      guard t.hasDate else { throw TemporalBuilder.invalid("cannot truncate a \(t.typeName) to \(unit)") }
      nano = 0
    }
    switch t.kind {
    case .date: return .date(epochDay: day)
    case .localTime: return .localTime(nanoOfDay: nano)
    case .time: return .time(nanoOfDay: nano, offsetSeconds: t.offsetSeconds)
    case .localDateTime: return .localDateTime(epochDay: day, nanoOfDay: nano)
    case .dateTime:
      return TemporalBuilder.zoned(epochDay: day, nanoOfDay: nano, zone: ZoneSpec(offset: t.offsetSeconds, id: t.zoneID))
    case .duration: throw TemporalBuilder.invalid("cannot truncate a duration")
    }
  }
}
