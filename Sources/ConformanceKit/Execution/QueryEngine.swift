// The seam between the scenario executor and the database: the executor only runs statements
// and registers procedures, so tests can drive it with a fake engine that returns canned results.
import Quiver

/// What the executor needs from a database under test.
protocol QueryEngine: AnyObject {
  /// Runs one statement; throws the engine's error (a `QuiverError` for Quiver) on failure.
  func execute(_ query: String, parameters: [String: Value]) throws -> QueryResult
  /// Makes `procedure` callable with `CALL`.
  func register(_ procedure: Procedure)
}

extension Database: QueryEngine {
  func execute(_ query: String, parameters: [String: Value]) throws -> QueryResult {
    try execute(query, parameters: parameters, timeout: nil, cancellation: nil)
  }
}
