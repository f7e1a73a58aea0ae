// Building temporal values from maps — `{year: 1984, week: 10, dayOfWeek: 3}`,
// `{date: d, time: t, timezone: 'Europe/Stockholm'}` — where components override those selected
// from other temporal values, and from the current instant.
import Foundation

/// An instant: seconds since 1970-01-01T00:00Z and nanoseconds within the second.
package struct TemporalInstant: Sendable, Equatable {
  package var epochSecond: Int64
  package var nano: Int64

  package init(epochSecond: Int64, nano: Int64) {
    self.epochSecond = epochSecond
    self.nano = nano
  }

  /// The system clock's current instant.
  package static func now() -> TemporalInstant {
    let t = Date().timeIntervalSince1970
    let s = t.rounded(.down)
    return TemporalInstant(epochSecond: Int64(s), nano: Int64((t - s) * 1e9))
  }
}

/// Constructs temporal values from maps, zones and instants.
package enum TemporalBuilder {
  static func invalid(_ message: String) -> QuiverError {
    QuiverError.runtime(.argument, .invalidArgumentValue, message)
  }

  /// A date-time for a local date and time in `zone` (a named zone resolves its offset there).
  package static func zoned(epochDay: Int64, nanoOfDay: Int64, zone: ZoneSpec) -> Temporal {
    guard let id = zone.id else {
      return .dateTime(epochDay: epochDay, nanoOfDay: nanoOfDay, offsetSeconds: zone.offset ?? 0)
    }
    let local = epochDay * 86_400 + floorDiv(nanoOfDay, Temporal.nanosPerSecond)
    let r = TemporalZones.resolve(id, localSecond: local)
    let nanos = floorMod(nanoOfDay, Temporal.nanosPerSecond)
    return .dateTime(
      epochDay: floorDiv(r.localSecond, 86_400), nanoOfDay: floorMod(r.localSecond, 86_400) * Temporal.nanosPerSecond + nanos,
      offsetSeconds: r.offset, zoneID: id)
  }

  /// The date-time at an instant, seen in `zone`.
  package static func at(_ instant: TemporalInstant, zone: ZoneSpec) -> Temporal {
    let offset = zone.id.map { TemporalZones.offset($0, atEpochSecond: instant.epochSecond) } ?? zone.offset ?? 0
    let local = instant.epochSecond + offset
    return .dateTime(
      epochDay: floorDiv(local, 86_400), nanoOfDay: floorMod(local, 86_400) * Temporal.nanosPerSecond + instant.nano,
      offsetSeconds: offset, zoneID: zone.id)
  }

  /// The current value of `kind` in `zone` (UTC when nil).
  package static func now(_ kind: Temporal.Kind, _ instant: TemporalInstant, zone: ZoneSpec?) -> Temporal {
    let dt = at(instant, zone: zone ?? ZoneSpec(offset: 0))
    return convert(dt, to: kind)
  }

  /// `value` as kind `kind`: selecting its date or time and dropping or keeping its zone.
  package static func convert(_ value: Temporal, to kind: Temporal.Kind) -> Temporal {
    switch kind {
    case .date: return .date(epochDay: value.epochDay)
    case .localTime: return .localTime(nanoOfDay: value.nanoOfDay)
    case .time: return .time(nanoOfDay: value.nanoOfDay, offsetSeconds: value.offsetSeconds)
    case .localDateTime: return .localDateTime(epochDay: value.epochDay, nanoOfDay: value.nanoOfDay)
    case .dateTime:
      return zoned(epochDay: value.epochDay, nanoOfDay: value.nanoOfDay, zone: ZoneSpec(offset: value.offsetSeconds, id: value.zoneID))
    case .duration: return value
    }
  }

  /// A value of `kind` from a map of components, optionally selecting from other temporal values
  /// under `date`, `time` and `datetime`.
  package static func construct(_ kind: Temporal.Kind, _ map: [String: Value], now instant: TemporalInstant) throws -> Temporal {
    var fields: [String: Value] = [:]
    for (k, v) in map where !v.isNull { fields[k.lowercased()] = v }
    if kind == .duration { return try duration(fields) }
    let zone = try fields["timezone"].map(zoneSpec)
    if fields.keys.allSatisfy({ $0 == "timezone" }) { return now(kind, instant, zone: zone) }
    if kind == .dateTime, fields["epochseconds"] != nil || fields["epochmillis"] != nil {
      return try fromEpochFields(fields, zone: zone ?? ZoneSpec(offset: 0))
    }
    let dateBase = try base(fields["date"] ?? fields["datetime"], needsDate: true)
    let timeBase = try base(fields["time"] ?? fields["datetime"], needsDate: false)
    let hasDate = kind == .date || kind == .localDateTime || kind == .dateTime
    let hasTime = kind != .date
    let day = hasDate ? try dateFields(fields, dateBase) : 0
    let nano = hasTime ? try timeFields(fields, timeBase) : 0
    let baseZone = timeBase.flatMap { $0.hasZone ? ZoneSpec(offset: $0.offsetSeconds, id: $0.zoneID) : nil }
    switch kind {
    case .date: return .date(epochDay: day)
    case .localTime: return .localTime(nanoOfDay: nano)
    case .localDateTime: return .localDateTime(epochDay: day, nanoOfDay: nano)
    case .time:
      guard let baseZone, let zone else {
        let z = zone ?? baseZone
        return .time(nanoOfDay: nano, offsetSeconds: z.map { offsetNow($0, instant) } ?? 0)
      }
      let offset = offsetNow(zone, instant)
      let base = baseZone.offset ?? 0
      return .time(nanoOfDay: nano + (offset - base) * Temporal.nanosPerSecond, offsetSeconds: offset)
    case .dateTime:
      guard let baseZone, let zone else {
        return zoned(epochDay: day, nanoOfDay: nano, zone: zone ?? baseZone ?? ZoneSpec(offset: 0))
      }
      let inBase = zoned(epochDay: day, nanoOfDay: nano, zone: baseZone)
      return at(TemporalInstant(epochSecond: inBase.epochSecond, nano: inBase.nanoOfDay % Temporal.nanosPerSecond), zone: zone)
    case .duration: return try duration(fields)
    }
  }

  /// `datetime({epochSeconds: s [, nanosecond: n]})` or `datetime({epochMillis: ms})`: the
  /// instant that many seconds or milliseconds after 1970-01-01T00:00Z, in `zone` (UTC unless
  /// `timezone` is given); millisecond, microsecond and nanosecond fields add to it.
  private static func fromEpochFields(_ fields: [String: Value], zone: ZoneSpec) throws -> Temporal {
    func integer(_ key: String) throws -> Int64 {
      guard let v = fields[key] else { return 0 }
      guard case .int(let i) = v else { throw invalid("\(key) must be an integer, got \(v.typeName)") }
      return i
    }
    let allowed: Set<String> = ["epochseconds", "epochmillis", "millisecond", "microsecond", "nanosecond", "timezone"]
    if let other = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
      throw invalid("cannot combine \(other) with epochSeconds or epochMillis")
    }
    // Bounding the fields first keeps every sum below inside 64 bits: epochSeconds to the
    // supported instants, the sub-second fields to 10^12 each (a product below 10^18).
    func bounded(_ key: String, _ limit: Int64) throws -> Int64 {
      let v = try integer(key)
      guard v.magnitude <= limit.magnitude else { throw invalid("\(key) \(v) is out of range") }
      return v
    }
    let span = epochSecondRange.upperBound - epochSecondRange.lowerBound
    let millis = try integer("epochmillis")
    let subsecond = try bounded("millisecond", 1_000_000_000_000) * 1_000_000
      + bounded("microsecond", 1_000_000_000_000) * 1_000 + bounded("nanosecond", 1_000_000_000_000)
    var seconds = try bounded("epochseconds", span) + floorDiv(millis, 1000)
    // The remainder by `%`, not floorMod: floorMod(-2^63, 1000) overflows on the way.
    var nano = (millis % 1000 + 1000) % 1000 * 1_000_000 + subsecond
    seconds += floorDiv(nano, Temporal.nanosPerSecond)
    nano = floorMod(nano, Temporal.nanosPerSecond)
    guard epochSecondRange.contains(seconds) else {
      throw invalid(
        "the instant \(seconds) seconds after 1970-01-01T00:00Z is outside the supported years -999,999,999 to 999,999,999")
    }
    return at(TemporalInstant(epochSecond: seconds, nano: nano), zone: zone)
  }

  /// Seconds since 1970-01-01T00:00Z of the first and last instants of the supported years
  /// -999,999,999 to 999,999,999, a day inside each end so that any zone offset stays in range.
  static let epochSecondRange: ClosedRange<Int64> = {
    let first = TemporalCalendar.epochDay(year: -999_999_999, month: 1, day: 2) * 86_400
    return first...(TemporalCalendar.epochDay(year: 999_999_999, month: 12, day: 30) * 86_400)
  }()

  /// The offset of `zone` now (for times in a named zone).
  private static func offsetNow(_ zone: ZoneSpec, _ instant: TemporalInstant) -> Int64 {
    zone.offset ?? zone.id.map { TemporalZones.offset($0, atEpochSecond: instant.epochSecond) } ?? 0
  }

  package static func zoneSpec(_ v: Value) throws -> ZoneSpec {
    guard case .string(let s) = v else { throw invalid("timezone must be a string, got \(v.typeName)") }
    return try ZoneSpec.parse(s)
  }

  private static func base(_ v: Value?, needsDate: Bool) throws -> Temporal? {
    guard let v else { return nil }
    guard case .temporal(let t) = v, t.kind != .duration else {
      throw invalid("cannot select components from a \(v.typeName)")
    }
    return (needsDate ? t.hasDate : t.hasTime) ? t : nil
  }

  private static func int(_ fields: [String: Value], _ key: String) throws -> Int64? {
    switch fields[key] {
    case nil: return nil
    case .int(let i)?: return i
    case .float(let d)? where d.rounded() == d && abs(d) < 1e15: return Int64(d)
    case let v?: throw invalid("\(key) must be an integer, got \(v.typeName)")
    }
  }

  private static func check(_ v: Int64, _ range: ClosedRange<Int64>, _ name: String) throws -> Int64 {
    guard range.contains(v) else { throw invalid("invalid value for \(name): \(v)") }
    return v
  }

  private static func dateFields(_ f: [String: Value], _ base: Temporal?) throws -> Int64 {
    let b = base?.epochDay
    let year = try int(f, "year")
    let yearRange: ClosedRange<Int64> = -999_999_999...999_999_999
    if try int(f, "week") != nil || int(f, "dayofweek") != nil {
      guard let y = year ?? b.map({ TemporalCalendar.isoWeek($0).weekYear }) else { throw invalid("year is required") }
      _ = try check(y, yearRange, "year")
      let week = try check(int(f, "week") ?? b.map { TemporalCalendar.isoWeek($0).week } ?? 1, 1...TemporalCalendar.weeksInYear(y), "week")
      let dow = try check(int(f, "dayofweek") ?? b.map(TemporalCalendar.dayOfWeek) ?? 1, 1...7, "dayOfWeek")
      return TemporalCalendar.firstMonday(weekYear: y) + (week - 1) * 7 + dow - 1
    }
    guard let y = year ?? b.map({ TemporalCalendar.civil($0).year }) else { throw invalid("year is required") }
    _ = try check(y, yearRange, "year")
    let jan1 = TemporalCalendar.epochDay(year: y, month: 1, day: 1)
    if let ordinal = try int(f, "ordinalday") {
      return jan1 + (try check(ordinal, 1...(TemporalCalendar.isLeap(y) ? 366 : 365), "ordinalDay")) - 1
    }
    if try int(f, "quarter") != nil || int(f, "dayofquarter") != nil {
      let q = try check(int(f, "quarter") ?? b.map { TemporalCalendar.quarter($0).quarter } ?? 1, 1...4, "quarter")
      let start = TemporalCalendar.epochDay(year: y, month: (q - 1) * 3 + 1, day: 1)
      let length = TemporalCalendar.epochDay(year: y + (q == 4 ? 1 : 0), month: q == 4 ? 1 : q * 3 + 1, day: 1) - start
      let doq = try check(int(f, "dayofquarter") ?? b.map { TemporalCalendar.quarter($0).dayOfQuarter } ?? 1, 1...length, "dayOfQuarter")
      return start + doq - 1
    }
    let c = b.map(TemporalCalendar.civil)
    let month = try check(int(f, "month") ?? c?.month ?? 1, 1...12, "month")
    let day = try check(int(f, "day") ?? c?.day ?? 1, 1...TemporalCalendar.daysInMonth(y, month), "day")
    return TemporalCalendar.epochDay(year: y, month: month, day: day)
  }

  private static func timeFields(_ f: [String: Value], _ base: Temporal?) throws -> Int64 {
    let b = base?.nanoOfDay
    let bs = b.map { $0 / Temporal.nanosPerSecond }
    let hour = try check(int(f, "hour") ?? bs.map { $0 / 3600 } ?? 0, 0...23, "hour")
    let minute = try check(int(f, "minute") ?? bs.map { $0 / 60 % 60 } ?? 0, 0...59, "minute")
    let second = try check(int(f, "second") ?? bs.map { $0 % 60 } ?? 0, 0...59, "second")
    let ms = try int(f, "millisecond")
    let us = try int(f, "microsecond")
    let ns = try int(f, "nanosecond")
    var fraction = (b ?? 0) % Temporal.nanosPerSecond
    if b != nil, (ms ?? 0) < 1000, (us ?? 0) < 1000, (ns ?? 0) < 1000 {
      // Over a selected time each given sub-second component replaces only its own digits.
      let milli = try check(ms ?? fraction / 1_000_000, 0...999, "millisecond")
      let micro = try check(us ?? fraction / 1000 % 1000, 0...999, "microsecond")
      let nano = try check(ns ?? fraction % 1000, 0...999, "nanosecond")
      fraction = milli * 1_000_000 + micro * 1000 + nano
    } else if ms != nil || us != nil || ns != nil {
      let milli = try check(ms ?? 0, 0...999, "millisecond")
      let micro = try check(us ?? 0, 0...(ms == nil ? 999_999 : 999), "microsecond")
      let nano = try check(ns ?? 0, 0...(ms == nil && us == nil ? 999_999_999 : 999), "nanosecond")
      fraction = milli * 1_000_000 + micro * 1000 + nano
    }
    return ((hour * 60 + minute) * 60 + second) * Temporal.nanosPerSecond + fraction
  }

  private static func number(_ f: [String: Value], _ key: String) throws -> Double {
    switch f[key] {
    case nil: return 0
    case .int(let i)?: return Double(i)
    case .float(let d)?: return d
    case let v?: throw invalid("\(key) must be a number, got \(v.typeName)")
    }
  }

  /// A duration from `years`, `quarters`, `months`, `weeks`, `days`, `hours`, `minutes`,
  /// `seconds`, `milliseconds`, `microseconds` and `nanoseconds`.
  private static func duration(_ f: [String: Value]) throws -> Temporal {
    if f.values.allSatisfy({ if case .int = $0 { return true } else { return false } }) { return try exactDuration(f) }
    let months = try number(f, "years") * 12 + number(f, "quarters") * 3 + number(f, "months")
    let days = try number(f, "weeks") * 7 + number(f, "days")
    let seconds = try number(f, "hours") * 3600 + number(f, "minutes") * 60 + number(f, "seconds")
    let subsecond = try number(f, "milliseconds") * 1e6 + number(f, "microseconds") * 1e3 + number(f, "nanoseconds")
    if subsecond.rounded(.towardZero) == subsecond, abs(subsecond) < 9e18 {
      return try DurationParser.approximate(months: months, days: days, seconds: seconds, nanos: Int64(subsecond))
    }
    return try DurationParser.approximate(months: months, days: days, seconds: seconds + subsecond / 1e9, nanos: 0)
  }

  /// A duration from integer components, exactly; overflowing 64 bits is an error.
  private static func exactDuration(_ f: [String: Value]) throws -> Temporal {
    func sum(_ terms: [(String, Int64)]) throws -> Int64 {
      var total: Int64 = 0
      for (key, factor) in terms {
        guard case .int(let v)? = f[key] else { continue }
        let (p, o1) = v.multipliedReportingOverflow(by: factor)
        let (s, o2) = total.addingReportingOverflow(p)
        if o1 || o2 { throw TemporalArithmetic.overflow() }
        total = s
      }
      return total
    }
    let months = try sum([("years", 12), ("quarters", 3), ("months", 1)])
    let days = try sum([("weeks", 7), ("days", 1)])
    let seconds = try sum([("hours", 3600), ("minutes", 60), ("seconds", 1)])
    let nanos = try sum([("milliseconds", 1_000_000), ("microseconds", 1000), ("nanoseconds", 1)])
    let (total, o) = seconds.addingReportingOverflow(floorDiv(nanos, Temporal.nanosPerSecond))
    if o { throw TemporalArithmetic.overflow() }
    return .duration(months: months, days: days, seconds: total, nanoseconds: floorMod(nanos, Temporal.nanosPerSecond))
  }
}
