// Functions an embedder writes in Swift and calls from Cypher (`RETURN geo.km(a, b)`), computed
// once per row. Declared here, beside `Procedure`, so that the binder can check calls against
// the signature and the runtime can run the body.

/// A user-defined Cypher function written in Swift: its qualified name, the declared types of
/// its arguments and result, and its body.
///
/// Register one with `Database.register(_:)`. The binder refuses a call with the wrong number
/// of arguments, or a literal argument of the wrong type, before anything runs; at run time
/// each argument is checked against its declared type and the result against the return type,
/// and an error the body throws becomes a `FunctionCallFailed` error naming the function.
public struct UserFunction: Sendable {
  /// The qualified name, e.g. `geo.km`; calls match it without regard to case.
  public let name: String
  /// The arguments, in order.
  public let parameters: [ProcedureField]
  /// The type of the result.
  public let returnType: CypherType
  /// A one-line description, shown by `SHOW FUNCTIONS`.
  public let description: String
  /// Computes the result from the arguments, in declaration order.
  package let body: @Sendable ([Value]) throws -> Value

  /// A function named `name` taking `parameters` and returning a `returnType`; `body` gets the
  /// arguments in declaration order and returns the result.
  public init(
    name: String, parameters: [ProcedureField], returns returnType: CypherType, description: String = "",
    body: @escaping @Sendable (_ arguments: [Value]) throws -> Value
  ) {
    self.name = name
    self.parameters = parameters
    self.returnType = returnType
    self.description = description
    self.body = body
  }

  /// The signature as `SHOW FUNCTIONS` prints it: `geo.km(a :: NODE?, b :: NODE?) :: FLOAT?`.
  public var signature: String {
    "\(name)(\(ProcedureField.list(parameters))) :: \(returnType)"
  }
}

extension CypherType: ExpressibleByStringLiteral {
  /// A type written as in a signature: `"FLOAT"`, `"STRING?"`, `"LIST OF INTEGER"`.
  public init(stringLiteral value: String) { self.init(value) }
}
