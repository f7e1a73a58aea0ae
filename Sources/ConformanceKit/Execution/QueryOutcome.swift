// What running one statement produced (a result or an error), and the one rendering of an
// engine error used in failure reasons.
import Quiver

/// What running a statement produced.
enum QueryOutcome {
  case result(QueryResult)
  case error(any Error)

  /// An error as `Category at phase: Code (message)`.
  static func describe(_ error: any Error) -> String {
    guard let e = error as? QuiverError else { return "\(type(of: error)): \(error)" }
    return "\(e.category.name) at \(e.phase.rawValue): \(e.code) (\(e.message))"
  }
}
