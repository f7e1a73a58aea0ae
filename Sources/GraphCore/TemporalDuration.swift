// Building durations: from ISO text (`P1Y2M10DT12H45M30.25S`, `P2.5W`, `P2012-02-02T14:37:21.545`)
// and from unit amounts, where fractions of a unit cascade into smaller units (a month being
// 30.436875 days on average) as openCypher specifies.

/// Turns unit amounts and ISO text into durations.
package enum DurationParser {
  private static let nanosPerMonth: Int64 = 2_629_746_000_000_000

  /// A duration from months, days and seconds (any of which may be fractional) plus exact
  /// nanoseconds; fractions cascade into the next smaller unit and sub-nanosecond rests are dropped.
  package static func approximate(months: Double, days: Double, seconds: Double, nanos: Int64) throws -> Temporal {
    if months.rounded(.towardZero) == months, days.rounded(.towardZero) == days, seconds.rounded(.towardZero) == seconds {
      return .duration(months: try whole(months), days: try whole(days), seconds: try whole(seconds), nanoseconds: nanos)
    }
    let m = try whole(months)
    let monthRest = Double(nanosPerMonth) * months - Double(nanosPerMonth) * Double(m)
    let allDays = days + monthRest / Double(Temporal.nanosPerDay)
    let d = try whole(allDays)
    let dayRest = Double(Temporal.nanosPerDay) * allDays - Double(Temporal.nanosPerDay) * Double(d)
    let allSeconds = seconds + dayRest / Double(Temporal.nanosPerSecond)
    let s = try whole(allSeconds)
    let secondRest = Double(Temporal.nanosPerSecond) * allSeconds - Double(Temporal.nanosPerSecond) * Double(s)
    return .duration(months: m, days: d, seconds: s, nanoseconds: nanos + (try whole(secondRest)))
  }

  /// `d` truncated toward zero, or an error when it does not fit.
  static func whole(_ d: Double) throws -> Int64 {
    guard d.isFinite, d > -9.2e18, d < 9.2e18 else {
      throw QuiverError.runtime(.arithmetic, .durationOverflow, "duration component \(d) is out of range")
    }
    return Int64(d.rounded(.towardZero))
  }

  /// Parses `[-]P[nY][nM][nW][nD][T[nH][nM][n[.f]S]]` or `P<date>T<time>`.
  package static func parse(_ text: String) throws -> Temporal {
    var chars = Array(text)
    var negate = false
    if chars.first == "-" || chars.first == "+" {
      negate = chars.first == "-"
      chars.removeFirst()
    }
    guard chars.first == "P" || chars.first == "p", chars.count > 1 else { throw TemporalParser.invalid("duration", text) }
    chars.removeFirst()
    if let dash = chars.firstIndex(of: "-"), dash > 0, chars[..<dash].allSatisfy(\.isNumber) {
      return try alternative(String(chars), text, negate)
    }
    var months = 0.0
    var days = 0.0
    var seconds = 0.0
    var nanos: Int64 = 0
    var inTime = false
    var i = 0
    var sawComponent = false
    while i < chars.count {
      if chars[i] == "T" || chars[i] == "t" {
        guard !inTime else { throw TemporalParser.invalid("duration", text) }
        inTime = true
        i += 1
        continue
      }
      let start = i
      if chars[i] == "-" || chars[i] == "+" { i += 1 }
      while i < chars.count, chars[i].isNumber || chars[i] == "." || chars[i] == "," { i += 1 }
      guard i < chars.count, i > start else { throw TemporalParser.invalid("duration", text) }
      let numberText = String(chars[start..<i]).replacingOccurrencesOfComma()
      guard let value = Double(numberText) else { throw TemporalParser.invalid("duration", text) }
      let unit = chars[i].uppercased()
      i += 1
      sawComponent = true
      switch (inTime, unit) {
      case (false, "Y"): months += value * 12
      case (false, "M"): months += value
      case (false, "W"): days += value * 7
      case (false, "D"): days += value
      case (true, "H"): seconds += value * 3600
      case (true, "M"): seconds += value * 60
      case (true, "S"):
        let (whole, fraction) = try secondsAndNanos(numberText, text)
        seconds += Double(whole)
        nanos += fraction
      default: throw TemporalParser.invalid("duration", text)
      }
    }
    guard sawComponent else { throw TemporalParser.invalid("duration", text) }
    let d = try approximate(months: months, days: days, seconds: seconds, nanos: nanos)
    return try negate ? TemporalArithmetic.negate(d) : d
  }

  /// `P2012-02-02T14:37:21.545`: a duration written as a date and time.
  private static func alternative(_ body: String, _ text: String, _ negate: Bool) throws -> Temporal {
    let parts = body.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
    let date = parts[0].split(separator: "-")
    guard date.count == 3, let y = Int64(date[0]), let m = Int64(date[1]), let d = Int64(date[2]) else {
      throw TemporalParser.invalid("duration", text)
    }
    var nanoOfDay: Int64 = 0
    if parts.count == 2 {
      var cursor = TemporalParser.Cursor(String(parts[1]))
      nanoOfDay = try cursor.time()
      guard cursor.atEnd else { throw TemporalParser.invalid("duration", text) }
    }
    let (years, o1) = y.multipliedReportingOverflow(by: 12)
    let (months, o2) = years.addingReportingOverflow(m)
    if o1 || o2 { throw TemporalArithmetic.overflow() }
    let r = Temporal.duration(months: months, days: d, seconds: 0, nanoseconds: nanoOfDay)
    return try negate ? TemporalArithmetic.negate(r) : r
  }

  /// Splits `-12.345` into whole seconds and nanoseconds, both carrying the sign.
  private static func secondsAndNanos(_ number: String, _ text: String) throws -> (Int64, Int64) {
    let negative = number.hasPrefix("-")
    let unsigned = number.drop { $0 == "-" || $0 == "+" }
    let pieces = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let whole = Int64(pieces[0].isEmpty ? "0" : String(pieces[0])) else { throw TemporalParser.invalid("duration", text) }
    var nanos: Int64 = 0
    if pieces.count == 2 {
      let digits = String(pieces[1].prefix(9))
      guard let f = Int64(digits.isEmpty ? "0" : digits) else { throw TemporalParser.invalid("duration", text) }
      nanos = f
      for _ in digits.count..<9 { nanos *= 10 }
    }
    return negative ? (-whole, -nanos) : (whole, nanos)
  }
}

extension String {
  fileprivate func replacingOccurrencesOfComma() -> String { String(map { $0 == "," ? "." : $0 }) }
}
