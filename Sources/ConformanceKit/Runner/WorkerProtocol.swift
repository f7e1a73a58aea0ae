// The line protocol between the parent runner and its worker processes: a worker writes one
// marked JSON line per finished case to standard output; anything else the engine prints there
// is ignored by the parent.
import Foundation

/// One finished case as a worker reports it.
struct WorkerRecord: Codable, Sendable, Hashable {
  /// The case's index among its file's cases.
  var index: Int
  var status: CaseOutcome.Status
  var reason: String?

  /// Lines that carry a record start with this marker.
  static let marker = "@@tck "
  /// Reasons are cut to this many characters so that a record stays one modest line.
  static let maxReason = 4000

  /// The record as a line: a newline first (so that the marker starts a line even after
  /// unterminated engine output), the marker, the JSON, a newline.
  func encodedLine() -> String {
    var record = self
    if let reason, reason.count > Self.maxReason {
      record.reason = String(reason.prefix(Self.maxReason)) + "… (cut)"
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(record) else { return "" }
    return "\n" + Self.marker + String(decoding: data, as: UTF8.self) + "\n"
  }

  /// The record carried by `line`, or nil for any other line.
  static func decode(line: String) -> WorkerRecord? {
    guard line.hasPrefix(marker) else { return nil }
    return try? JSONDecoder().decode(WorkerRecord.self, from: Data(line.dropFirst(marker.count).utf8))
  }
}
