// The binder's check of calls of user-defined functions and aggregates (registered from Swift):
// the number of arguments matches the declaration, only an aggregate takes DISTINCT, and an
// argument written as a literal has the declared type. Arguments computed from the graph are checked when the call runs.
import CypherSyntax
import GraphCore

extension Binder {
  /// Checks the call `name(args)` at `p` of the user-defined function `function`.
  func checkUserFunction(
    _ function: UserFunction, _ name: String, distinct: Bool, _ args: [Expression], _ p: SourcePosition
  ) throws {
    try checkUserCall(function.name, function.parameters, name, distinct: distinct, distinctAllowed: false, args, p)
  }

  /// Checks the call `name(args)` at `p` of the user-defined function (scalar or aggregating)
  /// `qualified` declared with `parameters`; only an aggregate may take DISTINCT.
  func checkUserCall(
    _ qualified: String, _ parameters: [ProcedureField], _ name: String, distinct: Bool, distinctAllowed: Bool,
    _ args: [Expression], _ p: SourcePosition
  ) throws {
    let count = parameters.count
    guard args.count == count else {
      throw semanticError(
        .invalidNumberOfArguments,
        "\(qualified)() takes \(count) argument\(count == 1 ? "" : "s"), not \(args.count)", p, name: name)
    }
    if distinct && !distinctAllowed {
      throw semanticError(.invalidArgumentType, "DISTINCT is only allowed in aggregate functions", p, name: name)
    }
    for (parameter, arg) in zip(parameters, args) {
      guard let found = Self.literalType(arg), !parameter.type.accepts(found.sample) else { continue }
      throw semanticError(
        .invalidArgumentType,
        "\(qualified)() argument `\(parameter.name)` must be \(parameter.type), not \(found.name)",
        arg.position ?? p, name: name)
    }
  }

  /// The type of an argument written as a literal (with a value of that type to test against a
  /// declared type); nil for anything computed.
  private static func literalType(_ e: Expression) -> (name: String, sample: Value)? {
    switch e {
    case .literal(let literal): return (literal.value.typeName, literal.value)
    case .list: return ("LIST", .list([]))
    case .map: return ("MAP", .map([:]))
    default: return nil
    }
  }
}
