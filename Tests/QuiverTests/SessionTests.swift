// The library Session: explicit transactions (commit, rollback, a failed statement undone alone,
// reading its own writes), session and per-call parameters, the summary (counters, query type,
// EXPLAIN/PROFILE plans), the writer slot given back by a dropped session or a failed write, and
// the session's own errors.
import Quiver
import Testing

/// The code of the QuiverError `body` throws, or nil when it throws something else or nothing.
func errorCode(_ body: () throws -> Void) -> String? {
  do {
    try body()
    return nil
  } catch let error as QuiverError {
    return error.code.rawValue
  } catch {
    return nil
  }
}

/// The one value of the one row `query` returns in `session`.
private func single(_ session: Session, _ query: String, _ parameters: [String: Value] = [:]) throws -> Value? {
  let rows = try session.run(query, parameters: parameters).fetchAll()
  return rows.count == 1 ? rows[0].first : nil
}

@Suite struct SessionTransactionTests {
  @Test func commitPublishesTheTransactionsWrites() throws {
    let db = try Database()
    let session = Session(database: db)
    try session.begin()
    #expect(session.isInTransaction)
    try session.run("CREATE (:A {v: 1})").consume()
    try session.run("CREATE (:A {v: 2}), (:B)").consume()
    // Read your writes inside; nothing outside yet.
    #expect(try single(session, "MATCH (a:A) RETURN sum(a.v)")?.intValue == 3)
    #expect(db.counts.nodes == 0)
    let statistics = try session.commit()
    #expect(statistics.nodesCreated == 3)
    #expect(!session.isInTransaction)
    #expect(db.counts.nodes == 3)
  }

  @Test func rollbackThrowsTheWritesAway() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:Kept)")
    let session = Session(database: db)
    try session.begin()
    try session.run("MATCH (k:Kept) SET k.x = 1 CREATE (:Gone)").consume()
    #expect(try single(session, "MATCH (n) RETURN count(n)")?.intValue == 2)
    try session.rollback()
    #expect(try single(session, "MATCH (n) RETURN count(n)")?.intValue == 1)
    #expect(try single(session, "MATCH (k:Kept) RETURN k.x")?.isNull == true)
    // The writer slot was given back: an auto-committed write goes through.
    _ = try db.execute("CREATE (:After)")
    #expect(db.counts.nodes == 2)
  }

  @Test func aFailedStatementIsUndoneAlone() throws {
    let db = try Database()
    let session = Session(database: db)
    try session.begin()
    try session.run("CREATE (:A {v: 1})").consume()
    // Creates a node, then fails on the division: the whole statement is undone, not the first.
    #expect(errorCode { try session.run("CREATE (:A {v: 2}) WITH 1 AS one RETURN 1 / 0").consume() } == "DivisionByZero")
    #expect(session.isInTransaction)
    #expect(try single(session, "MATCH (a:A) RETURN collect(a.v)")?.cypherText == "[1]")
    try session.commit()
    #expect(db.counts.nodes == 1)
  }

  @Test func aReadErrorWhilePullingClosesTheStreamAndKeepsTheTransaction() throws {
    let db = try Database()
    let session = Session(database: db)
    try session.begin()
    try session.run("CREATE (:A {v: 1}), (:A {v: 0})").consume()
    let stream = try session.run("MATCH (a:A) RETURN 10 / a.v AS q ORDER BY a.v DESC")
    #expect(stream.columns == ["q"])
    #expect(errorCode { _ = try stream.fetchAll() } == "DivisionByZero")
    #expect(!stream.hasMore)
    #expect(errorCode { _ = try stream.next() } == "ResultConsumed")
    #expect(try single(session, "MATCH (a:A) RETURN count(a)")?.intValue == 2)
    try session.commit()
    #expect(db.counts.nodes == 2)
  }

  @Test func aDurableTransactionLogsSchemaAndDataChangesAlike() throws {
    let directory = try ScratchDirectory()
    do {
      let session = Session(database: try Database(path: directory.path))
      try session.begin()
      try session.run("CREATE CONSTRAINT a_id FOR (a:A) REQUIRE a.id IS UNIQUE").consume()
      try session.run("CREATE (:A {id: 1})").consume()
      try session.commit()
      try session.run("CREATE INDEX a_name FOR (a:A) ON (a.name)").consume()
      try session.run("DROP INDEX a_name").consume()
    }
    let reopened = try Database(path: directory.path)
    #expect(try reopened.execute("SHOW CONSTRAINTS").rows.map { $0[0].stringValue } == ["a_id"])
    #expect(try reopened.execute("SHOW INDEXES").rows.map { $0[0].stringValue } == ["a_id"])
    #expect(reopened.counts.nodes == 1)
    #expect(errorCode { _ = try reopened.execute("CREATE (:A {id: 1})") } == "ConstraintValidationFailed")
  }

  @Test func sessionErrors() throws {
    let session = Session(database: try Database())
    #expect(errorCode { try session.commit() } == "NoTransaction")
    #expect(errorCode { try session.rollback() } == "NoTransaction")
    try session.begin()
    #expect(errorCode { try session.begin() } == "TransactionAlreadyOpen")
    session.reset()
    #expect(!session.isInTransaction)
  }

  @Test func aSessionDroppedWithAnOpenTransactionGivesTheSlotBack() throws {
    let db = try Database()
    do {
      let session = Session(database: db)
      try session.begin()
      try session.run("CREATE (:Gone)").consume()
    }
    // A timed begin, so that a slot left taken fails the test rather than hangs it.
    let next = Session(database: db)
    try next.begin(timeout: .seconds(10))
    #expect(next.isInTransaction)
    try next.commit()
    #expect(db.counts.nodes == 0)
  }

  @Test func aFailingAutoCommitWriteGivesTheSlotBack() throws {
    let db = try Database()
    let session = Session(database: db)
    try session.run("CREATE CONSTRAINT a_id FOR (a:A) REQUIRE a.id IS UNIQUE").consume()
    try session.run("CREATE (:A {id: 1})").consume()
    #expect(errorCode { try session.run("CREATE (:A {id: 1})").consume() } == "ConstraintValidationFailed")
    #expect(errorCode { try session.run("CREATE (:A {id: 2}) WITH 1 AS one RETURN 1 / 0").consume() } == "DivisionByZero")
    try session.begin(timeout: .seconds(10))
    try session.run("CREATE (:A {id: 3})").consume()
    try session.commit()
    #expect(try db.execute("MATCH (a:A) RETURN a.id ORDER BY a.id").rows.map { $0[0].intValue } == [1, 3])
  }

  @Test func aReadOnlyTransactionRefusesWrites() throws {
    let db = try Database()
    let session = Session(database: db)
    try session.begin(readOnly: true)
    #expect(errorCode { try session.run("CREATE (:A)").consume() } == "WriteInReadOnlyTransaction")
    #expect(errorCode { try session.run("CREATE INDEX FOR (a:A) ON (a.x)").consume() } == "WriteInReadOnlyTransaction")
    try session.commit()
    #expect(db.counts.nodes == 0)
  }
}

