// Streaming results: batches of any size give exactly the rows of `execute`; a reading stream
// does not materialise its answer; closing early releases the snapshot; cancellation from
// another thread and timeouts stop a stream being pulled and leave the session usable.
import Dispatch
import Quiver
import Testing

/// A generated graph: 500 `:N` nodes with three properties, each with one `:R` relationship to
/// another node picked by a fixed formula.
private func generatedGraph() throws -> Database {
  let db = try Database()
  _ = try db.execute("UNWIND range(0, 499) AS i CREATE (:N {id: i, name: 'n' + toString(i), score: i * 0.5})")
  _ = try db.execute("MATCH (a:N), (b:N) WHERE b.id = (a.id * 7 + 3) % 500 CREATE (a)-[:R {w: a.id % 11}]->(b)")
  return db
}

/// Three nested UNWINDs of small lists: `count` rows, none of them computed before it is pulled.
private func manyRows(_ count: Int) -> String {
  "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b UNWIND range(1, \(count / 1_000_000)) AS c RETURN a, b, c"
}

/// Blocks the calling thread for `interval` (not the shared task pool, which other tests keep
/// busy: an awaited sleep there can last far longer than asked).
private func pause(_ interval: DispatchTimeInterval) {
  _ = DispatchSemaphore(value: 0).wait(timeout: .now() + interval)
}

/// Every row of `stream`, pulled `batch` at a time, as Cypher text.
private func pulled(_ stream: ResultStream, batch: Int) throws -> [[String]] {
  var rows: [[String]] = []
  while stream.hasMore {
    let chunk = try stream.fetch(batch)
    #expect(chunk.count == batch || !stream.hasMore)
    rows += chunk.map { $0.map(\.cypherText) }
  }
  return rows
}

@Suite struct ResultStreamTests {
  static let queries = [
    "MATCH (a:N)-[r:R]->(b) RETURN a, r, b.name AS name",
    "MATCH p = (a:N)-[:R]->()-[:R]->(c) WHERE a.id < 40 RETURN p, c.score",
    "MATCH (a:N) RETURN a.id % 7 AS k, count(*) AS c, collect(a.id)[0..3] AS some ORDER BY k",
    "MATCH (a:N) WHERE a.id > 1000 RETURN a",
  ]

  @Test(arguments: [1, 3, 64, 1000])
  func batchesGiveTheRowsOfExecute(batch: Int) throws {
    let db = try generatedGraph()
    let session = Session(database: db)
    for query in Self.queries {
      let expected = try db.execute(query).rows.map { $0.map(\.cypherText) }
      let stream = try session.run(query)
      #expect(try pulled(stream, batch: batch) == expected, "\(query)")
      #expect(try stream.next() == nil)
      #expect(stream.summary?.rowCount == expected.count)
    }
  }

  @Test func nodesComeHydratedOneByOne() throws {
    let db = try generatedGraph()
    let stream = try Session(database: db).run("MATCH (a:N) WHERE a.id = 7 RETURN a")
    let row = try #require(try stream.next())
    guard case .node(let node) = row[0] else {
      Issue.record("expected a node, got \(row[0])")
      return
    }
    #expect(node.labels == ["N"])
    #expect(node.properties["name"]?.stringValue == "n7")
    #expect(try stream.next() == nil)
    #expect(!stream.hasMore)
  }

  @Test func aReadingStreamDoesNotMaterialise() throws {
    let session = Session(database: try Database())
    let stream = try session.run(manyRows(10_000_000))
    #expect(stream.columns == ["a", "b", "c"])
    let rows = try stream.fetch(10)
    #expect(rows.map { $0.map(\.cypherText) }.first == ["1", "1", "1"])
    #expect(rows.count == 10)
    #expect(stream.hasMore)
    // Ten rows handed out and one read ahead.
    #expect(session.rowsProduced == 11)
    stream.close()
    #expect(stream.summary?.rowCount == 10)
  }

  @Test func closingEarlyReleasesTheSnapshot() throws {
    let db = try Database()
    _ = try db.execute("UNWIND range(1, 200000) AS i CREATE (:P {i: i})")
    #expect(!db.publishedVersionIsShared)
    let session = Session(database: db)
    let stream = try session.run("MATCH (p:P) RETURN p.i AS i")
    #expect(try stream.fetch(1000).count == 1000)
    #expect(db.publishedVersionIsShared)
    stream.close()
    #expect(!db.publishedVersionIsShared)
    #expect(!stream.hasMore)
    #expect(stream.summary?.rowCount == 1000)
    #expect(errorCode { _ = try stream.next() } == "ResultConsumed")
    #expect(errorCode { _ = try stream.fetch(5) } == "ResultConsumed")
    // A writer publishes; the closed stream pins nothing.
    _ = try db.execute("CREATE (:Q)")
    #expect(!db.publishedVersionIsShared)
    #expect(db.counts.nodes == 200_001)
  }

  @Test func anExhaustedStreamReleasesTheSnapshotAtItsLastRow() throws {
    let db = try generatedGraph()
    let session = Session(database: db)
    let stream = try session.run("MATCH (a:N) WHERE a.id < 3 RETURN a.id")
    #expect(db.publishedVersionIsShared)
    #expect(try stream.fetch(3).count == 3)
    // The stream read ahead and found the end: the snapshot is gone, the summary is there.
    #expect(!stream.hasMore)
    #expect(!db.publishedVersionIsShared)
    #expect(stream.summary?.rowCount == 3)
  }

