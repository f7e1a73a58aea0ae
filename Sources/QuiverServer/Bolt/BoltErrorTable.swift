// The one table that turns Quiver's errors into the FAILURE codes Neo4j drivers understand:
// drivers pick their exception class from the code (`Neo.ClientError.Statement.SyntaxError`
// becomes the Python driver's CypherSyntaxError) and retry only `Neo.TransientError.*`.
import GraphCore

/// A FAILURE message's content: the Neo4j status code, the message, and the GQL status that
/// Bolt 5.7+ carries beside it.
package struct BoltFailure: Error, Sendable, Hashable {
  package let code: String
  package let message: String
  package let gqlStatus: String

  package init(code: String, message: String, gqlStatus: String) {
    self.code = code
    self.message = message
    self.gqlStatus = gqlStatus
  }

  /// Wrong credentials or no authentication.
  package static func unauthorized(_ message: String) -> BoltFailure {
    BoltFailure(code: "Neo.ClientError.Security.Unauthorized", message: message, gqlStatus: "42NFF")
  }

  /// A message the connection's state does not allow, or a malformed one.
  package static func invalidRequest(_ message: String) -> BoltFailure {
    BoltFailure(code: "Neo.ClientError.Request.Invalid", message: message, gqlStatus: "50N42")
  }

  /// A database other than the one Quiver serves.
  package static func databaseNotFound(_ name: String) -> BoltFailure {
    BoltFailure(
      code: "Neo.ClientError.Database.DatabaseNotFound", message: "database \(name) does not exist (this server has neo4j and system)",
      gqlStatus: "22N51")
  }
}

/// QuiverError's category and code → Neo4j status code and GQL status.
package enum BoltErrorTable {
  /// Rows matched in order: a row with a code matches only that code; a row without one matches
  /// its whole category.
  static let rows: [(category: QuiverError.Category, code: QuiverError.Code?, neo4j: String, gql: String)] = [
    (.semantic, .transactionAlreadyOpen, "Neo.ClientError.Transaction.TransactionStartFailed", "25N01"),
    (.semantic, .noTransaction, "Neo.ClientError.Transaction.TransactionNotFound", "25N02"),
    (.semantic, .transactionClosed, "Neo.ClientError.Transaction.TransactionNotFound", "25N02"),
    (.semantic, .resultConsumed, "Neo.ClientError.Request.Invalid", "50N42"),
    (.semantic, .writeInReadOnlyTransaction, "Neo.ClientError.Statement.AccessMode", "08N09"),
    (.io, .readOnlyDatabase, "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase", "08N09"),
    (.procedure, .procedureNotFound, "Neo.ClientError.Procedure.ProcedureNotFound", "42N08"),
    (.procedure, nil, "Neo.ClientError.Procedure.ProcedureCallFailed", "52N37"),
    (.syntax, nil, "Neo.ClientError.Statement.SyntaxError", "42001"),
    (.semantic, nil, "Neo.ClientError.Statement.SemanticError", "42N00"),
    (.type, nil, "Neo.ClientError.Statement.TypeError", "22G03"),
    (.argument, nil, "Neo.ClientError.Statement.ArgumentError", "22N00"),
    (.arithmetic, nil, "Neo.ClientError.Statement.ArithmeticError", "22003"),
    (.parameterMissing, nil, "Neo.ClientError.Statement.ParameterMissing", "42N51"),
    (.entityNotFound, nil, "Neo.ClientError.Statement.EntityNotFound", "22N00"),
    (.constraint, nil, "Neo.ClientError.Schema.ConstraintValidationFailed", "22N41"),
    // Neo4j 5's codes: a statement past the server's timeout, and one stopped by RESET, a
    // disconnect or an operator (drivers do not retry either).
    (.cancelled, .timedOut, "Neo.ClientError.Transaction.TransactionTimedOut", "25N05"),
    (.cancelled, nil, "Neo.ClientError.Transaction.Terminated", "25N05"),
    (.transient, .writerBusy, "Neo.TransientError.Transaction.LockAcquisitionTimeout", "50N42"),
    // Neo4j's code for a transaction over `db.memory.transaction.max`; the other limits stop the
    // statement as an operator's termination would.
    (.resourceLimit, .memoryLimitExceeded, "Neo.TransientError.General.TransactionMemoryLimit", "25N05"),
    (.resourceLimit, nil, "Neo.ClientError.Transaction.Terminated", "25N05"),
  ]


  /// Neo4j's code for a timeout the client asked for (`tx_timeout`) rather than the server's.
  static let clientTimeoutCode = "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"

  /// The FAILURE for any error a statement raised. `clientTimeout` says the statement's time
  /// limit was the client's `tx_timeout`, so that a timeout is reported as Neo4j reports that one.
  package static func failure(for error: any Error, clientTimeout: Bool = false) -> BoltFailure {
    if let failure = error as? BoltFailure { return failure }
    if let value = error as? BoltValueError {
      return BoltFailure(code: "Neo.ClientError.Statement.TypeError", message: value.message, gqlStatus: "22G03")
    }
    guard let quiver = error as? QuiverError else {
      return BoltFailure(code: "Neo.DatabaseError.General.UnknownError", message: "\(error)", gqlStatus: "50N42")
    }
    let code = quiver.code
    let row = rows.first { $0.category == quiver.category && ($0.code == nil || $0.code == code) }
    let message = quiver.position.map { "\(quiver.message) (line \($0.line), column \($0.column))" } ?? quiver.message
    let neo4j = clientTimeout && code == .timedOut ? clientTimeoutCode : row?.neo4j ?? "Neo.DatabaseError.General.UnknownError"
    return BoltFailure(code: neo4j, message: message, gqlStatus: row?.gql ?? "50N42")
  }
}
