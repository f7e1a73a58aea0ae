// CALL { … } IN TRANSACTIONS: batches commit one by one, a failing batch under each ON ERROR
// mode (what stays committed), REPORT STATUS, the refusal inside an explicit transaction, the
// compile-time checks, and durability per batch.
import Foundation
import Quiver
import Testing

@Suite struct InTransactionsTests {
  /// Rows 1…6 in batches of two; the batch holding 4 (the middle one) divides by zero.
  static let failingMiddle = """
    UNWIND range(1, 6) AS i
    CALL { WITH i CREATE (:N {i: i, v: 10 / (i - 4)}) } IN TRANSACTIONS OF 2 ROWS
    """

  func committed(_ db: Database) throws -> [Value] {
    try db.execute("MATCH (n:N) RETURN n.i ORDER BY n.i").rows.map { $0[0] }
  }

  @Test func batchesCreateEverythingAndCountIt() throws {
    let db = try Database()
    let result = try db.execute("UNWIND range(1, 10) AS i CALL { WITH i CREATE (:N {i: i}) } IN TRANSACTIONS OF 3 ROWS")
    #expect(result.statistics.nodesCreated == 10)
    #expect(result.statistics.propertiesSet == 10)
    #expect(result.statistics.labelsAdded == 10)
    #expect(result.statistics.labelNamesAdded == 1)
    #expect(try canon(committed(db)) == canon((1...10).map { Value.int(Int64($0)) }))
    #expect(db.consistencyViolations.isEmpty)
  }

  @Test func failInTheMiddleBatchKeepsTheEarlierBatches() throws {
    let db = try Database()
    #expect(thrown { try db.execute(Self.failingMiddle) } == "DivisionByZero")
    #expect(try canon(committed(db)) == canon([.int(1), .int(2)]))
    // ON ERROR FAIL, spelled out, is the same.
    let again = try Database()
    #expect(thrown { try again.execute(Self.failingMiddle + " ON ERROR FAIL") } == "DivisionByZero")
    #expect(try canon(committed(again)) == canon([.int(1), .int(2)]))
  }

