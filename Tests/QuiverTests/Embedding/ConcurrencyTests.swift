// Swift concurrency in the embedding API: async execute, query and transaction, and task
// cancellation that stops a running statement through its QueryCancellation.
import GraphCore
import Quiver
import Testing

private struct Item: Decodable, Equatable, Sendable {
  let id: Int
}

/// A statement that computes ten billion rows before its count: it runs until cancelled.
private let endless = "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS c"

@Suite struct ConcurrencyTests {
  @Test func asyncExecuteQueryAndTransaction() async throws {
    let db = try Database()
    try await db.execute("UNWIND range(1, $n) AS i CREATE (:Item {id: i})", parameters: ["n": 3])
    let items = try await db.query(Item.self, "MATCH (i:Item) RETURN i.id AS id ORDER BY id")
    #expect(items == [Item(id: 1), Item(id: 2), Item(id: 3)])
    let total = try await db.transaction { tx in
      try tx.execute("MATCH (i:Item {id: 1}) DELETE i")
      return try tx.execute("MATCH (i:Item) RETURN sum(i.id) AS s").rows[0][0].intValue
    }
    #expect(total == 5)
    #expect(db.counts.nodes == 2)
  }

  @Test func aFailingAsyncTransactionRollsBack() async throws {
    let db = try Database()
    await #expect(throws: QuiverError.self) {
      try await db.transaction { tx in
        try tx.execute("CREATE (:Item {id: 9})")
        try tx.execute("RETURN 1 / 0")
      }
    }
    #expect(db.counts.nodes == 0)
  }

  @Test func cancellingTheTaskCancelsTheRunningQuery() async throws {
    let db = try Database()
    let task = Task { try await db.execute(endless) }
    // Let the statement start, then cancel the task that awaits it.
    try await Task.sleep(for: .milliseconds(200))
    let started = ContinuousClock.now
    task.cancel()
    let result = await task.result
    #expect(started.duration(to: .now) < .seconds(5))
    switch result {
    case .success: Issue.record("the statement should have been cancelled")
    case .failure(let error): #expect((error as? QuiverError)?.code == .cancelled)
    }
  }

  @Test func aTaskCancelledBeforeItsQueryRunsNothing() async throws {
    let db = try Database()
    let task = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return try await db.execute("CREATE (:Never)")
    }
    #expect((await task.result).failureCode == .cancelled)
    #expect(db.counts.nodes == 0)
  }

  @Test func cancellingAnAsyncLoopStopsTheStream() async throws {
    let db = try Database()
    let pulled = Locked(0)
    // The task cancels itself after 1,000 rows (a cancel from outside would wait for a thread of
    // the task pool, which the other tests keep busy): the next pull must throw, not go on.
    let task = Task {
      for try await _ in db.rows("UNWIND range(1, 100000000) AS x RETURN x") {
        let count = pulled.withLock { $0 += 1; return $0 }
        if count == 1000 { withUnsafeCurrentTask { $0?.cancel() } }
      }
    }
    #expect((await task.result).failureCode == .cancelled)
    #expect(pulled.withLock { $0 } == 1000)
    #expect(!db.publishedVersionIsShared)
  }
}

extension Result {
  /// The Quiver error code of a failure; nil for a success or another error.
  fileprivate var failureCode: QuiverError.Code? {
    if case .failure(let error) = self { return (error as? QuiverError)?.code }
    return nil
  }
}
