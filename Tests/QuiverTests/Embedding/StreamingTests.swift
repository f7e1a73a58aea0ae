// Results consumed lazily from Swift: a `Sequence` over a `ResultStream` and an `AsyncSequence`
// over a statement; leaving either loop early closes the stream, which releases the snapshot,
// and an error ends the loop with the error kept (sync) or thrown (async).
import Quiver
import Testing

/// A database of `count` `:N` nodes with `id` 0..<count.
private func numbered(_ count: Int) throws -> Database {
  let db = try Database()
  try db.execute("UNWIND range(0, $n - 1) AS i CREATE (:N {id: i})", parameters: ["n": count])
  return db
}

@Suite struct StreamingTests {
  @Test func aStreamIsASequenceOfRows() throws {
    let db = try numbered(100)
    let rows = try db.stream("MATCH (n:N) RETURN n.id AS id ORDER BY id").rows
    var ids: [Int] = []
    for row in rows { ids.append(try row["id", as: Int.self]) }
    try rows.checkError()
    #expect(ids == Array(0..<100))
    #expect(rows.stream.summary?.rowCount == 100)
  }

  @Test func leavingTheLoopEarlyReleasesTheSnapshot() throws {
    let db = try numbered(10_000)
    let stream = try db.stream("MATCH (n:N) RETURN n.id AS id")
    #expect(db.publishedVersionIsShared)
    var seen = 0
    for _ in stream.rows {
      seen += 1
      if seen == 3 { break }
    }
    #expect(seen == 3)
    #expect(!stream.hasMore)
    #expect(!db.publishedVersionIsShared)
    // The work stopped: only the rows pulled (and one read ahead) were computed.
    #expect(stream.summary?.rowCount == 3)
  }

  @Test func anErrorEndsTheLoopAndIsKept() throws {
    let db = try Database()
    let rows = try db.stream("UNWIND [1, 2, 0, 4] AS x RETURN 10 / x AS y").rows
    var values: [Int64] = []
    for row in rows { values.append(row[0].intValue ?? -1) }
    #expect(values == [10, 5])
    #expect((rows.error as? QuiverError)?.code == .divisionByZero)
    #expect(thrown { try rows.checkError() } == "DivisionByZero")
  }

  @Test func anAsyncSequenceStreamsAndDecodes() async throws {
    let db = try numbered(50)
    var ids: [Int] = []
    for try await id in db.rows("MATCH (n:N) WHERE n.id < $max RETURN n.id AS id ORDER BY id", parameters: ["max": 5])
      .decoded(as: Int.self)
    {
      ids.append(id)
    }
    #expect(ids == [0, 1, 2, 3, 4])
  }

  @Test func leavingAnAsyncLoopEarlyReleasesTheSnapshot() async throws {
    let db = try numbered(10_000)
    var seen = 0
    for try await _ in db.rows("MATCH (n:N) RETURN n") {
      #expect(db.publishedVersionIsShared)
      seen += 1
      if seen == 2 { break }
    }
    #expect(seen == 2)
    #expect(!db.publishedVersionIsShared)
  }

  @Test func anAsyncLoopThrowsTheStatementsError() async throws {
    let db = try Database()
    var values: [Int64] = []
    do {
      for try await row in db.rows("UNWIND [1, 0] AS x RETURN 10 / x AS y") { values.append(row[0].intValue ?? -1) }
      Issue.record("expected an error")
    } catch let error as QuiverError {
      #expect(error.code == .divisionByZero)
    }
    #expect(values == [10])
  }
}
