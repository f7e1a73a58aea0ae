// Property access on temporal values: `d.year`, `t.timezone`, `dt.epochMillis`, `dur.minutesOfHour`
// and the rest of openCypher's temporal accessors.

extension Temporal {
  /// The value of accessor `name` (matched case-insensitively), or nil when this kind has no
  /// such component.
  package func component(_ name: String) -> Value? {
    let key = name.lowercased()
    if kind == .duration { return durationComponent(key) }
    if hasDate, let v = dateComponent(key) { return v }
    if hasTime, let v = timeComponent(key) { return v }
    if hasZone, let v = zoneComponent(key) { return v }
    return nil
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

  private func zoneComponent(_ key: String) -> Value? {
    switch key {
    case "timezone": return .string(zoneID ?? TemporalZones.offsetText(offsetSeconds).replacingZ())
    case "offset": return .string(TemporalZones.offsetText(offsetSeconds).replacingZ())
    case "offsetminutes": return .int(offsetSeconds / 60)
    case "offsetseconds": return .int(offsetSeconds)
    case "epochseconds" where kind == .dateTime: return .int(epochSecond)
    case "epochmillis" where kind == .dateTime:
      return .int(epochSecond * 1000 + nanoOfDay % Temporal.nanosPerSecond / 1_000_000)
    default: return nil
    }
  }

  private func durationComponent(_ key: String) -> Value? {
    switch key {
    case "years": return .int(months / 12)
    case "quarters": return .int(months / 3)
    case "months": return .int(months)
    case "weeks": return .int(days / 7)
    case "days": return .int(days)
    case "hours": return .int(seconds / 3600)
    case "minutes": return .int(seconds / 60)
    case "seconds": return .int(seconds)
    case "milliseconds": return .int(seconds * 1000 + nanoseconds / 1_000_000)
    case "microseconds": return .int(seconds * 1_000_000 + nanoseconds / 1000)
    case "nanoseconds": return .int(seconds * Temporal.nanosPerSecond + nanoseconds)
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
