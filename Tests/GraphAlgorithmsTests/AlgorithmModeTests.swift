// The stream, stats, mutate and write modes of the algorithm procedures: a stats row that agrees
// with the streamed values, write-back through the statement's transaction (also durable on disk),
// mutate into a named graph read by a later algorithm (modularity of the mutated communities),
// and the errors for a missing property or graph.
import Foundation
import Quiver
import Testing

@Suite struct AlgorithmModeTests {
  private static let people = "label: 'Person', relationshipType: 'KNOWS', maxIterations: 1000, tolerance: 1e-12"

  private func social(_ db: Database) throws { try SocialGraph.create(in: db) }

  @Test func statsSummariseTheStream() throws {
    let db = try Database()
    try social(db)
    let scores = try db.execute("CALL algo.pageRank.stream({\(Self.people)}) YIELD score RETURN score ORDER BY score")
      .rows.compactMap { $0[0].doubleValue }
    #expect(scores.count == 6)
    let r = try db.execute(
      "CALL algo.pageRank.stats({\(Self.people)}) YIELD nodeCount, distribution, communityCount, modularity, computeMillis RETURN *")
    let row = try #require(r.rows.first)
    let columns = r.columns
    func column(_ name: String) -> Value { columns.firstIndex(of: name).map { row[$0] } ?? .null }
    #expect(column("nodeCount").intValue == 6)
    #expect(column("communityCount").isNull)
    #expect(column("modularity").isNull)
    #expect((column("computeMillis").intValue ?? -1) >= 0)
    guard case .map(let distribution) = column("distribution") else {
      Issue.record("distribution is not a map")
      return
    }
    #expect(distribution["min"]?.doubleValue == scores.first)
    #expect(distribution["max"]?.doubleValue == scores.last)
    #expect(close(distribution["mean"]?.doubleValue ?? 0, 1.0 / 6))
    // The nearest-rank median of six values is the third smallest.
    #expect(distribution["p50"]?.doubleValue == scores[2])
    #expect(distribution["p99"]?.doubleValue == scores[5])
    let wcc = try db.execute("CALL algo.weaklyConnectedComponents.stats({label: 'Person'}) YIELD communityCount RETURN *")
    #expect(wcc.rows.first?[0].intValue == 1)
    let louvain = try db.execute("CALL algo.louvain.stats({label: 'Person'}) YIELD modularity RETURN modularity")
    let streamed = try db.execute("CALL algo.louvain({label: 'Person'}) YIELD modularity RETURN max(modularity)")
    #expect(louvain.rows.first?[0].doubleValue == streamed.rows.first?[0].doubleValue)
  }

  @Test func writeStoresTheResultInOneStatement() throws {
    let db = try Database()
    try social(db)
    let r = try db.execute(
      "CALL algo.pageRank.write({\(Self.people), writeProperty: 'rank'}) YIELD nodePropertiesWritten, writeMillis RETURN *")
    #expect(r.rows.first?[0].intValue == 6)
    let stored = try db.execute("MATCH (n:Person) RETURN n.name, n.rank ORDER BY n.rank DESC LIMIT 1")
    #expect(stored.rows.first?[0].stringValue == "alice")
    #expect(close(stored.rows.first?[1].doubleValue ?? 0, 0.27545417055560817))
    let wcc = try db.execute("CALL algo.weaklyConnectedComponents.write({label: 'Person', writeProperty: 'component'}) YIELD nodePropertiesWritten RETURN *")
    #expect(wcc.rows.first?[0].intValue == 6)
    let components = try db.execute("MATCH (n:Person) RETURN DISTINCT n.component AS c")
    #expect(components.rows.map { $0[0].intValue } == [0])
    // BFS depths are written only for the nodes reached.
    _ = try db.execute("MATCH (s {name: 'eve'}) CALL algo.bfs.write({sourceNode: s, writeProperty: 'hops'}) YIELD nodePropertiesWritten RETURN *")
    let hops = try db.execute("MATCH (n:Person) WHERE n.hops IS NOT NULL RETURN n.name, n.hops ORDER BY n.name")
    #expect(hops.rows.map { $0[0].stringValue ?? "" } == ["alice", "bob", "carol", "dave", "eve"])
    #expect(hops.rows.map { $0[1].intValue ?? -1 } == [1, 2, 3, 1, 0])
  }

