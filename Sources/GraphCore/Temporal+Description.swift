// The ISO-8601 text of temporal values exactly as openCypher prints them: `1984-10-11`,
// `12:31:14.645876123+01:00`, `2015-07-21T21:40:32.142+01:00[Europe/London]`, `P1Y2M10DT12H45M30.25S`.

extension Temporal: CustomStringConvertible {
  public var description: String {
    switch kind {
    case .date: return Temporal.dateText(epochDay)
    case .localTime: return Temporal.timeText(nanoOfDay)
    case .time: return Temporal.timeText(nanoOfDay) + TemporalZones.offsetText(offsetSeconds)
    case .localDateTime: return Temporal.dateText(epochDay) + "T" + Temporal.timeText(nanoOfDay)
    case .dateTime:
      var text = Temporal.dateText(epochDay) + "T" + Temporal.timeText(nanoOfDay) + TemporalZones.offsetText(offsetSeconds)
      if let zoneID { text += "[" + zoneID + "]" }
      return text
    case .duration: return durationText
    }
  }

  /// `yyyy-MM-dd`, with a sign and more digits outside years 0–9999.
  static func dateText(_ epochDay: Int64) -> String {
    let c = TemporalCalendar.civil(epochDay)
    let year: String
    if c.year > 9999 {
      year = "+" + String(c.year)
    } else if c.year < 0 {
      year = "-" + TemporalZones.pad(-c.year, 4)
    } else {
      year = TemporalZones.pad(c.year, 4)
    }
    return year + "-" + TemporalZones.pad(c.month, 2) + "-" + TemporalZones.pad(c.day, 2)
  }

  /// `HH:mm`, then `:ss` and a fraction of 3, 6 or 9 digits only when needed.
  static func timeText(_ nanoOfDay: Int64) -> String {
    let totalSeconds = nanoOfDay / nanosPerSecond
    let nanos = nanoOfDay % nanosPerSecond
    var text = TemporalZones.pad(totalSeconds / 3600, 2) + ":" + TemporalZones.pad(totalSeconds / 60 % 60, 2)
    if totalSeconds % 60 != 0 || nanos != 0 {
      text += ":" + TemporalZones.pad(totalSeconds % 60, 2)
      if nanos != 0 {
        if nanos % 1_000_000 == 0 {
          text += "." + TemporalZones.pad(nanos / 1_000_000, 3)
        } else if nanos % 1000 == 0 {
          text += "." + TemporalZones.pad(nanos / 1000, 6)
        } else {
          text += "." + TemporalZones.pad(nanos, 9)
        }
      }
    }
    return text
  }

  /// `P…Y…M…DT…H…M…S`: years and months from the months, the time part from the seconds, with
  /// the fraction carrying the seconds' sign and trailing zeros dropped.
  private var durationText: String {
    var text = "P"
    func append(_ value: Int64, _ unit: String) { if value != 0 { text += String(value) + unit } }
    append(months / 12, "Y")
    append(months % 12, "M")
    append(days, "D")
    if seconds != 0 || nanoseconds != 0 {
      var s = seconds
      var n = nanoseconds
      if s < 0 && n != 0 {
        s += 1
        n -= Temporal.nanosPerSecond
      }
      text += "T"
      append(s / 3600, "H")
      s %= 3600
      append(s / 60, "M")
      s %= 60
      if s != 0 {
        text += String(s) + Temporal.fractionText(n) + "S"
      } else if n != 0 {
        text += (n < 0 ? "-0" : "0") + Temporal.fractionText(n) + "S"
      }
    }
    return text == "P" ? "PT0S" : text
  }

  /// `.ddd…` of a nanosecond count without trailing zeros; empty for zero.
  private static func fractionText(_ nanos: Int64) -> String {
    if nanos == 0 { return "" }
    var digits = TemporalZones.pad(abs(nanos), 9)
    while digits.hasSuffix("0") { digits.removeLast() }
    return "." + digits
  }
}
