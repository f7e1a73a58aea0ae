// Timing repetitions and reporting them as one JSON line with the process's peak memory.
import Foundation

/// The times of one workload's repetitions.
struct Measurement {
  let workload: String
  let dataset: String
  var seconds: [Double] = []
  /// More fields of the line: answers, rates, sizes (JSON-serialisable values).
  var extra: [String: Any] = [:]

  /// Runs `body` once per repetition, timing each.
  static func time(_ repetitions: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var out: [Double] = []
    for _ in 0..<repetitions {
      let clock = ContinuousClock()
      let elapsed = try clock.measure { try body() }
      out.append(seconds(elapsed))
    }
    return out
  }

  /// `duration` in seconds.
  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  /// The median of `seconds` (0 when empty).
  var median: Double {
    let sorted = seconds.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
  }

  /// Prints the JSON line.
  func report() {
    var object: [String: Any] = [
      "system": "quiver", "workload": workload, "dataset": dataset, "repetitions": seconds.count,
      "median_s": median, "min_s": seconds.min() ?? 0, "max_s": seconds.max() ?? 0, "peak_rss_bytes": Self.memory("VmHWM"),
    ]
    for (k, v) in extra { object[k] = v }
    if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
      let line = String(data: data, encoding: .utf8)
    {
      print(line)
    }
  }

  /// Resets this process's peak resident set size (`VmHWM`) to what is resident now (Linux:
  /// `5` written to /proc/self/clear_refs), so that a later peak covers only what ran since.
  /// Returns false where that is not possible.
  static func resetPeakMemory() -> Bool {
    guard let file = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
    defer { try? file.close() }
    return (try? file.write(contentsOf: Data("5".utf8))) != nil
  }

  /// A memory figure of this process from /proc/self/status (`VmHWM`: peak resident set size,
  /// `VmRSS`: resident now), in bytes; 0 where unavailable.
  static func memory(_ field: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
      let digits = line.split(separator: " ").compactMap { Int($0) }
      return (digits.first ?? 0) * 1024
    }
    return 0
  }
}
