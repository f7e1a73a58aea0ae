// Property access on temporal values: `d.year`, `t.timezone`, `dt.epochMillis`, `dur.minutesOfHour`
// and the rest of openCypher's temporal accessors.

extension Temporal {
  /// The value of accessor `name` (matched case-insensitively), or nil when this kind has no
  /// such component. Throws `IntegerOverflow` when the component does not fit in 64 bits
  /// (`duration({seconds: 9223372036854775807}).milliseconds`, the `epochMillis` of year 999,999,999).
  package func component(_ name: String) throws -> Value? {
    let key = name.lowercased()
    if kind == .duration { return try durationComponent(key) }
    if hasDate, let v = dateComponent(key) { return v }
    if hasTime, let v = timeComponent(key) { return v }
    if hasZone, let v = try zoneComponent(key) { return v }
    return nil
  }

  /// `a * factor + b` (with `b` in `0..<factor`) for accessor `name`, or `IntegerOverflow` when
  /// it leaves 64 bits. A negative `a` is taken as `(a + 1) * factor + (b - factor)`, the same
  /// sum, so that a result just above Int64.min does not overflow on the way.
  private func scaled(_ a: Int64, _ factor: Int64, plus b: Int64, _ name: String) throws -> Value {
    let (whole, rest) = a < 0 ? (a + 1, b - factor) : (a, b)
    let (product, o1) = whole.multipliedReportingOverflow(by: factor)
    let (sum, o2) = product.addingReportingOverflow(rest)
    guard !o1, !o2 else {
      throw QuiverError.runtime(.arithmetic, .integerOverflow, "\(name) of this \(typeName) does not fit in a 64-bit integer")
    }
    return .int(sum)
  }

  private func dateComponent(_ key: String) -> Value? {
    let c = TemporalCalendar.civil(epochDay)
    switch key {
    case "year": return .int(c.year)
    case "month": return .int(c.month)
    case "day": return .int(c.day)
    case "quarter": return .int(TemporalCalendar.quarter(epochDay).quarter)
    case "dayofquarter": return .int(TemporalCalendar.quarter(epochDay).dayOfQuarter)
    case "week": return .int(TemporalCalendar.isoWeek(epochDay).week)
    case "weekyear": return .int(TemporalCalendar.isoWeek(epochDay).weekYear)
    case "dayofweek", "weekday": return .int(TemporalCalendar.dayOfWeek(epochDay))
    case "ordinalday": return .int(TemporalCalendar.ordinalDay(epochDay))
    default: return nil
    }
  }

  private func timeComponent(_ key: String) -> Value? {
    let second = nanoOfDay / Temporal.nanosPerSecond
    let nanos = nanoOfDay % Temporal.nanosPerSecond
    switch key {
    case "hour": return .int(second / 3600)
    case "minute": return .int(second / 60 % 60)
    case "second": return .int(second % 60)
    case "millisecond": return .int(nanos / 1_000_000)
    case "microsecond": return .int(nanos / 1000)
    case "nanosecond": return .int(nanos)
    default: return nil
    }
  }

  private func zoneComponent(_ key: String) throws -> Value? {
    switch key {
    case "timezone": return .string(zoneID ?? TemporalZones.offsetText(offsetSeconds).replacingZ())
    case "offset": return .string(TemporalZones.offsetText(offsetSeconds).replacingZ())
    case "offsetminutes": return .int(offsetSeconds / 60)
    case "offsetseconds": return .int(offsetSeconds)
    case "epochseconds" where kind == .dateTime: return .int(epochSecond)
    case "epochmillis" where kind == .dateTime:
      return try scaled(epochSecond, 1000, plus: nanoOfDay % Temporal.nanosPerSecond / 1_000_000, "epochMillis")
    default: return nil
    }
  }

  private func durationComponent(_ key: String) throws -> Value? {
    switch key {
    case "years": return .int(months / 12)
    case "quarters": return .int(months / 3)
    case "months": return .int(months)
    case "weeks": return .int(days / 7)
    case "days": return .int(days)
    case "hours": return .int(seconds / 3600)
    case "minutes": return .int(seconds / 60)
    case "seconds": return .int(seconds)
    case "milliseconds": return try scaled(seconds, 1000, plus: nanoseconds / 1_000_000, "milliseconds")
    case "microseconds": return try scaled(seconds, 1_000_000, plus: nanoseconds / 1000, "microseconds")
    case "nanoseconds": return try scaled(seconds, Temporal.nanosPerSecond, plus: nanoseconds, "nanoseconds")
    case "quartersofyear": return .int(months / 3 % 4)
    case "monthsofquarter": return .int(months % 3)
    case "monthsofyear": return .int(months % 12)
    case "daysofweek": return .int(days % 7)
    case "minutesofhour": return .int(seconds / 60 % 60)
    case "secondsofminute": return .int(seconds % 60)
    case "millisecondsofsecond": return .int(nanoseconds / 1_000_000)
    case "microsecondsofsecond": return .int(nanoseconds / 1000)
    case "nanosecondsofsecond": return .int(nanoseconds)
    default: return nil
    }
  }
}

extension String {
  /// An offset's text with `Z` spelled `+00:00`, as the `offset` accessor reports it.
  fileprivate func replacingZ() -> String { self == "Z" ? "+00:00" : self }
}
