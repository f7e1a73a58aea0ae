// The error-code table: each Quiver error category (and the codes with their own row) maps to
// the Neo4j status code drivers turn into their exception classes.
import Quiver
import Testing

@testable import QuiverServer

@Suite struct BoltErrorTableTests {
  func code(_ query: String, _ parameters: [String: Value] = [:]) throws -> String {
    let database = try Database()
    _ = try database.execute("CREATE CONSTRAINT c FOR (p:P) REQUIRE p.k IS UNIQUE")
    _ = try database.execute("CREATE (:P {k: 1})")
    do {
      _ = try database.execute(query, parameters: parameters)
      return "no error"
    } catch {
      return BoltErrorTable.failure(for: error).code
    }
  }

  @Test func statementErrorsMapToTheirNeo4jCodes() throws {
    #expect(try code("RETRUN 1") == "Neo.ClientError.Statement.SyntaxError")
    #expect(try code("RETURN x") == "Neo.ClientError.Statement.SyntaxError")
    #expect(try code("RETURN $p") == "Neo.ClientError.Statement.ParameterMissing")
    #expect(try code("UNWIND [true] AS b RETURN 1 + b") == "Neo.ClientError.Statement.TypeError")
    #expect(try code("RETURN 1 / 0") == "Neo.ClientError.Statement.ArithmeticError")
    #expect(try code("CREATE (:P {k: 1})") == "Neo.ClientError.Schema.ConstraintValidationFailed")
    #expect(try code("CALL no.such()") == "Neo.ClientError.Procedure.ProcedureNotFound")
  }

  @Test func specificCodesWinOverTheirCategory() {
    let noTx = QuiverError.runtime(.semantic, .noTransaction, "none")
    #expect(BoltErrorTable.failure(for: noTx).code == "Neo.ClientError.Transaction.TransactionNotFound")
    let other = QuiverError.runtime(.semantic, .invalidAggregation, "x")
    #expect(BoltErrorTable.failure(for: other).code == "Neo.ClientError.Statement.SemanticError")
    let cancelled = QuiverError.runtime(.cancelled, .cancelled, "stopped")
    #expect(BoltErrorTable.failure(for: cancelled).code == "Neo.ClientError.Transaction.Terminated")
    #expect(BoltErrorTable.failure(for: cancelled, clientTimeout: true).code == "Neo.ClientError.Transaction.Terminated")
    let timedOut = QuiverError.runtime(.cancelled, .timedOut, "late")
    #expect(BoltErrorTable.failure(for: timedOut).code == "Neo.ClientError.Transaction.TransactionTimedOut")
    #expect(
      BoltErrorTable.failure(for: timedOut, clientTimeout: true).code
        == "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration")
    let busy = QuiverError.runtime(.transient, .writerBusy, "busy")
    #expect(BoltErrorTable.failure(for: busy).code == "Neo.TransientError.Transaction.LockAcquisitionTimeout")
    let io = QuiverError.runtime(.io, .corruptLog, "bad")
    #expect(BoltErrorTable.failure(for: io).code == "Neo.DatabaseError.General.UnknownError")
  }

  @Test func everyCategoryHasARow() {
    let categories: [QuiverError.Category] = [
      .syntax, .semantic, .type, .argument, .entityNotFound, .constraint, .procedure, .parameterMissing, .arithmetic, .cancelled,
    ]
    for category in categories {
      #expect(BoltErrorTable.rows.contains { $0.category == category && $0.code == nil }, "\(category)")
    }
  }

  @Test func positionsAreInTheMessage() {
    let error = QuiverError.syntax(.unexpectedSyntax, "unexpected token", at: SourcePosition(line: 1, column: 4, offset: 3))
    #expect(BoltErrorTable.failure(for: error).message == "unexpected token (line 1, column 4)")
  }
}
