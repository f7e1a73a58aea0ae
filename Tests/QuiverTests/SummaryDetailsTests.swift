// The structured parts of a statement's summary: the plan as a tree of operators (EXPLAIN with
// estimates, PROFILE with rows, db hits and times) and the notifications about unknown labels,
// relationship types and property keys and about cartesian products.
import Quiver
import Testing

@Suite struct SummaryDetailsTests {
  func summary(_ db: Database, _ query: String) throws -> ResultSummary {
    let stream = try Session(database: db).run(query)
    _ = try stream.fetchAll()
    return try stream.consume()
  }

  /// Operator types from the root down the first children.
  func chain(_ plan: PlanDescription?) -> [String] {
    var names: [String] = []
    var node = plan
    while let current = node {
      names.append(current.operatorType)
      node = current.children.first
    }
    return names
  }

  @Test func explainDescribesEachOperator() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:Person)-[:KNOWS]->(:Person), (:Person)")
    let s = try summary(db, "EXPLAIN MATCH (p:Person)-[:KNOWS]->(q) RETURN q")
    let plan = try #require(s.planDescription)
    #expect(chain(plan) == ["ProduceResults", "Expand(All)", "NodeByLabelScan", "Argument"])
    #expect(plan.details == "q")
    #expect(plan.identifiers == ["p", "q"])
    #expect(plan.rows == nil && plan.dbHits == nil && plan.time == nil)
    let expand = plan.children[0]
    #expect(expand.details == "(p)-[:KNOWS]->(q)")
    let scan = expand.children[0]
    #expect(scan.details == "p:Person")
    #expect(scan.identifiers == ["p"])
    #expect(scan.estimatedRows == 3)
    // The text is the same plan.
    #expect(s.plan?.split(separator: "\n").first == "ProduceResults q")
  }

  @Test func profileMeasuresEachOperator() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:Person), (:Person), (:Thing)")
    let s = try summary(db, "PROFILE MATCH (p:Person) RETURN p")
    let plan = try #require(s.planDescription)
    #expect(plan.rows == 2)
    let scan = plan.children[0]
    #expect(scan.operatorType == "NodeByLabelScan")
    #expect(scan.rows == 2)
    #expect((scan.dbHits ?? -1) >= 0)
    #expect((scan.time ?? .seconds(-1)) >= .zero)
    #expect(scan.estimatedRows == nil)
    #expect(scan.children.map(\.operatorType) == ["Argument"])
  }

  @Test func profileOfAnUpdatingStatementCountsItsRows() throws {
    let db = try Database()
    let s = try summary(db, "PROFILE UNWIND range(1, 3) AS i CREATE (:N {i: i}) RETURN i")
    let plan = try #require(s.planDescription)
    #expect(plan.rows == 3)
    #expect(plan.identifiers.contains("i"))
  }

  @Test func noPlanWithoutExplainOrProfile() throws {
    let s = try summary(try Database(), "RETURN 1 AS one")
    #expect(s.plan == nil)
    #expect(s.planDescription == nil)
  }

  @Test(arguments: [
    ("MATCH (n:Nope) RETURN n", ["Neo.ClientNotification.Statement.UnknownLabelWarning"]),
    ("MATCH ()-[r:NOPE]->() RETURN r", ["Neo.ClientNotification.Statement.UnknownRelationshipTypeWarning"]),
    ("MATCH (n:Person) RETURN n.nope", ["Neo.ClientNotification.Statement.UnknownPropertyKeyWarning"]),
    ("MATCH (n:Person) WHERE n:Nope RETURN n", ["Neo.ClientNotification.Statement.UnknownLabelWarning"]),
    ("MATCH (n:Person {nope: 1}) RETURN n", ["Neo.ClientNotification.Statement.UnknownPropertyKeyWarning"]),
    ("MATCH (a:Person), (b:Person) RETURN a, b", ["Neo.ClientNotification.Statement.CartesianProduct"]),
    ("MATCH (a:Person), (a)-[:KNOWS]->(b), (b)-->(c) RETURN c", []),
    ("MATCH (n:Person)-[:KNOWS]->(m) RETURN n.name, m", []),
    // Writing a new name is no warning.
    ("CREATE (:Fresh {brandNew: 1})", []),
  ])
  func notifications(query: String, codes: [String]) throws {
    let db = try Database()
    _ = try db.execute("CREATE (:Person {name: 'a'})-[:KNOWS]->(:Person {name: 'b'})")
    #expect(try summary(db, query).notifications.map(\.code) == codes)
  }

  @Test func anUnknownLabelWarningSaysWhichAndWhere() throws {
    let db = try Database()
    let n = try #require(try summary(db, "MATCH (n:Nope) RETURN n").notifications.first)
    #expect(n.title == "The provided label is not in the database.")
    #expect(n.description.hasSuffix("(the missing label name is: Nope)"))
    #expect(n.severity == "WARNING")
    #expect(n.category == "UNRECOGNIZED")
    #expect(n.gqlStatus == "01N50")
    #expect(n.position == SourcePosition(line: 1, column: 7, offset: 6))
    // Once the label exists, the same (cached) statement warns no more.
    _ = try db.execute("CREATE (:Nope)")
    #expect(try summary(db, "MATCH (n:Nope) RETURN n").notifications.isEmpty)
  }

  @Test func aCartesianProductNamesTheDisconnectedPart() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:A), (:B)")
    let n = try #require(try summary(db, "MATCH (a:A), (b:B) RETURN a, b").notifications.first)
    #expect(n.severity == "INFORMATION")
    #expect(n.category == "PERFORMANCE")
    #expect(n.gqlStatus == "03N90")
    #expect(n.description.hasSuffix("(identifier is: (b))"))
    #expect(n.position == SourcePosition(line: 1, column: 1, offset: 0))
  }
}
