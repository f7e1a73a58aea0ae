// The duration between two temporal values (`duration.between`, `inMonths`, `inDays`,
// `inSeconds`): the values are first given what the other has — midnight, its date, its zone —
// then the difference is counted in months, days and nanoseconds.

/// Differences between temporal values.
package enum TemporalBetween {
  /// Which units `duration.between` and friends count in.
  package enum Unit: Sendable {
    case all, months, days, seconds
  }

  /// One side of a difference: an optional local date, an optional time and an optional zone.
  private struct Side {
    var day: Int64?
    var nano: Int64?
    var zone: ZoneSpec?

    init(_ t: Temporal) {
      day = t.hasDate ? t.epochDay : nil
      nano = t.hasTime ? t.nanoOfDay : nil
      zone = t.hasZone ? ZoneSpec(offset: t.offsetSeconds, id: t.zoneID) : nil
    }

    /// The offset in force at this side's local date and time.
    var offset: Int64 {
      guard let zone else { return 0 }
      guard let id = zone.id, let day else { return zone.offset ?? 0 }
      return TemporalBuilder.zoned(epochDay: day, nanoOfDay: nano ?? 0, zone: ZoneSpec(offset: nil, id: id)).offsetSeconds
    }

    /// Seconds since the epoch (or since midnight for time-only sides), in UTC when zoned.
    var second: Int64 { (day ?? 0) * 86_400 - offset + (nano ?? 0) / Temporal.nanosPerSecond }
  }

  /// Nanoseconds from `a` to `b`, or an error when that does not fit in 64 bits.
  private static func nanos(_ a: Side, _ b: Side) throws -> Int64 {
    let (s, o1) = (b.second - a.second).multipliedReportingOverflow(by: Temporal.nanosPerSecond)
    let (n, o2) = s.addingReportingOverflow((b.nano ?? 0) % Temporal.nanosPerSecond - (a.nano ?? 0) % Temporal.nanosPerSecond)
    if o1 || o2 { throw TemporalArithmetic.overflow() }
    return n
  }

  /// The duration from `a` to `b` counted in `unit`.
  package static func between(_ a: Temporal, _ b: Temporal, _ unit: Unit) throws -> Temporal {
    guard a.kind != .duration, b.kind != .duration else {
      throw TemporalBuilder.invalid("cannot compute the duration between durations")
    }
    var from = Side(a)
    var to = Side(b)
    if from.nano != nil, to.nano == nil { to.nano = 0 }
    if to.nano != nil, from.nano == nil { from.nano = 0 }
    if from.day != nil, to.day == nil { to.day = from.day }
    if to.day != nil, from.day == nil { from.day = to.day }
    if from.zone != nil, to.zone == nil { to.zone = from.zone }
    if to.zone != nil, from.zone == nil { from.zone = to.zone }
    if unit == .seconds { return .duration(months: 0, days: 0, seconds: 0, nanoseconds: try nanos(from, to)) }
    guard let fromDay = from.day, var toDay = to.day else {
      return unit == .all ? .duration(months: 0, days: 0, seconds: 0, nanoseconds: try nanos(from, to)) : zero
    }
    // Compare local date-times in the zone of `from`.
    let fromNano = from.nano ?? 0
    var toNano = to.nano ?? 0
    if from.zone != nil {
      let local = to.second + from.offset
      toDay = floorDiv(local, 86_400)
      toNano = floorMod(local, 86_400) * Temporal.nanosPerSecond + toNano % Temporal.nanosPerSecond
    }
    var endDay = toDay
    if endDay > fromDay && toNano < fromNano { endDay -= 1 } else if endDay < fromDay && toNano > fromNano { endDay += 1 }
    switch unit {
    case .months:
      return .duration(months: TemporalCalendar.monthsBetween(fromDay, endDay), days: 0, seconds: 0, nanoseconds: 0)
    case .days:
      return .duration(months: 0, days: endDay - fromDay, seconds: 0, nanoseconds: 0)
    default:
      let months = TemporalCalendar.monthsBetween(fromDay, endDay)
      let afterMonths = TemporalCalendar.plusMonths(fromDay, months)
      let days = endDay - afterMonths
      var moved = from
      moved.day = afterMonths + days
      return .duration(months: months, days: days, seconds: 0, nanoseconds: try nanos(moved, to))
    }
  }

  private static var zero: Temporal { .duration(months: 0, days: 0, seconds: 0, nanoseconds: 0) }
}
