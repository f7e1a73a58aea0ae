// A compact way for tests to assert which error a statement raises: its detail code and, for
// errors about one place in the query, the line and column (`UndefinedVariable at 1:12`).
import Quiver

/// The error `body` throws as `Code at line:column` (or just `Code` without a position);
/// `no error` when it returns, and the description of an error that is not a QuiverError.
func thrown(_ body: () throws -> Any) -> String {
  do {
    _ = try body()
    return "no error"
  } catch let e as QuiverError {
    return e.code.rawValue + (e.position.map { " at \($0.line):\($0.column)" } ?? "")
  } catch {
    return "\(error)"
  }
}
