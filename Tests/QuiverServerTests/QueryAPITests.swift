// The Query API and the transactional endpoint driven through the router without a socket:
// rows in plain and typed JSON, parameters, counters, explicit transactions (commit, rollback,
// expiry, failure), JSON Lines streaming, and errors with Neo4j's codes and HTTP statuses.
import Foundation
import Quiver
import Testing

@testable import QuiverServer

@Suite struct QueryAPITests {
  @Test func autoCommitReturnsFieldsAndValues() throws {
    let client = RouterClient(database: try Database())
    let out = client.query("UNWIND [1, 2] AS i RETURN i, i * 1.5 AS f, 'x' AS s, null AS n")
    #expect(out.status == 202)
    #expect(out.header("content-type") == "application/json")
    #expect(out.json["data"]?["fields"] == .array([.string("i"), .string("f"), .string("s"), .string("n")]))
    #expect(out.json.rows == [[.int(1), .double(1.5), .string("x"), .null], [.int(2), .double(3.0), .string("x"), .null]])
    #expect(out.json["bookmarks"] == .array([]))
  }

  @Test func nodesRelationshipsAndPathsInPlainJSON() throws {
    let database = try Database()
    _ = try database.execute("CREATE (:Person {name: 'Ann'})-[:KNOWS {since: 2020}]->(:Person {name: 'Bob'})")
    let client = RouterClient(database: database)
    let out = client.query("MATCH p = (a)-[r]->(b) RETURN a, r, p")
    let row = try #require(out.json.rows.first)
    #expect(row[0]["labels"] == .array([.string("Person")]))
    #expect(row[0]["properties"] == .object(["name": .string("Ann")]))
    #expect(row[1]["type"] == .string("KNOWS"))
    #expect(row[1]["startNodeElementId"] == row[0]["elementId"])
    #expect(row[1]["properties"] == .object(["since": .int(2020)]))
    guard case .array(let path) = row[2] else {
      Issue.record("a path is a list")
      return
    }
    #expect(path.count == 3)
    #expect(path[1]["type"] == .string("KNOWS"))
  }

