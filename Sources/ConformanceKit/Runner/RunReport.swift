// The outcome of a whole run: one entry per case in feature-file order, and its renderings as
// the console report (per-file counts, failures with reasons, the totals line CI reads) and as
// the `--json` file (one record per case).
import Foundation

/// One case's result in the run.
struct CaseReport: Sendable, Encodable {
  var id: String
  var file: String
  var scenario: String
  var example: Int?
  var status: CaseOutcome.Status
  var reason: String?
}

/// All case results of a run, grouped by feature file.
struct RunReport: Sendable {
  /// Files in report order, each with its cases in file order.
  var files: [(path: String, cases: [CaseReport])]

  var allCases: [CaseReport] { files.flatMap(\.cases) }

  func count(_ status: CaseOutcome.Status) -> Int {
    allCases.filter { $0.status == status }.count
  }

  /// The console report; `notes` (e.g. ratchet messages) go just before the skipped count, so
  /// that the last line is exactly `N passed, N failed`.
  func consoleText(notes: [String] = []) -> String {
    var out = ""
    for (path, cases) in files {
      let p = cases.filter { $0.status == .passed }.count
      let f = cases.filter { $0.status == .failed }.count
      let s = cases.filter { $0.status == .skipped }.count
      out += "\(path): \(p) passed, \(f) failed, \(s) skipped\n"
    }
    let failures = allCases.filter { $0.status == .failed }
    if !failures.isEmpty {
      out += "\nFailures:\n"
      for failure in failures {
        out += "FAIL \(failure.id)\n"
        let reason = failure.reason ?? "no reason given"
        for line in reason.split(separator: "\n", omittingEmptySubsequences: false) {
          out += "    \(line)\n"
        }
      }
      out += "\n"
    }
    for note in notes { out += note + "\n" }
    out += "\(count(.skipped)) skipped\n"
    out += "\(count(.passed)) passed, \(count(.failed)) failed\n"
    return out
  }

  /// A JSON array with one record per line.
  var jsonText: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let records = allCases.compactMap { c in
      (try? encoder.encode(c)).map { String(decoding: $0, as: UTF8.self) }
    }
    return "[\n" + records.joined(separator: ",\n") + "\n]\n"
  }
}
