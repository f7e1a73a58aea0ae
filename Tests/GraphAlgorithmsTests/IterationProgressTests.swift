// Progress of the iterative algorithms, PageRank (iterations out of the cap) and Louvain (levels
// out of maxLevels), through the same meter as betweenness: through `db.algorithms
// .reportingProgress` and a statement's `QueryCancellation`; a run that converges early ends at
// done with nothing left.
import GraphCore
import Quiver
import Testing

@Suite struct IterationProgressTests {
  @Test func pageRankCountsIterations() throws {
    let db = try SocialGraph.make()
    let seen = Locked<[AlgorithmProgress]>([])
    let analytics = db.algorithms.reportingProgress { p in seen.withLock { $0.append(p) } }
    // A zero tolerance never converges: all 30 iterations run.
    _ = try analytics.pageRank(maxIterations: 30, tolerance: 0)
    let all = seen.withLock { $0 }
    #expect(all.first?.done == 0 && all.first?.total == 30)
    #expect(all.map(\.done) == all.map(\.done).sorted())
    let last = try #require(all.last)
    #expect(last.done == 30 && last.total == 30 && last.fraction == 1 && last.estimatedRemaining == .zero)
    // Converging early jumps to done.
    seen.withLock { $0.removeAll() }
    _ = try analytics.pageRank(maxIterations: 1000, tolerance: 1e-3)
    let early = try #require(seen.withLock { $0.last })
    #expect(early.done == 1000 && early.total == 1000)
    let token = QueryCancellation()
    _ = try db.execute("CALL algo.pageRank({maxIterations: 25, tolerance: 0}) YIELD node RETURN count(*)", cancellation: token)
    let statement = try #require(token.algorithmProgress)
    #expect(statement.done == 25 && statement.total == 25)
  }

  @Test func louvainCountsLevels() throws {
    let db = try SocialGraph.make()
    let seen = Locked<[AlgorithmProgress]>([])
    _ = try db.algorithms.reportingProgress { p in seen.withLock { $0.append(p) } }.louvain()
    let all = seen.withLock { $0 }
    #expect(all.first?.done == 0 && all.first?.total == 10)
    #expect(all.last?.done == 10 && all.last?.total == 10)
    let token = QueryCancellation()
    _ = try db.execute("CALL algo.louvain({maxLevels: 4}) YIELD node RETURN count(*)", cancellation: token)
    #expect(token.algorithmProgress?.done == 4 && token.algorithmProgress?.total == 4)
  }
}
