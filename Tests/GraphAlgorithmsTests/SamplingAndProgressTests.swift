// Sampled closeness and harmonic centrality and the progress of long algorithms: with every node a
// pivot the estimates are networkx's exact values (Fixtures/), with fewer they are the pivot
// formula recomputed here from plain searches; progress reaches every source once, through
// db.algorithms' handler and through a statement's QueryCancellation.
import GraphAlgorithms
import GraphCore
import Quiver
import Testing

@Suite struct SamplingAndProgressTests {
  @Test(arguments: NetworkxComparisonTests.graphs)
  func sampledClosenessWithEveryPivotIsExact(_ name: String) throws {
    let f = try SmallFixture(name)
    let n = f.graph.nodeCount
    let all = Closeness.sampled(f.graph, pivots: n, seed: 5, weighted: false)
    expectClose(all.closeness, try f.vector("closeness"), "\(name) closeness")
    expectClose(all.harmonic, try f.vector("harmonic"), "\(name) harmonic")
    let weighted = Closeness.sampled(f.weighted, pivots: n + 10, seed: 5, weighted: true)
    expectClose(weighted.closeness, try f.vector("closenessWeighted"), "\(name) weighted closeness")
  }

  @Test(arguments: NetworkxComparisonTests.graphs)
  func sampledClosenessFollowsThePivotFormula(_ name: String) throws {
    let g = try SmallFixture(name).graph
    let n = g.nodeCount
    let k = n / 3
    let r = Closeness.sampled(g, pivots: k, seed: 9, weighted: false)
    #expect(Closeness.sampled(g, pivots: k, seed: 9, weighted: false).closeness == r.closeness)
    let pivots = SeededRandom.sample(k, of: n, seed: 9)
    #expect(pivots.count == k && Set(pivots).count == k)
    var tree = ShortestPathTree(nodeCount: n)
    var reached = [Int](repeating: 0, count: n)
    var total = [Double](repeating: 0, count: n)
    var inverse = [Double](repeating: 0, count: n)
    for p in pivots {
      tree.bfs(from: p, g.forward)
      for v in tree.order.map({ Int($0) }) where v != p {
        reached[v] += 1
        total[v] += tree.distance[v]
        inverse[v] += 1 / tree.distance[v]
      }
    }
    let others = (0..<n).map { Double(k - (pivots.contains($0) ? 1 : 0)) }
    let closeness = (0..<n).map { v in total[v] > 0 ? Double(reached[v]) / total[v] * Double(reached[v]) / others[v] : 0 }
    expectClose(r.closeness, closeness, "\(name) sampled closeness")
    expectClose(r.harmonic, (0..<n).map { inverse[$0] * Double(n - 1) / others[$0] }, "\(name) sampled harmonic")
  }

  @Test func theMeterCountsEverySourceOnce() throws {
    let g = try SmallFixture("karate").graph
    let seen = Locked<[WorkProgress]>([])
    let stop = StopCheck(meter: WorkMeter { p in seen.withLock { $0.append(p) } }) { false }
    _ = Betweenness.run(g, weighted: false, stop: stop)
    let reports = seen.withLock { $0 }
    // The threads report outside the meter's lock, so their reports may arrive out of order.
    #expect(reports.first == WorkProgress(done: 0, total: 34, elapsed: .zero))
    #expect(reports.allSatisfy { $0.total == 34 })
    // Each of the 34 sources crosses another hundredth, so each is reported once.
    #expect(reports.map(\.done).sorted() == Array(0...34))
    #expect(reports.first { $0.done == 34 }?.remaining == .zero)
    #expect(WorkProgress(done: 25, total: 100, elapsed: .seconds(10)).remaining == .seconds(30))
    #expect(WorkProgress(done: 0, total: 100, elapsed: .seconds(10)).remaining == nil)
  }

  @Test func progressThroughTheAPIAndAStatement() throws {
    let db = try SocialGraph.make()
    let seen = Locked<[AlgorithmProgress]>([])
    let analytics = db.algorithms.reportingProgress { p in seen.withLock { $0.append(p) } }
    let exact = try analytics.closeness()
    let last = try #require(seen.withLock { $0.last })
    #expect(last.done == 7 && last.total == 7 && last.fraction == 1 && last.estimatedRemaining == .zero)
    // With every node a pivot, sampled closeness is the exact one.
    #expect(try db.algorithms.closeness(samplingSize: 100).values == exact.values)
    let token = QueryCancellation()
    #expect(token.algorithmProgress == nil)
    let rows = try db.execute("CALL algo.betweenness({samplingSize: 3, samplingSeed: 1}) YIELD node RETURN count(*)", cancellation: token)
    #expect(rows.rows.first?[0].intValue == 7)
    let progress = try #require(token.algorithmProgress)
    #expect(progress.done == 3 && progress.total == 3)
  }

  @Test func samplingThroughCypher() throws {
    let db = try SocialGraph.make()
    let exact = try db.execute("CALL algo.harmonic({}) YIELD node, score RETURN node.name, score ORDER BY node.name")
    let sampled = try db.execute(
      "CALL algo.harmonic({samplingSize: 7, samplingSeed: 3}) YIELD node, score RETURN node.name, score ORDER BY node.name")
    // Every node a pivot: the exact scores, summed in another order.
    #expect(sampled.rows.map { $0[0].stringValue } == exact.rows.map { $0[0].stringValue })
    for (a, b) in zip(sampled.rows, exact.rows) { #expect(close(a[1].doubleValue ?? -1, b[1].doubleValue ?? 1)) }
    let two = try db.execute("CALL algo.closeness({samplingSize: 2, samplingSeed: 3}) YIELD node, score RETURN count(*), sum(score)")
    let api = try db.algorithms.closeness(samplingSize: 2, seed: 3)
    #expect(two.rows.first?[0].intValue == 7)
    #expect(close(two.rows.first?[1].doubleValue ?? -1, api.values.reduce(0, +)))
    let bad = thrownError(db, "CALL algo.closeness({samplingSize: 0}) YIELD node RETURN node")
    #expect(bad?.code == .invalidArgumentValue)
    #expect(bad?.message == "algo.closeness: configuration key 'samplingSize' must be at least 1, got 0")
  }
}
