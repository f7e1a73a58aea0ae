// Planning CALL of a procedure the binder resolved (and whose argument types and yielded names it
// checked against the scope): binding the arguments and the yielded columns.
import CypherSyntax
import GraphCore

extension Planner {
  mutating func planCall(_ call: ProcedureCall, _ resolved: BoundCall, input: PlanOperator, scope: inout Scope) throws
    -> (PlanOperator, [(String, Int)])
  {
    let procedure = resolved.procedure
    let standalone = resolved.standalone
    let arguments: [PlanExpression]
    if let args = call.arguments {
      // Optional parameters the call leaves out take their defaults.
      let omitted = procedure.parameters.dropFirst(args.count).map { PlanExpression.constant($0.defaultValue ?? .null) }
      arguments = try args.map { try bind($0, scope) } + omitted
    } else {
      arguments = procedure.parameters.map { .parameter($0.name) }
    }
    var yields: [(Int, Int)] = []
    var columns: [(String, Int)] = []
    if let items = call.yields {
      for item in items {
        guard let index = procedure.outputs.firstIndex(where: { $0.name == item.field }) else {
          preconditionFailure("unreachable: the binder checks that every yielded output exists")
        }
        let name = item.alias ?? item.field
        let slot = newSlot()
        scope[name] = Variable(slot: slot, kind: .value)
        yields.append((index, slot))
        columns.append((name, slot))
      }
    } else {
      for (index, field) in procedure.outputs.enumerated() where standalone {
        let slot = newSlot()
        scope[field.name] = Variable(slot: slot, kind: .value)
        yields.append((index, slot))
        columns.append((field.name, slot))
      }
    }
    var op = PlanOperator.procedureCall(
      input, ProcedureCallSpec(name: procedure.name, arguments: arguments, yields: yields, argumentTypes: procedure.parameters.map(\.type),
        argumentDefaults: procedure.parameters.map { call.arguments == nil ? $0.defaultValue : nil },
        isVoid: procedure.outputs.isEmpty))
    if let predicate = call.predicate {
      op = .filter(op, try bindPredicate(predicate, scope))
    }
    return (op, columns)
  }
}
