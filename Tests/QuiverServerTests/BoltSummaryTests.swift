// Summaries as drivers read them: EXPLAIN/PROFILE plans as operator trees, notifications for
// Bolt before 5.5 and GQL status objects from 5.5 on.
import NIOCore
import Quiver
import Testing

@testable import QuiverServer

@Suite struct BoltSummaryTests {
  func conversation(_ version: BoltVersion = BoltVersion(5, 8), setUp: String? = nil) throws -> Conversation {
    let database = try Database()
    if let setUp { _ = try database.execute(setUp) }
    let c = Conversation(version: version, database: database)
    #expect(c.logIn()?.isSuccess == true)
    return c
  }

  func summary(_ c: Conversation, _ query: String) -> [String: PackValue] {
    c.query(query).pull.last?.metadata ?? [:]
  }

  /// The operator types from the root down the first children.
  func chain(_ plan: PackValue?) -> [String] {
    var names: [String] = []
    var node = plan?.map
    while let current = node {
      names.append(current["operatorType"]?.string ?? "?")
      node = current["children"]?.list?.first?.map
    }
    return names
  }

  @Test func explainSendsAnOperatorTreeWithEstimates() throws {
    let c = try conversation(setUp: "CREATE (:Person)-[:KNOWS]->(:Person)")
    let meta = summary(c, "EXPLAIN MATCH (p:Person)-[:KNOWS]->(q) RETURN q")
    let plan = try #require(meta["plan"]?.map)
    #expect(meta["profile"] == nil)
    #expect(chain(meta["plan"]) == ["ProduceResults", "Expand(All)", "NodeByLabelScan", "Argument"])
    #expect(plan["identifiers"] == .list([.string("p"), .string("q")]))
    let args = plan["args"]?.map ?? [:]
    #expect(args["Details"] == .string("q"))
    #expect(args["string-representation"]?.string?.hasPrefix("ProduceResults q") == true)
    let scan = plan["children"]?.list?.first?.map?["children"]?.list?.first?.map
    #expect(scan?["args"]?.map?["Details"] == .string("p:Person"))
    #expect(scan?["args"]?.map?["EstimatedRows"] == .float(2))
    #expect(scan?["identifiers"] == .list([.string("p")]))
    #expect(scan?["rows"] == nil)
  }

  @Test func profileAddsRowsDbHitsAndTime() throws {
    let c = try conversation(setUp: "CREATE (:Person), (:Person), (:Thing)")
    let meta = summary(c, "PROFILE MATCH (p:Person) RETURN p")
    let profile = try #require(meta["profile"]?.map)
    #expect(meta["plan"] == nil)
    #expect(profile["rows"] == .int(2))
    let scan = profile["children"]?.list?.first?.map
    #expect(scan?["operatorType"] == .string("NodeByLabelScan"))
    #expect(scan?["rows"] == .int(2))
    #expect(scan?["dbHits"]?.int.map { $0 >= 0 } == true)
    #expect(scan?["time"]?.int.map { $0 >= 0 } == true)
    #expect(scan?["args"]?.map?["EstimatedRows"] == nil)
  }

  @Test func unknownNamesAreWarningsBefore55() throws {
    let c = try conversation(BoltVersion(5, 4), setUp: "CREATE (:Person {name: 'a'})-[:KNOWS]->()")
    let meta = summary(c, "MATCH (n:Nope)-[:LIKES]->(m) RETURN n.missing, n.name")
    #expect(meta["statuses"] == nil)
    let notifications = meta["notifications"]?.list?.compactMap(\.map) ?? []
    #expect(
      notifications.map { $0["code"]?.string ?? "" } == [
        "Neo.ClientNotification.Statement.UnknownLabelWarning",
        "Neo.ClientNotification.Statement.UnknownRelationshipTypeWarning",
        "Neo.ClientNotification.Statement.UnknownPropertyKeyWarning",
      ])
    #expect(notifications.allSatisfy { $0["severity"] == .string("WARNING") && $0["category"] == .string("UNRECOGNIZED") })
    #expect(notifications[0]["title"] == .string("The provided label is not in the database."))
    #expect(notifications[0]["description"]?.string?.hasSuffix("(the missing label name is: Nope)") == true)
    #expect(notifications[0]["position"] == .map(["offset": .int(6), "line": .int(1), "column": .int(7)]))
    #expect(notifications[2]["description"]?.string?.hasSuffix("(the missing property name is: missing)") == true)
  }

  @Test func knownNamesRaiseNothing() throws {
    let c = try conversation(BoltVersion(5, 4), setUp: "CREATE (:Person {name: 'a'})")
    #expect(summary(c, "MATCH (n:Person) RETURN n.name")["notifications"] == nil)
  }

  @Test func cartesianProductsAndGQLStatusesFrom55() throws {
    let c = try conversation(setUp: "CREATE (:A), (:B)")
    let meta = summary(c, "MATCH (a:A), (b:B) RETURN a, b")
    #expect(meta["notifications"] == nil)
    let statuses = meta["statuses"]?.list?.compactMap(\.map) ?? []
    #expect(statuses.map { $0["gql_status"]?.string ?? "" } == ["03N90", "00000"])
    #expect(statuses[0]["neo4j_code"] == .string("Neo.ClientNotification.Statement.CartesianProduct"))
    #expect(statuses[0]["description"]?.string?.hasSuffix("(identifier is: (b))") == true)
    let diagnostic = statuses[0]["diagnostic_record"]?.map ?? [:]
    #expect(diagnostic["_severity"] == .string("INFORMATION"))
    #expect(diagnostic["_classification"] == .string("PERFORMANCE"))
    #expect(diagnostic["_position"] == .map(["offset": .int(0), "line": .int(1), "column": .int(1)]))
    // Connected parts are no cartesian product; no rows is "no data"; no columns "omitted result".
    #expect(summary(c, "MATCH (a:A), (a)-->(b) RETURN b")["statuses"]?.list?.compactMap { $0.map?["gql_status"] } == [.string("02000")])
    #expect(summary(c, "CREATE (:C)")["statuses"]?.list?.compactMap { $0.map?["gql_status"] } == [.string("00001")])
  }
}
