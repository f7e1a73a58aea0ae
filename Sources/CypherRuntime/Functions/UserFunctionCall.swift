// Running a user-defined function (registered from Swift) on one row's arguments: each argument
// is checked against its declared type, the body runs, and its result is checked against the
// return type. An error the body throws becomes `FunctionCallFailed`, naming the function.
import CypherPlanner
import GraphCore

extension ExecutionContext {
  /// `function` applied to `args`.
  func call(_ function: UserFunction, _ args: [Value]) throws -> Value {
    for (parameter, value) in zip(function.parameters, args) where !parameter.type.accepts(value) {
      throw QuiverError(
        .type, .invalidArgumentType,
        "\(function.name)() argument `\(parameter.name)` must be \(parameter.type), not \(value.typeName)",
        phase: .runtime, name: function.name)
    }
    let result: Value
    do {
      result = try function.body(args)
    } catch let error as QuiverError where error.code == .cancelled {
      throw error
    } catch {
      throw QuiverError(
        .procedure, .functionCallFailed, "\(function.name)() failed: \(Self.describe(error))", phase: .runtime,
        name: function.name)
    }
    guard function.returnType.accepts(result) else {
      throw QuiverError(
        .type, .invalidArgumentType,
        "\(function.name)() returned \(result.typeName), but is declared to return \(function.returnType)",
        phase: .runtime, name: function.name)
    }
    return result
  }

  /// The text of an error a function threw: a `QuiverError`'s message, else its description.
  private static func describe(_ error: any Error) -> String {
    (error as? QuiverError)?.message ?? "\(error)"
  }
}
