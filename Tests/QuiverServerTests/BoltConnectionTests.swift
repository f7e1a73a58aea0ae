// The Bolt state machine driven without a socket: login, auto-commit and explicit
// transactions, PULL n with has_more, DISCARD, RESET, failures and IGNORED, routing, summaries.
import NIOCore
import Quiver
import Testing

@testable import QuiverServer

/// The first column of every row of `query`, as text.
func texts(_ database: Database, _ query: String) throws -> [String] {
  try database.execute(query).rows.map { $0.first?.description ?? "" }
}

@Suite struct BoltConnectionTests {
  func ready(_ version: BoltVersion = BoltVersion(5, 8)) throws -> (Conversation, Database) {
    let database = try Database()
    let conversation = Conversation(version: version, database: database)
    #expect(conversation.logIn()?.isSuccess == true)
    #expect(conversation.connection.state == .ready)
    return (conversation, database)
  }

  @Test func helloReportsServerAndConnectionID() throws {
    let conversation = Conversation(database: try Database())
    let hello = conversation.send(0x01, [.map(["user_agent": .string("t")])])
    #expect(hello.count == 1)
    #expect(hello[0].metadata["connection_id"] == .string("bolt-1"))
    #expect(hello[0].metadata["server"]?.string?.hasPrefix("Neo4j/5") == true)
    #expect(conversation.connection.state == .authentication)
  }

  @Test func runAndPullInBatchesWithHasMore() throws {
    let (c, _) = try ready()
    let run = c.send(0x10, [.string("UNWIND range(1, 5) AS i RETURN i"), .map([:]), .map([:])])
    #expect(run.first?.metadata["fields"] == .list([.string("i")]))
    #expect(c.connection.state == .streaming)
    let first = c.send(0x3F, [.map(["n": .int(2)])])
    #expect(first.filter(\.isRecord).map(\.values) == [[.int(1)], [.int(2)]])
    #expect(first.last?.metadata["has_more"] == .bool(true))
    let rest = c.send(0x3F, [.map(["n": .int(10)])])
    #expect(rest.filter(\.isRecord).map(\.values) == [[.int(3)], [.int(4)], [.int(5)]])
    #expect(rest.last?.metadata["has_more"] == nil)
    #expect(rest.last?.metadata["type"] == .string("r"))
    #expect(c.connection.state == .ready)
  }

  @Test func discardEndsTheResultWithItsSummary() throws {
    let (c, _) = try ready()
    c.send(0x10, [.string("UNWIND range(1, 1000) AS i RETURN i"), .map([:]), .map([:])])
    let discard = c.send(0x2F, [.map(["n": .int(-1)])])
    #expect(discard.count == 1)
    #expect(discard[0].isSuccess)
    #expect(c.connection.state == .ready)
  }

  @Test func writesReportCountersAndABookmark() throws {
    let (c, _) = try ready()
    let (_, pull) = c.query("CREATE (:Person {name: $name})-[:KNOWS]->(:Person)", ["name": .string("Ada")])
    let summary = pull.last?.metadata ?? [:]
    #expect(summary["stats"]?.map?["nodes-created"] == .int(2))
    #expect(summary["stats"]?.map?["relationships-created"] == .int(1))
    #expect(summary["stats"]?.map?["properties-set"] == .int(1))
    // One per node and label, as Neo4j counts them.
    #expect(summary["stats"]?.map?["labels-added"] == .int(2))
    #expect(summary["type"] == .string("w"))
    #expect(summary["bookmark"]?.string?.hasPrefix("quiver:") == true)
  }

