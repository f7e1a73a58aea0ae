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

  @Test func otherDirectionsAreDerivedFromTheCachedOutgoingProjection() throws {
    var store = GraphStore()
    let a = store.createNode(labels: ["P"], properties: [:])
    let b = store.createNode(labels: ["P"], properties: [:])
    let c = store.createNode(labels: ["Q"], properties: [:])
    store.createRelationship(type: "T", from: a, to: b, properties: ["w": 2])
    store.createRelationship(type: "T", from: a, to: c, properties: ["w": 3])
    store.createRelationship(type: "T", from: b, to: b, properties: ["w": 5])
    let cache = ProjectionCache()
    func degrees(_ config: [String: Value]) throws -> [Double?] {
      try AlgorithmProcedure.degree.run(store, [.map(config)], cache: cache).map { $0[1].doubleValue }
    }
    #expect(try degrees(["direction": "INCOMING", "weightProperty": "w"]) == [0, 7, 3])
    #expect(cache.count == 2)
    #expect(try degrees(["direction": "BOTH", "weightProperty": "w"]) == [5, 12, 3])  // a self-loop counts twice
    #expect(try degrees(["weightProperty": "w"]) == [5, 5, 0])
    #expect(cache.count == 3)
    // Without a cache, and with labels: the same derivation.
    let both = try AlgorithmProcedure.degree.run(store, [.map(["direction": "BOTH", "label": ["P", "P"]])])
    #expect(both.map { $0[1].doubleValue } == [1, 3])
    let either = try AlgorithmProcedure.degree.run(store, [.map(["direction": "INCOMING", "label": ["Q", "P"]])])
    #expect(either.map { $0[0].nodeValue?.id } == [a, b, c])
    #expect(either.map { $0[1].doubleValue } == [0, 2, 1])
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
    #expect(try db.algorithms.weaklyConnectedComponents().count == 3)
    #expect(try db.algorithms.weaklyConnectedComponents().componentCount == 1)
    let tx = db.beginTransaction()
    _ = try tx.execute("CREATE (:P {n: 4})")
    #expect(try tx.execute(components).rows.first?.first?.intValue == 2)
    tx.rollback()
    #expect(try count() == 1)
    #expect { try db.execute("CREATE (:P {n: 5}) WITH 1 AS x RETURN 1 / 0") } throws: {
      ($0 as? QuiverError)?.code == .divisionByZero
    }
    #expect(try count() == 1)
    _ = try db.execute("MATCH (p:P {n: 3}) DETACH DELETE p")
    #expect(try count() == 1)
    #expect(try db.algorithms.weaklyConnectedComponents().count == 2)
  }
}
