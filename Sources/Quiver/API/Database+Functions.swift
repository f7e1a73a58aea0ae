// Extending Cypher from Swift with scalar and aggregating functions: `db.register(UserFunction(…))`
// or the shorter `db.registerFunction("geo.km", …)`, and `db.registerAggregateFunction(…)`. Registered functions join the catalog the planner
// checks calls against (so cached and prepared plans are made again) and are listed by
// `SHOW FUNCTIONS`.

extension Database {
  /// Makes `function` callable from Cypher; replaces a user-defined function of the same name.
  /// Built-in functions keep their names: a function named like one is never called.
  public func register(_ function: UserFunction) {
    state.withLock { $0.procedures = $0.procedures.adding(function) }
  }

  /// Registers a scalar function named `name` (`RETURN geo.km($a, $b)`) whose arguments are
  /// declared as `(name, type)` pairs (`[("lat", "FLOAT"), ("tags", "LIST?")]`).
  public func registerFunction(
    _ name: String, parameters: [(String, CypherType)], returns returnType: CypherType, description: String = "",
    body: @escaping @Sendable (_ arguments: [Value]) throws -> Value
  ) {
    register(
      UserFunction(
        name: name, parameters: parameters.map { ProcedureField($0.0, $0.1) }, returns: returnType,
        description: description, body: body))
  }

  /// The user-defined functions, sorted by name.
  public var userFunctions: [UserFunction] {
    state.withLock { $0.procedures.userFunctions }
  }

  /// Makes the aggregating `function` callable from Cypher; replaces a user-defined function of
  /// the same name. Built-in functions keep their names: a function named like one is never called.
  public func register(_ function: UserAggregateFunction) {
    state.withLock { $0.procedures = $0.procedures.adding(function) }
  }

  /// Registers an aggregating function named `name` (`RETURN stats.geomean(p.score)`) whose
  /// arguments are declared as `(name, type)` pairs. Each group starts from `initial`; `update`
  /// folds one row's arguments into it and `result` gives the group's value.
  public func registerAggregateFunction<State: Sendable>(
    _ name: String, parameters: [(String, CypherType)], returns returnType: CypherType, description: String = "",
    initial: State,
    update: @escaping @Sendable (_ state: inout State, _ arguments: [Value]) throws -> Void,
    result: @escaping @Sendable (_ state: State) throws -> Value
  ) {
    register(
      UserAggregateFunction(
        name: name, parameters: parameters.map { ProcedureField($0.0, $0.1) }, returns: returnType,
        description: description, initial: initial, update: update, result: result))
  }

  /// The user-defined aggregating functions, sorted by name.
  public var userAggregateFunctions: [UserAggregateFunction] {
    state.withLock { $0.procedures.userAggregates }
  }
}
