// Binding procedure CALLs: the procedure must exist in the catalog, take as many arguments as
// given (none aggregating; optional parameters may be left out), get them in parentheses unless the CALL is the whole statement, and
// have every output that YIELD names. Argument types and clashes of yielded names with variables
// in scope are checked where the planner knows the scope.
import CypherSyntax
import GraphCore

extension Binder {
  /// Resolves `call` against the catalog and records it in the `calls` table.
  mutating func bindCall(_ call: ProcedureCall, standalone: Bool) throws {
    guard let procedure = catalog.procedure(named: call.name) else {
      throw QuiverError(
        .procedure, .procedureNotFound, "there is no procedure called \(call.name)", phase: .compile,
        at: call.loc.position, name: call.name)
    }
    if let args = call.arguments {
      let count = procedure.parameters.count
      let required = procedure.requiredParameterCount
      if args.count < required || args.count > count {
        let takes = required == count ? "\(count)" : "\(required) to \(count)"
        throw semanticError(
          .invalidNumberOfArguments,
          "\(procedure.name) takes \(takes) argument\(count == 1 ? "" : "s"), got \(args.count): \(procedure.signature)",
          call.loc.position, name: procedure.name)
      }
      for a in args where a.containsAggregate(catalog) {
        throw semanticError(.invalidAggregation, "aggregate functions are not allowed as procedure arguments", a.position)
      }
      for a in args { try visit(a) }
    } else {
      if !standalone {
        throw semanticError(
          .invalidArgumentPassingMode,
          "arguments of \(procedure.name) must be given in parentheses inside a larger query", call.loc.position,
          name: procedure.name)
      }
      // An optional parameter falls back to its default when the query parameter is missing.
      parameters.formUnion(procedure.parameters.filter { $0.defaultValue == nil }.map(\.name))
    }
    if let items = call.yields {
      for item in items where !procedure.outputs.contains(where: { $0.name == item.field }) {
        throw semanticError(
          .undefinedVariable, "\(procedure.name) has no output `\(item.field)`", item.loc.position, name: item.field)
      }
    } else if !standalone && call.yieldAll {
      throw semanticError(.unexpectedSyntax, "YIELD * is only allowed in a standalone CALL", call.loc.position)
    }
    try visit(call.predicate)
    calls[call.loc.position.offset] = BoundCall(procedure: procedure, standalone: standalone)
  }
}
