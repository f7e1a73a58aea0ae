// The line the CLI shows on standard error while work runs: for a statement running longer
// than a second, a spinner frame and the elapsed time; for a report, the step being computed.
// Both are redrawn in place, and `erase` clears the line again.

/// Text for the running-work indicator.
package enum ProgressLine {
  /// Statements running shorter than this show no indicator.
  package static let delay: Duration = .seconds(1)

  private static let frames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

  /// `\r⠹ Running… 2.3 s (Ctrl-C cancels)` for `elapsed`, with the frame chosen by tenths of a
  /// second and the line cleared to its end.
  package static func frame(elapsed: Duration, rows: Int = 0) -> String {
    let progress = rows > 0 ? ", \(rows) row\(rows == 1 ? "" : "s") so far" : ""
    return line("Running… \(seconds(elapsed))\(progress) (Ctrl-C cancels)", elapsed: elapsed)
  }

  /// `\r⠹ computing betweenness (2/3)… 2.3 s` for a step of a longer job.
  package static func frame(step: String, position: Int, count: Int, elapsed: Duration) -> String {
    line("computing \(step) (\(position)/\(count))… \(seconds(elapsed))", elapsed: elapsed)
  }

  /// Moves to the start of the line and erases it.
  package static let erase = "\r\u{1B}[K"

  private static func line(_ text: String, elapsed: Duration) -> String {
    "\r\(frames[tenths(elapsed) % frames.count]) \(text)\u{1B}[K"
  }

  private static func tenths(_ elapsed: Duration) -> Int {
    let (seconds, attoseconds) = elapsed.components
    return Int(seconds) * 10 + Int(attoseconds / 100_000_000_000_000_000)
  }

  /// `2.3 s`.
  private static func seconds(_ elapsed: Duration) -> String {
    let tenths = tenths(elapsed)
    return "\(tenths / 10).\(tenths % 10) s"
  }
}
