// End-to-end query tests through the public API: small graphs, results asserted value by value.
import Quiver
import Testing

/// Runs `query` and returns its rows.
func rows(_ db: Database, _ query: String, _ parameters: [String: Value] = [:]) throws -> [[Value]] {
  try db.execute(query, parameters: parameters).rows
}

@Suite struct QueryTests {
  @Test func createThenMatchKnows() throws {
    let db = try Database()
    let created = try db.execute(
      "CREATE (:Person {name: 'Alice', age: 25})-[:KNOWS {weight: 5}]->(:Person {name: 'Bob', age: 30})")
    #expect(created.statistics.nodesCreated == 2)
    #expect(created.statistics.relationshipsCreated == 1)
    #expect(created.statistics.propertiesSet == 5)
    #expect(created.statistics.labelsAdded == 2)
    let result = try db.execute("MATCH (a)-[k:KNOWS]->(b) RETURN a.name, k.weight, b.name")
    #expect(result.columns == ["a.name", "k.weight", "b.name"])
    #expect(result.rows.count == 1)
    #expect(result.rows[0][0].stringValue == "Alice")
    #expect(result.rows[0][1].intValue == 5)
    #expect(result.rows[0][2].stringValue == "Bob")
  }

  @Test func labelCountersCountPerNodeAsNeo4jDoes() throws {
    let db = try Database()
    let created = try db.execute("CREATE (:A:B), (:A:B), (:A)").statistics
    #expect((created.labelsAdded, created.labelNamesAdded) == (5, 2))
    let again = try db.execute("MATCH (n:A) SET n:A, n:C").statistics
    #expect((again.labelsAdded, again.labelNamesAdded) == (3, 1))
    let removed = try db.execute("MATCH (n) REMOVE n:B, n:D").statistics
    #expect((removed.labelsRemoved, removed.labelNamesRemoved) == (2, 1))
    // Deleting a node removes no label from it, though the name may go out of use.
    let deleted = try db.execute("MATCH (n:C) DETACH DELETE n").statistics
    #expect((deleted.nodesDeleted, deleted.labelsRemoved, deleted.labelNamesRemoved) == (3, 0, 2))
    #expect(created.description == "Created 3 nodes, added 5 labels")
  }

  @Test func parametersFilterAndProject() throws {
    let db = try Database()
    _ = try db.execute("UNWIND [['Alice', 25], ['Bob', 30], ['Carol', 35]] AS p CREATE (:Person {name: p[0], age: p[1]})")
    let r = try rows(db, "MATCH (p:Person {name: $name}) RETURN p.age", ["name": "Bob"])
    #expect(r.count == 1)
    #expect(r[0][0].intValue == 30)
    let older = try rows(db, "MATCH (p:Person) WHERE p.age > $min RETURN p.name ORDER BY p.name DESC", ["min": 26])
    #expect(older.map { $0[0].stringValue } == ["Carol", "Bob"])
  }

  @Test func aggregationGroupsByKeys() throws {
    let db = try Database()
    _ = try db.execute("UNWIND range(1, 10) AS i CREATE (:N {group: i % 3, value: i})")
    let r = try rows(db, "MATCH (n:N) RETURN n.group AS g, count(*) AS c, sum(n.value) AS s ORDER BY g")
    #expect(r.map { $0[0].intValue } == [0, 1, 2])
    #expect(r.map { $0[1].intValue } == [3, 4, 3])
    #expect(r.map { $0[2].intValue } == [18, 22, 15])
  }

  @Test func optionalMatchFillsNulls() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:A {name: 'a'})-[:R]->(:B), (:A {name: 'lonely'})")
    let r = try rows(db, "MATCH (a:A) OPTIONAL MATCH (a)-[:R]->(b) RETURN a.name, b IS NULL AS missing ORDER BY a.name")
    #expect(r.map { $0[0].stringValue } == ["a", "lonely"])
    #expect(r.map { $0[1].boolValue } == [false, true])
  }

  @Test func distinctSkipLimit() throws {
    let db = try Database()
    let r = try rows(db, "UNWIND [3, 1, 2, 3, 1] AS x RETURN DISTINCT x ORDER BY x SKIP 1 LIMIT 1")
    #expect(r.map { $0[0].intValue } == [2])
  }

  @Test func skipAndLimitMayCountWithASubquery() throws {
    // A subquery in SKIP or LIMIT binds its own variables: it used to be evaluated on a row
    // with no slots and crashed once the graph had a node.
    let db = try Database()
    _ = try db.execute("CREATE (), ()")
    #expect(try rows(db, "RETURN 1 AS x SKIP COUNT { MATCH (n) }").isEmpty)
    let r = try rows(db, "UNWIND range(1, 5) AS i RETURN i SKIP COUNT { MATCH (x) } LIMIT COUNT { MATCH (y) }")
    #expect(r.map { $0[0].intValue } == [3, 4])
    let error = #expect(throws: QuiverError.self) { try db.execute("RETURN 1 AS x SKIP (EXISTS { MATCH (x) })") }
    #expect(error?.code == .invalidArgumentType)
  }

  @Test func failedStatementChangesNothing() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:N {v: 1})")
    #expect(thrown { try db.execute("MATCH (n:N) CREATE (:M) WITH n RETURN n.v / 0") } == "DivisionByZero")
    #expect(db.counts.nodes == 1)
  }

  @Test func variableLengthPaths() throws {
    let db = try Database()
    _ = try db.execute("CREATE (a:X {n: 1})-[:T]->(:X {n: 2})-[:T]->(:X {n: 3})-[:T]->(:X {n: 4})")
    let r = try rows(db, "MATCH (a:X {n: 1})-[:T*2..3]->(b) RETURN b.n ORDER BY b.n")
    #expect(r.map { $0[0].intValue } == [3, 4])
    let p = try rows(db, "MATCH p = (a:X {n: 1})-[:T*]->(b:X {n: 4}) RETURN length(p), [n IN nodes(p) | n.n]")
    #expect(p.count == 1)
    #expect(p[0][0].intValue == 3)
    #expect(p[0][1].listValue?.map(\.intValue) == [1, 2, 3, 4])
  }
}

@Suite struct VariableLengthTests {
  @Test func limitStopsTheWalkEarly() throws {
    let db = try Database()
    // A complete directed graph on 12 nodes has far too many trails to enumerate.
    _ = try db.execute("UNWIND range(0, 11) AS i CREATE (:K {id: i})")
    _ = try db.execute("MATCH (a:K), (b:K) WHERE a <> b CREATE (a)-[:E]->(b)")
    let r = try db.execute("MATCH (:K {id: 0})-[*]->(b) RETURN b.id AS id LIMIT 5", timeout: .seconds(20))
    #expect(r.rows.count == 5)
  }

  @Test func boundsAndZeroLength() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:N {v: 0})-[:T]->(:N {v: 1})-[:T]->(:N {v: 2})")
    let zero = try db.execute("MATCH (a:N {v: 0})-[*0..1]->(b) RETURN b.v ORDER BY b.v").rows
    #expect(zero.map { $0[0].intValue } == [0, 1])
    let none = try db.execute("MATCH (a:N {v: 0})-[*2..1]->(b) RETURN b.v").rows
    #expect(none.isEmpty)
    let back = try db.execute("MATCH (a:N {v: 2})<-[*]-(b) RETURN b.v ORDER BY b.v").rows
    #expect(back.map { $0[0].intValue } == [0, 1])
  }
}
