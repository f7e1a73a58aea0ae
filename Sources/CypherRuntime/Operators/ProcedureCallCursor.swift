// CALL of a procedure: per input row, checks the arguments against the signature, runs the
// procedure and yields one row per result row with the yielded columns bound.
import CypherPlanner
import GraphCore

/// Yields each input row extended with each of the procedure's result rows.
final class ProcedureCallCursor: Cursor {
  private let input: Cursor
  private let ctx: ExecutionContext
  private let spec: ProcedureCallSpec
  private var row: Row?
  private var results: [[Value]] = []
  private var position = 0

  init(_ input: Cursor, _ ctx: ExecutionContext, _ spec: ProcedureCallSpec) {
    self.input = input
    self.ctx = ctx
    self.spec = spec
  }

  func next() throws -> Row? {
    while true {
      if var r = row, position < results.count {
        let result = results[position]
        position += 1
        for (index, slot) in spec.yields where index < result.count { r[slot] = result[index] }
        return r
      }
      guard let next = try input.next() else { return nil }
      row = next
      position = 0
      results = try run(next)
      if spec.isVoid { results = [[]] }
    }
  }

  private func run(_ row: Row) throws -> [[Value]] {
    var args: [Value] = []
    for (i, e) in spec.arguments.enumerated() {
      var v: Value
      if case .parameter(let name) = e, ctx.parameter(name) == nil, let fallback = spec.argumentDefaults[i] {
        v = fallback
      } else {
        v = try ctx.eval(e, row)
      }
      let type = spec.argumentTypes[i]
      if case .int(let n) = v, type.name == "FLOAT" { v = .float(Double(n)) }
      guard type.accepts(v) else {
        throw QuiverError(.type, .invalidArgumentType, "argument \(i + 1) of \(spec.name) must be \(type), got \(v.typeName)", phase: .runtime)
      }
      args.append(v)
    }
    if let builtin = ctx.procedures.builtin(spec.name) {
      return builtin.run(ctx.store, ctx.procedures)
    }
    if let algorithm = ctx.procedures.algorithm(spec.name) {
      return try algorithm.run(ctx, args)
    }
    if let indexProcedure = ctx.procedures.indexProcedure(spec.name) {
      return try indexProcedure.run(ctx.store, args)
    }
    if let catalogProcedure = ctx.procedures.catalogProcedure(spec.name) {
      return try catalogProcedure.run(ctx, args)
    }
    guard let procedure = ctx.procedures.procedure(named: spec.name) else {
      throw QuiverError(
        .procedure, .procedureNotFound, "there is no procedure called \(spec.name)", phase: .runtime, name: spec.name)
    }
    do {
      return try procedure.body(args)
    } catch let e as QuiverError {
      throw e
    } catch {
      throw QuiverError.runtime(.procedure, .procedureCallFailed, "\(spec.name) failed: \(error)")
    }
  }
}
