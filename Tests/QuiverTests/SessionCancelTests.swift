// Stopping a session's statements: `Session.cancel()` reaches the statement running now and
// never the caller's own token.
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
}
