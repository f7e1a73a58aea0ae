// Productions of the clauses that load data in batches: LOAD CSV, and the IN TRANSACTIONS
// modifiers of a CALL subquery.
import GraphCore

extension Parser {
  /// loadCSV := LOAD CSV [WITH HEADERS] FROM expression AS name [FIELDTERMINATOR string]
  mutating func loadCSV(_ loc: Loc) throws -> LoadCSV {
    try expect(.load)
    try expect(.csv)
    var withHeaders = false
    if eat(.with) {
      try expect(.headers)
      withHeaders = true
    }
    try expect(.from)
    let url = try expression()
    try expect(.as)
    let variable = try symbolicName("a variable name")
    var terminator: String?
    if eat(.fieldTerminator) {
      guard current.kind == .string else { throw unexpected(expected: "a string after FIELDTERMINATOR") }
      terminator = current.text
      advance()
    }
    return LoadCSV(withHeaders: withHeaders, url: url, variable: variable, fieldTerminator: terminator, loc: loc)
  }

  /// inTransactions := IN TRANSACTIONS [OF expression (ROW | ROWS)]
  ///   [ON ERROR (CONTINUE | BREAK | FAIL)] [REPORT STATUS AS name]
  /// Called after the subquery's `}` when IN TRANSACTIONS follows.
  mutating func inTransactions() throws -> InTransactions {
    try expect(.in)
    try expect(.transactions)
    var size: Expression?
    var sizeLoc: Loc?
    if eat(.of) {
      sizeLoc = Loc(current.position)
      size = try expression()
      guard eat(.rows) || eat(.row) else { throw unexpected(expected: "ROWS after the batch size") }
    }
    var onError = InTransactions.OnError.fail
    if at(.on) && peek().isKeyword(.error) {
      advance()
      advance()
      if eat(.continue) {
        onError = .continue
      } else if eat(.break) {
        onError = .break
      } else if eat(.fail) {
        onError = .fail
      } else {
        throw unexpected(expected: "CONTINUE, BREAK or FAIL after ON ERROR")
      }
    }
    var status: String?
    var statusLoc: Loc?
    if at(.report) {
      statusLoc = Loc(current.position)
      advance()
      try expect(.status)
      try expect(.as)
      status = try symbolicName("a variable name")
    }
    return InTransactions(batchSize: size, batchSizeLoc: sizeLoc, onError: onError, status: status, statusLoc: statusLoc)
  }
}
