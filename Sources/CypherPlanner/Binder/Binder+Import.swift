// Binding the clauses that load data in batches: LOAD CSV (its URL and field terminator) and the
// IN TRANSACTIONS modifiers of a CALL subquery (where it may stand, its batch size, and REPORT
// STATUS only with an ON ERROR that lets a batch fail). Whether the statement runs in an
// implicit transaction is known only when it runs (Quiver's statement pipeline checks it).
import CypherSyntax
import GraphCore

extension Binder {
  /// Checks LOAD CSV: its URL expression and a field terminator of exactly one byte.
  mutating func bindLoadCSV(_ load: LoadCSV) throws {
    try visit(load.url)
    if let terminator = load.fieldTerminator, terminator.utf8.count != 1 {
      throw semanticError(
        .invalidArgumentValue,
        "FIELDTERMINATOR must be a single one-byte character, got '\(terminator)'", load.loc.position)
    }
  }

  /// Binds LOAD CSV's row variable, which must be new, after checking its URL against the scope.
  mutating func resolveLoadCSV(_ load: LoadCSV) throws {
    if scope[load.variable] != nil {
      throw semanticError(
        .variableAlreadyBound, "variable `\(load.variable)` is already defined", load.loc.position, name: load.variable)
    }
    try resolve(load.url, scope)
    scope[load.variable] = .init(kind: .value)
  }

  /// Checks the IN TRANSACTIONS modifiers of the subquery at `loc`: it must be the statement's
  /// own (not inside another subquery), its batch size a positive integer literal or a
  /// parameter, and REPORT STATUS needs ON ERROR CONTINUE or BREAK.
  mutating func bindInTransactions(_ tx: InTransactions, at loc: Loc) throws {
    if nesting > 0 {
      throw semanticError(
        .invalidClauseComposition, "CALL { … } IN TRANSACTIONS cannot be nested in another subquery", loc.position)
    }
    if let size = tx.batchSize {
      switch size {
      case .literal(.int(let n)) where n > 0: break
      case .parameter(let name, _): parameters.insert(name)
      default:
        throw semanticError(
          .invalidBatchSize, "the batch size of IN TRANSACTIONS OF … ROWS must be a positive integer or a parameter",
          tx.batchSizeLoc?.position)
      }
    }
    if tx.status != nil && tx.onError == .fail {
      throw semanticError(
        .invalidClauseComposition, "REPORT STATUS can only be used with ON ERROR CONTINUE or ON ERROR BREAK",
        tx.statusLoc?.position ?? loc.position)
    }
  }
}
