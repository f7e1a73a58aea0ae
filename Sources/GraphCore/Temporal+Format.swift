// `format(value, pattern)` (Cypher 25): a date, time or date-time written by a pattern of Java
// DateTimeFormatter letters (`yyyy-MM-dd`, `EEEE d MMMM`, `HH:mm:ss.SSS XXX`), in English.
// A letter the value has no field for (`H` of a date, `X` of a local time) is an error, as are
// the letters and symbols Quiver does not implement (zone names, day periods, `[`…`]`). Week
// fields count weeks from Sunday, as `e` and `c` do, the US locale's rule.
// Durations are written by Temporal+FormatDuration.swift.

extension Temporal {
  /// This value written by `pattern`: letters are fields, a run of one letter sets the width or
  /// the style, text in single quotes (`''` for a quote) and other characters are copied. A
  /// duration takes the letters of its components (see `durationField`).
  /// - Throws: `InvalidArgumentValue` for a letter this kind has no field for, or one not
  ///   implemented.
  package func formatted(_ pattern: String) throws -> String {
    let runs = try Self.patternRuns(pattern)
    if kind == .duration { return try durationFormatted(runs) }
    var out = ""
    // The width a `p` run asks the next piece to be padded to with spaces.
    var pad: Int?
    for run in runs {
      var piece: String
      switch run {
      case .text(let text): piece = text
      case .field("p", let count):
        guard pad == nil else { throw formatError("'p' cannot pad another 'p'") }
        pad = count
        continue
      case .field(let letter, let count): piece = try field(letter, count)
      }
      if let width = pad {
        guard piece.count <= width else {
          throw formatError("`\(piece)` is longer than the pad width \(width) that 'p' sets")
        }
        piece = String(repeating: " ", count: width - piece.count) + piece
        pad = nil
      }
      out += piece
    }
    guard pad == nil else { throw formatError("'p' must be followed by what it pads") }
    return out
  }

  /// One piece of a pattern: copied text, or a run of one letter.
  enum PatternRun: Equatable {
    case text(String)
    case field(Character, Int)
  }

  /// `pattern` split into copied text and letter runs.
  /// - Throws: `InvalidArgumentValue` for an unclosed quote or an unquoted `[`, `]`, `{`, `}`, `#`.
  static func patternRuns(_ pattern: String) throws -> [PatternRun] {
    let chars = Array(pattern)
    var runs: [PatternRun] = []
    var text = ""
    var i = 0
    func flush() {
      if !text.isEmpty { runs.append(.text(text)) }
      text = ""
    }
    while i < chars.count {
      let c = chars[i]
      if c == "'" {
        // Quoted text; '' is a quote, inside quotes or out.
        var j = i + 1
        if j < chars.count, chars[j] == "'" {
          text.append("'")
          i = j + 1
          continue
        }
        while j < chars.count {
          if chars[j] == "'" {
            if j + 1 < chars.count, chars[j + 1] == "'" {
              text.append("'")
              j += 2
              continue
            }
            break
          }
          text.append(chars[j])
          j += 1
        }
        guard j < chars.count else { throw patternError("the pattern has a quote that is not closed") }
        i = j + 1
        continue
      }
      if "[]{}#".contains(c) {
        throw patternError("'\(c)' is reserved in a pattern; quote it to write it ('\(c)')")
      }
      guard c.isASCII, c.isLetter else {
        text.append(c)
        i += 1
        continue
      }
      var count = 1
      while i + count < chars.count, chars[i + count] == c { count += 1 }
      flush()
      runs.append(.field(c, count))
      i += count
    }
    flush()
    return runs
  }

