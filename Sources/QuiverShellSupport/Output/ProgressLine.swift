// The line the shell shows on standard error while a statement runs longer than a second: a
// spinner frame and the elapsed time, redrawn in place, and the escape that erases it again.

/// Text for the running-statement indicator.
package enum ProgressLine {
  /// Statements running shorter than this show no indicator.
  package static let delay: Duration = .seconds(1)

  private static let frames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

  /// `\r⠹ Running… 2.3 s (Ctrl-C cancels)` for `elapsed`, with the frame chosen by tenths of a
  /// second and the line cleared to its end.
  package static func frame(elapsed: Duration, rows: Int = 0) -> String {
    let (seconds, attoseconds) = elapsed.components
    let tenths = Int(seconds) * 10 + Int(attoseconds / 100_000_000_000_000_000)
    let frame = frames[tenths % frames.count]
    let progress = rows > 0 ? ", \(rows) row\(rows == 1 ? "" : "s") so far" : ""
    return "\r\(frame) Running… \(tenths / 10).\(tenths % 10) s\(progress) (Ctrl-C cancels)\u{1B}[K"
  }

  /// Moves to the start of the line and erases it.
  package static let erase = "\r\u{1B}[K"
}
