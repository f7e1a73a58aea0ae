// The HTTP server's security defaults through the router: login required when users exist,
// Basic credentials for scripts, the cookie login with its CSRF token for the console, refused
// cross-origin and non-JSON requests, the loopback Host check, and the headers on every answer.
import Foundation
import GraphCore
import Quiver
import Testing

@testable import QuiverServer

@Suite struct HTTPSecurityTests {
  func secured() throws -> RouterClient {
    let store = UserStore(path: FileManagerTemp.directory() + "/users.json")
    try store.add(name: "ann", password: "secret", iterations: 1000)
    return RouterClient(database: try Database(), users: store)
  }

  static let basic = "Basic " + Data("ann:secret".utf8).base64EncodedString()

  @Test func queriesNeedCredentials() throws {
    let client = try secured()
    let none = client.query("RETURN 1")
    #expect(none.status == 401)
    #expect(none.errorCode == "Neo.ClientError.Security.Unauthorized")
    let wrong = client.query("RETURN 1", ["authorization": "Basic " + Data("ann:nope".utf8).base64EncodedString()])
    #expect(wrong.status == 401)
    let right = client.query("RETURN 1 AS x", ["authorization": Self.basic])
    #expect(right.status == 202)
    #expect(right.json.rows == [[.int(1)]])
  }

  @Test func cookieLoginNeedsTheCSRFHeader() throws {
    let client = try secured()
    #expect(client.send("POST", "/login", json: #"{"user":"ann","password":"bad"}"#).status == 401)
    let login = client.send("POST", "/login", json: #"{"user":"ann","password":"secret"}"#)
    #expect(login.status == 200)
    let cookie = try #require(login.header("set-cookie"))
    #expect(cookie.contains("HttpOnly"))
    #expect(cookie.contains("SameSite=Strict"))
    #expect(!cookie.contains("Secure"))
    let token = String(cookie.prefix(while: { $0 != ";" }))
    let csrf = try #require(login.json["csrf"]?.string)
    #expect(csrf.count == 64)
    let forged = client.query("RETURN 1", ["cookie": token])
    #expect(forged.status == 403)
    #expect(forged.errorCode == "Neo.ClientError.Security.Forbidden")
    #expect(client.query("RETURN 1", ["cookie": token, "x-quiver-csrf": String(csrf.reversed())]).status == 403)
    #expect(client.query("RETURN 1", ["cookie": token, "x-quiver-csrf": csrf]).status == 202)
    let session = client.send("GET", "/session", ["cookie": token])
    #expect(session.json["user"] == .string("ann"))
    #expect(session.json["csrf"] == .string(csrf))
    let logout = client.send("POST", "/logout", ["cookie": token, "x-quiver-csrf": csrf])
    #expect(logout.status == 200)
    #expect(logout.header("set-cookie")?.contains("Max-Age=0") == true)
    #expect(client.send("GET", "/session", ["cookie": token]).status == 401)
    #expect(client.query("RETURN 1", ["cookie": token, "x-quiver-csrf": csrf]).status == 401)
  }

  @Test(arguments: [
    ["origin": "http://evil.example"],
    ["origin": "http://localhost:9999"],
    ["sec-fetch-site": "cross-site"],
    ["content-type": "text/plain"],
    ["content-type": "application/x-www-form-urlencoded"],
  ])
  func crossOriginRequestsAreRefused(_ extra: [String: String]) throws {
    let database = try Database()
    let client = RouterClient(database: database)
    let out = client.send("POST", "/db/neo4j/query/v2", json: RouterClient.body("CREATE (:Hacked)"), extra)
    #expect(out.status == 403)
    #expect(out.errorCode == "Neo.ClientError.Security.Forbidden")
    #expect(try texts(database, "MATCH (n) RETURN count(n)") == ["0"])
  }

  @Test func sameOriginIsAccepted() throws {
    let client = RouterClient(database: try Database())
    let out = client.query("RETURN 1", ["origin": "http://localhost:7474", "sec-fetch-site": "same-origin"])
    #expect(out.status == 202)
  }

  @Test(arguments: ["evil.example:7474", "rebind.example", "10.0.0.1:7474"])
  func nonLoopbackHostIsRefused(_ host: String) throws {
    let client = RouterClient(database: try Database())
    let out = client.query("RETURN 1", ["host": host])
    #expect(out.status == 403)
  }

  @Test(arguments: ["127.0.0.1:7474", "localhost", "[::1]:7474"])
  func loopbackHostIsAccepted(_ host: String) throws {
    let client = RouterClient(database: try Database())
    #expect(client.query("RETURN 1", ["host": host]).status == 202)
  }

  @Test func consolePageIsServedWithAStrictPolicy() throws {
    let client = RouterClient(database: try Database())
    let page = client.send("GET", "/", ["accept": "text/html"])
    #expect(page.status == 200)
    #expect(page.header("content-type") == "text/html; charset=utf-8")
    #expect(HTTPSecurity.contentSecurityPolicy.contains("script-src 'self'"))
    #expect(!HTTPSecurity.contentSecurityPolicy.contains("unsafe"))
    #expect(HTTPSecurity.headers.contains { $0.0 == "X-Frame-Options" && $0.1 == "DENY" })
    #expect(client.send("GET", "/console/app.js").header("content-type") == "text/javascript; charset=utf-8")
    #expect(client.send("GET", "/console/../../etc/passwd").status == 404)
    let discovery = client.send("GET", "/", ["accept": "application/json"])
    #expect(discovery.json["query"] == .string("http://localhost:7474/db/{databaseName}/query/v2"))
  }

  @Test func basicCredentialsParse() {
    #expect(HTTPRouter.basicCredentials(Self.basic)?.0 == "ann")
    #expect(HTTPRouter.basicCredentials("Basic " + Data("a:b:c".utf8).base64EncodedString())?.1 == "b:c")
    #expect(HTTPRouter.basicCredentials("Bearer xyz") == nil)
    #expect(HTTPRouter.basicCredentials("Basic !!!") == nil)
  }
}

@Suite struct JSONWriterTests {
  @Test func writerEscapesAndSortsProperties() {
    var w = JSONWriter()
    w.plain(.map(["b": .string("<x>\n"), "a": .float(.nan)]))
    #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"a":"NaN","b":"\u003cx\u003e\n"}"#)
  }

  @Test func typedTemporalsNameTheirKind() throws {
    var w = JSONWriter()
    w.typed(.list([.temporal(try TemporalParser.parse(.dateTime, "2024-01-02T03:04:05+01:00")), .temporal(.duration(months: 1, days: 2, seconds: 3, nanoseconds: 0))]))
    #expect(
      String(decoding: w.bytes, as: UTF8.self)
        == #"{"$type":"List","_value":[{"$type":"OffsetDateTime","_value":"2024-01-02T03:04:05+01:00"},{"$type":"Duration","_value":"P1M2DT3S"}]}"#)
  }

  @Test func malformedBodyNamesTheOffset() throws {
    let out = RouterClient(database: try Database()).send("POST", "/db/neo4j/query/v2", json: #"{"statement": 1,}"#)
    #expect(out.status == 400)
    #expect(out.errorCode == "Neo.ClientError.Request.InvalidFormat")
  }
}