  @Test func schemaCommandsReportIndexAndConstraintCounters() throws {
    let (c, _) = try ready()
    func stats(_ query: String) -> [String: PackValue]? { c.query(query).1.last?.metadata["stats"]?.map }
    #expect(stats("CREATE INDEX person_name FOR (p:Person) ON (p.name)") == ["indexes-added": .int(1), "contains-updates": .bool(true)])
    // Nothing changed: no stats at all, as Neo4j sends none.
    #expect(stats("CREATE INDEX person_name IF NOT EXISTS FOR (p:Person) ON (p.name)") == nil)
    #expect(stats("DROP INDEX person_name") == ["indexes-removed": .int(1), "contains-updates": .bool(true)])
    #expect(stats("CREATE CONSTRAINT person_id FOR (p:Person) REQUIRE p.id IS UNIQUE") == ["constraints-added": .int(1), "contains-updates": .bool(true)])
    #expect(stats("DROP CONSTRAINT person_id") == ["constraints-removed": .int(1), "contains-updates": .bool(true)])
  }

  @Test func explicitTransactionCommitsAndRollsBack() throws {
    let (c, database) = try ready()
    #expect(c.send(0x11, [.map([:])]).first?.isSuccess == true)
    #expect(c.connection.state == .txReady)
    let (run, _) = c.query("CREATE (:T {v: 1})")
    #expect(run?.metadata["qid"] == .int(0))
    #expect(c.connection.state == .txReady)
    #expect(c.send(0x13).first?.isSuccess == true)
    #expect(try texts(database, "MATCH (t:T) RETURN count(t)") == ["0"])
    c.send(0x11, [.map([:])])
    _ = c.query("CREATE (:T {v: 2})")
    let commit = c.send(0x12)
    #expect(commit.first?.metadata["bookmark"]?.string?.hasPrefix("quiver:") == true)
    #expect(try texts(database, "MATCH (t:T) RETURN t.v") == ["2"])
    #expect(c.connection.state == .ready)
  }

  @Test func failureThenIgnoredUntilReset() throws {
    let (c, _) = try ready()
    let (run, _) = c.query("RETURN $missing")
    #expect(run?.metadata["code"] == .string("Neo.ClientError.Statement.ParameterMissing"))
    #expect(run?.metadata["neo4j_code"] == .string("Neo.ClientError.Statement.ParameterMissing"))
    #expect(run?.metadata["gql_status"] == .string("42N51"))
    #expect(c.connection.state == .failed)
    #expect(c.send(0x10, [.string("RETURN 1"), .map([:]), .map([:])]).first?.isIgnored == true)
    #expect(c.send(0x0F).first?.isSuccess == true)
    #expect(c.connection.state == .ready)
    #expect(c.query("RETURN 1 AS one").pull.first?.values == [.int(1)])
  }

  @Test func syntaxErrorsCarryTheirCode() throws {
    let (c, _) = try ready()
    let run = c.query("RETRUN 1").run
    #expect(run?.metadata["code"] == .string("Neo.ClientError.Statement.SyntaxError"))
  }

  @Test func resetRollsBackAnOpenTransaction() throws {
    let (c, database) = try ready()
    c.send(0x11, [.map([:])])
    _ = c.query("CREATE (:Gone)")
    c.connection.interrupt()
    #expect(c.send(0x3F, [.map(["n": .int(-1)])]).first?.isIgnored == true)
    #expect(c.send(0x0F).first?.isSuccess == true)
    #expect(try texts(database, "MATCH (g:Gone) RETURN count(g)") == ["0"])
    // The writer slot is free again.
    #expect(try texts(database, "CREATE (:After) RETURN 1") == ["1"])
  }

  @Test func routeNamesThisServerInEveryRole() throws {
    let (c, _) = try ready()
    let route = c.send(0x66, [.map(["address": .string("localhost:9999")]), .list([]), .map([:])])
    let table = route.first?.metadata["rt"]?.map
    #expect(table?["db"] == .string("neo4j"))
    let servers = table?["servers"]?.list ?? []
    #expect(servers.compactMap { $0.map?["role"]?.string }.sorted() == ["READ", "ROUTE", "WRITE"])
    #expect(servers.allSatisfy { $0.map?["addresses"] == .list([.string("localhost:9999")]) })
  }

  @Test func unknownDatabaseFails() throws {
    let (c, _) = try ready()
    let run = c.query("RETURN 1", extra: ["db": .string("other")]).run
    #expect(run?.metadata["code"] == .string("Neo.ClientError.Database.DatabaseNotFound"))
  }

