// The embedding API's entry point: an in-memory property graph that runs Cypher. It drives the
// pipeline parse → plan → execute and is safe to share between threads.
@_exported import GraphCore

/// A Quiver database. Create one with `try Database()` and run Cypher with `execute`.
public final class Database: Sendable {
  public init() throws {}

  /// Runs one Cypher statement with `parameters` bound to `$name` placeholders.
  public func execute(_ query: String, parameters: [String: Value] = [:]) throws -> QueryResult {
    throw QuiverError.runtime(.procedure, "NotImplemented", "not implemented yet")
  }

  /// Makes `procedure` callable with `CALL name(...)`; replaces one of the same name.
  public func register(_ procedure: Procedure) {}

  /// The procedures that `CALL` can reach, built-in and registered, sorted by name.
  public var procedures: [Procedure] { [] }

  /// Cuts `script` into statements at the semicolons that end them, ignoring semicolons inside
  /// strings, backquoted names and comments.
  public static func split(script: String) -> ScriptSplit {
    ScriptSplit(statements: [], remainder: nil)
  }
}