  /// The text of pattern letter `letter` repeated `count` times.
  private func field(_ letter: Character, _ count: Int) throws -> String {
    let c = hasDate ? TemporalCalendar.civil(epochDay) : (year: 0, month: 0, day: 0)
    let second = nanoOfDay / Temporal.nanosPerSecond
    let nano = nanoOfDay % Temporal.nanosPerSecond
    func number(_ v: Int64, max: Int = 19) throws -> String {
      guard count <= max else { throw formatError("too many '\(letter)' in the pattern") }
      let digits = TemporalZones.pad(Swift.abs(v), count)
      return v < 0 ? "-" + digits : digits
    }
    func needs(_ has: Bool, _ what: String) throws {
      if !has { throw formatError("'\(letter)' needs a \(what), which a \(typeName) does not have") }
    }
    switch letter {
    case "G":
      try needs(hasDate, "date")
      let ad = c.year > 0
      return count == 4 ? (ad ? "Anno Domini" : "Before Christ") : count == 5 ? (ad ? "A" : "B") : (ad ? "AD" : "BC")
    case "u", "y":
      try needs(hasDate, "date")
      let year = letter == "y" && c.year <= 0 ? 1 - c.year : c.year
      if count == 2 { return TemporalZones.pad(floorMod(year, 100), 2) }
      return try number(year)
    case "M", "L":
      try needs(hasDate, "date")
      return try monthText(c.month, count)
    case "d":
      try needs(hasDate, "date")
      return try number(c.day, max: 2)
    case "D":
      try needs(hasDate, "date")
      return try number(TemporalCalendar.ordinalDay(epochDay), max: 3)
    case "Q", "q":
      try needs(hasDate, "date")
      let quarter = TemporalCalendar.quarter(epochDay).quarter
      switch count {
      case 1, 2: return try number(quarter)
      case 3: return "Q\(quarter)"
      case 4: return ["1st", "2nd", "3rd", "4th"][Int(quarter) - 1] + " quarter"
      default: return "\(quarter)"
      }
    case "g":
      try needs(hasDate, "date")
      // The modified Julian day: days since 1858-11-17.
      return try number(epochDay + 40_587)
    case "Y":
      try needs(hasDate, "date")
      let year = TemporalCalendar.sundayWeek(epochDay).weekYear
      if count == 2 { return TemporalZones.pad(floorMod(year, 100), 2) }
      return try number(year)
    case "w":
      try needs(hasDate, "date")
      return try number(TemporalCalendar.sundayWeek(epochDay).week, max: 2)
    case "W":
      try needs(hasDate, "date")
      return try number(TemporalCalendar.sundayWeekOfMonth(epochDay), max: 1)
    case "F":
      try needs(hasDate, "date")
      return try number((c.day - 1) / 7 + 1, max: 1)
    case "e", "c":
      try needs(hasDate, "date")
      if letter == "c", count == 2 { throw formatError("write the day of the week as 'c', 'ccc', 'cccc' or 'ccccc'") }
      let dayOfWeek = TemporalCalendar.dayOfWeek(epochDay)
      // Numbered as the US locale counts, from Sunday; as text, the names of E.
      if count <= 2 { return try number(dayOfWeek % 7 + 1, max: 2) }
      fallthrough
    case "E":
      try needs(hasDate, "date")
      let day = Self.dayNames[Int(TemporalCalendar.dayOfWeek(epochDay)) - 1]
      switch count {
      case 1, 2, 3: return String(day.prefix(3))
      case 4: return day
      case 5: return String(day.prefix(1))
      default: throw formatError("too many 'E' in the pattern")
      }
    case "a":
      try needs(hasTime, "time")
      return second / 3600 < 12 ? "AM" : "PM"
    case "H":
      try needs(hasTime, "time")
      return try number(second / 3600, max: 2)
    case "k":
      try needs(hasTime, "time")
      let hour = second / 3600
      return try number(hour == 0 ? 24 : hour, max: 2)
    case "h":
      try needs(hasTime, "time")
      let hour = second / 3600 % 12
      return try number(hour == 0 ? 12 : hour, max: 2)
    case "K":
      try needs(hasTime, "time")
      return try number(second / 3600 % 12, max: 2)
    case "m":
      try needs(hasTime, "time")
      return try number(second / 60 % 60, max: 2)
    case "s":
      try needs(hasTime, "time")
      return try number(second % 60, max: 2)
    case "S":
      try needs(hasTime, "time")
      guard count <= 9 else { throw formatError("too many 'S' in the pattern (at most 9)") }
      return String(TemporalZones.pad(nano, 9).prefix(count))
    case "n":
      try needs(hasTime, "time")
      return try number(nano)
    case "N":
      try needs(hasTime, "time")
      return try number(nanoOfDay)
    case "A":
      try needs(hasTime, "time")
      return try number(nanoOfDay / 1_000_000)
    case "V":
      try needs(hasZone, "time zone")
      guard count == 2 else { throw formatError("write the zone id as 'VV'") }
      return zoneID ?? TemporalZones.offsetText(offsetSeconds)
    case "X", "x", "Z":
      try needs(hasZone, "time zone")
      return try offsetText(letter, count)
    case "O":
      try needs(hasZone, "time zone")
      guard count == 1 || count == 4 else { throw formatError("write the offset as 'O' or 'OOOO'") }
      if offsetSeconds == 0 { return "GMT" }
      let a = Swift.abs(offsetSeconds)
      let sign = offsetSeconds < 0 ? "-" : "+"
      if count == 1 {
        return "GMT" + sign + String(a / 3600) + (a % 3600 == 0 ? "" : ":" + TemporalZones.pad(a / 60 % 60, 2))
      }
      return "GMT" + sign + TemporalZones.pad(a / 3600, 2) + ":" + TemporalZones.pad(a / 60 % 60, 2)
    case "z", "v":
      try needs(hasZone, "time zone")
      throw formatError("zone names ('\(letter)') are not supported; write the zone id with 'VV' or the offset with 'O'")
    default:
      throw formatError("the pattern letter '\(letter)' is not supported")
    }
  }

