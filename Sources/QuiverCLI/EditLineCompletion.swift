// Tab completion wired into libedit: its attempted-completion hook hands the line and cursor
// to `Completer` (in QuiverShellSupport) and returns the candidates as the NULL-terminated
// array of malloc'd strings libedit expects, adjusted to the word libedit chose to replace.
import CEditLine
import Foundation
import QuiverShellSupport

/// The glue between libedit's completion hook and `Completer`.
enum EditLineCompletion {
  /// Where candidates come from. libedit calls the hook on the main thread while `readline`
  /// runs, so this global is only touched from there.
  nonisolated(unsafe) static var vocabulary: (() -> CompletionVocabulary)?

  /// Installs the hook. Word breaks tell libedit which word it replaces; the hook computes
  /// the word itself and aligns its candidates to libedit's.
  static func install() {
    let wordBreaks = " \t\n\"'`@$><=;|&{([,:.)]}"
    EditLineVariables.setString("rl_completer_word_break_characters", wordBreaks)
    EditLineVariables.setString("rl_basic_word_break_characters", wordBreaks)
    EditLineVariables.setCompletionHook { text, start, end in
      EditLineCompletion.matches(text: text.map { String(cString: $0) } ?? "", start: Int(start), end: Int(end))
    }
  }

  /// The matches for the word `text` that libedit will replace, ending at `end`.
  private static func matches(text: String, start: Int, end: Int) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    EditLineVariables.setInt("rl_attempted_completion_over", 1)
    let line = currentLine(text: text, end: end)
    let cursor = line.count
    let completion = Completer.complete(line: line, cursor: cursor, vocabulary: vocabulary?() ?? CompletionVocabulary())
    guard !completion.candidates.isEmpty else { return nil }
    // libedit replaces `text`, which starts `text.count` characters before the cursor; the
    // completer's word starts at `completion.start`. Align the candidates to libedit's word.
    let libeditStart = cursor - text.count
    let candidates = completion.candidates.map { candidate -> String in
      if completion.start < libeditStart {
        return String(candidate.dropFirst(libeditStart - completion.start))
      }
      let characters = Array(line)
      return String(characters[libeditStart..<min(completion.start, characters.count)]) + candidate
    }
    let single = candidates.count == 1
    // A space after a completed keyword; labels, keys and functions go on with `)`, `.`, `(`.
    let keywords = CypherVocabulary.keywords + CypherVocabulary.snippets
    let appendsSpace = single && keywords.contains(completion.candidates[0].uppercased())
    EditLineVariables.setInt("rl_completion_append_character", appendsSpace ? 0x20 : 0)
    var common = Completion(start: 0, candidates: candidates).commonPrefix ?? text
    if common.count < text.count { common = text }
    let count = single ? 1 : candidates.count + 1
    guard let array = calloc(count + 1, MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
      .assumingMemoryBound(to: UnsafeMutablePointer<CChar>?.self)
    else { return nil }
    if single {
      array[0] = strdup(candidates[0])
    } else {
      array[0] = strdup(common)
      for (index, candidate) in candidates.enumerated() { array[index + 1] = strdup(candidate) }
    }
    return array
  }

  /// The line up to the cursor: libedit's line buffer when it agrees with `text`, else `text`.
  private static func currentLine(text: String, end: Int) -> String {
    guard let line = EditLineVariables.lineBuffer else { return text }
    let prefix = String(line.prefix(max(0, end)))
    return prefix.hasSuffix(text) ? prefix : text
  }
}
