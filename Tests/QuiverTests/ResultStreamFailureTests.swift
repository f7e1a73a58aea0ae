// A row that fails in the middle of a stream: the rows computed before it are handed out, and
// the error is thrown by the next pull, as Bolt sends the records before the FAILURE.
import Quiver
import Testing

@Suite struct ResultStreamFailureTests {
  @Test func aBatchKeepsTheRowsBeforeAFailingOne() throws {
    let session = Session(database: try Database())
    let stream = try session.run("UNWIND [1, 2, 0, 4] AS x RETURN 10 / x AS q")
    #expect(try stream.fetch(10).map { $0[0].intValue } == [10, 5])
    // The error is still to come.
    #expect(stream.hasMore)
    #expect(errorCode { _ = try stream.fetch(10) } == "DivisionByZero")
    #expect(!stream.hasMore)
    #expect(errorCode { _ = try stream.fetch(10) } == "ResultConsumed")
  }

  @Test func aFailingFirstRowFailsTheBatch() throws {
    let session = Session(database: try Database())
    let stream = try session.run("UNWIND [0, 1] AS x RETURN 10 / x AS q")
    #expect(errorCode { _ = try stream.fetch(10) } == "DivisionByZero")
    #expect(!stream.hasMore)
  }

  @Test func fetchAllThrowsRatherThanReturningPartOfTheRows() throws {
    let session = Session(database: try Database())
    let stream = try session.run("UNWIND [1, 2, 0, 4] AS x RETURN 10 / x AS q")
    #expect(errorCode { _ = try stream.fetchAll() } == "DivisionByZero")
    #expect(errorCode { _ = try session.run("UNWIND [1, 2, 0, 4] AS x RETURN 10 / x AS q").collect() } == "DivisionByZero")
  }
}
