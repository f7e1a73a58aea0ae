// Planning the clauses that load data in batches: LOAD CSV becomes a row source over its input,
// and a CALL subquery IN TRANSACTIONS an apply whose batches commit one by one.
import CypherSyntax
import GraphCore

extension Planner {
  /// Plans `LOAD CSV … AS row` over `input`, binding `row` (a list, or a map with headers).
  mutating func planLoadCSV(_ load: LoadCSV, input: PlanOperator, scope: inout Scope) throws -> PlanOperator {
    if scope[load.variable] != nil {
      preconditionFailure("unreachable: the binder refuses a LOAD CSV variable already defined")
    }
    let url = try bind(load.url, scope)
    let slot = newSlot()
    scope[load.variable] = Variable(slot: slot, kind: .value, type: load.withHeaders ? .map : .list)
    let lineSlot = newSlot()
    let fileSlot = newSlot()
    scope[Self.lineNumberName] = Variable(slot: lineSlot, kind: .value, type: .integer)
    scope[Self.fileName] = Variable(slot: fileSlot, kind: .value, type: .string)
    // The binder checked that a terminator is one byte.
    let delimiter = load.fieldTerminator?.utf8.first ?? UInt8(ascii: ",")
    return .loadCSV(
      input,
      LoadCSVSpec(
        url: url, slot: slot, withHeaders: load.withHeaders, delimiter: delimiter, lineSlot: lineSlot, fileSlot: fileSlot))
  }

  /// The planner's own names (a leading space: never a user's) of the slots LOAD CSV fills for
  /// `linenumber()` and `file()`.
  static let lineNumberName = " linenumber"
  static let fileName = " file"

  /// `linenumber()` or `file()`: the slot of the LOAD CSV in scope, or null outside one.
  func loadCSVPosition(_ f: ScalarFunction, _ scope: Scope) -> PlanExpression {
    let name = f == .linenumber ? Self.lineNumberName : Self.fileName
    return scope[name].map { .slot($0.slot) } ?? .constant(.null)
  }

  /// The apply of a subquery IN TRANSACTIONS over `input`; binds the REPORT STATUS variable.
  mutating func planInTransactions(
    _ input: PlanOperator, inner: PlanOperator, outputs: [Int]?, _ tx: InTransactions, scope: inout Scope
  ) throws -> PlanOperator {
    var size = PlanExpression.constant(.int(1000))
    if let given = tx.batchSize { size = try bind(given, scope) }
    var statusSlot: Int?
    if let status = tx.status {
      if scope[status] != nil {
        preconditionFailure("unreachable: the binder refuses a REPORT STATUS variable already defined")
      }
      let slot = newSlot()
      scope[status] = Variable(slot: slot, kind: .value, type: .map)
      statusSlot = slot
    }
    let onError: TransactionBatchSpec.OnError
    switch tx.onError {
    case .fail: onError = .fail
    case .continue: onError = .continue
    case .break: onError = .break
    }
    batchesTransactions = true
    return .applyInTransactions(
      input, inner: inner, outputs: outputs, TransactionBatchSpec(size: size, onError: onError, statusSlot: statusSlot))
  }
}
