// The verdict on one test case as the executor, the worker protocol and the reports carry it:
// passed, failed with a reason, or skipped.

/// The verdict on one test case.
struct CaseOutcome: Sendable, Hashable {
  enum Status: String, Sendable, Codable {
    case passed, failed, skipped
  }

  var status: Status
  var reason: String?

  static let passed = CaseOutcome(status: .passed, reason: nil)
  static func failed(_ reason: String) -> CaseOutcome { CaseOutcome(status: .failed, reason: reason) }
  static func skipped(_ reason: String) -> CaseOutcome { CaseOutcome(status: .skipped, reason: reason) }
}
