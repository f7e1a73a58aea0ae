// Indexes and constraints through Cypher: the plans that use them, results identical with and
// without each index on random graphs (also after writes, failed statements and rollbacks),
// and constraint enforcement.
import Quiver
import Testing

@Suite struct IndexTests {
  private func plan(_ db: Database, _ query: String) throws -> String {
    try db.execute("EXPLAIN " + query).plan ?? ""
  }

  private func people(_ n: Int = 200) throws -> Database {
    let db = try Database()
    _ = try db.execute(
      "UNWIND range(1, $n) AS i CREATE (:Person {id: i, name: 'p' + toString(i), age: i % 50})", parameters: ["n": .int(Int64(n))])
    _ = try db.execute("MATCH (a:Person), (b:Person) WHERE b.id = a.id + 1 CREATE (a)-[:KNOWS]->(b)")
    return db
  }

  @Test(arguments: [
    ("MATCH (p:Person {id: 5}) RETURN p", "NodeIndexSeek p:Person (person_id)"),
    ("MATCH (p:Person) WHERE p.id = $id RETURN p", "NodeIndexSeek p:Person (person_id)"),
    ("MATCH (p:Person) WHERE 5 = p.id RETURN p", "NodeIndexSeek p:Person (person_id)"),
    ("MATCH (p:Person) WHERE p.id > 190 RETURN p", "NodeIndexSeekByRange p:Person (person_id)"),
    ("MATCH (p:Person) WHERE p.name STARTS WITH 'p1' RETURN p", "NodeIndexSeekByPrefix p:Person (person_name)"),
    ("MATCH (p:Person) WHERE p.id IN [1, 2] RETURN p", "NodeIndexSeek(IN) p:Person (person_id)"),
    ("MATCH (a:Person)-[:KNOWS]->(b:Person {id: 7}) RETURN a", "NodeIndexSeek b:Person (person_id)"),
    ("MATCH (p:Person) WHERE p.age = 3 RETURN p", "NodeByLabelScan p:Person"),
    ("MATCH (p) WHERE p.id = 3 RETURN p", "AllNodesScan p"),
    ("MATCH (p:Person {id: 5}) MATCH (p)-->(q) RETURN q", "Expand(All) (p)-[]->(q)"),
  ])
  func plansUseIndexes(_ query: String, _ expected: String) throws {
    let db = try people()
    _ = try db.execute("CREATE INDEX person_id FOR (p:Person) ON (p.id)")
    _ = try db.execute("CREATE INDEX person_name FOR (p:Person) ON (p.name)")
    let text = try plan(db, query)
    #expect(text.contains(expected), "\(text)")
  }

  @Test func seekWinsOverExpansionOrderAndRowsMatch() throws {
    let db = try people()
    _ = try db.execute("CREATE INDEX FOR (p:Person) ON (p.id)")
    let r = try db.execute("MATCH (a:Person)-[:KNOWS]->(b:Person {id: 7}) RETURN a.id AS id").rows
    #expect(r.map { $0[0].intValue } == [6])
  }