  @Test func continueSkipsTheFailedBatchOnly() throws {
    let db = try Database()
    let rows = try db.execute(
      Self.failingMiddle + " ON ERROR CONTINUE REPORT STATUS AS s RETURN i, s.started, s.committed, s.errorMessage"
    ).rows
    #expect(try canon(committed(db)) == canon([.int(1), .int(2), .int(5), .int(6)]))
    #expect(canon(rows.map { Array($0[0...2]) }) == canon([
      [.int(1), .bool(true), .bool(true)], [.int(2), .bool(true), .bool(true)],
      [.int(3), .bool(true), .bool(false)], [.int(4), .bool(true), .bool(false)],
      [.int(5), .bool(true), .bool(true)], [.int(6), .bool(true), .bool(true)],
    ]))
    #expect(canon(rows.map { $0[3] }) == canon([.null, .null, .string("integer division by zero"), .string("integer division by zero"), .null, .null]))
  }

  @Test func breakStopsAfterTheFailedBatch() throws {
    let db = try Database()
    let rows = try db.execute(
      Self.failingMiddle + " ON ERROR BREAK REPORT STATUS AS s RETURN i, s.started, s.committed, s.transactionId IS NULL"
    ).rows
    #expect(try canon(committed(db)) == canon([.int(1), .int(2)]))
    #expect(canon(rows) == canon([
      [.int(1), .bool(true), .bool(true), .bool(false)], [.int(2), .bool(true), .bool(true), .bool(false)],
      [.int(3), .bool(true), .bool(false), .bool(false)], [.int(4), .bool(true), .bool(false), .bool(false)],
      [.int(5), .bool(false), .bool(false), .bool(true)], [.int(6), .bool(false), .bool(false), .bool(true)],
    ]))
  }

  @Test func continueWithoutStatusStillPassesRowsOn() throws {
    let db = try Database()
    let result = try db.execute(Self.failingMiddle + " ON ERROR CONTINUE")
    #expect(result.statistics.nodesCreated == 4)
    #expect(try canon(committed(db)) == canon([.int(1), .int(2), .int(5), .int(6)]))
  }

  @Test func constraintViolationFailsItsBatch() throws {
    let db = try Database()
    _ = try db.execute("CREATE CONSTRAINT k FOR (n:N) REQUIRE n.i IS UNIQUE")
    let rows = try db.execute(
      "UNWIND [1, 2, 3, 3, 5, 6] AS i CALL { WITH i CREATE (:N {i: i}) } IN TRANSACTIONS OF 2 ROWS ON ERROR CONTINUE REPORT STATUS AS s RETURN s.committed"
    ).rows
    #expect(canon(rows.map { $0[0] }) == canon([.bool(true), .bool(true), .bool(false), .bool(false), .bool(true), .bool(true)]))
    #expect(try canon(committed(db)) == canon([.int(1), .int(2), .int(5), .int(6)]))
    #expect(db.consistencyViolations.isEmpty)
  }

  @Test func returningSubqueryYieldsItsColumns() throws {
    let db = try Database()
    let rows = try db.execute(
      "UNWIND [1, 2, 3] AS i CALL { WITH i UNWIND range(1, i) AS j RETURN i * 10 + j AS t } IN TRANSACTIONS OF 2 ROWS RETURN i, t"
    ).rows
    #expect(canon(rows) == canon([[.int(1), .int(11)], [.int(2), .int(21)], [.int(2), .int(22)], [.int(3), .int(31)], [.int(3), .int(32)], [.int(3), .int(33)]]))
  }

  @Test func deletesInBatches() throws {
    let db = try Database()
    _ = try db.execute("UNWIND range(1, 25) AS i CREATE (:N {i: i})-[:R]->(:M)")
    let result = try db.execute("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 7 ROWS")
    #expect(result.statistics.nodesDeleted == 50)
    #expect(result.statistics.relationshipsDeleted == 25)
    #expect(db.counts.nodes == 0 && db.counts.relationships == 0)
    #expect(db.consistencyViolations.isEmpty)
  }

  @Test func refusedInsideAnExplicitTransaction() throws {
    let db = try Database()
    let tx = db.beginTransaction()
    #expect(thrown { try tx.execute("UNWIND [1] AS i CALL { WITH i CREATE (:N) } IN TRANSACTIONS") } == "ImplicitTransactionRequired")
    tx.rollback()
    #expect(db.counts.nodes == 0)
  }

  @Test func compileTimeChecks() throws {
    let db = try Database()
    #expect(thrown { try db.execute("UNWIND [1] AS i CALL { WITH i CREATE (:N) } IN TRANSACTIONS REPORT STATUS AS s RETURN s") }
      == "InvalidClauseComposition at 1:61")
    #expect(thrown { try db.execute("UNWIND [1] AS i CALL { WITH i CREATE (:N) } IN TRANSACTIONS OF 0 ROWS") } == "InvalidBatchSize at 1:64")
    #expect(thrown { try db.execute("UNWIND [1] AS i CALL { WITH i CREATE (:N) } IN TRANSACTIONS OF -1 ROWS") } == "InvalidBatchSize at 1:64")
    #expect(thrown { try db.execute("CALL { CALL { CREATE (:N) } IN TRANSACTIONS }") } == "InvalidClauseComposition at 1:8")
    #expect(thrown {
      try db.execute("UNWIND [1] AS s CALL { WITH s CREATE (:N) } IN TRANSACTIONS ON ERROR CONTINUE REPORT STATUS AS s RETURN s")
    } == "VariableAlreadyBound at 1:79")
    #expect(thrown { try db.execute("UNWIND [1] AS i CALL { WITH i CREATE (:N) } IN TRANSACTIONS OF $n ROWS", parameters: ["n": .int(0)]) }
      == "InvalidBatchSize")
  }

  @Test func batchSizeFromAParameter() throws {
    let db = try Database()
    let rows = try db.execute(
      "UNWIND range(1, 5) AS i CALL { WITH i CREATE (:N {i: i}) } IN TRANSACTIONS OF $n ROWS ON ERROR BREAK REPORT STATUS AS s RETURN DISTINCT s.transactionId",
      parameters: ["n": .int(2)]
    ).rows
    #expect(rows.count == 3)
  }

  @Test func explainNamesTheOperators() throws {
    let db = try Database()
    let unit = try db.execute("EXPLAIN UNWIND [1] AS i CALL { WITH i CREATE (:N) } IN TRANSACTIONS OF 10 ROWS").plan ?? ""
    #expect(unit.contains("TransactionForeach"))
    let returning = try db.execute("EXPLAIN UNWIND [1] AS i CALL { WITH i RETURN i AS j } IN TRANSACTIONS RETURN j").plan ?? ""
    #expect(returning.contains("TransactionApply"))
  }

  /// On a durable database each batch is durable once it commits: after a failure in the third
  /// batch, reopening finds the first two.
  @Test func committedBatchesSurviveReopening() throws {
    let scratch = try ScratchDirectory()
    do {
      let db = try Database(path: scratch.path)
      #expect(thrown { try db.execute("UNWIND range(1, 6) AS i CALL { WITH i CREATE (:N {i: i, v: 1 / (i - 5)}) } IN TRANSACTIONS OF 2 ROWS") }
        == "DivisionByZero")
    }
    let reopened = try Database(path: scratch.path)
    #expect(try canon(committed(reopened)) == canon([.int(1), .int(2), .int(3), .int(4)]))
  }

  @Test func loadCSVInBatchesOnADurableDatabase() throws {
    let scratch = try ScratchDirectory()
    try FileManager.default.createDirectory(atPath: scratch.path + "/db/import", withIntermediateDirectories: true)
    let lines = ["id,name"] + (1...2500).map { "\($0),p\($0)" }
    try lines.joined(separator: "\n").write(toFile: scratch.path + "/db/import/p.csv", atomically: true, encoding: .utf8)
    do {
      let db = try Database(path: scratch.path + "/db")
      _ = try db.execute("CREATE INDEX person_id FOR (p:Person) ON (p.id)")
      let result = try db.execute("""
        LOAD CSV WITH HEADERS FROM 'file:///p.csv' AS row
        CALL { WITH row CREATE (:Person {id: toInteger(row.id), name: row.name}) } IN TRANSACTIONS OF 1000 ROWS
        """)
      #expect(result.statistics.nodesCreated == 2500)
    }
    let reopened = try Database(path: scratch.path + "/db")
    #expect(try canon(reopened.execute("MATCH (p:Person) RETURN count(p), sum(p.id)").rows) == canon([[.int(2500), .int(3_126_250)]]))
    #expect(try canon(reopened.execute("MATCH (p:Person {id: 1234}) RETURN p.name").rows) == canon([[.string("p1234")]]))
    #expect(reopened.consistencyViolations.isEmpty)
  }
}
