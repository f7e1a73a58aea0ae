// Explicit transactions, statement atomicity inside them, read-only transactions, cancellation
// and timeouts.
import Foundation
import Quiver
import Testing

@Suite struct TransactionTests {
  @Test func commitPublishesAllStatements() throws {
    let db = try Database()
    let count = try db.transaction { tx -> Int64 in
      _ = try tx.execute("CREATE (:A {v: 1})")
      _ = try tx.execute("CREATE (:A {v: 2})")
      // Inside, the transaction sees its own writes; outside, nothing yet.
      #expect(db.counts.nodes == 0)
      return try tx.execute("MATCH (a:A) RETURN count(a)").rows[0][0].intValue ?? -1
    }
    #expect(count == 2)
    #expect(db.counts.nodes == 2)
  }

  @Test func throwingBodyRollsBack() throws {
    let db = try Database()
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try db.transaction { tx in
        _ = try tx.execute("CREATE (:A)")
        throw Stop()
      }
    }
    #expect(db.counts.nodes == 0)
    // The writer slot was released: another write goes through.
    _ = try db.execute("CREATE (:B)")
    #expect(db.counts.nodes == 1)
  }

  @Test func failedStatementInsideIsUndoneAlone() throws {
    let db = try Database()
    let tx = db.beginTransaction()
    _ = try tx.execute("CREATE (:A {v: 1})")
    #expect(thrown { try tx.execute("CREATE (:A {v: 2}) WITH 1 AS x RETURN x / 0") } == "DivisionByZero")
    let r = try tx.execute("MATCH (a:A) RETURN a.v")
    #expect(r.rows.map { $0[0].intValue } == [1])
    try tx.commit()
    #expect(db.counts.nodes == 1)
    #expect(thrown { try tx.execute("RETURN 1") } == "TransactionClosed")
  }

  @Test func explicitRollbackDiscards() throws {
    let db = try Database()
    let tx = db.beginTransaction()
    _ = try tx.execute("CREATE (:A), (:B)")
    #expect(tx.statistics.nodesCreated == 2)
    tx.rollback()
    #expect(db.counts.nodes == 0)
  }

  @Test func readOnlyTransactionRejectsWritesAndKeepsItsSnapshot() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:A)")
    try db.transaction(readOnly: true) { tx in
      _ = try db.execute("CREATE (:A)")
      let seen = try tx.execute("MATCH (a:A) RETURN count(a)").rows[0][0].intValue
      #expect(seen == 1)
      #expect(thrown { try tx.execute("CREATE (:B)") } == "WriteInReadOnlyTransaction")
    }
    #expect(db.counts.nodes == 2)
  }

  @Test func timeoutStopsALongQuery() throws {
    let db = try Database()
    do {
      _ = try db.execute("UNWIND range(1, 100000000) AS x RETURN count(*)", timeout: .milliseconds(50))
      Issue.record("expected a timeout")
    } catch let e as QuiverError {
      #expect(e.category == .cancelled)
      #expect(e.code == .timedOut)
    }
  }

  @Test func cancellationFromAnotherThread() throws {
    let db = try Database()
    let token = QueryCancellation()
    afterDelay(.milliseconds(50)) { token.cancel() }
    do {
      _ = try db.execute("UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 0 RETURN count(*)", cancellation: token)
      Issue.record("expected cancellation")
    } catch let e as QuiverError {
      #expect(e.category == .cancelled)
    }
    #expect(try db.execute("RETURN 1 AS one").rows[0][0].intValue == 1)
  }

  @Test func schemaCountsLabelsTypesAndKeys() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:A {x: 1})-[:T {w: 2}]->(:A:B), (:B)-[:T]->(:B), (:C)-[:U]->(:C)")
    let s = db.schema
    #expect(s.labels.map(\.name) == ["A", "B", "C"])
    #expect(s.labels.map(\.count) == [2, 3, 2])
    #expect(s.relationshipTypes.map(\.name) == ["T", "U"])
    #expect(s.relationshipTypes.map(\.count) == [2, 1])
    #expect(s.propertyKeys == ["w", "x"])
  }
}

@Suite struct ProgressTests {
  @Test func tokenCountsRowsProduced() throws {
    let db = try Database()
    let token = QueryCancellation()
    let r = try db.execute("UNWIND range(1, 25) AS x RETURN x", cancellation: token)
    #expect(r.rows.count == 25)
    #expect(token.rowsProduced == 25)
    let timed = QueryCancellation()
    _ = try db.execute("UNWIND range(1, 7) AS x RETURN x", timeout: .seconds(30), cancellation: timed)
    #expect(timed.rowsProduced == 7)
  }
}