  /// A deterministic generator for the random graphs.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return state >> 11
    }
  }

  static let probes = [
    "MATCH (n:A {x: 3}) RETURN id(n) AS r",
    "MATCH (n:A) WHERE n.x = 3.0 RETURN id(n) AS r",
    "MATCH (n:A) WHERE n.x > 5 RETURN id(n) AS r",
    "MATCH (n:A) WHERE n.x <= 2 AND n.x > -1 RETURN id(n) AS r",
    "MATCH (n:A) WHERE n.x IN [1, 4, '4', null] RETURN id(n) AS r",
    "MATCH (n:A) WHERE n.s STARTS WITH 'a' RETURN id(n) AS r",
    "MATCH (n:A) WHERE n.s >= 'b' RETURN id(n) AS r",
    "MATCH (n:A {x: 2, s: 'ab'}) RETURN id(n) AS r",
    "MATCH (m:B)-[:R]->(n:A {x: 1}) RETURN id(m) AS r",
    "MATCH (n:A) WHERE n.x = 'x' RETURN id(n) AS r",
    "MATCH (m)-[r:R {w: 3}]->(n) RETURN id(r) AS r",
    "MATCH (m)-[r:R]-(n) WHERE r.w > 1 RETURN id(m) * 1000 + id(n) AS r",
    "MATCH (m:B)<-[r:R]-(n) WHERE r.w IN [1, '4', null] RETURN id(r) AS r",
    "MATCH (a)-[:R]->(b)<-[r:R {w: 2}]-(c) RETURN id(a) * 1000 + id(c) AS r",
    "MATCH (a:B)-[r:R]->(b) WHERE r.w <= 1 AND b.x = 3 RETURN id(b) AS r",
  ]

  private func answers(_ db: Database) throws -> [[Int64]] {
    try Self.probes.map { q in try db.execute(q).rows.compactMap { $0[0].intValue }.sorted() }
  }

  @Test(arguments: [11, 12, 13, 14])
  func sameResultsWithAndWithoutIndexes(seed: UInt64) throws {
    var rng = Generator(state: seed)
    let plain = try Database()
    let indexed = try Database()
    _ = try indexed.execute("CREATE INDEX ax FOR (n:A) ON (n.x)")
    _ = try indexed.execute("CREATE INDEX as FOR (n:A) ON (n.s)")
    _ = try indexed.execute("CREATE INDEX axs FOR (n:A) ON (n.x, n.s)")
    _ = try indexed.execute("CREATE INDEX rw FOR ()-[r:R]-() ON (r.w)")
    let values: [String] = ["1", "2", "3", "3.0", "4", "'4'", "6", "7.5", "-1", "null", "'x'", "true"]
    let strings = ["'a'", "'ab'", "'b'", "'ba'", "null", "'c'"]
    var statements: [String] = []
    for i in 0..<80 {
      let labels = [":A", ":B", ":A:B", ""].randomElement(using: &rng) ?? ""
      let x = values.randomElement(using: &rng) ?? "null"
      let s = strings.randomElement(using: &rng) ?? "null"
      statements.append("CREATE (n\(labels) {i: \(i), x: \(x), s: \(s)})")
    }
    statements.append(
      "MATCH (a:B), (b:A) WHERE a.i % 7 = b.i % 5 CREATE (a)-[:R {w: CASE (a.i + b.i) % 6 WHEN 0 THEN 3.0 WHEN 1 THEN '4' WHEN 2 THEN null ELSE (a.i + b.i) % 4 END}]->(b)")
    for db in [plain, indexed] {
      for st in statements { _ = try db.execute(st) }
    }
    #expect(try answers(indexed) == answers(plain))
    // Writes of every kind, a failed statement and a rolled-back transaction.
    let writes = [
      "MATCH (n) WHERE n.i % 3 = 0 SET n.x = n.i % 6",
      "MATCH (n) WHERE n.i % 4 = 1 REMOVE n.x",
      "MATCH (n:B) WHERE n.i % 5 = 0 SET n:A",
      "MATCH (n:A) WHERE n.i % 6 = 2 REMOVE n:A",
      "MATCH (n) WHERE n.i % 9 = 4 DETACH DELETE n",
      "MATCH (n:A) WHERE n.i % 2 = 0 SET n += {s: 'ab', x: 2}",
      "MATCH ()-[r:R]->() WHERE id(r) % 3 = 0 SET r.w = 2",
      "MATCH ()-[r:R]->() WHERE id(r) % 5 = 1 REMOVE r.w",
      "MATCH ()-[r:R]->() WHERE id(r) % 7 = 2 DELETE r",
      "MATCH (a:A), (b:B) WHERE a.i % 11 = b.i % 13 CREATE (a)-[:R {w: 3}]->(b)",
    ]
    for w in writes {
      for db in [plain, indexed] { _ = try db.execute(w) }
      #expect(try answers(indexed) == answers(plain), "after \(w)")
    }
    #expect(thrown { try indexed.execute("MATCH (n:A) SET n.x = 99 WITH n RETURN 1 / 0") } == "DivisionByZero")
    let tx = indexed.beginTransaction()
    _ = try tx.execute("MATCH (n:A) SET n.x = 3, n.s = 'a'")
    _ = try tx.execute("MATCH ()-[r:R]->() SET r.w = 3")
    tx.rollback()
    #expect(try answers(indexed) == answers(plain))
    #expect(try indexed.execute("MATCH (n:A) WHERE n.x = 99 RETURN count(*)").rows[0][0].intValue == 0)
  }

  @Test func uniquenessIsEnforcedAndFailedWritesChangeNothing() throws {
    let db = try people(10)
    _ = try db.execute("CREATE CONSTRAINT person_id FOR (p:Person) REQUIRE p.id IS UNIQUE")
    #expect(thrown { try db.execute("CREATE (:Person {id: 3})") } == "ConstraintValidationFailed")
    #expect(thrown { try db.execute("MATCH (p:Person {id: 4}) SET p.id = 5") } == "ConstraintValidationFailed")
    #expect(thrown { try db.execute("CREATE (p:Other {id: 1}) SET p:Person") } == "ConstraintValidationFailed")
    #expect(db.counts.nodes == 10)
    #expect(try db.execute("MATCH (p:Person {id: 4}) RETURN count(p)").rows[0][0].intValue == 1)
    // Swapping values within one statement is fine: constraints are checked when it ends.
    _ = try db.execute("MATCH (a:Person {id: 1}), (b:Person {id: 2}) SET a.id = 2, b.id = 1")
    let shown = try db.execute("SHOW CONSTRAINTS")
    #expect(shown.rows.map { $0[0].stringValue } == ["person_id"])
    #expect(shown.rows.map { $0[1].stringValue } == ["UNIQUENESS"])
  }

  @Test func existenceConstraint() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:Item {sku: 'a'})")
    _ = try db.execute("CREATE CONSTRAINT sku FOR (i:Item) REQUIRE i.sku IS NOT NULL")
    #expect(thrown { try db.execute("CREATE (:Item {name: 'no sku'})") } == "ConstraintValidationFailed")
    #expect(thrown { try db.execute("MATCH (i:Item) REMOVE i.sku") } == "ConstraintValidationFailed")
    _ = try db.execute("CREATE (i:Item) SET i.sku = 'b'")
    #expect(db.counts.nodes == 2)
    _ = try db.execute("DROP CONSTRAINT sku")
    _ = try db.execute("CREATE (:Item)")
    #expect(db.counts.nodes == 3)
  }

  @Test func constraintCreationFailsOnViolatingData() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:P {k: 1}), (:P {k: 1})")
    do {
      _ = try db.execute("CREATE CONSTRAINT FOR (p:P) REQUIRE p.k IS UNIQUE")
      Issue.record("expected an error")
    } catch let e as QuiverError {
      #expect(e.code == .constraintCreationFailed)
      #expect(e.message.contains("both have label `P` and k = 1"))
    }
    #expect(try db.execute("SHOW INDEXES").rows.isEmpty)
  }

  @Test func indexDdl() throws {
    let db = try people(5)
    _ = try db.execute("CREATE INDEX ages IF NOT EXISTS FOR (p:Person) ON (p.age)")
    _ = try db.execute("CREATE INDEX ages IF NOT EXISTS FOR (p:Person) ON (p.age)")
    #expect(thrown { try db.execute("CREATE INDEX other FOR (p:Person) ON (p.age)") } == "IndexAlreadyExists")
    _ = try db.execute("CREATE INDEX rel_w FOR ()-[k:KNOWS]-() ON (k.w)")
    let shown = try db.execute("SHOW INDEXES")
    #expect(shown.columns == ["name", "type", "entityType", "labelsOrTypes", "properties", "owningConstraint", "size", "distinctValues", "options"])
    #expect(shown.rows.map { $0[0].stringValue } == ["ages", "rel_w"])
    #expect(shown.rows.map { $0[2].stringValue } == ["NODE", "RELATIONSHIP"])
    #expect(shown.rows[0][6].intValue == 5)
    _ = try db.execute("DROP INDEX ages")
    #expect(thrown { try db.execute("DROP INDEX ages") } == "IndexNotFound")
    _ = try db.execute("DROP INDEX ages IF EXISTS")
    #expect(try db.execute("SHOW INDEXES").rows.count == 1)
  }
}