@Suite struct SessionParameterTests {
  @Test func sessionAndCallParametersAreMerged() throws {
    let session = Session(database: try Database(), parameters: ["a": 1, "b": 2])
    session.parameters["c"] = 3
    let row = try session.run("RETURN $a AS a, $b AS b, $c AS c", parameters: ["b": 20]).fetchAll()
    #expect(row.map { $0.map(\.cypherText) } == [["1", "20", "3"]])
    // The call's parameters do not stick.
    #expect(try single(session, "RETURN $b")?.intValue == 2)
  }

  @Test func aMissingParameterIsNamed() throws {
    let session = Session(database: try Database(), parameters: ["a": 1])
    do {
      _ = try session.run("RETURN $a + $missing")
      Issue.record("expected a missing parameter error")
    } catch let error as QuiverError {
      #expect(error.code == .missingParameter)
      #expect(error.message == "expected a value for parameter $missing")
    }
    // Of several missing, the first by name is reported, whatever their order in the text.
    let error = #expect(throws: QuiverError.self) { try session.run("RETURN $zeta + $a + $beta + $alpha") }
    #expect(error?.name == "alpha")
  }

  @Test func evaluateComputesAnExpressionWithTheParameters() throws {
    let session = Session(database: try Database(), parameters: ["n": 4])
    #expect(try session.evaluate("[x IN range(1, $n) | x * x]").cypherText == "[1, 4, 9, 16]")
    do {
      _ = try session.evaluate("1 +")
      Issue.record("expected a syntax error")
    } catch let error as QuiverError {
      #expect(error.category == .syntax)
      // At `AS` in `RETURN 1 + AS value`.
      #expect(error.position?.column == 12)
    }
  }