  @Test func typedJSONInAndOut() throws {
    let client = RouterClient(database: try Database())
    let body = RouterClient.body(
      "RETURN $i AS i, $d AS d, $f AS f, [1] AS l",
      parameters: #"{"i":{"$type":"Integer","_value":"7"},"d":{"$type":"Date","_value":"2024-01-02"},"f":{"$type":"Float","_value":"0.5"}}"#)
    let out = client.send(
      "POST", "/db/neo4j/query/v2", json: body,
      ["accept": "application/vnd.neo4j.query.v1.1", "content-type": "application/vnd.neo4j.query.v1.1"])
    #expect(out.status == 202)
    #expect(out.header("content-type") == "application/vnd.neo4j.query.v1.1")
    let row = out.json.rows.first ?? []
    #expect(row.first == .object(["$type": .string("Integer"), "_value": .string("7")]))
    #expect(row.dropFirst().first == .object(["$type": .string("Date"), "_value": .string("2024-01-02")]))
    #expect(row.dropFirst(2).first == .object(["$type": .string("Float"), "_value": .string("0.5")]))
    #expect(row.last == .object(["$type": .string("List"), "_value": .array([.object(["$type": .string("Integer"), "_value": .string("1")])])]))
  }

  @Test func parametersAndCounters() throws {
    let database = try Database()
    let client = RouterClient(database: database)
    let body = #"{"statement":"CREATE (n:T {v: $v}) RETURN n.v AS v","parameters":{"v":41},"includeCounters":true}"#
    let out = client.send("POST", "/db/neo4j/query/v2", json: body)
    #expect(out.json.rows == [[.int(41)]])
    #expect(out.json["counters"]?["nodesCreated"] == .int(1))
    #expect(out.json["counters"]?["propertiesSet"] == .int(1))
    #expect(out.json["counters"]?["containsUpdates"] == .bool(true))
    guard case .array(let bookmarks)? = out.json["bookmarks"] else {
      Issue.record("bookmarks missing")
      return
    }
    #expect(bookmarks.count == 1)
    #expect(try texts(database, "MATCH (n:T) RETURN n.v") == ["41"])
    let index = client.send(
      "POST", "/db/neo4j/query/v2", json: #"{"statement":"CREATE INDEX t_v FOR (n:T) ON (n.v)","includeCounters":true}"#)
    #expect(index.json["counters"]?["indexesAdded"] == .int(1))
    #expect(index.json["counters"]?["constraintsAdded"] == .int(0))
    let constraint = client.send(
      "POST", "/db/neo4j/query/v2", json: #"{"statement":"CREATE CONSTRAINT t_w FOR (n:T) REQUIRE n.w IS UNIQUE","includeCounters":true}"#)
    #expect(constraint.json["counters"]?["constraintsAdded"] == .int(1))
    #expect(constraint.json["counters"]?["indexesAdded"] == .int(0))
  }

  @Test(arguments: [
    ("RETURN 1 +", 400, "Neo.ClientError.Statement.SyntaxError"),
    ("RETURN $missing", 400, "Neo.ClientError.Statement.ParameterMissing"),
    ("RETURN 1 / 0", 400, "Neo.ClientError.Statement.ArithmeticError"),
  ])
  func errorsCarryNeo4jCodesAndStatus(_ statement: String, _ status: Int, _ code: String) throws {
    let out = RouterClient(database: try Database()).query(statement)
    #expect(out.status == status)
    #expect(out.errorCode == code)
  }

  @Test func malformedBodyAndUnknownDatabase() throws {
    let client = RouterClient(database: try Database())
    let bad = client.send("POST", "/db/neo4j/query/v2", json: #"{"statement": "#)
    #expect(bad.status == 400)
    #expect(bad.errorCode == "Neo.ClientError.Request.InvalidFormat")
    let other = client.send("POST", "/db/other/query/v2", json: RouterClient.body("RETURN 1"))
    #expect(other.status == 404)
    #expect(other.errorCode == "Neo.ClientError.Database.DatabaseNotFound")
    let missing = client.send("GET", "/nowhere")
    #expect(missing.status == 404)
  }

  @Test func explicitTransactionCommits() throws {
    let database = try Database()
    let client = RouterClient(database: database)
    let begin = client.send("POST", "/db/neo4j/query/v2/tx", json: RouterClient.body("CREATE (:A {v: 1})"))
    #expect(begin.status == 202)
    let id = try #require(begin.json["transaction"]?["id"]?.string)
    #expect(begin.json["transaction"]?["expires"]?.string?.hasSuffix("Z") == true)
    let run = client.send("POST", "/db/neo4j/query/v2/tx/\(id)", json: RouterClient.body("MATCH (a:A) RETURN count(a) AS c"))
    #expect(run.json.rows == [[.int(1)]])
    #expect(try texts(database, "MATCH (a:A) RETURN count(a)") == ["0"])
    let commit = client.send("POST", "/db/neo4j/query/v2/tx/\(id)/commit")
    #expect(commit.status == 202)
    #expect(try texts(database, "MATCH (a:A) RETURN count(a)") == ["1"])
    let again = client.send("POST", "/db/neo4j/query/v2/tx/\(id)/commit")
    #expect(again.status == 404)
    #expect(again.errorCode == "Neo.ClientError.Transaction.TransactionNotFound")
  }

  @Test func explicitTransactionRollsBackOnDeleteAndOnFailure() throws {
    let database = try Database()
    let client = RouterClient(database: database)
    let begin = client.send("POST", "/db/neo4j/query/v2/tx", json: RouterClient.body("CREATE (:A)"))
    let id = try #require(begin.json["transaction"]?["id"]?.string)
    #expect(client.send("DELETE", "/db/neo4j/query/v2/tx/\(id)").status == 200)
    #expect(try texts(database, "MATCH (a:A) RETURN count(a)") == ["0"])
    let second = client.send("POST", "/db/neo4j/query/v2/tx", json: RouterClient.body("CREATE (:A)"))
    let other = try #require(second.json["transaction"]?["id"]?.string)
    let failed = client.send("POST", "/db/neo4j/query/v2/tx/\(other)", json: RouterClient.body("RETURN 1 +"))
    #expect(failed.errorCode == "Neo.ClientError.Statement.SyntaxError")
    #expect(client.send("POST", "/db/neo4j/query/v2/tx/\(other)/commit").status == 404)
    #expect(try texts(database, "MATCH (a:A) RETURN count(a)") == ["0"])
  }

  @Test func expiredTransactionIsRolledBackBySweep() throws {
    let database = try Database()
    let client = RouterClient(database: database, lifetime: .milliseconds(1))
    let begin = client.send("POST", "/db/neo4j/query/v2/tx", json: RouterClient.body("CREATE (:A)"))
    let id = try #require(begin.json["transaction"]?["id"]?.string)
    Thread.sleep(forTimeInterval: 0.01)
    client.router.context.transactions.sweep()
    #expect(client.router.context.transactions.count == 0)
    #expect(client.send("POST", "/db/neo4j/query/v2/tx/\(id)/commit").status == 404)
    // The writer is free again: an auto-commit write succeeds.
    #expect(client.query("CREATE (:B)").status == 202)
    #expect(try texts(database, "MATCH (n) RETURN count(n)") == ["1"])
  }

  @Test func jsonLinesStreamHeaderRecordsSummary() throws {
    let client = RouterClient(database: try Database())
    let out = client.send(
      "POST", "/db/neo4j/query/v2", json: RouterClient.body("UNWIND range(1, 2500) AS i RETURN i"), ["accept": "application/jsonl"])
    #expect(out.streamed)
    #expect(out.ended)
    #expect(out.header("content-type") == "application/jsonl")
    let lines = out.text.split(separator: "\n").map { (try? JSONValue.parse(Array($0.utf8))) ?? .null }
    #expect(lines.count == 2502)
    #expect(lines.first == .object(["$event": .string("Header"), "_body": .object(["fields": .array([.string("i")])])]))
    #expect(lines[1] == .object(["$event": .string("Record"), "_body": .array([.int(1)])]))
    #expect(lines[2500]["_body"] == .array([.int(2500)]))
    #expect(lines.last?["$event"] == .string("Summary"))
  }

  @Test func jsonLinesErrorEvent() throws {
    let client = RouterClient(database: try Database())
    let out = client.send(
      "POST", "/db/neo4j/query/v2", json: RouterClient.body("UNWIND range(1, 3000) AS i RETURN 10 / (2000 - i)"),
      ["accept": "application/jsonl"])
    let last = out.text.split(separator: "\n").last.map { (try? JSONValue.parse(Array($0.utf8))) ?? .null }
    #expect(last?["$event"] == .string("Error"))
    if case .array(let errors)? = last?["_body"] {
      #expect(errors.first?["code"] == .string("Neo.ClientError.Statement.ArithmeticError"))
    } else {
      Issue.record("the Error event has a list body")
    }
  }

  // MARK: The transactional endpoint

  @Test func legacyCommitRunsStatementsInOneTransaction() throws {
    let database = try Database()
    let client = RouterClient(database: database)
    let body = #"""
      {"statements":[{"statement":"CREATE (n:P {name: $name}) RETURN n","parameters":{"name":"Ann"},"includeStats":true,
      "resultDataContents":["row","graph"]},{"statement":"MATCH (n:P) RETURN n.name AS name"}]}
      """#
    let out = client.send("POST", "/db/neo4j/tx/commit", json: body)
    #expect(out.status == 200)
    #expect(out.json["errors"] == .array([]))
    guard case .array(let results)? = out.json["results"], results.count == 2 else {
      Issue.record("two results expected: \(out.text)")
      return
    }
    guard case .array(let data)? = results[0]["data"], let first = data.first else {
      Issue.record("rows expected")
      return
    }
    #expect(first["row"] == .array([.object(["name": .string("Ann")])]))
    #expect(first["meta"]?.arrayFirst?["type"] == .string("node"))
    #expect(first["graph"]?["nodes"]?.arrayFirst?["labels"] == .array([.string("P")]))
    #expect(results[0]["stats"]?["nodes_created"] == .int(1))
    #expect(results[1]["data"]?.arrayFirst?["row"] == .array([.string("Ann")]))
  }

  @Test func legacyOpenTransactionAndRollbackOnError() throws {
    let database = try Database()
    let client = RouterClient(database: database)
    let begin = client.send("POST", "/db/neo4j/tx", json: #"{"statements":[{"statement":"CREATE (:L)"}]}"#)
    #expect(begin.status == 201)
    let location = try #require(begin.header("location"))
    #expect(begin.json["commit"]?.string == location + "/commit")
    let path = String(location.dropFirst("http://localhost:7474".count))
    let failed = client.send("POST", path, json: #"{"statements":[{"statement":"RETURN 1 +"}]}"#)
    #expect(failed.status == 200)
    #expect(failed.errorCode == "Neo.ClientError.Statement.SyntaxError")
    #expect(client.send("POST", path + "/commit", json: "{}").status == 404)
    #expect(try texts(database, "MATCH (n:L) RETURN count(n)") == ["0"])
    let second = client.send("POST", "/db/neo4j/tx", json: #"{"statements":[{"statement":"CREATE (:L)"}]}"#)
    let secondPath = String((second.header("location") ?? "").dropFirst("http://localhost:7474".count))
    #expect(client.send("POST", secondPath + "/commit", json: "{}").json["errors"] == .array([]))
    #expect(try texts(database, "MATCH (n:L) RETURN count(n)") == ["1"])
  }
}
