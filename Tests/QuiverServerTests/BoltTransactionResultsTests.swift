// Several open results in one explicit transaction (Bolt 4+ `qid`: RUN, RUN, PULL qid=0, PULL
// qid=1), and the FAILURE codes of timeouts and terminated statements, as Neo4j sends them.
import NIOCore
import Quiver
import Testing

@testable import QuiverServer

@Suite struct BoltTransactionResultsTests {
  func inTransaction(queryTimeout: Duration? = nil) throws -> (Conversation, Database) {
    let database = try Database()
    let c = Conversation(database: database, queryTimeout: queryTimeout)
    #expect(c.logIn()?.isSuccess == true)
    #expect(c.send(0x11, [.map([:])]).first?.isSuccess == true)
    return (c, database)
  }

  func run(_ c: Conversation, _ query: String) -> Response? {
    c.send(0x10, [.string(query), .map([:]), .map([:])]).last
  }

  func pull(_ c: Conversation, n: Int64, qid: Int64, discard: Bool = false) -> [Response] {
    c.send(discard ? 0x2F : 0x3F, [.map(["n": .int(n), "qid": .int(qid)])])
  }

  @Test func twoResultsPulledInAnyOrder() throws {
    let (c, _) = try inTransaction()
    #expect(run(c, "UNWIND range(1, 3) AS i RETURN i")?.metadata["qid"] == .int(0))
    #expect(run(c, "UNWIND range(10, 11) AS j RETURN j")?.metadata["qid"] == .int(1))
    let firstPart = pull(c, n: 2, qid: 0)
    #expect(firstPart.filter(\.isRecord).map(\.values) == [[.int(1)], [.int(2)]])
    #expect(firstPart.last?.metadata["has_more"] == .bool(true))
    let second = pull(c, n: -1, qid: 1)
    #expect(second.filter(\.isRecord).map(\.values) == [[.int(10)], [.int(11)]])
    #expect(second.last?.metadata["has_more"] == nil)
    #expect(second.last?.metadata["type"] == .string("r"))
    #expect(c.connection.state == .txStreaming)
    let rest = pull(c, n: -1, qid: 0)
    #expect(rest.filter(\.isRecord).map(\.values) == [[.int(3)]])
    #expect(rest.last?.isSuccess == true)
    #expect(c.connection.state == .txReady)
    #expect(c.send(0x12).first?.metadata["bookmark"] != nil)
  }

  @Test func anEarlierResultDoesNotSeeALaterWrite() throws {
    let (c, database) = try inTransaction()
    _ = run(c, "CREATE (:T {v: 1})")
    _ = pull(c, n: -1, qid: -1)
    #expect(run(c, "MATCH (t:T) RETURN t.v AS v")?.metadata["qid"] == .int(1))
    #expect(run(c, "CREATE (:T {v: 2})")?.metadata["qid"] == .int(2))
    let write = pull(c, n: -1, qid: 2)
    #expect(write.last?.metadata["stats"]?.map?["nodes-created"] == .int(1))
    let read = pull(c, n: -1, qid: 1)
    #expect(read.filter(\.isRecord).map(\.values) == [[.int(1)]])
    #expect(c.send(0x12).first?.isSuccess == true)
    #expect(try texts(database, "MATCH (t:T) RETURN t.v ORDER BY t.v") == ["1", "2"])
  }

  @Test func discardAnEarlierResultAndPullTheLastWithMinusOne() throws {
    let (c, _) = try inTransaction()
    _ = run(c, "UNWIND range(1, 100) AS i RETURN i")
    _ = run(c, "RETURN 'last' AS x")
    let discarded = pull(c, n: -1, qid: 0, discard: true)
    #expect(discarded.count == 1)
    #expect(discarded.first?.isSuccess == true)
    let last = pull(c, n: -1, qid: -1)
    #expect(last.filter(\.isRecord).map(\.values) == [[.string("last")]])
    #expect(c.connection.state == .txReady)
  }

  @Test func anUnknownQidFails() throws {
    let (c, _) = try inTransaction()
    _ = run(c, "RETURN 1 AS one")
    let failure = pull(c, n: -1, qid: 7)
    #expect(failure.first?.metadata["code"] == .string("Neo.ClientError.Request.Invalid"))
  }

  @Test func anEarlierResultsErrorArrivesWithItsPull() throws {
    let (c, _) = try inTransaction()
    _ = run(c, "UNWIND [1, 0] AS d RETURN 1 / d AS q")
    _ = run(c, "RETURN 2 AS two")
    #expect(pull(c, n: -1, qid: 1).filter(\.isRecord).map(\.values) == [[.int(2)]])
    let failing = pull(c, n: -1, qid: 0)
    #expect(failing.filter(\.isRecord).map(\.values) == [[.int(1)]])
    #expect(failing.last?.metadata["code"] == .string("Neo.ClientError.Statement.ArithmeticError"))
    #expect(c.connection.state == .failed)
  }

  static let long = "UNWIND range(1, 2000000000) AS x RETURN count(*)"

  /// The code of the FAILURE that ends `query` (RUN and PULL all).
  func failureCode(_ c: Conversation, _ query: String, extra: [String: PackValue] = [:]) -> PackValue? {
    let (run, pull) = c.query(query, extra: extra)
    return ([run].compactMap { $0 } + pull).first(where: \.isFailure)?.metadata["code"]
  }

  @Test func theServersTimeoutIsTransactionTimedOut() throws {
    let c = Conversation(database: try Database(), queryTimeout: .milliseconds(50))
    c.logIn()
    #expect(failureCode(c, Self.long) == .string("Neo.ClientError.Transaction.TransactionTimedOut"))
  }

  @Test func theClientsTimeoutIsTransactionTimedOutClientConfiguration() throws {
    let c = Conversation(database: try Database(), queryTimeout: .seconds(600))
    c.logIn()
    #expect(
      failureCode(c, Self.long, extra: ["tx_timeout": .int(50)])
        == .string("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"))
    // A tx_timeout longer than the server's leaves the server's in force.
    let strict = Conversation(database: try Database(), queryTimeout: .milliseconds(50))
    strict.logIn()
    #expect(
      failureCode(strict, Self.long, extra: ["tx_timeout": .int(600_000)])
        == .string("Neo.ClientError.Transaction.TransactionTimedOut"))
  }

  @Test func aTransactionsClientTimeoutAppliesToItsStatements() throws {
    let c = Conversation(database: try Database())
    c.logIn()
    #expect(c.send(0x11, [.map(["tx_timeout": .int(50)])]).first?.isSuccess == true)
    #expect(failureCode(c, Self.long) == .string("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"))
  }
}
