// Time-zone rules for named zones (`Europe/Stockholm`) from the system's tz database through
// Foundation's TimeZone, and the text of fixed offsets (`+01:00`, `Z`, `-02:05:07`).
import Foundation

/// Offsets of named zones at instants and at local date-times.
package enum TemporalZones {
  private static let cache = Locked<[String: TimeZone]>([:])

  /// The zone named `id`, or nil when the tz database does not know it.
  package static func zone(_ id: String) -> TimeZone? {
    if let z = cache.withLock({ $0[id] }) { return z }
    guard id.contains("/") || id == "UTC" || id == "GMT", let z = TimeZone(identifier: id) else { return nil }
    cache.withLock { $0[id] = z }
    return z
  }

  /// True when `id` names a known zone.
  package static func isKnown(_ id: String) -> Bool { zone(id) != nil }

  /// The offset of zone `id` at `epochSecond` (UTC); 0 for an unknown zone.
  package static func offset(_ id: String, atEpochSecond epochSecond: Int64) -> Int64 {
    guard let z = zone(id) else { return 0 }
    return Int64(z.secondsFromGMT(for: Date(timeIntervalSince1970: Double(epochSecond))))
  }

  /// The offset for a local wall-clock time in zone `id`, and the local time in seconds since the
  /// epoch actually used: in an overlap the earlier offset wins, and a time in a gap moves forward
  /// by the gap's length.
  package static func resolve(_ id: String, localSecond: Int64) -> (offset: Int64, localSecond: Int64) {
    let before = offset(id, atEpochSecond: localSecond - 86_400)
    let after = offset(id, atEpochSecond: localSecond + 86_400)
    for candidate in [before, after] where offset(id, atEpochSecond: localSecond - candidate) == candidate {
      return (candidate, localSecond)
    }
    let direct = offset(id, atEpochSecond: localSecond - before)
    if direct == offset(id, atEpochSecond: localSecond - direct) { return (direct, localSecond) }
    return (after, localSecond + (after - before))
  }

  /// `Z` for zero, else `±HH:MM` with `:SS` when the offset has seconds.
  package static func offsetText(_ seconds: Int64) -> String {
    if seconds == 0 { return "Z" }
    let sign = seconds < 0 ? "-" : "+"
    let a = abs(seconds)
    var text = sign + pad(a / 3600, 2) + ":" + pad(a / 60 % 60, 2)
    if a % 60 != 0 { text += ":" + pad(a % 60, 2) }
    return text
  }

  /// `value` zero-padded to at least `width` digits.
  package static func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}
