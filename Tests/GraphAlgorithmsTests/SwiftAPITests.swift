// The embedding API `db.algorithms`: typed results looked up by node id that agree with the
// procedures, paths with relationship ids, and errors for invalid options and negative weights.
import Quiver
import Testing

@Suite struct SwiftAPITests {
  private func ring() throws -> (Database, [Int64]) {
    let db = try Database()
    let r = try db.execute(
      """
      UNWIND range(0, 5) AS i CREATE (:Stop {i: i, latitude: 48.0 + i * 0.01, longitude: 2.0})
      WITH count(*) AS made MATCH (a:Stop), (b:Stop) WHERE b.i = (a.i + 1) % 6
      CREATE (a)-[:NEXT {km: 1.2}]->(b)
      WITH count(*) AS linked MATCH (s:Stop) RETURN id(s) AS id ORDER BY s.i
      """)
    return (db, r.rows.compactMap { $0[0].intValue })
  }

  @Test func scoresAndComponents() throws {
    let (db, ids) = try ring()
    let pr = try db.algorithms.pageRank(tolerance: 1e-12)
    #expect(pr.count == 6)
    for id in ids { #expect(close(pr[id] ?? 0, 1.0 / 6)) }
    let scc = try db.algorithms.stronglyConnectedComponents()
    #expect(scc.componentCount == 1)
    let between = try db.algorithms.betweenness()
    // In a directed 6-cycle each node lies on the paths of 1 + 2 + 3 + 4 = 10 ordered pairs of 20.
    for id in ids { #expect(close(between[id] ?? 0, 10.0 / 20)) }
  }

  @Test func componentsByNodeIDWithSizesAndIteration() throws {
    let db = try Database()
    // Components {a, b, c} (a -> b -> c -> b), {d, e} (e -> d), {f}, and g, which has no :N label.
    let ids = try db.execute(
      """
      CREATE (a:N {k: 'a'}), (b:N {k: 'b'}), (c:N {k: 'c'}), (d:N {k: 'd'}), (e:N {k: 'e'}), (f:N {k: 'f'}), (g:M {k: 'g'})
      CREATE (a)-[:R]->(b), (b)-[:R]->(c), (c)-[:R]->(b), (e)-[:R]->(d), (f)-[:R]->(g)
      RETURN id(a), id(b), id(c), id(d), id(e), id(f), id(g)
      """
    ).rows[0].compactMap(\.intValue)
    let (a, b, c, d, e, f, g) = (ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6])
    let onlyN = AnalyticsGraph(labels: ["N"])
    let weak = try db.algorithms.weaklyConnectedComponents(onlyN)
    #expect(weak.count == 6)
    #expect(weak.componentCount == 3)
    #expect([a, b, c, d, e, f].map { weak[$0] } == [0, 0, 0, 1, 1, 2])
    #expect(weak[g] == nil)
    #expect(weak[-1] == nil)
    #expect(weak[999] == nil)
    #expect(weak.sizes == [3, 2, 1])
    #expect(weak.nodeIDs(inComponent: 1) == [d, e])
    #expect(weak.nodeIDs(inComponent: 7).isEmpty)
    #expect(weak.map(\.nodeID) == [a, b, c, d, e, f])
    #expect(weak.map(\.component) == [0, 0, 0, 1, 1, 2])
    let strong = try db.algorithms.stronglyConnectedComponents(onlyN)
    #expect([a, b, c, d, e, f].map { strong[$0] } == [0, 1, 1, 2, 3, 4])
    #expect(strong.sizes == [1, 2, 1, 1, 1])
    let all = try db.algorithms.weaklyConnectedComponents()
    #expect(all[g] == all[f])
    #expect(all.sizes == [3, 2, 2])
  }

  @Test func pathsCarryRelationships() throws {
    let (db, ids) = try ring()
    let graph = AnalyticsGraph(relationshipTypes: ["NEXT"], weightProperty: "km")
    let p = try #require(try db.algorithms.shortestPath(graph, from: ids[0], to: ids[3]))
    #expect(p.nodeIDs == Array(ids[0...3]))
    #expect(p.relationshipIDs.count == 3)
    #expect(close(p.totalCost, 3.6))
    let a = try #require(try db.algorithms.aStar(graph, from: ids[0], to: ids[3]))
    #expect(a.nodeIDs == p.nodeIDs)
    let undirected = AnalyticsGraph(direction: .both, weightProperty: "km")
    let k = try db.algorithms.kShortestPaths(undirected, from: ids[0], to: ids[3], k: 3)
    #expect(k.count == 2)
    #expect(try db.algorithms.minimumSpanningTree(undirected).count == 5)
  }

  @Test func invalidOptionsThrow() throws {
    let (db, ids) = try ring()
    #expect { try db.algorithms.pageRank(dampingFactor: 1.5) } throws: {
      ($0 as? QuiverError)?.code == .invalidArgumentValue
    }
    #expect { try db.algorithms.shortestPath(from: ids[0], to: 999) } throws: {
      ($0 as? QuiverError)?.code == .invalidArgumentValue
    }
  }

  @Test func negativeWeightsAreNamedInEveryDirection() throws {
    let db = try Database()
    let ids = try db.execute("CREATE (a:N)-[:R {w: 2}]->(b:N)-[:R {w: -3.5}]->(c:N) RETURN id(a), id(c)").rows[0].compactMap(\.intValue)
    for (direction, source) in [(AnalyticsGraph.Direction.outgoing, ids[0]), (.incoming, ids[1]), (.both, ids[0])] {
      let graph = AnalyticsGraph(direction: direction, weightProperty: "w")
      do {
        _ = try db.algorithms.shortestPathCosts(graph, from: source)
        Issue.record("\(direction): negative weight accepted")
      } catch let e as QuiverError {
        #expect(e.message.contains("'w'") && e.message.contains("-3.5"), "\(direction): \(e.message)")
      }
      #expect("\(direction)") { try db.algorithms.pageRank(graph) } throws: {
        ($0 as? QuiverError)?.code == .invalidArgumentValue
      }
    }
    #expect(try db.algorithms.shortestPathCosts(AnalyticsGraph(), from: ids[0]).count == 3)
  }
}
