// `format(duration, pattern)` (Cypher 25): a duration written by letters that name its
// components. A duration keeps three groups that cannot be converted into one another without
// an instant to count from (a month has 28 to 31 days, a day 23 to 25 hours): months (years
// `y`/`Y`/`u`, quarters `q`/`Q`, months `M`/`L`), days (weeks `w`/`W`, days `d`/`D`) and seconds
// (hours `h`/`H`/`k`/`K`, minutes `m`, seconds `s`, milliseconds `A`, nanoseconds `N`, and the
// fraction of a second `S`/`n`). Within a group the largest unit the pattern names takes the
// whole group and each smaller one what is left, so `PT90M` is `1:30` by `h:mm` and `90` by `m`.

extension Temporal {
  /// The units of the months and days groups, largest first: the letters naming each and its
  /// size in the group's own unit.
  private static let monthUnits: [(letters: String, size: UInt64)] = [("yYu", 12), ("qQ", 3), ("ML", 1)]
  private static let dayUnits: [(letters: String, size: UInt64)] = [("wW", 7), ("dD", 1)]
  /// The whole-second units of the seconds group, in seconds, largest first.
  private static let secondUnits: [(letters: String, size: UInt64)] = [("hHkK", 3600), ("m", 60), ("s", 1)]
  /// The units below a second, in nanoseconds, largest first.
  private static let subsecondUnits: [(letters: String, size: UInt64)] = [("A", 1_000_000), ("N", 1)]

  /// This duration written by `runs` (see `formatted`).
  func durationFormatted(_ runs: [PatternRun]) throws -> String {
    var named = Set<Character>()
    for case .field(let letter, _) in runs { named.insert(letter) }
    var values: [Character: UInt64] = [:]
    Self.split(months.magnitude, Self.monthUnits, named, into: &values)
    Self.split(days.magnitude, Self.dayUnits, named, into: &values)
    // The seconds group as a magnitude of whole seconds and nanoseconds: the stored nanoseconds
    // are always positive, so a negative duration borrows one second from them.
    let negativeSeconds = seconds < 0
    var wholeSeconds = seconds.magnitude
    var nanos = UInt64(nanoseconds)
    if negativeSeconds, nanos > 0 {
      wholeSeconds -= 1
      nanos = 1_000_000_000 - nanos
    }
    let fraction = nanos
    wholeSeconds = Self.split(wholeSeconds, Self.secondUnits, named, into: &values)
    for unit in Self.subsecondUnits where unit.letters.contains(where: named.contains) {
      // The whole seconds no larger unit took, in this unit, and the nanoseconds beside them.
      let (inUnit, overflow) = wholeSeconds.multipliedReportingOverflow(by: 1_000_000_000 / unit.size)
      guard !overflow, inUnit <= UInt64.max - nanos / unit.size else {
        throw formatError("the duration is too long to write in \(unit.size == 1 ? "nanoseconds" : "milliseconds")")
      }
      for letter in unit.letters { values[letter] = inUnit + nanos / unit.size }
      wholeSeconds = 0
      nanos %= unit.size
    }

    var out = ""
    for run in runs {
      switch run {
      case .text(let text):
        out += text
      case .field(let letter, let count):
        guard count <= 19 else { throw formatError("too many '\(letter)' in the pattern") }
        if letter == "S" {
          guard count <= 9 else { throw formatError("too many 'S' in the pattern (at most 9)") }
          out += Self.padded(fraction, 9).prefix(count)
          continue
        }
        let value: UInt64
        let negative: Bool
        if letter == "n" {
          (value, negative) = (fraction, negativeSeconds)
        } else if let v = values[letter] {
          let group = "yYuqQML".contains(letter) ? months : "wWdD".contains(letter) ? days : seconds
          (value, negative) = (v, group < 0)
        } else {
          throw formatError(
            "'\(letter)' is not a component of a DURATION; use y, q, M (months), w, d (days), h, m, s, S, n, A or N (seconds)")
        }
        out += (negative && value > 0 ? "-" : "") + Self.padded(value, count)
      }
    }
    return out
  }

  /// Spreads `amount` over the units of one group that `named` names, largest first, each taking
  /// what the larger ones left, and returns what the smallest named unit left.
  @discardableResult
  private static func split(
    _ amount: UInt64, _ units: [(letters: String, size: UInt64)], _ named: Set<Character>,
    into values: inout [Character: UInt64]
  ) -> UInt64 {
    var rest = amount
    for unit in units where unit.letters.contains(where: named.contains) {
      for letter in unit.letters { values[letter] = rest / unit.size }
      rest %= unit.size
    }
    return rest
  }

  /// `value` in decimal, zero-padded to `width` digits.
  private static func padded(_ value: UInt64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}
