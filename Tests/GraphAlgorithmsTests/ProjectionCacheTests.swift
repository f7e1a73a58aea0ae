// Projections are built once per unchanged graph and rebuilt after any change: the cache itself,
// and the algorithms through Cypher and Swift seeing every write, rollback and failed statement.
import CypherRuntime
import GraphStorage
import Quiver
import Testing

@Suite struct ProjectionCacheTests {
  @Test func oneProjectionPerSpecificationUntilTheGraphChanges() throws {
    var store = GraphStore()
    let a = store.createNode(labels: ["P"], properties: [:])
    let b = store.createNode(labels: ["P"], properties: [:])
    store.createRelationship(type: "T", from: a, to: b, properties: ["w": 2])
    let cache = ProjectionCache()
    let first = try AlgorithmProcedure.degree.run(store, [.map([:])], cache: cache)
    _ = try AlgorithmProcedure.degree.run(store, [.map([:])], cache: cache)
    #expect(cache.count == 1)
    _ = try AlgorithmProcedure.degree.run(store, [.map(["weightProperty": "w"])], cache: cache)
    #expect(cache.count == 2)
    store.createRelationship(type: "T", from: b, to: a, properties: [:])
    let after = try AlgorithmProcedure.degree.run(store, [.map([:])], cache: cache)
    #expect(cache.count == 1)
    #expect(first.map { $0[1].doubleValue } == [1, 0])
    #expect(after.map { $0[1].doubleValue } == [1, 1])
  }

  @Test func algorithmsSeeEveryChangeToTheGraph() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:P {n: 1})-[:T]->(:P {n: 2}), (:P {n: 3})")
    let components = "CALL algo.weaklyConnectedComponents({}) YIELD componentId RETURN count(DISTINCT componentId) AS c"
    func count() throws -> Int64? { try db.execute(components).rows.first?.first?.intValue }
    #expect(try count() == 2)
    #expect(try count() == 2)
    _ = try db.execute("MATCH (a:P {n: 2}), (b:P {n: 3}) CREATE (a)-[:T]->(b)")
    #expect(try count() == 1)
    #expect(try db.algorithms.weaklyConnectedComponents().values.count == 3)
    #expect(Set(try db.algorithms.weaklyConnectedComponents().values).count == 1)
    let tx = db.beginTransaction()
    _ = try tx.execute("CREATE (:P {n: 4})")
    #expect(try tx.execute(components).rows.first?.first?.intValue == 2)
    tx.rollback()
    #expect(try count() == 1)
    #expect(throws: QuiverError.self) { try db.execute("CREATE (:P {n: 5}) WITH 1 AS x RETURN 1 / 0") }
    #expect(try count() == 1)
    _ = try db.execute("MATCH (p:P {n: 3}) DETACH DELETE p")
    #expect(try count() == 1)
    #expect(try db.algorithms.weaklyConnectedComponents().keys.count == 2)
  }
}
