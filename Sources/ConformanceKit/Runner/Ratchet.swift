// The ratchet file (tck/passing.txt): the sorted ids of scenarios that must keep passing, one
// per line, `#` lines being comments. Checking fails the run when a listed id does not pass;
// updating only ever adds ids.
import Foundation

/// Reading, checking and growing the list of scenarios that must pass.
struct Ratchet {
  /// The comment lines at the top of the file, kept when it is rewritten.
  var comments: [String]
  var ids: [String]

  /// Reads `path`; a missing file is an empty list.
  static func load(path: String) throws(RunnerError) -> Ratchet {
    guard FileManager.default.fileExists(atPath: path) else { return Ratchet(comments: [], ids: []) }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw RunnerError.usage("cannot read ratchet file \(path)")
    }
    return parse(String(decoding: data, as: UTF8.self))
  }

  static func parse(_ text: String) -> Ratchet {
    var comments: [String] = []
    var ids: [String] = []
    for raw in text.split(whereSeparator: \.isNewline) {
      let line = raw.trimmingBlanks()
      if line.isEmpty { continue }
      if line.hasPrefix("#") {
        if ids.isEmpty { comments.append(line) }
      } else {
        ids.append(line)
      }
    }
    return Ratchet(comments: comments, ids: ids)
  }

  /// The listed ids that did not pass, each with why: its status, or that no such case exists.
  /// Ids of cases that exist but were not selected for this run (`notRun`) are not checked.
  func violations(status: [String: CaseOutcome.Status], notRun: Set<String>) -> [String] {
    ids.compactMap { id in
      if notRun.contains(id) { return nil }
      guard let s = status[id] else { return "\(id) (no such scenario)" }
      return s == .passed ? nil : "\(id) (\(s.rawValue))"
    }
  }

  /// This list plus `passing`, sorted and without duplicates.
  func adding(_ passing: [String]) -> Ratchet {
    Ratchet(comments: comments, ids: Array(Set(ids).union(passing)).sorted())
  }

  var text: String {
    (comments + ids).map { $0 + "\n" }.joined()
  }

  func write(path: String) throws(RunnerError) {
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
      throw RunnerError.usage("cannot write ratchet file \(path)")
    }
  }
}
