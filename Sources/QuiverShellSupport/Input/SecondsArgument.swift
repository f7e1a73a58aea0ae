// A number of seconds typed by a user (`--timeout`, `:timeout`, the server's time limits), read
// into a `Duration` without overflowing.

/// Turns a typed number of seconds into a `Duration`: positive, finite and at most `maximum`
/// (about 31 years), so that `1e308` or `99999999999999999999` are refused with a message rather
/// than trapping in the conversion to whole milliseconds.
package enum SecondsArgument {
  /// The longest time accepted, in seconds.
  package static let maximum: Double = 1_000_000_000

  /// The duration of `seconds`, or nil when it is not a positive finite number up to `maximum`.
  package static func duration(_ seconds: Double) -> Duration? {
    guard seconds > 0, seconds.isFinite, seconds <= maximum else { return nil }
    return .milliseconds(Int64((seconds * 1000).rounded()))
  }

  /// What to tell a user whose number was refused.
  package static let requirement = "a positive number of seconds, at most \(Int(maximum))"
}
