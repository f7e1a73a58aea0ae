// The query log: off by default; when set it is told each statement's text, parameters,
// duration, rows and outcome, from every way of running Cypher; with a threshold only slow ones.
import GraphCore
import Quiver
import Testing

/// Entries a test's log received.
private final class Received: Sendable {
  let entries = Locked<[QueryLogEntry]>([])
  var all: [QueryLogEntry] { entries.withLock { $0 } }
  func log(slowerThan: Duration? = nil) -> QueryLog {
    QueryLog(slowerThan: slowerThan) { entry in self.entries.withLock { $0.append(entry) } }
  }
}

@Suite struct QueryLogTests {
  @Test func offByDefaultThenReportsEveryStatement() throws {
    let db = try Database()
    #expect(db.queryLog == nil)
    let received = Received()
    db.queryLog = received.log()
    try db.execute("UNWIND range(1, $n) AS i RETURN i", parameters: ["n": 3])
    _ = try? db.execute("RETURN nope")
    let session = Session(database: db)
    let stream = try session.run("UNWIND range(1, 10) AS i RETURN i")
    _ = try stream.fetch(2)
    stream.close()
    let find = try db.prepare("RETURN $x AS x")
    try find.execute(["x": 1])
    try db.transaction { tx in try tx.execute("CREATE (:N)") }
    let entries = received.all
    #expect(entries.map(\.query) == [
      "UNWIND range(1, $n) AS i RETURN i", "RETURN nope", "UNWIND range(1, 10) AS i RETURN i", "RETURN $x AS x",
      "CREATE (:N)",
    ])
    #expect(entries.map(\.rowCount) == [3, 0, 2, 1, 0])
    #expect(entries.map(\.succeeded) == [true, false, true, true, true])
    #expect(entries[0].parameters["n"]?.intValue == 3)
    #expect(entries[1].error?.code == .undefinedVariable)
    #expect(entries[4].summary?.statistics.nodesCreated == 1)
    #expect(entries.allSatisfy { $0.duration >= .zero && !$0.isSlow })
  }

  @Test func slowQueryReportingSkipsFastStatements() throws {
    let db = try Database()
    let received = Received()
    db.queryLog = received.log(slowerThan: .milliseconds(50))
    try db.execute("RETURN 1")
    try db.execute("UNWIND range(1, 3000000) AS i RETURN count(i)")
    let entries = received.all
    #expect(entries.map(\.query) == ["UNWIND range(1, 3000000) AS i RETURN count(i)"])
    #expect(entries.first?.isSlow == true)
    #expect((entries.first?.duration ?? .zero) >= .milliseconds(50))
    db.queryLog = nil
    try db.execute("UNWIND range(1, 3000000) AS i RETURN count(i)")
    #expect(received.all.count == 1)
  }
}