  @Test func aStreamReadsItsSnapshotWhileAWriterCommits() throws {
    let db = try generatedGraph()
    let session = Session(database: db)
    let stream = try session.run("MATCH (a:N) RETURN a.id AS id")
    let first = try stream.fetch(100)
    // Writers never wait for readers: this commits while the stream is open.
    _ = try db.execute("MATCH (a:N) WHERE a.id >= 250 DETACH DELETE a")
    #expect(db.counts.nodes == 250)
    let rest = try stream.fetchAll()
    #expect((first + rest).map { $0[0].cypherText } == (0..<500).map { String($0) })
    #expect(try session.run("MATCH (a:N) RETURN count(a)").next()?.first?.intValue == 250)
  }

  @Test func resetClosesTheStreamAndRollsBack() throws {
    let db = try generatedGraph()
    let session = Session(database: db)
    try session.begin()
    try session.run("MATCH (a:N) SET a.touched = true").consume()
    let stream = try session.run("MATCH (a:N) WHERE a.touched RETURN a.id")
    #expect(try stream.fetch(5).count == 5)
    session.reset()
    #expect(errorCode { _ = try stream.next() } == "ResultConsumed")
    #expect(!session.isInTransaction)
    #expect(try session.run("MATCH (a:N) WHERE a.touched RETURN count(a)").next()?.first?.intValue == 0)
  }

  @Test func runningAStatementClosesThePreviousStream() throws {
    let db = try generatedGraph()
    let session = Session(database: db)
    let first = try session.run("MATCH (a:N) RETURN a.id")
    #expect(try first.fetch(2).count == 2)
    let second = try session.run("RETURN 1 AS one")
    #expect(errorCode { _ = try first.next() } == "ResultConsumed")
    #expect(try second.next()?.first?.intValue == 1)
  }

  @Test func cancelFromAnotherThreadStopsThePull() throws {
    let session = Session(database: try Database())
    let stream = try session.run(manyRows(1_000_000_000))
    #expect(try stream.fetch(10).count == 10)
    afterDelay(.milliseconds(50)) { session.cancel() }
    var pulled = 0
    do {
      while try stream.next() != nil { pulled += 1 }
      Issue.record("expected a cancellation")
    } catch let error as QuiverError {
      #expect(error.category == .cancelled)
      #expect(error.message == "the query was cancelled")
    }
    #expect(pulled > 0)
    #expect(!stream.hasMore)
    // The session goes on.
    #expect(try session.run("RETURN 41 + 1 AS x").next()?.first?.intValue == 42)
  }

  @Test func aCallersTokenStopsTheStatementToo() throws {
    let session = Session(database: try Database())
    let token = QueryCancellation()
    let stream = try session.run(manyRows(1_000_000_000), cancellation: token)
    #expect(try stream.next()?.count == 3)
    token.cancel()
    #expect(errorCode { _ = try stream.next() } == "Cancelled")
    #expect(errorCode { _ = try stream.next() } == "ResultConsumed")
    // A token cancelled before the statement starts stops it at its first pull.
    #expect(errorCode { _ = try session.run("RETURN 1", cancellation: token).next() } == "Cancelled")
  }

  @Test func aTimeoutStopsAStream() throws {
    let session = Session(database: try Database(), timeout: .milliseconds(100))
    let stream = try session.run(manyRows(1_000_000_000))
    do {
      while try stream.next() != nil {}
      Issue.record("expected a timeout")
    } catch let error as QuiverError {
      #expect(error.category == .cancelled)
      #expect(error.code == .timedOut)
      #expect(error.message == "the query ran past its timeout and was stopped")
    }
  }

  @Test func aStatementsTimeoutWinsOverTheSessions() throws {
    // The timeout runs from `run` until the stream ends, so a stream left unread for 200 ms
    // outlasts a 100 ms limit whatever the machine's speed.
    let lenient = Session(database: try Database(), timeout: .milliseconds(100))
    let kept = try lenient.run("UNWIND range(1, 3) AS x RETURN x", timeout: .seconds(60))
    pause(.milliseconds(200))
    #expect(try kept.fetchAll().map { $0[0].intValue } == [1, 2, 3])
    // And the reverse: a short statement timeout in a session with a long one.
    let strict = Session(database: try Database(), timeout: .seconds(60))
    let stopped = try strict.run("UNWIND range(1, 3) AS x RETURN x", timeout: .milliseconds(100))
    pause(.milliseconds(200))
    do {
      _ = try stopped.fetchAll()
      Issue.record("expected a timeout")
    } catch let error as QuiverError {
      #expect(error.category == .cancelled)
      #expect(error.code == .timedOut)
      #expect(error.message == "the query ran past its timeout and was stopped")
    }
  }

  @Test func aStreamDroppedWithoutClosingReleasesItsSnapshot() throws {
    let db = try generatedGraph()
    let session = Session(database: db)
    do {
      let stream = try session.run("MATCH (a:N) RETURN a.id")
      #expect(try stream.fetch(10).count == 10)
      #expect(db.publishedVersionIsShared)
    }
    #expect(!db.publishedVersionIsShared)
    // Dropping a reading stream is no success: the last summary is not its.
    #expect(session.lastSummary == nil)
  }
}