  @Test func showDatabasesListsNeo4jAndSystem() throws {
    let (c, _) = try ready()
    let (run, pull) = c.query("SHOW DATABASES")
    #expect(run?.metadata["fields"]?.list?.first == .string("name"))
    #expect(pull.filter(\.isRecord).map { $0.values.first } == [.string("neo4j"), .string("system")])
    let home = c.query("SHOW HOME DATABASE").pull.filter(\.isRecord)
    #expect(home.map { $0.values.first } == [.string("neo4j")])
  }

  @Test func proceduresToolsCallOnConnect() throws {
    let database = try Database()
    ServerProcedures.register(on: database)
    let c = Conversation(database: database)
    c.logIn()
    let components = c.query("CALL dbms.components() YIELD name, versions, edition RETURN name, edition").pull
    #expect(components.first?.values == [.string("Neo4j Kernel"), .string("community")])
    #expect(c.query("CALL db.ping()").pull.first?.values == [.bool(true)])
  }

  @Test func wrongPasswordIsRefusedAndTheConnectionEnds() throws {
    let directory = FileManagerTemp.directory()
    let users = UserStore(directory: directory)
    try users.add(name: "neo4j", password: "right", iterations: 1000)
    let c = Conversation(database: try Database(), users: users)
    let failure = c.logIn(password: "wrong")
    #expect(failure?.metadata["code"] == .string("Neo.ClientError.Security.Unauthorized"))
    #expect(c.connection.state == .defunct)
    let ok = Conversation(database: try Database(), users: users)
    #expect(ok.logIn(password: "right")?.isSuccess == true)
  }

  @Test func malformedMessageEndsTheConnection() throws {
    let (c, _) = try ready()
    let responses = c.send(raw: [0xB1, 0x10, 0xD6, 0xFF, 0xFF, 0xFF, 0xFF])
    #expect(responses.first?.metadata["code"] == .string("Neo.ClientError.Request.Invalid"))
    #expect(c.connection.state == .defunct)
  }

  @Test func bolt44WritesLegacyEntitiesAndDateTimes() throws {
    let (c, _) = try ready(BoltVersion(4, 4))
    let row = c.query("CREATE (n:A {x: 1}) RETURN n, datetime('2024-01-02T03:04:05+01:00') AS t").pull.first?.values ?? []
    guard case .structure(let tag, let fields)? = row.first else {
      Issue.record("no node")
      return
    }
    #expect(tag == 0x4E)
    #expect(fields.count == 3)
    // Legacy form: local seconds, nanoseconds, offset.
    #expect(row.last == .structure(tag: 0x46, fields: [.int(1_704_164_645), .int(0), .int(3600)]))
  }

  @Test func bolt5WritesElementIDsAndUTCDateTimes() throws {
    let (c, _) = try ready()
    let row = c.query("CREATE (n:A)-[r:R]->(m:B) RETURN n, r, datetime('2024-01-02T03:04:05+01:00') AS t").pull.first?.values ?? []
    guard case .structure(0x4E, let node)? = row.first, case .structure(0x52, let rel)? = row.dropFirst().first else {
      Issue.record("no entities")
      return
    }
    #expect(node.count == 4)
    #expect(node[3] == .string("0"))
    #expect(rel.count == 8)
    #expect(rel[6] == .string("0"))
    #expect(rel[7] == .string("1"))
    #expect(row.last == .structure(tag: 0x49, fields: [.int(1_704_161_045), .int(0), .int(3600)]))
  }

