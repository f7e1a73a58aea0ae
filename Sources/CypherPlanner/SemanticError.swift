// The one constructor the binder and the planner use for a compile-time error about a query's
// meaning (openCypher files these under SyntaxError).
import GraphCore

/// A compile-time semantic error with `code` at `p`, about `name` when one is involved.
func semanticError(
  _ code: QuiverError.Code, _ message: String, _ p: SourcePosition?, name: String? = nil
) -> QuiverError {
  QuiverError.semantic(code, message, at: p, name: name)
}