  @Test func writeIsDurable() throws {
    let path = NSTemporaryDirectory() + "quiver-algo-write-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      let db = try Database(path: path)
      try social(db)
      _ = try db.execute("CALL algo.kCore.write({label: 'Person', writeProperty: 'core'}) YIELD nodePropertiesWritten RETURN *")
    }
    let reopened = try Database(path: path)
    let cores = try reopened.execute("MATCH (n:Person) RETURN n.name, n.core ORDER BY n.name")
    // networkx core_number of the undirected graph: the triangle fan {alice, bob, carol, dave, eve} is 2-core, frank 1.
    #expect(cores.rows.map { $0[1].intValue ?? -1 } == [2, 2, 2, 2, 2, 1])
  }

  @Test func writeNeedsAWritingTransaction() throws {
    let db = try Database()
    try social(db)
    #expect(throws: QuiverError.self) {
      try db.transaction(readOnly: true) { tx in
        _ = try tx.execute("CALL algo.degree.write({writeProperty: 'd'}) YIELD nodePropertiesWritten RETURN *")
      }
    }
    #expect(try db.execute("MATCH (n) WHERE n.d IS NOT NULL RETURN count(n)").rows.first?[0].intValue == 0)
  }

  @Test func mutateFeedsALaterAlgorithm() throws {
    let db = try Database()
    try social(db)
    _ = try db.execute("CALL algo.graph.project('people', {nodeLabels: 'Person', orientation: 'UNDIRECTED'})")
    let m = try db.execute("CALL algo.louvain.mutate({graph: 'people', mutateProperty: 'community'}) YIELD nodePropertiesWritten RETURN *")
    #expect(m.rows.first?[0].intValue == 6)
    let q = try db.execute("CALL algo.modularity({graph: 'people', communityProperty: 'community'}) YIELD modularity RETURN modularity")
    let louvain = try db.execute("CALL algo.louvain({graph: 'people'}) YIELD modularity RETURN max(modularity)")
    #expect(close(q.rows.first?[0].doubleValue ?? -1, louvain.rows.first?[0].doubleValue ?? -2))
    let listed = try db.execute("CALL algo.graph.list() YIELD nodeProperties RETURN nodeProperties")
    #expect(listed.rows.first?[0].listValue?.compactMap(\.stringValue) == ["community"])
    // The database itself is untouched.
    #expect(try db.execute("MATCH (n) WHERE n.community IS NOT NULL RETURN count(n)").rows.first?[0].intValue == 0)
  }

  @Test func modeErrors() throws {
    let db = try Database()
    try social(db)
    let noGraph = thrownError(db, "CALL algo.degree.mutate({mutateProperty: 'd'}) YIELD nodePropertiesWritten RETURN *")
    #expect(noGraph?.message.contains("'graph' is required in mutate mode") == true)
    let noProperty = thrownError(db, "CALL algo.degree.write({}) YIELD nodePropertiesWritten RETURN *")
    #expect(noProperty?.message.contains("'writeProperty' is required") == true)
    #expect(thrownError(db, "CALL algo.hits.write({writeProperty: 'h'}) YIELD nodePropertiesWritten RETURN *")?.code == .procedureNotFound)
    let names = try db.execute("CALL dbms.procedures() YIELD name WHERE name STARTS WITH 'algo.pageRank' RETURN name ORDER BY name")
    #expect(names.rows.compactMap { $0[0].stringValue } == [
      "algo.pageRank", "algo.pageRank.mutate", "algo.pageRank.stats", "algo.pageRank.stream", "algo.pageRank.write",
    ])
  }

  /// networkx: nx.community.modularity of the karate club split by club, unweighted and weighted
  /// by the fixture's weights.
  @Test func modularityOfAGivenPartition() throws {
    let fixture = try TestData.fixture("karate")
    let edges = try #require(fixture["edges"] as? [[Int]])
    let club = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
    let db = try Database()
    _ = try db.execute(
      """
      UNWIND range(0, 33) AS i CREATE (:K {i: i, club: $club[i]})
      WITH count(*) AS made UNWIND $edges AS e MATCH (a:K {i: e[0]}), (b:K {i: e[1]}) CREATE (a)-[:E {w: e[2]}]->(b)
      """, parameters: ["club": .list(club.map { .int(Int64($0)) }), "edges": .list(edges.map { .list($0.map { .int(Int64($0)) }) })])
    let plain = try db.execute("CALL algo.modularity({direction: 'BOTH', communityProperty: 'club'}) YIELD communityCount, modularity RETURN *")
    #expect(plain.rows.first?[0].intValue == 2)
    #expect(close(plain.rows.first?[1].doubleValue ?? 0, 0.3582347140039448))
    let weighted = try db.execute(
      "CALL algo.modularity({direction: 'BOTH', weightProperty: 'w', communityProperty: 'club'}) YIELD modularity RETURN *")
    #expect(close(weighted.rows.first?[0].doubleValue ?? 0, 0.3881760778607779))
    let missing = thrownError(db, "CALL algo.modularity({communityProperty: 'nothing'}) YIELD modularity RETURN *")
    #expect(missing?.message.contains("'nothing' is missing on node") == true)
  }

  @Test func swiftAPIWritesAndMutates() throws {
    let db = try Database()
    try social(db)
    let ranks = try db.algorithms.pageRank(AnalyticsGraph(labels: ["Person"], relationshipTypes: ["KNOWS"]), tolerance: 1e-12)
    #expect(try db.writeNodeProperty("rank", ranks) == 6)
    let top = try db.execute("MATCH (n:Person) RETURN n.name ORDER BY n.rank DESC LIMIT 1")
    #expect(top.rows.first?[0].stringValue == "alice")
    let cores = try db.algorithms.coreNumbers(AnalyticsGraph(labels: ["Person"]))
    #expect(try db.writeNodeProperty("core", cores) == 6)
    #expect(try db.execute("MATCH (n {name: 'frank'}) RETURN n.core").rows.first?[0].intValue == 1)
  }
}
