// The binder's output, which the planner consumes: the statement as parsed plus the tables the
// binder filled while checking it (the procedure each CALL resolves to, the parameters read).
import CypherSyntax
import GraphCore

/// A procedure CALL the binder resolved against the catalog.
package struct BoundCall: Sendable {
  /// The procedure the CALL names.
  package let procedure: Procedure
  /// True for a CALL that is the whole statement: it may omit parentheses (the arguments then
  /// come from parameters of the same names) and, without YIELD, returns every output.
  package let standalone: Bool
}

/// A statement whose structure the binder has checked, with what it resolved.
///
/// The planner reads the tables instead of checking again: a CALL it plans is always in `calls`.
package struct BoundStatement: Sendable {
  /// The statement as parsed.
  package let statement: Statement
  /// Every `$name` the statement reads, including those a CALL without parentheses takes.
  package let parameters: Set<String>
  /// Each procedure CALL, keyed by the source offset of its `CALL` keyword.
  package let calls: [Int: BoundCall]
  /// Every variable name read anywhere in the statement (in an expression, a `*` projection's
  /// columns, or a pattern that repeats a bound variable), whatever scope it is read in: a
  /// variable whose name is not here is never read, so the planner may leave it unfilled.
  package let readNames: Set<String>

  /// The resolution of `call`, which the binder made for every CALL of the statement.
  package func resolution(of call: ProcedureCall) -> BoundCall {
    guard let bound = calls[call.loc.position.offset] else {
      preconditionFailure("unreachable: the binder resolves every CALL of the statement")
    }
    return bound
  }
}