@Suite struct ProfileTests {
  @Test func profileReportsRowsPerOperator() throws {
    let db = try Database()
    _ = try db.execute("UNWIND range(1, 50) AS i CREATE (:P {id: i})-[:T]->(:Q)")
    _ = try db.execute("CREATE INDEX FOR (p:P) ON (p.id)")
    let r = try db.execute("PROFILE MATCH (p:P)-[:T]->(q) WHERE p.id <= 10 RETURN count(q) AS c")
    #expect(r.rows[0][0].intValue == 10)
    let lines = (r.plan ?? "").split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.contains("NodeIndexSeekByRange p:P") && $0.contains("rows=10,") })
    // A count over an expand reads each input row's relationships (ten hits) and yields their
    // total as one row.
    #expect(lines.contains { $0.contains("Expand(Count) (p)-[:T]->(q)") && $0.contains("rows=1, db hits=10,") })
    #expect(lines.contains { $0.contains("EagerAggregation") && $0.contains("rows=1,") })
    let distinct = try db.execute("PROFILE MATCH (p:P)-[:T]->(q) WHERE p.id <= 10 RETURN count(DISTINCT q) AS c")
    #expect(distinct.rows[0][0].intValue == 10)
    // Counting the distinct reached nodes is fused too: one row, ten relationships read.
    let fused = (distinct.plan ?? "").split(separator: "\n").map(String.init)
    #expect(fused.contains { $0.contains("Expand(Count) (p)-[:T]->(q) distinct (q)") && $0.contains("rows=1, db hits=10,") })
    let other = try db.execute("PROFILE MATCH (p:P)-[:T]->(q) WHERE p.id <= 10 RETURN count(DISTINCT p) AS c")
    #expect(other.rows[0][0].intValue == 10)
    let plain = (other.plan ?? "").split(separator: "\n").map(String.init)
    #expect(plain.contains { $0.contains("Expand(All) (p)-[:T]->(q)") && $0.contains("rows=10,") })
  }
}