  @Test func temporalParametersRoundTrip() throws {
    let (c, _) = try ready()
    let values: [PackValue] = [
      .structure(tag: 0x44, fields: [.int(19_724)]),
      .structure(tag: 0x74, fields: [.int(3_723_000_000_123)]),
      .structure(tag: 0x54, fields: [.int(3_723_000_000_000), .int(-7200)]),
      .structure(tag: 0x64, fields: [.int(1_704_164_645), .int(5)]),
      .structure(tag: 0x49, fields: [.int(1_704_161_045), .int(7), .int(3600)]),
      .structure(tag: 0x69, fields: [.int(1_704_161_045), .int(7), .string("Europe/Stockholm")]),
      .structure(tag: 0x45, fields: [.int(14), .int(3), .int(7), .int(9)]),
    ]
    for value in values {
      let back = c.query("RETURN $v AS v", ["v": value]).pull.first?.values.first
      #expect(back == value, "\(value)")
    }
  }

  @Test func bytesParametersAreATypeError() throws {
    let (c, _) = try ready()
    let run = c.query("RETURN $v", ["v": .bytes([1])]).run
    #expect(run?.metadata["code"] == .string("Neo.ClientError.Statement.TypeError"))
  }

  @Test func pathsListDistinctNodesAndSignedIndices() throws {
    let (c, _) = try ready()
    _ = c.query("CREATE (:P {i: 0})-[:R]->(:P {i: 1})<-[:R]-(:P {i: 2})")
    let row = c.query("MATCH p = (a:P {i: 0})-[:R]->(:P)<-[:R]-(:P {i: 2}) RETURN p").pull.first?.values ?? []
    guard case .structure(0x50, let fields)? = row.first else {
      Issue.record("no path")
      return
    }
    #expect(fields[0].list?.count == 3)
    #expect(fields[1].list?.count == 2)
    #expect(fields[2] == .list([.int(1), .int(1), .int(-2), .int(2)]))
  }
}

@Suite struct BoltRecordTests {
  @Test func aRecordLargerThanOneChunkIsSplit() throws {
    let database = try Database()
    let c = Conversation(database: database)
    c.logIn()
    let big = String(repeating: "x", count: 100_000)
    let pull = c.query("RETURN $s AS s, 1 AS one", ["s": .string(big)]).pull
    #expect(pull.first?.values == [.string(big), .int(1)])
    #expect(pull.last?.isSuccess == true)
  }

  @Test func virtualNodesKeepTheirLabels() throws {
    let database = try Database()
    ServerProcedures.register(on: database)
    _ = try database.execute("CREATE (:Tool)-[:USES]->(:Thing)")
    let c = Conversation(database: database)
    c.logIn()
    let nodes = c.query("CALL db.schema.visualization()").pull.first?.values.first?.list ?? []
    let labels = nodes.compactMap { node -> PackValue? in
      if case .structure(0x4E, let fields) = node { return fields[1] }
      return nil
    }
    #expect(labels == [.list([.string("Thing")]), .list([.string("Tool")])])
  }
}

/// db.schema.visualization(): virtual nodes per label and one virtual relationship per (start
/// label, type, end label) in the data.
@Suite struct SchemaVisualizationTests {
  @Test func oneRelationshipPerLabelTypeLabelTriple() throws {
    let database = try Database()
    _ = try database.execute(
      "CREATE (:Tool)-[:USES]->(:Thing), (:Tool)-[:USES]->(:Thing), (:Thing:Part)-[:IN]->(:Tool), ()-[:USES]->(:Tool)")
    let (nodes, relationships) = try ServerProcedures.schemaGraph(of: database)
    #expect(nodes.map(\.labels) == [["Part"], ["Thing"], ["Tool"]])
    #expect(nodes.map { $0.properties["name"]?.stringValue } == ["Part", "Thing", "Tool"])
    let names = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id, $0.labels.first ?? "") })
    let triples = relationships.map { "\(names[$0.startID] ?? "?")-\($0.type)->\(names[$0.endID] ?? "?")" }
    #expect(triples == ["Part-IN->Tool", "Thing-IN->Tool", "Tool-USES->Thing"])
    #expect(Set(relationships.map(\.id)).count == 3)
  }

  @Test func emptyGraphHasNoNodesOrRelationships() throws {
    let (nodes, relationships) = try ServerProcedures.schemaGraph(of: try Database())
    #expect(nodes.isEmpty)
    #expect(relationships.isEmpty)
  }
}
