// Planning CALL of a procedure: checking the name and arguments against the catalog and binding
// the yielded columns.
import CypherSyntax
import GraphCore

extension Planner {
  mutating func planCall(_ call: ProcedureCall, input: PlanOperator, scope: inout Scope, standalone: Bool) throws
    -> (PlanOperator, [(String, Int)])
  {
    guard let procedure = catalog.procedure(named: call.name) else {
      throw QuiverError(.procedure, .procedureNotFound, "there is no procedure called \(call.name)", phase: .compile, at: call.loc.position,
        name: call.name)
    }
    let arguments: [PlanExpression]
    if let args = call.arguments {
      if args.count != procedure.parameters.count {
        throw semanticError(
          .invalidNumberOfArguments,
          "\(procedure.name) takes \(procedure.parameters.count) argument\(procedure.parameters.count == 1 ? "" : "s"), got \(args.count): \(procedure.signature)",
          call.loc.position)
      }
      for a in args where a.containsAggregate {
        throw semanticError(.invalidAggregation, "aggregate functions are not allowed as procedure arguments", a.position)
      }
      for (a, field) in zip(args, procedure.parameters) {
        if let t = staticType(a, scope), t != .null, !field.type.accepts(t.sample) {
          throw semanticError(.invalidArgumentType, "argument `\(field.name)` of \(procedure.name) must be \(field.type), got \(t.name)", a.position)
        }
      }
      arguments = try args.map { try bind($0, scope) }
    } else {
      if !standalone {
        throw semanticError(.invalidArgumentPassingMode, "arguments of \(procedure.name) must be given in parentheses inside a larger query", call.loc.position)
      }
      arguments = procedure.parameters.map { .parameter($0.name) }
      parameterNames.formUnion(procedure.parameters.map(\.name))
    }
    var yields: [(Int, Int)] = []
    var columns: [(String, Int)] = []
    if let items = call.yields {
      for item in items {
        guard let index = procedure.outputs.firstIndex(where: { $0.name == item.field }) else {
          throw semanticError(.undefinedVariable, "\(procedure.name) has no output `\(item.field)`", item.loc.position, name: item.field)
        }
        let name = item.alias ?? item.field
        if scope[name] != nil {
          throw semanticError(.variableAlreadyBound, "variable `\(name)` is already defined", item.loc.position, name: name)
        }
        let slot = newSlot()
        scope[name] = Variable(slot: slot, kind: .value)
        yields.append((index, slot))
        columns.append((name, slot))
      }
    } else {
      if !standalone && call.yieldAll {
        throw semanticError(.unexpectedSyntax, "YIELD * is only allowed in a standalone CALL", call.loc.position)
      }
      for (index, field) in procedure.outputs.enumerated() where standalone {
        let slot = newSlot()
        scope[field.name] = Variable(slot: slot, kind: .value)
        yields.append((index, slot))
        columns.append((field.name, slot))
      }
    }
    var op = PlanOperator.procedureCall(
      input, ProcedureCallSpec(name: procedure.name, arguments: arguments, yields: yields, argumentTypes: procedure.parameters.map(\.type),
        isVoid: procedure.outputs.isEmpty))
    if let predicate = call.predicate {
      op = .filter(op, try bindPredicate(predicate, scope))
    }
    return (op, columns)
  }
}