@Suite struct PlanShapeTests {
  /// The operator names of a plan, root first.
  private func operators(_ db: Database, _ query: String) throws -> [String] {
    let text = try db.execute("EXPLAIN " + query).plan ?? ""
    return text.split(separator: "\n").dropFirst().map { line in
      let name = line.drop { !$0.isLetter }
      return String(name.prefix { $0.isLetter || $0 == "(" || $0 == ")" })
    }
  }

  @Test func wherePredicatesRunAsSoonAsTheirVariablesAreBound() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:Person {age: 40})-[:KNOWS]->(:Person {age: 10})")
    let ops = try operators(db, "MATCH (a:Person)-[:KNOWS]->(b) WHERE a.age > 30 AND b.age < 20 RETURN b")
    #expect(ops == ["Filter", "Expand(All)", "Filter", "NodeByLabelScan", "Argument"])
  }

  @Test func boundEndStartsTheExpansion() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:A)-[:T]->(:B)")
    let ops = try operators(db, "MATCH (b:B) WITH b MATCH (a)-[:T]->(b) RETURN a")
    #expect(ops == ["Expand(All)", "NodeByLabelScan", "Argument"])
  }

  @Test func relationshipIndexSeeksStartPatterns() throws {
    let db = try Database()
    _ = try db.execute("UNWIND range(1, 300) AS i CREATE (:P {id: i})-[:T {w: i % 100}]->(:Q {id: i + 1000})")
    _ = try db.execute("CREATE INDEX tw FOR ()-[r:T]-() ON (r.w)")
    #expect(
      try operators(db, "MATCH (a:P)-[r:T {w: 7}]->(b) RETURN b.id")
        == ["Projection", "Filter", "Filter", "DirectedRelationshipIndexSeek", "Argument"])
    #expect(
      try operators(db, "MATCH (a)-[r:T]-(b) WHERE r.w < 2 RETURN b.id")
        == ["Projection", "Filter", "UndirectedRelationshipIndexSeekByRange", "Argument"])
    #expect(
      try operators(db, "MATCH (x)-[:T]->(y), (a)<-[r:T]-(b) WHERE r.w IN [1, 2] AND x = b RETURN y.id")
        .contains("DirectedRelationshipIndexSeek(IN)"))
    let plan = try db.execute("EXPLAIN MATCH (a)<-[r:T {w: 7}]-(b) RETURN a").plan ?? ""
    #expect(plan.contains("DirectedRelationshipIndexSeek (a)<-[r:T]-(b) (tw) (estimated rows=3"), "\(plan)")
    // The seek binds both ends in the pattern's orientation.
    let rows = try db.execute("MATCH (a)<-[r:T {w: 7}]-(b) RETURN a.id AS a, b.id AS b ORDER BY a").rows
    #expect(rows.map { [$0[0].intValue, $0[1].intValue] } == [[1007, 7], [1107, 107], [1207, 207]])
    let both = try db.execute("MATCH (a)-[r:T {w: 7}]-(b) RETURN a.id AS a ORDER BY a").rows
    #expect(both.compactMap { $0[0].intValue } == [7, 107, 207, 1007, 1107, 1207])
    // A bound node still starts the pattern: it is cheaper than any seek.
    #expect(try operators(db, "MATCH (a:P {id: 3}) WITH a MATCH (a)-[r:T {w: 3}]->(b) RETURN b").contains("Expand(All)"))
  }

  @Test func smallestLabelIsScanned() throws {
    let db = try Database()
    _ = try db.execute("UNWIND range(1, 20) AS i CREATE (:Many)-[:T]->(:Few)")
    _ = try db.execute("MATCH (f:Few) WITH f SKIP 2 DETACH DELETE f")
    let text = try db.execute("EXPLAIN MATCH (m:Many)-[:T]->(f:Few) RETURN m").plan ?? ""
    #expect(text.contains("NodeByLabelScan f:Few"))
  }
}

