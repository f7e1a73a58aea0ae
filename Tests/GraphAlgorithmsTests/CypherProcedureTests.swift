// End-to-end tests of the algo.* procedures through Cypher: projection by label and type, yielded
// columns and values (expected values from networkx), configuration errors that name the key, and
// the listing in dbms.procedures().
import Quiver
import Testing

@Suite struct CypherProcedureTests {
  private func social() throws -> Database { try SocialGraph.make() }

  @Test func pageRankTopThree() throws {
    let db = try social()
    let r = try db.execute(
      """
      CALL algo.pageRank({label: 'Person', relationshipType: 'KNOWS', dampingFactor: 0.85, maxIterations: 1000, tolerance: 1e-12})
      YIELD node, score RETURN node.name AS name, score ORDER BY score DESC LIMIT 3
      """)
    #expect(r.rows.map { $0[0].stringValue } == ["alice", "bob", "carol"])
    let expected = [0.27545417055560817, 0.25913604497093096, 0.2452656382265909]
    for (row, value) in zip(r.rows, expected) { #expect(close(row[1].doubleValue ?? 0, value)) }
  }

  @Test func betweennessAndDijkstra() throws {
    let db = try social()
    let b = try db.execute(
      "CALL algo.betweenness({label: 'Person', relationshipType: 'KNOWS'}) YIELD node, score RETURN node.name, score ORDER BY node.name")
    let expected = [0.35, 0.25, 0.15, 0, 0.2, 0]
    for (row, value) in zip(b.rows, expected) { #expect(close(row[1].doubleValue ?? -1, value)) }
    let d = try db.execute(
      """
      MATCH (s {name: 'frank'}), (t {name: 'carol'})
      CALL algo.dijkstra({sourceNode: s, targetNode: t, relationshipType: 'KNOWS', weightProperty: 'w'})
      YIELD totalCost, nodes, path RETURN totalCost, [n IN nodes | n.name] AS names, length(path) AS hops
      """)
    #expect(d.rows.count == 1)
    #expect(d.rows.first?[0].doubleValue == 6)
    #expect(d.rows.first?[1].listValue?.compactMap(\.stringValue) == ["frank", "eve", "alice", "bob", "carol"])
    #expect(d.rows.first?[2].intValue == 4)
  }

  @Test func componentsCommunitiesAndTriangles() throws {
    let db = try social()
    let wcc = try db.execute(
      "CALL algo.weaklyConnectedComponents({label: 'Person', relationshipType: 'KNOWS'}) YIELD componentId RETURN count(DISTINCT componentId) AS c")
    #expect(wcc.rows.first?[0].intValue == 1)
    let scc = try db.execute(
      "CALL algo.stronglyConnectedComponents({label: 'Person'}) YIELD componentId RETURN count(DISTINCT componentId) AS c")
    // {alice, bob, carol, dave} form a cycle through carol → dave → alice; eve and frank stand alone.
    #expect(scc.rows.first?[0].intValue == 3)
    let t = try db.execute("CALL algo.triangleCount({label: 'Person'}) YIELD node, triangles RETURN sum(triangles) AS t")
    // Triangles (alice, bob, carol), (alice, carol, dave), (alice, dave, eve), each counted at 3 nodes.
    #expect(t.rows.first?[0].intValue == 9)
    let louvain = try db.execute("CALL algo.louvain({label: 'Person'}) YIELD modularity RETURN max(modularity) AS q")
    #expect((louvain.rows.first?[0].doubleValue ?? -1) >= 0)
  }

  @Test func badConfigurationKeyNamesTheKey() throws {
    let db = try social()
    do {
      _ = try db.execute("CALL algo.pageRank({dampingFactr: 0.85}) YIELD node, score RETURN node")
      Issue.record("expected an error")
    } catch let e as QuiverError {
      #expect(e.category.name == "ArgumentError")
      #expect(e.code == .invalidArgumentValue)
      #expect(e.message.contains("'dampingFactr'"))
    }
    for (query, key) in [
      ("CALL algo.pageRank({dampingFactor: 2}) YIELD node RETURN node", "dampingFactor"),
      ("CALL algo.bfs({}) YIELD node RETURN node", "sourceNode"),
      ("CALL algo.dijkstra.singleSource({sourceNode: 0, weightProperty: 'w', defaultWeight: 'x'}) YIELD node RETURN node", "defaultWeight"),
      ("CALL algo.dijkstra({sourceNode: 0, targetNode: 99}) YIELD path RETURN path", "targetNode"),
      ("CALL algo.louvain({seed: 'x'}) YIELD node RETURN node", "seed"),
      ("CALL algo.pageRank({direction: 'SIDEWAYS'}) YIELD node RETURN node", "direction"),
    ] {
      let e = try #require(throws: QuiverError.self, "\(query)") { try db.execute(query) }
      #expect(e.code == .invalidArgumentValue, "\(query)")
      #expect(e.message.contains(key), "\(e.message)")
    }
  }

  @Test func negativeWeightsAreRefused() throws {
    let db = try Database()
    _ = try db.execute("CREATE (a:N)-[:R {w: -1}]->(b:N)")
    #expect {
      try db.execute("MATCH (a:N) WITH a LIMIT 1 CALL algo.dijkstra.singleSource({sourceNode: a, weightProperty: 'w'}) YIELD node RETURN node")
    } throws: {
      ($0 as? QuiverError)?.code == .invalidArgumentValue
    }
  }

  @Test func weightsMustBeNumbersOnProjectedRelationshipsOnly() throws {
    let db = try Database()
    // The S relationship holds a string weight but is not projected when only R is.
    _ = try db.execute("CREATE (a:N {i: 1})-[:R {w: 2}]->(b:N {i: 2})-[:R {w: 0.5}]->(c:N {i: 3}), (a)-[:S {w: 'heavy'}]->(c), (a)-[:R]->(c)")
    let costs = try db.execute(
      """
      MATCH (a:N {i: 1}) CALL algo.dijkstra.singleSource({sourceNode: a, relationshipType: 'R', weightProperty: 'w', defaultWeight: 9})
      YIELD node, cost RETURN node.i AS i, cost ORDER BY i
      """)
    #expect(costs.rows.map { $0[0].intValue ?? -1 } == [1, 2, 3])
    // c is reached through b (2 + 0.5), cheaper than the direct R relationship without a weight (9).
    #expect(costs.rows.map { $0[1].doubleValue ?? -1 } == [0, 2, 2.5])
    do {
      _ = try db.execute(
        "MATCH (a:N {i: 1}) CALL algo.dijkstra.singleSource({sourceNode: a, weightProperty: 'w'}) YIELD node RETURN node")
      Issue.record("expected an error")
    } catch let e as QuiverError {
      #expect(e.code == .invalidArgumentValue)
      #expect(e.message.contains("weightProperty 'w' must hold numbers, but relationship"))
      #expect(e.message.contains("has a STRING"))
    }
  }

  @Test func weightsOfARareTypeAreReadPerEdge() throws {
    // R is a small share of the relationships, so its weights are read edge by edge rather than
    // in a pass over every relationship; the results must not depend on which.
    let db = try Database()
    _ = try db.execute("CREATE (a:N {i: 1})-[:R {w: 2}]->(b:N {i: 2})-[:R {w: 0.5}]->(c:N {i: 3}), (a)-[:R]->(c)")
    _ = try db.execute("MATCH (a:N {i: 1}), (c:N {i: 3}) UNWIND range(1, 20) AS k CREATE (a)-[:FILL {w: k}]->(c)")
    let costs = try db.execute(
      """
      MATCH (a:N {i: 1}) CALL algo.dijkstra.singleSource({sourceNode: a, relationshipType: 'R', weightProperty: 'w', defaultWeight: 9})
      YIELD node, cost RETURN node.i AS i, cost ORDER BY i
      """)
    #expect(costs.rows.map { $0[1].doubleValue ?? -1 } == [0, 2, 2.5])
    _ = try db.execute("MATCH (:N {i: 2})-[r:R]->(:N {i: 3}) SET r.w = 'far'")
    do {
      _ = try db.execute(
        "MATCH (a:N {i: 1}) CALL algo.dijkstra.singleSource({sourceNode: a, relationshipType: 'R', weightProperty: 'w'}) YIELD node RETURN node")
      Issue.record("expected an error")
    } catch let e as QuiverError {
      #expect(e.code == .invalidArgumentValue)
      #expect(e.message.contains("weightProperty 'w' must hold numbers, but relationship"))
      #expect(e.message.contains("has a STRING"))
    }
  }

  @Test func longRunningAlgorithmsHonourTheTimeout() throws {
    let db = try Database()
    _ = try db.execute("UNWIND range(0, 2999) AS i CREATE (:N {i: i})")
    _ = try db.execute(
      """
      MATCH (n:N) WITH n ORDER BY n.i WITH collect(n) AS ns UNWIND range(0, 2999) AS i
      WITH ns[i] AS a, ns[(i * 7 + 1) % 3000] AS b, ns[(i * 13 + 5) % 3000] AS c CREATE (a)-[:R]->(b), (a)-[:R]->(c)
      """)
    for query in ["CALL algo.betweenness({}) YIELD score RETURN sum(score)", "CALL algo.closeness({}) YIELD score RETURN sum(score)"] {
      do {
        _ = try db.execute(query, timeout: .milliseconds(20))
        Issue.record("\(query) finished within 20 ms")
      } catch let e as QuiverError {
        #expect(e.category.name == "Cancelled", "\(e)")
      }
    }
  }

  @Test func proceduresAreListedWithSignatures() throws {
    let db = try Database()
    let r = try db.execute("CALL dbms.procedures() YIELD name, signature WHERE name STARTS WITH 'algo.' RETURN name, signature")
    let names = r.rows.compactMap { $0[0].stringValue }
    #expect(names.contains("algo.pageRank"))
    #expect(names.contains("algo.similarity.jaccard"))
    // 41 algorithms, 22 of which (one value per node) also have .stream, .stats, .mutate and
    // .write forms, 4 (scored pairs) .stream and .write forms, 2 (embeddings) .stream and .stats
    // forms, and the 4 procedures of the graph catalog.
    #expect(names.count == 41 + 22 * 4 + 4 * 2 + 2 * 2 + 4)
    #expect(names.contains("algo.fastRP.stats") && names.contains("algo.node2vec.stream") && !names.contains("algo.fastRP.write"))
    #expect(names.contains("algo.knn.write") && names.contains("algo.similarity.cosine.write") && !names.contains("algo.knn.stats"))
    #expect(names.contains("algo.deltaStepping.write") && names.contains("algo.node2vec") && names.contains("algo.steinerTree"))
    #expect(names.contains("algo.randomWalk") && names.contains("algo.fastRP") && names.contains("algo.maxFlow"))
    #expect(names.contains("algo.leiden.write"))
    #expect(names.contains("algo.graph.project.cypher"))
    #expect(!names.contains("algo.hits.write"))
    #expect(
      r.rows.contains { $0[1].stringValue == "algo.pageRank(config :: MAP?) :: (node :: NODE?, score :: FLOAT?)" })
  }
}
