// Line input for the interactive shell through libedit's readline-compatible interface:
// cursor movement, Emacs-style editing keys, and a history that the arrow keys walk and that
// persists across sessions in ~/.quiver_history (or $QUIVER_HISTORY).
import CEditLine
import Foundation

/// Set by the SIGINT handler while the editor waits for a line; only ever written with 0 or 1.
nonisolated(unsafe) private var interruptReceived: sig_atomic_t = 0

/// Reads lines from the terminal with editing and a persistent history.
final class LineEditor {
  /// What the user did at the prompt.
  enum Input: Equatable {
    /// Typed a line and pressed Enter (the line is given without its line break).
    case line(String)
    /// Pressed Ctrl-C: abandon what was typed so far.
    case interrupt
    /// Pressed Ctrl-D on an empty line, or the terminal went away.
    case endOfInput
  }

  /// The history file, or nil to keep history for this session only.
  let historyPath: String?
  private var lastEntry: String?

  /// Loads the history from `historyPath` when the file exists.
  init(historyPath: String?) {
    self.historyPath = historyPath
    using_history()
    stifle_history(1_000)
    if let historyPath { _ = read_history(historyPath) }
  }

  /// Shows `prompt` and waits for a line. Ctrl-C is caught only while waiting here, so that
  /// it abandons the line; while a statement runs it still ends the process.
  func read(prompt: String) -> Input {
    Console.flush()
    interruptReceived = 0
    let previous = signal(SIGINT) { _ in interruptReceived = 1 }
    defer { signal(SIGINT, previous) }
    guard let raw = readline(prompt) else {
      return interruptReceived != 0 ? .interrupt : .endOfInput
    }
    defer { free(raw) }
    return interruptReceived != 0 ? .interrupt : .line(String(cString: raw))
  }

  /// Appends `entry` to the history (unless it repeats the last one) and saves the file, so
  /// nothing is lost if the process is killed.
  func addHistory(_ entry: String) {
    guard !entry.isEmpty, entry != lastEntry else { return }
    lastEntry = entry
    _ = add_history(entry)
    save()
  }

  /// Writes the history file.
  func save() {
    if let historyPath { _ = write_history(historyPath) }
  }

  /// `$QUIVER_HISTORY` when set (an empty value turns the file off), else
  /// `~/.quiver_history`; nil when neither applies.
  static func historyPath(environment: [String: String]) -> String? {
    if let path = environment["QUIVER_HISTORY"] { return path.isEmpty ? nil : path }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return URL(fileURLWithPath: home).appendingPathComponent(".quiver_history").path
  }
}