@Suite struct JoinTests {
  @Test func equalityAcrossIndependentPatternsIsAHashJoin() throws {
    let db = try Database()
    _ = try db.execute("UNWIND range(1, 30) AS i CREATE (:A {x: i % 7, i: i}), (:B {x: i % 5, i: i})")
    let plan = try db.execute("EXPLAIN MATCH (a:A), (b:B) WHERE a.x = b.x RETURN a, b").plan ?? ""
    #expect(plan.contains("ValueHashJoin"))
    let joined = try db.execute("MATCH (a:A), (b:B) WHERE a.x = b.x RETURN a.i AS a, b.i AS b ORDER BY a, b").rows
    // The same predicate written so that no join key can be taken from it: a nested loop.
    let nested = try db.execute("MATCH (a:A), (b:B) WHERE (a.x = b.x) = true RETURN a.i AS a, b.i AS b ORDER BY a, b")
    #expect(!(try db.execute("EXPLAIN MATCH (a:A), (b:B) WHERE (a.x = b.x) = true RETURN a").plan ?? "").contains("ValueHashJoin"))
    #expect(joined.map { $0.map(\.cypherText) } == nested.rows.map { $0.map(\.cypherText) })
    #expect(joined.count > 100)
  }

  /// Every join order: the same query with its pattern parts in each order gives the same rows.
  @Test func resultsDoNotDependOnPatternOrder() throws {
    let db = try Database()
    _ = try db.execute("UNWIND range(1, 12) AS i CREATE (:A {k: i % 3})-[:R]->(:B {k: i % 4}), (:C {k: i % 2})")
    let parts = ["(a:A)-[:R]->(b:B)", "(c:C)", "(d:A)"]
    var answers: Set<String> = []
    for order in [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
      let pattern = order.map { parts[$0] }.joined(separator: ", ")
      let q = "MATCH \(pattern) WHERE a.k = c.k AND d.k = b.k AND a <> d RETURN id(a), id(b), id(c), id(d) ORDER BY id(a), id(b), id(c), id(d)"
      answers.insert(try db.execute(q).rows.map { $0.map(\.cypherText).joined(separator: ",") }.joined(separator: ";"))
    }
    #expect(answers.count == 1)
    #expect(answers.first?.isEmpty == false)
  }
}

