// The error a step throws when it does not hold; its message is the reason reported for the
// scenario.

/// Why a step did not hold; its message becomes the scenario's failure reason.
struct StepFailure: Error, Sendable, CustomStringConvertible {
  var message: String
  init(_ message: String) { self.message = message }
  var description: String { message }
}
