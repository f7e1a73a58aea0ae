// Which entries the shell's history keeps: no blank entries, no repeat of the entry before, and
// no `:param` line whose name looks like a secret, so passwords never reach the history file.

/// Decides what goes into the history.
package enum HistoryPolicy {
  /// How many entries the history file keeps.
  package static let limit = 1000

  /// Words that mark a parameter name as a secret, matched case-insensitively anywhere in it.
  package static let secretWords = ["password", "passwd", "secret", "token", "key", "credential"]

  /// Whether `entry` should be added after `previous` (the last entry kept).
  package static func shouldKeep(_ entry: String, after previous: String?) -> Bool {
    guard !entry.trimmingWhitespace().isEmpty, entry != previous else { return false }
    return !isSecret(entry)
  }

  /// True for a `:param NAME => ...` line whose NAME contains a secret word.
  package static func isSecret(_ entry: String) -> Bool {
    guard case .setParameter(let name, _)? = MetaCommand.parse(entry) else {
      let text = entry.trimmingWhitespace().lowercased()
      // A malformed `:param` line may still carry a secret value; keep it out as well.
      guard text.hasPrefix(":param ") else { return false }
      return secretWords.contains { text.contains($0) }
    }
    let lowered = name.lowercased()
    return secretWords.contains { lowered.contains($0) }
  }
}
