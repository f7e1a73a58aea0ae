// Line input for the interactive shell through libedit's readline-compatible interface:
// cursor movement, Emacs-style editing keys, Ctrl-R history search, Tab completion, and a
// history that persists across sessions in ~/.quiver_history (or $QUIVER_HISTORY).
import CEditLine
import Foundation
import QuiverShellSupport

/// Reads lines from the terminal with editing, completion and a persistent history.
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

  /// Loads the history from `historyPath` when the file exists, and sets up completion with
  /// `vocabulary` and the Ctrl-R binding.
  init(historyPath: String?) {
    self.historyPath = historyPath
    EditLineVariables.setString("rl_readline_name", "quiver")
    rl_initialize()
    using_history()
    stifle_history(Int32(HistoryPolicy.limit))
    if let historyPath { _ = read_history(historyPath) }
    lastEntry = entries().last
    EditLineCompletion.install()
    // libedit's readline emulation binds Ctrl-R already; bind it explicitly in case an
    // editrc changed it.
    _ = rl_parse_and_bind("bind ^R em-inc-search-prev")
  }

  /// Where completion candidates come from; called on each Tab.
  var vocabulary: (() -> CompletionVocabulary)? {
    get { EditLineCompletion.vocabulary }
    set { EditLineCompletion.vocabulary = newValue }
  }

  /// Shows `prompt` and waits for a line. Ctrl-C abandons the line.
  func read(prompt: String) -> Input {
    Console.flush()
    _ = Interrupt.take()
    guard let raw = readline(prompt) else {
      return Interrupt.take() ? .interrupt : .endOfInput
    }
    defer { free(raw) }
    return Interrupt.take() ? .interrupt : .line(String(cString: raw))
  }

  /// Appends `entry` to the history unless the history policy leaves it out (a repeat of the
  /// last entry, a `:param` with a secret), and saves the file, so nothing is lost if the
  /// process is killed.
  func addHistory(_ entry: String) {
    guard HistoryPolicy.shouldKeep(entry, after: lastEntry) else { return }
    lastEntry = entry
    _ = add_history(entry)
    save()
  }

  /// The history, oldest first.
  func entries() -> [String] {
    var out: [String] = []
    let count = EditLineVariables.int("history_length") ?? 0
    let base = EditLineVariables.int("history_base") ?? 1
    for index in 0..<count {
      if let entry = history_get(base + index), let line = entry.pointee.line {
        out.append(String(cString: line))
      }
    }
    return out
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
