// The proleptic ISO-8601 calendar on day numbers: civil dates, ISO week dates, ordinal days and
// quarters, converted to and from days since 1970-01-01 without Foundation so that every year
// from -999999999 to +999999999 works.

/// Calendar arithmetic over epoch days (days since 1970-01-01).
package enum TemporalCalendar {
  /// Days since 1970-01-01 of a proleptic Gregorian date (month and day may be any valid values).
  package static func epochDay(year: Int64, month: Int64, day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = floorDiv(y, 400)
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The year, month and day of an epoch day.
  package static func civil(_ epochDay: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let z = epochDay + 719_468
    let era = floorDiv(z, 146_097)
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  package static func isLeap(_ year: Int64) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  package static func daysInMonth(_ year: Int64, _ month: Int64) -> Int64 {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// ISO day of week: 1 = Monday … 7 = Sunday.
  package static func dayOfWeek(_ epochDay: Int64) -> Int64 { floorMod(epochDay + 3, 7) + 1 }

  /// Day of the year, 1-based.
  package static func ordinalDay(_ epochDay: Int64) -> Int64 {
    epochDay - self.epochDay(year: civil(epochDay).year, month: 1, day: 1) + 1
  }

  /// The quarter (1–4) and the day within it (1-based).
  package static func quarter(_ epochDay: Int64) -> (quarter: Int64, dayOfQuarter: Int64) {
    let c = civil(epochDay)
    let q = (c.month - 1) / 3 + 1
    return (q, epochDay - self.epochDay(year: c.year, month: (q - 1) * 3 + 1, day: 1) + 1)
  }

  /// The ISO week-based year and week number (1–53).
  package static func isoWeek(_ epochDay: Int64) -> (weekYear: Int64, week: Int64) {
    let thursday = epochDay - dayOfWeek(epochDay) + 4
    let year = civil(thursday).year
    return (year, (thursday - self.epochDay(year: year, month: 1, day: 1)) / 7 + 1)
  }

  /// The week-based year and week number of the US calendar that `format()`'s `Y` and `w` read:
  /// weeks start on Sunday and week 1 holds January 1st, so a week belongs to the year of its
  /// Saturday.
  package static func sundayWeek(_ epochDay: Int64) -> (weekYear: Int64, week: Int64) {
    let saturday = epochDay - dayOfWeek(epochDay) % 7 + 6
    return (civil(saturday).year, (ordinalDay(saturday) - 1) / 7 + 1)
  }

  /// The week of the month (1–6) in weeks from Sunday, week 1 holding the 1st: `format()`'s `W`.
  package static func sundayWeekOfMonth(_ epochDay: Int64) -> Int64 {
    let day = civil(epochDay).day
    let first = epochDay - day + 1
    return (day - 1 + dayOfWeek(first) % 7) / 7 + 1
  }

  /// The Monday of week 1 of an ISO week-based year.
  package static func firstMonday(weekYear: Int64) -> Int64 {
    let jan4 = epochDay(year: weekYear, month: 1, day: 4)
    return jan4 - dayOfWeek(jan4) + 1
  }

  /// The number of ISO weeks (52 or 53) in a week-based year.
  package static func weeksInYear(_ weekYear: Int64) -> Int64 {
    (firstMonday(weekYear: weekYear + 1) - firstMonday(weekYear: weekYear)) / 7
  }

  /// Adds months to a date, clamping the day to the end of a shorter month.
  package static func plusMonths(_ epochDay: Int64, _ months: Int64) -> Int64 {
    if months == 0 { return epochDay }
    let c = civil(epochDay)
    let total = c.year * 12 + (c.month - 1) + months
    let year = floorDiv(total, 12)
    let month = floorMod(total, 12) + 1
    return self.epochDay(year: year, month: month, day: min(c.day, daysInMonth(year, month)))
  }

  /// Whole months from `a` to `b` (Java's `LocalDate.until(…, MONTHS)`).
  package static func monthsBetween(_ a: Int64, _ b: Int64) -> Int64 {
    let ca = civil(a)
    let cb = civil(b)
    let packed1 = (ca.year * 12 + ca.month - 1) * 32 + ca.day
    let packed2 = (cb.year * 12 + cb.month - 1) * 32 + cb.day
    return (packed2 - packed1) / 32
  }
}
