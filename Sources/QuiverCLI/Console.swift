// The standard streams as the CLI uses them: results to standard output, errors to standard
// error (after flushing output so the two interleave in order, red on a colour terminal),
// whether each stream is a terminal, and the terminal's width.
import QuiverShellSupport
import Foundation

/// Writing to the standard streams and asking whether they are terminals.
enum Console {
  /// Writes `text` to standard output as is.
  static func write(_ text: String) {
    print(text, terminator: "")
  }

  /// Writes `text` and a line break to standard error, after flushing standard output; red
  /// when standard error is a terminal that takes colours.
  static func error(_ text: String) {
    fflush(nil)
    var line = text.hasSuffix("\n") ? text : text + "\n"
    if errorUsesColor {
      let breaks = trailingBreaks(line)
      line = ANSI.red(String(line.dropLast(breaks))) + String(repeating: "\n", count: breaks)
    }
    writeError(line)
  }

  /// Writes `text` and a line break to standard error, after flushing standard output; dimmed
  /// when standard error is a terminal that takes colours (warnings, not errors).
  static func warning(_ text: String) {
    fflush(nil)
    writeError((errorUsesColor ? ANSI.dim(text) : text) + "\n")
  }

  /// Writes `text` to standard error as is (progress lines, notices).

  static func writeError(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
  }

  /// Flushes standard output, e.g. before handing the terminal to the line editor.
  static func flush() {
    fflush(nil)
  }

  /// True when standard input is a terminal (someone is typing).
  static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

  /// True when standard output is a terminal.
  static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// True when standard error is a terminal.
  static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

  private static let errorUsesColor =
    errorIsTerminal && ANSI.allowed(environment: ProcessInfo.processInfo.environment)

  /// Unicode box drawing on a terminal, ASCII when output goes elsewhere or `TERM=dumb`.
  static func tableStyle(environment: [String: String]) -> TableFormatter.Style {
    outputIsTerminal && environment["TERM"] != "dumb" ? .unicode : .ascii
  }

  /// The width of the terminal standard output is on, or nil when it is not a terminal or
  /// does not know its size.
  static var terminalWidth: Int? {
    guard outputIsTerminal else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  private static func trailingBreaks(_ text: String) -> Int {
    text.reversed().prefix { $0.isNewline }.count
  }
}
