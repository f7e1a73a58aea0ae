// Stopping a session's statements: `Session.cancel()` reaches the statement running now and
// never the caller's own token; a writer waits for the writer slot only until its timeout (then
// fails with the transient `WriterBusy`) or until it is cancelled from another thread.
import Dispatch
import Quiver
import Testing

@Suite struct SessionCancelTests {
  @Test func cancellingTheSessionLeavesTheCallersTokenAlone() throws {
    let session = Session(database: try Database())
    let token = QueryCancellation()
    let stream = try session.run("UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b RETURN a", cancellation: token)
    #expect(try stream.next()?.first?.intValue == 1)
    session.cancel()
    #expect(errorCode { _ = try stream.next() } == "Cancelled")
    #expect(!token.isCancelled)
    // The token still serves the next statement.
    #expect(try session.run("RETURN 1 AS one", cancellation: token).fetchAll().map { $0[0].intValue } == [1])
  }

  @Test func aWriterGivesUpWaitingForTheSlotAtItsTimeout() throws {
    let db = try Database()
    let holder = Session(database: db)
    try holder.begin()
    let other = Session(database: db)
    do {
      try other.run("CREATE (:A)", timeout: .milliseconds(100)).consume()
      Issue.record("expected WriterBusy")
    } catch let error as QuiverError {
      #expect(error.code == .writerBusy)
      #expect(error.category == .transient)
    }
    #expect(errorCode { try other.begin(timeout: .milliseconds(100)) } == "WriterBusy")
    #expect(!other.isInTransaction)
    // The session's own timeout bounds the wait too.
    other.timeout = .milliseconds(100)
    #expect(errorCode { try other.begin() } == "WriterBusy")
    #expect(errorCode { try other.run("CREATE INDEX FOR (a:A) ON (a.x)").consume() } == "WriterBusy")
    try holder.rollback()
    try other.run("CREATE (:A)").consume()
    try other.begin()
    #expect(other.isInTransaction)
    try other.commit()
    #expect(db.counts.nodes == 1)
  }

  @Test func aCancelFromAnotherThreadWakesAWriterWaitingForTheSlot() throws {
    let db = try Database()
    let holder = Session(database: db)
    try holder.begin()
    let other = Session(database: db)
    let canceller = other.canceller
    afterDelay(.milliseconds(50)) { canceller.cancel() }
    // A generous timeout, so that a wait the cancel failed to end fails rather than hangs.
    #expect(errorCode { try other.run("CREATE (:A)", timeout: .seconds(20)).consume() } == "Cancelled")
    afterDelay(.milliseconds(50)) { canceller.cancel() }
    #expect(errorCode { try other.begin(timeout: .seconds(20)) } == "Cancelled")
    #expect(!other.isInTransaction)
    // Woken by the cancels, not by the holder, whose transaction is still open.
    #expect(holder.isInTransaction)
    try holder.commit()
    #expect(db.counts.nodes == 0)
  }

  @Test func aCancelledTokenStopsAWaitingWriterToo() throws {
    let db = try Database()
    let holder = db.beginTransaction()
    let token = QueryCancellation()
    afterDelay(.milliseconds(50)) { token.cancel() }
    #expect(errorCode { _ = try db.execute("CREATE (:A)", timeout: .seconds(20), cancellation: token) } == "Cancelled")
    holder.rollback()
    #expect(db.counts.nodes == 0)
  }
}
