// Parsing of ISO-8601 temporal text in the basic and extended forms openCypher accepts: calendar
// (`2015-07-21`, `20150721`), week (`2015-W30-2`), ordinal (`2015-202`) dates, times with fractions
// to the nanosecond, offsets (`Z`, `+01`, `+0100`, `+01:00`), named zones (`[Europe/Stockholm]`).

/// A time zone as written in temporal text or a `timezone` map entry.
package struct ZoneSpec: Sendable, Equatable {
  package var offset: Int64?
  package var id: String?

  package init(offset: Int64?, id: String? = nil) {
    self.offset = offset
    self.id = id
  }

  /// Parses `Z`, `±HH[[:]MM[[:]SS]]` or a zone name.
  package static func parse(_ text: String) throws -> ZoneSpec {
    var p = TemporalParser.Cursor(text)
    if let spec = try p.zone(), p.atEnd { return spec }
    if TemporalZones.isKnown(text) { return ZoneSpec(offset: nil, id: text) }
    throw TemporalParser.invalid("time zone", text)
  }
}

/// Parses temporal strings into values.
package enum TemporalParser {
  package static func invalid(_ what: String, _ text: String) -> QuiverError {
    QuiverError.runtime(.argument, .invalidArgumentValue, "Text cannot be parsed to a \(what): '\(text)'")
  }

  /// The value of kind `kind` written as `text`; zones default to UTC.
  package static func parse(_ kind: Temporal.Kind, _ text: String) throws -> Temporal {
    let what = kind == .dateTime ? "datetime" : "local datetime"
    switch kind {
    case .duration:
      return try DurationParser.parse(text)
    case .date:
      var p = Cursor(text)
      let day = try p.date()
      guard p.atEnd else { throw invalid("date", text) }
      return .date(epochDay: day)
    case .localTime, .time:
      var p = Cursor(text)
      let nanos = try p.time()
      let zone = try p.zone()
      guard p.atEnd else { throw invalid(kind == .time ? "time" : "local time", text) }
      if kind == .localTime { return .localTime(nanoOfDay: nanos) }
      let offset = zone?.offset ?? zone.flatMap { $0.id }.map { TemporalZones.offset($0, atEpochSecond: 0) } ?? 0
      return .time(nanoOfDay: nanos, offsetSeconds: offset)
    case .localDateTime, .dateTime:
      let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
      var p = Cursor(String(parts[0]))
      let day = try p.date()
      guard p.atEnd else { throw invalid(what, text) }
      var nanos: Int64 = 0
      var zone: ZoneSpec? = nil
      if parts.count == 2 {
        var t = Cursor(String(parts[1]))
        nanos = try t.time()
        zone = try t.zone()
        guard t.atEnd else { throw invalid(what, text) }
      }
      if kind == .localDateTime { return .localDateTime(epochDay: day, nanoOfDay: nanos) }
      return TemporalBuilder.zoned(epochDay: day, nanoOfDay: nanos, zone: zone ?? ZoneSpec(offset: 0))
    }
  }

  /// A position in ASCII temporal text.
  package struct Cursor {
    let bytes: [UInt8]
    let text: String
    var i = 0

    init(_ text: String) {
      self.text = text
      self.bytes = Array(text.utf8)
    }

    var atEnd: Bool { i >= bytes.count }
    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    mutating func take(_ c: Character) -> Bool {
      guard let b = peek, let a = c.asciiValue, b == a else { return false }
      i += 1
      return true
    }

    func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= 48 && bytes[at] <= 57 }

    var digitsAhead: Int {
      var n = 0
      while isDigit(i + n) { n += 1 }
      return n
    }

    mutating func number(_ count: Int) throws -> Int64 {
      guard digitsAhead >= count else { throw invalid("temporal value", text) }
      var v: Int64 = 0
      for _ in 0..<count {
        v = v * 10 + Int64(bytes[i] - 48)
        i += 1
      }
      return v
    }

    /// A date in any of the calendar, week or ordinal forms; returns the epoch day.
    mutating func date() throws -> Int64 {
      var year: Int64
      if let s = peek, s == 43 || s == 45 {  // + or -
        i += 1
        let n = digitsAhead
        guard n >= 4, n <= 9 else { throw invalid("date", text) }
        year = try number(n) * (s == 45 ? -1 : 1)
      } else {
        year = try number(4)
      }
      if atEnd { return TemporalCalendar.epochDay(year: year, month: 1, day: 1) }
      let extended = take("-")
      if take("W") {
        let week = try number(2)
        var dow: Int64 = 1
        if !atEnd {
          if extended { guard take("-") else { throw invalid("date", text) } }
          dow = try number(1)
        }
        guard week >= 1, week <= TemporalCalendar.weeksInYear(year), dow >= 1, dow <= 7 else {
          throw invalid("date", text)
        }
        return TemporalCalendar.firstMonday(weekYear: year) + (week - 1) * 7 + dow - 1
      }
      let n = digitsAhead
      if n == 3 {
        let ordinal = try number(3)
        guard ordinal >= 1, ordinal <= (TemporalCalendar.isLeap(year) ? 366 : 365) else { throw invalid("date", text) }
        return TemporalCalendar.epochDay(year: year, month: 1, day: 1) + ordinal - 1
      }
      let month = try number(2)
      var day: Int64 = 1
      if !atEnd {
        if extended { guard take("-") else { throw invalid("date", text) } }
        day = try number(2)
      }
      guard month >= 1, month <= 12, day >= 1, day <= TemporalCalendar.daysInMonth(year, month) else {
        throw invalid("date", text)
      }
      return TemporalCalendar.epochDay(year: year, month: month, day: day)
    }

    /// `HH[:mm[:ss[.fffffffff]]]` or `HH[mm[ss[.fffffffff]]]`; returns nanoseconds of the day.
    mutating func time() throws -> Int64 {
      let hour = try number(2)
      var minute: Int64 = 0
      var second: Int64 = 0
      var nanos: Int64 = 0
      let extended = peek == 58  // ':'
      if extended ? take(":") : digitsAhead >= 2 {
        minute = try number(2)
        if extended ? take(":") : digitsAhead >= 2 {
          second = try number(2)
          if take(".") || take(",") {
            let n = digitsAhead
            guard n >= 1, n <= 9 else { throw invalid("time", text) }
            nanos = try number(n)
            for _ in n..<9 { nanos *= 10 }
          }
        }
      }
      guard hour < 24, minute < 60, second < 60 else { throw invalid("time", text) }
      return ((hour * 60 + minute) * 60 + second) * Temporal.nanosPerSecond + nanos
    }

    /// An optional offset (`Z`, `±HH[[:]MM[[:]SS]]`) and an optional `[Zone/Name]`.
    mutating func zone() throws -> ZoneSpec? {
      var spec = ZoneSpec(offset: nil, id: nil)
      if take("Z") || take("z") {
        spec.offset = 0
      } else if let s = peek, s == 43 || s == 45 {
        i += 1
        let hours = try number(2)
        var minutes: Int64 = 0
        var seconds: Int64 = 0
        let extended = take(":")
        if digitsAhead >= 2 {
          minutes = try number(2)
          if extended ? take(":") : digitsAhead >= 2 { seconds = try number(2) }
        }
        guard hours <= 18, minutes < 60, seconds < 60 else { throw invalid("time zone", text) }
        spec.offset = (hours * 3600 + minutes * 60 + seconds) * (s == 45 ? -1 : 1)
      }
      if take("[") {
        let start = i
        while let b = peek, b != 93 { i += 1 }
        let id = String(decoding: bytes[start..<i], as: UTF8.self)
        guard take("]") else { throw invalid("time zone", text) }
        if let zoneSpec = try? ZoneSpec.parse(id), zoneSpec.id == nil {
          spec.offset = zoneSpec.offset
        } else {
          guard TemporalZones.isKnown(id) else { throw invalid("time zone", id) }
          spec.id = id
        }
      }
      return spec.offset == nil && spec.id == nil ? nil : spec
    }
  }
}
