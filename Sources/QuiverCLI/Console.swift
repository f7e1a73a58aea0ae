// The standard streams as the CLI uses them: results to standard output, errors to standard
// error (after flushing output so the two interleave in order), and whether each stream is a
// terminal, which decides between the shell and batch mode and between table styles.
import QuiverShellSupport
import Foundation

/// Writing to the standard streams and asking whether they are terminals.
enum Console {
  /// Writes `text` to standard output as is.
  static func write(_ text: String) {
    print(text, terminator: "")
  }

  /// Writes `text` and a line break to standard error, after flushing standard output.
  static func error(_ text: String) {
    fflush(nil)
    let line = text.hasSuffix("\n") ? text : text + "\n"
    try? FileHandle.standardError.write(contentsOf: Data(line.utf8))
  }

  /// Flushes standard output, e.g. before handing the terminal to the line editor.
  static func flush() {
    fflush(nil)
  }

  /// True when standard input is a terminal (someone is typing).
  static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

  /// True when standard output is a terminal.
  static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// Unicode box drawing on a terminal, ASCII when output goes elsewhere or `TERM=dumb`.
  static func tableStyle(environment: [String: String]) -> TableFormatter.Style {
    outputIsTerminal && environment["TERM"] != "dumb" ? .unicode : .ascii
  }
}