  /// `X`, `x` and `Z` offsets: `X` writes `Z` for a zero offset; the count picks hours only,
  /// `HHMM`, `HH:MM`, and (4, 5) seconds when there are some.
  private func offsetText(_ letter: Character, _ count: Int) throws -> String {
    guard count <= 5 else { throw formatError("too many '\(letter)' in the pattern") }
    if letter == "Z" {
      switch count {
      case 4: return offsetSeconds == 0 ? "GMT" : "GMT" + offsetParts(colon: true, seconds: false)
      case 5: return offsetSeconds == 0 ? "Z" : offsetParts(colon: true, seconds: true)
      default: return offsetParts(colon: false, seconds: false)
      }
    }
    if letter == "X", offsetSeconds == 0 { return "Z" }
    switch count {
    case 1:
      let a = Swift.abs(offsetSeconds)
      let sign = offsetSeconds < 0 ? "-" : "+"
      return sign + TemporalZones.pad(a / 3600, 2) + (a / 60 % 60 == 0 ? "" : TemporalZones.pad(a / 60 % 60, 2))
    case 2: return offsetParts(colon: false, seconds: false)
    case 3: return offsetParts(colon: true, seconds: false)
    case 4: return offsetParts(colon: false, seconds: true)
    default: return offsetParts(colon: true, seconds: true)
    }
  }

  /// `+HHMM`, `+HH:MM`, with `ss` when `seconds` and the offset has some.
  private func offsetParts(colon: Bool, seconds: Bool) -> String {
    let a = Swift.abs(offsetSeconds)
    let sign = offsetSeconds < 0 ? "-" : "+"
    let sep = colon ? ":" : ""
    var text = sign + TemporalZones.pad(a / 3600, 2) + sep + TemporalZones.pad(a / 60 % 60, 2)
    if seconds, a % 60 != 0 { text += sep + TemporalZones.pad(a % 60, 2) }
    return text
  }

  /// A month as a number (1, 2 letters), its short or full English name (3, 4) or initial (5).
  private func monthText(_ month: Int64, _ count: Int) throws -> String {
    let name = Self.monthNames[Int(month) - 1]
    switch count {
    case 1: return String(month)
    case 2: return TemporalZones.pad(month, 2)
    case 3: return String(name.prefix(3))
    case 4: return name
    case 5: return String(name.prefix(1))
    default: throw formatError("too many 'M' in the pattern")
    }
  }

  func formatError(_ message: String) -> QuiverError { Self.patternError(message) }

  static func patternError(_ message: String) -> QuiverError {
    QuiverError.runtime(.argument, .invalidArgumentValue, "format(): " + message)
  }

  private static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]
  private static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
}
