// Helpers for the HTTP tests: a responder that collects the answer in memory, a client that
// sends requests straight to an `HTTPRouter` (no socket), and an Equatable view of the JSON
// answers (read with the server's own `JSONReader`) for assertions.
import Foundation
import Quiver
import QuiverExchange

@testable import QuiverServer

/// Collects one response, whole or streamed.
final class CollectedResponse: HTTPResponder, @unchecked Sendable {
  var status = 0
  var headers: [(String, String)] = []
  var body: [UInt8] = []
  var streamed = false
  var ended = false

  func respond(_ response: HTTPResponse) {
    status = response.status
    headers = response.headers
    body = response.body
    ended = true
  }

  func start(status: Int, headers: [(String, String)]) {
    self.status = status
    self.headers = headers
    streamed = true
  }

  func write(_ bytes: [UInt8]) -> Bool {
    body += bytes
    return true
  }

  func end() { ended = true }

  /// The body parsed as JSON (null when it is not JSON).
  var json: JSONValue { (try? JSONValue.parse(body)) ?? .null }

  /// The body as text.
  var text: String { String(decoding: body, as: UTF8.self) }

  /// The first value of header `name`.
  func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }

  /// The first error code of an `{"errors": [...]}` body.
  var errorCode: String? {
    if case .array(let errors)? = json["errors"], let first = errors.first { return first["code"]?.string }
    return nil
  }
}

/// Sends requests to a router the way a browser or script would, with a loopback Host.
struct RouterClient {
  let router: HTTPRouter
  var headers: [String: String] = ["host": "localhost:7474"]

  init(database: Database, users: UserStore? = nil, lifetime: Duration = .seconds(60)) {
    router = HTTPRouter(
      context: HTTPServerContext(database: database, users: users, failedLoginDelay: .zero, transactionLifetime: lifetime))
  }

  /// Sends `method path` with a JSON body (or none) and `extra` headers.
  func send(_ method: String, _ path: String, json: String? = nil, _ extra: [String: String] = [:]) -> CollectedResponse {
    var all = headers
    if json != nil { all["content-type"] = "application/json" }
    for (name, value) in extra { all[name.lowercased()] = value }
    let out = CollectedResponse()
    router.handle(HTTPRequest(method: method, path: path, headers: all, body: Array((json ?? "").utf8)), out)
    return out
  }

  /// `POST /db/neo4j/query/v2` with `statement`.
  func query(_ statement: String, _ extra: [String: String] = [:]) -> CollectedResponse {
    send("POST", "/db/neo4j/query/v2", json: Self.body(statement), extra)
  }

  /// `{"statement": …}` with the statement escaped.
  static func body(_ statement: String, parameters: String? = nil) -> String {
    var w = JSONWriter()
    w.string(statement)
    let text = String(decoding: w.bytes, as: UTF8.self)
    return parameters.map { #"{"statement":\#(text),"parameters":\#($0)}"# } ?? #"{"statement":\#(text)}"#
  }
}

/// A JSON document as tests compare it.
enum JSONValue: Equatable {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// Parses `bytes` with `JSONReader`.
  static func parse(_ bytes: [UInt8]) throws -> JSONValue {
    JSONValue(try JSONReader.parse(String(decoding: bytes, as: UTF8.self)))
  }

  init(_ value: Value) {
    switch value {
    case .bool(let b): self = .bool(b)
    case .int(let i): self = .int(i)
    case .float(let d): self = .double(d)
    case .string(let s): self = .string(s)
    case .list(let items): self = .array(items.map(JSONValue.init))
    case .map(let entries): self = .object(entries.mapValues(JSONValue.init))
    default: self = .null
    }
  }

  subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The first item of an array value.
  var arrayFirst: JSONValue? {
    if case .array(let items) = self { return items.first }
    return nil
  }
}

extension JSONValue {
  /// The `data.values` rows of a Query API answer.
  var rows: [[JSONValue]] {
    guard case .array(let rows)? = self["data"]?["values"] else { return [] }
    return rows.map { row in
      if case .array(let cells) = row { return cells }
      return []
    }
  }
}