  @Test func evaluateWantsExactlyOneValueAndClosesTheOpenStream() throws {
    let session = Session(database: try Database())
    let stream = try session.run("UNWIND range(1, 5) AS x RETURN x")
    #expect(try stream.next()?.first?.intValue == 1)
    do {
      _ = try session.evaluate("1 AS value UNION ALL RETURN 2")
      Issue.record("expected NotASingleValue")
    } catch let error as QuiverError {
      #expect(error.code == .notASingleValue)
      #expect(error.message == "the expression must give exactly one value")
    }
    #expect(errorCode { _ = try stream.next() } == "ResultConsumed")
    #expect(try session.evaluate("2 + 3").intValue == 5)
  }
}

@Suite struct SessionSummaryTests {
  @Test func writeCountersAndQueryTypes() throws {
    let db = try Database()
    let session = Session(database: db)
    let created = try session.run("CREATE (a:P {name: 'x'})-[:R]->(b:P) RETURN a.name AS name")
    #expect(try created.fetchAll().map { $0.map(\.cypherText) } == [["'x'"]])
    let summary = try #require(created.summary)
    #expect(summary.statistics.nodesCreated == 2)
    #expect(summary.statistics.relationshipsCreated == 1)
    // Counted per node and label, as Neo4j counts them; the TCK's measure counts label names.
    #expect(summary.statistics.labelsAdded == 2)
    #expect(summary.statistics.labelNamesAdded == 1)
    #expect(summary.statistics.propertiesSet == 1)
    #expect(summary.queryType == .readWrite)
    #expect(summary.rowCount == 1)
    #expect(summary.timeToFirstRow <= summary.totalTime)
    #expect(session.lastSummary?.query == "CREATE (a:P {name: 'x'})-[:R]->(b:P) RETURN a.name AS name")

    let deleted = try session.run("MATCH (n:P) DETACH DELETE n").consume()
    #expect(deleted.statistics.nodesDeleted == 2)
    #expect(deleted.statistics.relationshipsDeleted == 1)
    #expect(deleted.queryType == .writeOnly)
    #expect(try session.run("MATCH (n) RETURN n").consume().queryType == .readOnly)
    #expect(try session.run("CREATE INDEX FOR (p:P) ON (p.name)").consume().queryType == .schemaWrite)
    #expect(try session.run("SHOW INDEXES").consume().queryType == .readOnly)
  }

  @Test func closingAfterAPendingErrorKeepsTheLastSummary() throws {
    let session = Session(database: try Database())
    try session.run("RETURN 1 AS one").consume()
    let stream = try session.run("UNWIND [1, 0] AS x RETURN 10 / x AS q")
    #expect(try stream.next()?.first?.intValue == 10)
    // The next row failed: the statement failed, even when closed before that row is pulled.
    stream.close()
    #expect(stream.summary == nil)
    #expect(!stream.hasMore)
    #expect(errorCode { _ = try stream.next() } == "ResultConsumed")
    #expect(session.lastSummary?.query == "RETURN 1 AS one")
  }

  @Test func droppingTheStreamOfACommittedWriteCountsAsSuccess() throws {
    let db = try Database()
    let session = Session(database: db)
    do {
      let stream = try session.run("CREATE (:A) RETURN 1 AS one")
      #expect(stream.hasMore)
    }
    #expect(db.counts.nodes == 1)
    #expect(session.lastSummary?.query == "CREATE (:A) RETURN 1 AS one")
    #expect(session.lastSummary?.statistics.nodesCreated == 1)
    #expect(session.lastSummary?.rowCount == 0)
  }

  @Test func explainAndProfilePlans() throws {
    let db = try Database()
    _ = try db.execute("UNWIND range(1, 5) AS i CREATE (:N {i: i})")
    let session = Session(database: db)
    let explained = try session.run("EXPLAIN MATCH (n:N) WHERE n.i > 2 RETURN n.i")
    #expect(try explained.next() == nil)
    let plan = try #require(explained.summary?.plan)
    #expect(plan.hasPrefix("ProduceResults n.i"))
    #expect(plan == (try db.execute("EXPLAIN MATCH (n:N) WHERE n.i > 2 RETURN n.i").plan))

    let profiled = try session.run("PROFILE MATCH (n:N) WHERE n.i > 2 RETURN n.i")
    #expect(try profiled.fetchAll().count == 3)
    let profile = try #require(profiled.summary?.plan)
    #expect(profile.hasPrefix("ProduceResults n.i"))
    #expect(profile.contains("rows=3"))
    #expect(try session.run("RETURN 1").consume().plan == nil)
  }
}
