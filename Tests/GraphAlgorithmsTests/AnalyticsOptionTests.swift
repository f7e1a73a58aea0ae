// `db.algorithms` and the `algo.*` procedures check options in one place (the typed calls of
// CypherRuntime's Analytics): the same invalid value gets the same error, code and message, from
// either side.
import Quiver
import Testing

@Suite struct AnalyticsOptionTests {
  private func graph() throws -> (Database, Int64) {
    let db = try Database()
    let r = try db.execute("CREATE (a:N)-[:T]->(b:N)-[:T]->(a) RETURN id(a) AS id")
    return (db, r.rows[0][0].intValue ?? -1)
  }

  /// The error `body` throws, as code and message.
  private func failure(_ body: () throws -> Void) -> (String, String)? {
    do {
      try body()
      return nil
    } catch let e as QuiverError {
      return (e.code.rawValue, e.message)
    } catch {
      return ("?", "\(error)")
    }
  }

  @Test func swiftAndCypherRefuseTheSameValuesAlike() throws {
    let (db, id) = try graph()
    let cases: [(String, () throws -> Void, String)] = [
      (
        "algo.pageRank: configuration key 'dampingFactor' must be between 0.0 and 0.999999, got 1.5",
        { _ = try db.algorithms.pageRank(dampingFactor: 1.5) }, "CALL algo.pageRank({dampingFactor: 1.5})"
      ),
      (
        "algo.pageRank: configuration key 'maxIterations' must be at least 1, got 0",
        { _ = try db.algorithms.pageRank(maxIterations: 0) }, "CALL algo.pageRank({maxIterations: 0})"
      ),
      (
        "algo.betweenness: configuration key 'samplingSeed' must be at least 0, got -1",
        { _ = try db.algorithms.betweenness(seed: -1) }, "CALL algo.betweenness({samplingSeed: -1})"
      ),
      (
        "algo.kShortestPaths: configuration key 'k' must be between 1 and 1000, got 0",
        { _ = try db.algorithms.kShortestPaths(from: id, to: id, k: 0) },
        "CALL algo.kShortestPaths({sourceNode: \(id), targetNode: \(id), k: 0})"
      ),
      (
        "algo.dijkstra: configuration key 'targetNode' names node 999, which is not in the projected graph",
        { _ = try db.algorithms.shortestPath(from: id, to: 999) },
        "CALL algo.dijkstra({sourceNode: \(id), targetNode: 999})"
      ),
      (
        "algo.louvain: configuration key 'seed' must be at least 0, got -3",
        { _ = try db.algorithms.louvain(seed: -3) }, "CALL algo.louvain({seed: -3})"
      ),
      (
        "algo.similarity.overlap: configuration key 'topK' must be at least 1, got 0",
        { _ = try db.algorithms.similarity(overlap: true, topK: 0) }, "CALL algo.similarity.overlap({topK: 0})"
      ),
    ]
    for (message, swift, cypher) in cases {
      let expected = ("InvalidArgumentValue", message)
      #expect(failure(swift) ?? ("", "") == expected, "\(cypher)")
      #expect(failure { _ = try db.execute(cypher) } ?? ("", "") == expected, "\(cypher)")
    }
  }
}
