// The Neo4j 5 / Cypher 25 clauses: FINISH, NODETACH DELETE, FILTER, LET, FOR, standalone ORDER BY /
// OFFSET / SKIP / LIMIT and OFFSET in projections, IS [NOT] LABELED and GQL's function names;
// rows and statistics, and the errors.
import Quiver
import Foundation
import Testing

@Suite struct Cypher25ClauseTests {
  @Test func finishRunsEverythingAndReturnsNothing() throws {
    let db = try Database()
    let r = try db.execute("UNWIND range(1, 3) AS i CREATE (:N {i: i}) FINISH")
    #expect(r.columns.isEmpty)
    #expect(r.rows.isEmpty)
    #expect(r.statistics.nodesCreated == 3)
    let read = try db.execute("MATCH (n:N) FINISH")
    #expect(read.columns.isEmpty && read.rows.isEmpty)
    #expect(errorCode { _ = try db.execute("MATCH (n) FINISH RETURN n") } == "InvalidClauseComposition")
  }

  @Test func nodetachDeleteRefusesConnectedNodes() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:A)-[:R]->(:B), (:C)")
    #expect(errorCode { _ = try db.execute("MATCH (a:A) NODETACH DELETE a") } == "DeleteConnectedNode")
    let r = try db.execute("MATCH (c:C) NODETACH DELETE c")
    #expect(r.statistics.nodesDeleted == 1)
    #expect(lit(try rows(db, "MATCH (n) RETURN count(n) AS c")) == lit([[2]]))
  }

  @Test func forIsUnwindInGQLOrder() throws {
    let db = try Database()
    #expect(lit(try rows(db, "FOR x IN [1, 2, 3, null] RETURN x, 'val' AS y")) == lit([[1, "val"], [2, "val"], [3, "val"], [.null, "val"]]))
    #expect(try rows(db, "FOR x IN [] RETURN x").isEmpty)
    #expect(try rows(db, "FOR x IN null RETURN x").isEmpty)
    #expect(lit(try rows(db, "FOR x IN [1, 2] FOR y IN [x, x * 10] RETURN y")) == lit([[1], [10], [2], [20]]))
    let r = try db.execute("FOR i IN range(1, 3) CREATE (:F {i: i})")
    #expect(r.statistics.nodesCreated == 3)
    #expect(lit(try rows(db, "MATCH (n:F) WITH collect(n.i) AS ns FOR i IN ns RETURN sum(i) AS s")) == lit([[6]]))
    // A variable called `for` is still a variable.
    #expect(lit(try rows(db, "WITH 1 AS for RETURN for")) == lit([[1]]))
    #expect(errorCode { _ = try db.execute("FOR x [1, 2] RETURN x") } == "UnexpectedSyntax")
    #expect(errorCode { _ = try db.execute("FOR x IN [1] RETURN y") } == "UndefinedVariable")
  }

  @Test func isLabeledTestsLabelExpressions() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:Person:Manager {n: 1}), (:Person {n: 2}), (:LABELED {n: 3})")
    #expect(lit(try rows(db, "MATCH (n:Person) RETURN n.n, n IS LABELED Manager ORDER BY n.n")) == lit([[1, true], [2, false]]))
    #expect(lit(try rows(db, "MATCH (n) WHERE n IS NOT LABELED Manager RETURN n.n ORDER BY n.n")) == lit([[2], [3]]))
    #expect(lit(try rows(db, "MATCH (n) WHERE n IS LABELED Manager|LABELED RETURN n.n ORDER BY n.n")) == lit([[1], [3]]))
    #expect(lit(try rows(db, "MATCH (n) WHERE n IS LABELED Person&!Manager RETURN n.n")) == lit([[2]]))
    // Without a label after it, LABELED is the label's name.
    #expect(lit(try rows(db, "MATCH (n) WHERE n IS LABELED RETURN n.n")) == lit([[3]]))
    #expect(lit(try rows(db, "RETURN null IS LABELED A AS x")) == lit([[.null]]))
  }

  @Test func gqlFunctionNames() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:A)-[:R]->(:B)-[:R]->(:C)")
    #expect(lit(try rows(db, "MATCH p = (:A)-[:R*]->(:C) RETURN path_length(p), length(p)")) == lit([[2, 2]]))
    #expect(
      lit(try rows(db, "RETURN duration_between(date('2026-02-01'), date('2026-03-02')) = duration.between(date('2026-02-01'), date('2026-03-02')) AS same"))
        == lit([[true]]))
    #expect(lit(try rows(db, "RETURN toString(duration_between(date('2026-02-01'), date('2026-03-02'))) AS d")) == lit([["P1M1D"]]))
    let names = try rows(db, "SHOW FUNCTIONS YIELD name WHERE name IN ['path_length', 'duration_between'] RETURN name ORDER BY name")
    #expect(lit(names) == lit([["duration_between"], ["path_length"]]))
  }

  @Test func filterLetAndStandaloneOrdering() throws {
    let db = try Database()
    #expect(lit(try rows(db, "UNWIND [1, 2, 3, 4] AS x FILTER x % 2 = 0 RETURN x")) == lit([[2], [4]]))
    #expect(lit(try rows(db, "UNWIND [1, 2, 3] AS x FILTER WHERE x > 2 RETURN x")) == lit([[3]]))
    #expect(lit(try rows(db, "UNWIND [1, 2, 3] AS x FILTER (x < 2) RETURN x")) == lit([[1]]))
    #expect(lit(try rows(db, "UNWIND [1, 2] AS x LET y = x * 10, z = 'k' RETURN x, y, z")) == lit([[1, 10, "k"], [2, 20, "k"]]))
    #expect(lit(try rows(db, "UNWIND [3, 1, 2] AS x ORDER BY x DESC LIMIT 2 RETURN x")) == lit([[3], [2]]))
    #expect(lit(try rows(db, "UNWIND [3, 1, 2] AS x ORDER BY x OFFSET 1 RETURN x")) == lit([[2], [3]]))
    #expect(lit(try rows(db, "UNWIND [3, 1, 2] AS x SKIP 2 RETURN x")) == lit([[2]]))
    #expect(lit(try rows(db, "UNWIND [3, 1, 2] AS x LIMIT 1 RETURN x")) == lit([[3]]))
    #expect(lit(try rows(db, "UNWIND [3, 1, 2] AS x RETURN x ORDER BY x OFFSET 2")) == lit([[3]]))
    #expect(lit(try rows(db, "UNWIND [1, 2] AS x FILTER x > 1 LET y = x + 1 FILTER y > 2 RETURN y")) == lit([[3]]))
  }

  @Test(arguments: [
    ("UNWIND [1] AS x LET x = 2 RETURN x", "ColumnNameConflict"),
    ("UNWIND [1] AS x FILTER y > 1 RETURN x", "UndefinedVariable"),
    ("UNWIND [1] AS x FILTER x > 0", "InvalidClauseComposition"),
    ("UNWIND [1] AS x LET y = z RETURN y", "UndefinedVariable"),
  ])
  func errors(_ query: String, _ code: String) throws {
    let db = try Database()
    #expect(errorCode { _ = try db.execute(query) } == code, "\(query)")
  }

  @Test func filterIsStillAFunctionNameOutsideClauses() throws {
    let db = try Database()
    #expect(lit(try rows(db, "UNWIND [1] AS filter RETURN filter")) == lit([[1]]))
    #expect(lit(try rows(db, "WITH 1 AS let RETURN let + 1 AS v")) == lit([[2]]))
  }

  @Test func showTakesYieldWhereAndReturn() throws {
    let db = try Database()
    let yielded = try db.execute("SHOW FUNCTIONS YIELD name, category WHERE name STARTS WITH 'toBoolean' RETURN name ORDER BY name")
    #expect(yielded.columns == ["name"])
    #expect(lit(yielded.rows) == lit([["toBoolean"], ["toBooleanList"], ["toBooleanOrNull"]]))
    let filtered = try db.execute("SHOW FUNCTIONS WHERE category = 'Vector'")
    #expect(filtered.columns == ["name", "category", "description", "signature", "aggregating"])
    #expect(
      lit(filtered.rows.map { $0[0] })
        == lit([
          "vector", "vector.similarity.cosine", "vector.similarity.euclidean", "vector_dimension_count",
          "vector_distance", "vector_norm",
        ]))
    let renamed = try db.execute("SHOW FUNCTIONS YIELD name AS fn, aggregating ORDER BY fn WHERE aggregating")
    #expect(renamed.columns == ["fn", "aggregating"])
    #expect(lit(Array(renamed.rows.prefix(3))) == lit([["avg", true], ["collect", true], ["count", true]]))
    #expect(renamed.rows.count == 10)
    let counted = try db.execute("SHOW FUNCTIONS YIELD * RETURN count(*) > 100 AS many")
    #expect(lit(counted.rows) == lit([[true]]))
    _ = try db.execute("CREATE INDEX people FOR (p:Person) ON (p.name)")
    #expect(lit(try db.execute("SHOW INDEXES YIELD name, type RETURN name, type").rows) == lit([["people", "RANGE"]]))
    #expect(errorCode { _ = try db.execute("SHOW FUNCTIONS YIELD nope") } == "UndefinedVariable")
  }

  @Test func showKindsFilterTheRows() throws {
    let db = try Database()
    _ = try db.execute("CREATE INDEX people FOR (p:Person) ON (p.name)")
    _ = try db.execute("CREATE CONSTRAINT pid FOR (p:Person) REQUIRE p.id IS UNIQUE")
    _ = try db.execute("CREATE CONSTRAINT sku FOR (i:Item) REQUIRE i.sku IS NOT NULL")
    func names(_ query: String) throws -> [String] { try db.execute(query).rows.compactMap { $0[0].stringValue } }
    #expect(try names("SHOW BUILT IN FUNCTIONS YIELD name WHERE name = 'abs'") == ["abs"])
    #expect(try names("SHOW USER DEFINED FUNCTIONS").isEmpty)
    #expect(try names("SHOW ALL FUNCTIONS EXECUTABLE BY CURRENT USER YIELD name WHERE name = 'abs'") == ["abs"])
    #expect(try names("SHOW PROCEDURES EXECUTABLE YIELD name WHERE name = 'db.labels'") == ["db.labels"])
    #expect(try names("SHOW UNIQUE CONSTRAINTS") == ["pid"])
    #expect(try names("SHOW NODE UNIQUENESS CONSTRAINTS YIELD name") == ["pid"])
    #expect(try names("SHOW NODE PROPERTY EXISTENCE CONSTRAINTS") == ["sku"])
    #expect(try names("SHOW RELATIONSHIP EXISTENCE CONSTRAINTS").isEmpty)
    #expect(try names("SHOW KEY CONSTRAINTS").isEmpty)
    #expect(try names("SHOW ALL CONSTRAINTS YIELD name ORDER BY name") == ["pid", "sku"])
    #expect(try names("SHOW RANGE INDEXES YIELD name WHERE name = 'people'") == ["people"])
    #expect(try names("SHOW TEXT INDEXES").isEmpty)
    #expect(errorCode { _ = try db.execute("SHOW UNIQUE INDEXES") } == "UnexpectedSyntax")
  }

  @Test func showAndTerminateTransactions() throws {
    let db = try Database()
    let own = try db.execute("SHOW TRANSACTIONS YIELD transactionId, currentQuery, status")
    #expect(own.columns == ["transactionId", "currentQuery", "status"])
    #expect(lit(own.rows.map { Array($0.dropFirst()) }) == lit([["SHOW TRANSACTIONS YIELD transactionId, currentQuery, status", "Running"]]))
    let session = Session(database: db)
    let stream = try session.run("UNWIND range(1, 1000000) AS x RETURN x")
    #expect(try stream.next()?.first?.intValue == 1)
    let listed = try db.execute("SHOW TRANSACTIONS YIELD transactionId AS id, currentQuery AS q WHERE q STARTS WITH 'UNWIND'")
    #expect(listed.rows.count == 1)
    let id = listed.rows.first?.first?.stringValue ?? ""
    #expect(id.hasPrefix("neo4j-transaction-"))
    #expect(try db.execute("SHOW TRANSACTION '\(id)'").rows.count == 1)
    let terminated = try db.execute("TERMINATE TRANSACTION '\(id)', 'neo4j-transaction-0'")
    #expect(terminated.columns == ["transactionId", "username", "message"])
    #expect(lit(terminated.rows) == lit([[.string(id), "", "Transaction terminated."], ["neo4j-transaction-0", "", "Transaction not found."]]))
    #expect(errorCode { _ = try stream.next() } == "Cancelled")
    #expect(try db.execute("SHOW TRANSACTIONS WHERE currentQuery STARTS WITH 'UNWIND'").rows.isEmpty)
    #expect(errorCode { _ = try db.execute("TERMINATE TRANSACTIONS 42") } == "UnexpectedSyntax")
  }

  @Test func listedTransactionsCarryTheirStartTimeAndOnlyExactIdsMatch() throws {
    let db = try Database()
    let session = Session(database: db)
    let before = Date().timeIntervalSince1970
    let stream = try session.run("UNWIND range(1, 1000000) AS x RETURN x")
    #expect(try stream.next()?.first?.intValue == 1)
    let listed = try db.execute(
      "SHOW TRANSACTIONS YIELD transactionId AS id, currentQuery AS q, startTime WHERE q STARTS WITH 'UNWIND' RETURN id, startTime.epochMillis AS ms")
    let after = Date().timeIntervalSince1970
    #expect(listed.rows.count == 1)
    let id = listed.rows.first?.first?.stringValue ?? ""
    let started = Double(listed.rows.first?.last?.intValue ?? 0) / 1000
    #expect(started >= before - 0.01 && started <= after + 0.01)
    // The number in other spellings names no transaction.
    let number = id.dropFirst("neo4j-transaction-".count)
    let others = ["neo4j-transaction-0\(number)", "neo4j-transaction-+\(number)", "Neo4j-transaction-\(number)"]
    let refused = try db.execute("TERMINATE TRANSACTIONS " + others.map { "'\($0)'" }.joined(separator: ", "))
    #expect(refused.rows.map { $0.last?.stringValue } == Array(repeating: "Transaction not found.", count: 3))
    #expect(try stream.next()?.first?.intValue == 2)
    stream.close()
    #expect(try db.execute("SHOW TRANSACTIONS WHERE currentQuery STARTS WITH 'UNWIND'").rows.isEmpty)
  }

  @Test func schemaProceduresDescribeTheData() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:P {name: 'a', age: 1})-[:K {since: 2020}]->(:P {name: 'b'}), (:Q), (:P:Q {name: 'c'})-[:K]->(:Q)")
    let nodes = try rows(db, "CALL db.schema.nodeTypeProperties()")
    let expected: [[Value]] = [
      [":`P`", ["P"], "age", ["Long"], false], [":`P`", ["P"], "name", ["String"], true],
      [":`P`:`Q`", ["P", "Q"], "name", ["String"], true], [":`Q`", ["Q"], .null, .null, false],
    ]
    #expect(lit(nodes) == lit(expected))
    let rels = try rows(db, "CALL db.schema.relTypeProperties() YIELD relType, propertyName, propertyTypes, mandatory")
    #expect(lit(rels) == lit([[":`K`", "since", ["Long"], false]]))
    #expect(lit(try rows(db, "CALL db.info() YIELD name RETURN name")) == lit([["neo4j"]]))
  }

  @Test func sequentialQueriesPassRowsOn() throws {
    let db = try Database()
    let r = try db.execute("UNWIND [1, 2, 3] AS x RETURN x NEXT FILTER x > 1 RETURN x * 10 AS y NEXT RETURN sum(y) AS total")
    #expect(r.columns == ["total"])
    #expect(lit(r.rows) == lit([[50]]))
    #expect(lit(try rows(db, "RETURN 1 AS a UNION ALL RETURN 2 AS a NEXT RETURN collect(a) AS l")) == lit([[[1, 2]]]))
  }

  @Test func conditionalQueriesRunOneBranch() throws {
    let db = try Database()
    #expect(lit(try rows(db, "WHEN false THEN RETURN 1 AS x WHEN true THEN RETURN 2 AS x ELSE RETURN 3 AS x")) == lit([[2]]))
    #expect(lit(try rows(db, "WHEN null THEN RETURN 1 AS x ELSE RETURN 3 AS x")) == lit([[3]]))
    #expect(lit(try rows(db, "WHEN $p THEN RETURN 'yes' AS a ELSE RETURN 'no' AS a", ["p": true])) == lit([["yes"]]))
    #expect(try rows(db, "WHEN false THEN RETURN 1 AS x").isEmpty)
    let created = try db.execute("WHEN 1 > 2 THEN CREATE (:Wrong) ELSE CREATE (:Right)")
    #expect(created.statistics.nodesCreated == 1)
    #expect(lit(try rows(db, "MATCH (n) RETURN labels(n) AS l")) == lit([[["Right"]]]))
    let inner = try rows(db, """
      UNWIND [1, 5] AS n
      CALL (n) { WHEN n > 2 THEN RETURN 'big' AS size ELSE RETURN 'small' AS size }
      RETURN n, size ORDER BY n
      """)
    #expect(lit(inner) == lit([[1, "small"], [5, "big"]]))
  }
}
