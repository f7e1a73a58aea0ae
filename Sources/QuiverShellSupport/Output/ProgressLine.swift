// The line the CLI shows on standard error while work runs: for a statement running longer
// than a second, a spinner frame and the elapsed time; for a report, the step being computed;
// for a long algorithm, the part done and an estimate of the time left. All are redrawn in
// place, and `erase` clears the line again.
import Quiver

/// Text for the running-work indicator.
package enum ProgressLine {
  /// Statements running shorter than this show no indicator.
  package static let delay: Duration = .seconds(1)

  private static let frames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

  /// `\r⠹ Running… 2.3 s (Ctrl-C cancels)` for `elapsed`, with the frame chosen by tenths of a
  /// second and the line cleared to its end.
  /// With an algorithm's `work`, its part done and time left follow: `…, 12% done, about 2 min 50 s left`.
  package static func frame(elapsed: Duration, rows: Int = 0, work: AlgorithmProgress? = nil) -> String {
    let progress = rows > 0 ? ", \(rows) row\(rows == 1 ? "" : "s") so far" : ""
    return line("Running… \(seconds(elapsed))\(progress)\(done(work)) (Ctrl-C cancels)", elapsed: elapsed)
  }

  /// `\r⠹ computing betweenness (2/3)… 2.3 s` for a step of a longer job, with the part of the
  /// step done and the time it has left when it reports them (`…, 12% done, about 40 s left`).
  package static func frame(step: String, position: Int, count: Int, elapsed: Duration, work: AlgorithmProgress? = nil) -> String {
    line("computing \(step) (\(position)/\(count))… \(seconds(elapsed))\(done(work))", elapsed: elapsed)
  }

  /// `, 12% done, about 2 min 50 s left`; `, 0% done` before an estimate; "" without progress.
  static func done(_ work: AlgorithmProgress?) -> String {
    guard let work, work.total > 0 else { return "" }
    let percent = Int((work.fraction * 100).rounded(.down))
    guard let left = work.estimatedRemaining else { return ", \(percent)% done" }
    return ", \(percent)% done, about \(estimate(left)) left"
  }

  /// `42 s`, `2 min 50 s`, `1 h 5 min`: whole units, the two largest.
  package static func estimate(_ duration: Duration) -> String {
    let total = Int(duration.components.seconds)
    if total < 60 { return "\(total) s" }
    if total < 3600 { return "\(total / 60) min \(total % 60) s" }
    return "\(total / 3600) h \(total % 3600 / 60) min"
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
