// Cancelling around an updating statement: a write that committed is never reported as
// cancelled (in auto-commit mode or inside a transaction), and a statement cancelled before it
// starts fails without changing anything.
import Quiver
import Testing

@Suite struct CommittedWriteTests {
  @Test func aTokenCancelledBeforeAnAutoCommitWriteChangesNothing() throws {
    let db = try Database()
    let token = QueryCancellation()
    token.cancel()
    #expect(errorCode { _ = try db.execute("CREATE (:X) RETURN 1 AS one", cancellation: token) } == "Cancelled")
    #expect(db.counts.nodes == 0)
    let session = Session(database: db)
    #expect(errorCode { _ = try session.run("CREATE (:X) RETURN 1 AS one", cancellation: token) } == "Cancelled")
    #expect(errorCode { _ = try session.run("CREATE INDEX FOR (x:X) ON (x.v)", cancellation: token) } == "Cancelled")
    #expect(db.counts.nodes == 0)
    #expect(try db.execute("SHOW INDEXES").rows.isEmpty)
    // The session's slot was given back each time.
    #expect(try session.run("CREATE (:X) RETURN 1 AS one").fetchAll().map { $0.map(\.cypherText) } == [["1"]])
    #expect(db.counts.nodes == 1)
  }

  @Test func aCommittedAutoCommitWriteHandsOutItsRowsAfterACancel() throws {
    let db = try Database()
    let session = Session(database: db)
    let stream = try session.run("UNWIND range(1, 3) AS i CREATE (:X {i: i}) RETURN i")
    // The write committed before `run` returned: cancelling now cannot undo it, so it is not
    // reported as a failure either.
    session.cancel()
    #expect(try stream.fetchAll().map { $0[0].intValue } == [1, 2, 3])
    #expect(stream.summary?.statistics.nodesCreated == 3)
    #expect(db.counts.nodes == 3)
  }

  @Test func aWriteInsideATransactionIsEitherUndoneOrReported() throws {
    let db = try Database()
    let session = Session(database: db)
    try session.begin()
    let stream = try session.run("UNWIND range(1, 3) AS i CREATE (:X {i: i}) RETURN i")
    session.cancel()
    #expect(try stream.fetchAll().map { $0[0].intValue } == [1, 2, 3])
    // Cancelled before it starts: fails and is undone alone.
    let token = QueryCancellation()
    token.cancel()
    #expect(errorCode { _ = try session.run("CREATE (:Y) RETURN 1 AS one", cancellation: token) } == "Cancelled")
    #expect(session.isInTransaction)
    try session.commit()
    #expect(try db.execute("MATCH (x:X) RETURN count(x)").rows[0][0].intValue == 3)
    #expect(try db.execute("MATCH (y:Y) RETURN count(y)").rows[0][0].intValue == 0)
  }

  @Test func anUpdatingStatementsStreamHoldsNoVersionOfTheGraph() throws {
    let db = try Database()
    let session = Session(database: db)
    let stream = try session.run("UNWIND range(1, 3) AS i CREATE (n:X {i: i}) RETURN n")
    // The rows were filled in when the write committed; the statement's version of the graph,
    // with its change log, is not kept for them.
    #expect(!db.publishedVersionIsShared)
    let rows = try stream.fetchAll()
    var values: [Int64] = []
    for row in rows {
      if case .node(let node) = row[0], let i = node.properties["i"]?.intValue { values.append(i) }
    }
    #expect(values == [1, 2, 3])
    #expect(stream.summary?.statistics.nodesCreated == 3)
    let profiled = try session.run("PROFILE UNWIND range(1, 2) AS i CREATE (:Y) RETURN i")
    #expect(!db.publishedVersionIsShared)
    #expect(try profiled.fetchAll().count == 2)
    let plan = try #require(profiled.summary?.plan)
    #expect(plan.hasPrefix("ProduceResults i"))
    #expect(plan.contains("rows=2"))
  }
}
