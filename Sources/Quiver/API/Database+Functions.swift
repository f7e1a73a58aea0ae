// Extending Cypher from Swift with scalar functions: `db.register(UserFunction(…))` or the
// shorter `db.registerFunction("geo.km", …)`. Registered functions join the catalog the planner
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
}