@Suite struct IndexOrderTests {
  static let queries = [
    "MATCH (p:P) RETURN p.i AS i ORDER BY p.v LIMIT 7",
    "MATCH (p:P) RETURN p.i AS i ORDER BY p.v DESC LIMIT 7",
    "MATCH (p:P) RETURN p.i AS i, p.v AS v ORDER BY v",
    "MATCH (p:P) RETURN p.i AS i ORDER BY p.v DESC",
    "MATCH (p:P) WHERE p.i % 2 = 0 RETURN p.i AS i ORDER BY p.v SKIP 2 LIMIT 4",
  ]

  @Test func orderedIndexScanMatchesSorting() throws {
    let plain = try Database()
    let indexed = try Database()
    _ = try indexed.execute("CREATE INDEX pv FOR (p:P) ON (p.v)")
    let setup = "UNWIND range(1, 40) AS i CREATE (:P {i: i, v: CASE WHEN i % 9 = 0 THEN null WHEN i % 7 = 0 THEN toFloat(i % 5) WHEN i % 11 = 0 THEN 'text' ELSE i % 5 END})"
    for db in [plain, indexed] { _ = try db.execute(setup) }
    #expect((try indexed.execute("EXPLAIN " + Self.queries[0]).plan ?? "").contains("NodeIndexScan p:P (pv) ASC"))
    #expect(!(try indexed.execute("EXPLAIN " + Self.queries[0]).plan ?? "").contains("Sort"))
    for q in Self.queries {
      let a = try plain.execute(q).rows.map { $0.map(\.cypherText) }
      let b = try indexed.execute(q).rows.map { $0.map(\.cypherText) }
      #expect(a == b, "\(q)")
    }
  }
}

@Suite struct JoinAfterWriteTests {
  @Test func hashJoinSeesNodesCreatedEarlierInTheStatement() throws {
    let db = try Database()
    let r = try db.execute(
      "UNWIND range(0, 5) AS i CREATE (:S {i: i}) WITH count(*) AS made MATCH (a:S), (b:S) WHERE b.i = (a.i + 1) % 6 RETURN a.i AS a, b.i AS b ORDER BY a")
    #expect(r.rows.map { $0.compactMap(\.intValue) } == [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 0]])
  }
}

@Suite struct JoinOrderTests {
  @Test func cheapestPartIsPlannedFirst() throws {
    let db = try Database()
    _ = try db.execute("UNWIND range(1, 100) AS i CREATE (:Person {id: i})")
    _ = try db.execute("MATCH (a:Person), (b:Person) WHERE b.id = a.id + 1 CREATE (a)-[:KNOWS]->(b)")
    _ = try db.execute("CREATE INDEX FOR (p:Person) ON (p.id)")
    let query = "MATCH (a:Person), (p:Person {id: 5})-[:KNOWS]->(a) RETURN a.id AS id"
    let plan = try db.execute("EXPLAIN " + query).plan ?? ""
    #expect(plan.contains("NodeIndexSeek p:Person"))
    #expect(!plan.contains("NodeByLabelScan"), "\(plan)")
    #expect(try db.execute(query).rows.map { $0[0].intValue } == [6])
  }
}
