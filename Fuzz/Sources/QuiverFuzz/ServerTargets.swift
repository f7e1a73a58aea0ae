// The network front ends on mutated bytes: Bolt's handshake and chunk framing with the
// PackStream decoding of each message, and the HTTP request handler (Query API, transactions,
// the console's routes) on mutated request lines and JSON bodies. Each must answer or refuse;
// an HTTP answer must carry a real status code.
import Foundation
import NIOCore
import Quiver
import QuiverServer

/// Feeds mutated byte streams to the Bolt frame decoder and decodes every whole message.
final class BoltTarget: FuzzTarget {
  let maxLength = 4096
  let dictionary: [[UInt8]] = [
    [0x60, 0x60, 0xB0, 0x17], [0x00, 0x00, 0x04, 0x05], [0x00, 0x00], [0xB1, 0x01], [0xA1], [0x91], [0xD0, 0xFF],
    [0xD1, 0xFF, 0xFF], [0xD2, 0x7F, 0xFF, 0xFF, 0xFF], [0xDF], [0xC1], [0xCB], [0xB3, 0x4E],
  ]

  func seeds(corpus: String) throws -> [[UInt8]] { corpusFiles(corpus + "/bolt") }

  func run(_ input: [UInt8]) -> String? {
    let decoder = BoltFrameDecoder(maxMessageBytes: 1 << 16)
    var buffer = ByteBuffer(bytes: input)
    for _ in 0..<1000 {
      let item: BoltInbound?
      do { item = try decoder.next(&buffer) } catch { return nil }
      guard let item else { return nil }
      if case .message(let message) = item { _ = try? BoltRequest(decoding: message) }
    }
    return nil
  }
}

/// Collects the router's answer.
private final class Answer: HTTPResponder, @unchecked Sendable {
  var status = 0
  func respond(_ response: HTTPResponse) { status = response.status }
  func start(status: Int, headers: [(String, String)]) { self.status = status }
  func write(_ bytes: [UInt8]) -> Bool { true }
  func end() {}
}

/// Sends mutated requests to the HTTP router: the first line is `METHOD PATH`, the rest the body.
final class HTTPTarget: FuzzTarget {
  let maxLength = 4096
  let dictionary: [[UInt8]] = [
    "POST ", "GET ", "DELETE ", "/db/neo4j/query/v2", "/db/neo4j/tx", "/db/neo4j/tx/commit", "/db/neo4j/query/v2/tx",
    "{\"statement\": \"RETURN 1\"}", "\"parameters\": {", "\"statements\": [", "[", "]", "{", "}", "\\u0000", "1e999",
  ].map { Array($0.utf8) }
  private let router: HTTPRouter

  init() throws {
    let db = try Database()
    _ = try db.execute(EngineTarget.graph)
    router = HTTPRouter(context: HTTPServerContext(database: db, users: nil, queryTimeout: .milliseconds(500), failedLoginDelay: .zero))
  }

  func seeds(corpus: String) throws -> [[UInt8]] { corpusFiles(corpus + "/http") }

  func run(_ input: [UInt8]) -> String? {
    let newline = input.firstIndex(of: UInt8(ascii: "\n")) ?? input.count
    let line = String(decoding: input[..<newline], as: UTF8.self).split(separator: " ", maxSplits: 1)
    let method = line.first.map(String.init) ?? "GET"
    let path = line.dropFirst().first.map(String.init) ?? "/"
    let body = newline < input.count ? Array(input[(newline + 1)...]) : []
    let headers = ["host": "localhost:7474", "content-type": "application/json", "accept": "application/json"]
    let answer = Answer()
    router.handle(HTTPRequest(method: method, path: path, headers: headers, body: body), answer)
    guard answer.status == 0 || (100...599).contains(answer.status) else { return "HTTP status \(answer.status)" }
    return nil
  }
}
