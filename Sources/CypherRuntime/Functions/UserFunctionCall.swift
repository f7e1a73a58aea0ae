// Running a user-defined function or aggregate (registered from Swift): each argument is checked
// against its declared type, the body runs, and its result is checked against the return type.
// An error the body throws becomes `FunctionCallFailed`, naming the function.
import CypherPlanner
import GraphCore

extension ExecutionContext {
  /// `function` applied to `args`.
  func call(_ function: UserFunction, _ args: [Value]) throws -> Value {
    try UserCall.checkArguments(function.name, function.parameters, args)
    let result = try UserCall.run(function.name) { try function.body(args) }
    try UserCall.checkResult(function.name, function.returnType, result)
    return result
  }
}

/// The checks and error wrapping every call into embedder code goes through.
enum UserCall {
  /// Refuses an argument whose value its declared type does not admit.
  static func checkArguments(_ name: String, _ parameters: [ProcedureField], _ args: [Value]) throws {
    for (parameter, value) in zip(parameters, args) where !parameter.type.accepts(value) {
      throw QuiverError(
        .type, .invalidArgumentType,
        "\(name)() argument `\(parameter.name)` must be \(parameter.type), not \(value.typeName)",
        phase: .runtime, name: name)
    }
  }

  /// Runs `body`, the embedder's code for `name`, turning what it throws into `FunctionCallFailed`
  /// (a cancellation stays a cancellation).
  static func run<T>(_ name: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as QuiverError where error.code == .cancelled {
      throw error
    } catch {
      let message = (error as? QuiverError)?.message ?? "\(error)"
      throw QuiverError(.procedure, .functionCallFailed, "\(name)() failed: \(message)", phase: .runtime, name: name)
    }
  }

  /// Refuses a result that is not of the declared `type`.
  static func checkResult(_ name: String, _ type: CypherType, _ result: Value) throws {
    guard type.accepts(result) else {
      throw QuiverError(
        .type, .invalidArgumentType, "\(name)() returned \(result.typeName), but is declared to return \(type)",
        phase: .runtime, name: name)
    }
  }
}
