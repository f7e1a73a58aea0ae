// Aggregating functions an embedder writes in Swift and calls from Cypher like count() or
// collect() (`RETURN p.city, stats.geomean(p.score)`): one state per group, folded row by row,
// turned into the group's value at the end. Declared here, beside `UserFunction`, so that the
// binder can check calls against the signature and the runtime can fold the rows.

/// A user-defined aggregating Cypher function written in Swift: its qualified name, the declared
/// types of its arguments and result, a fresh state for each group, and how rows fold into it.
///
/// Register one with `Database.register(_:)` or `Database.registerAggregateFunction(_:…)`.
/// Like the built-in aggregates it may stand only in a `WITH` or `RETURN` column or an `ORDER BY`
/// key, and `DISTINCT` folds each distinct argument list once. Declared types admit null unless
/// declared otherwise; a row with a null argument whose type does not
/// (`CypherType("FLOAT", nullable: false)`) is skipped, as `sum()` skips nulls. An error the fold
/// or the result throws becomes a `FunctionCallFailed` error naming the function.
public struct UserAggregateFunction: Sendable {
  /// The qualified name, e.g. `stats.geomean`; calls match it without regard to case.
  public let name: String
  /// The arguments, in order.
  public let parameters: [ProcedureField]
  /// The type of the result.
  public let returnType: CypherType
  /// A one-line description, shown by `SHOW FUNCTIONS`.
  public let description: String
  /// Makes the state of one group.
  package let makeState: @Sendable () -> UserAggregateState

  /// A function named `name` taking `parameters` and returning a `returnType`. Each group starts
  /// from `initial`; `update` folds one row's arguments (in declaration order) into the state and
  /// `result` turns the final state into the group's value.
  public init<State: Sendable>(
    name: String, parameters: [ProcedureField], returns returnType: CypherType, description: String = "",
    initial: State,
    update: @escaping @Sendable (_ state: inout State, _ arguments: [Value]) throws -> Void,
    result: @escaping @Sendable (_ state: State) throws -> Value
  ) {
    self.name = name
    self.parameters = parameters
    self.returnType = returnType
    self.description = description
    self.makeState = { TypedAggregateState(initial, update: update, result: result) }
  }

  /// The signature as `SHOW FUNCTIONS` prints it: `stats.geomean(x :: FLOAT) :: FLOAT?`.
  public var signature: String {
    "\(name)(\(ProcedureField.list(parameters))) :: \(returnType)"
  }
}

/// The running state of one group of a user-defined aggregate, with its type erased. A class:
/// the aggregation operator keeps one per group and folds rows into it in place.
package class UserAggregateState {
  /// Folds one row's arguments into the state.
  package func update(_ arguments: [Value]) throws {}
  /// The group's value.
  package func result() throws -> Value { .null }
}

/// A `UserAggregateState` holding a state of the embedder's type.
private final class TypedAggregateState<State>: UserAggregateState {
  private var state: State
  private let fold: @Sendable (inout State, [Value]) throws -> Void
  private let finish: @Sendable (State) throws -> Value

  init(
    _ initial: State, update: @escaping @Sendable (inout State, [Value]) throws -> Void,
    result: @escaping @Sendable (State) throws -> Value
  ) {
    state = initial
    fold = update
    finish = result
  }

  override func update(_ arguments: [Value]) throws { try fold(&state, arguments) }
  override func result() throws -> Value { try finish(state) }
}
