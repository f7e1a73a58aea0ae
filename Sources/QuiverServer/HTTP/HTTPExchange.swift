// One HTTP request and the way back, free of sockets: the router reads an `HTTPRequest` and
// answers through an `HTTPResponder`, whole (`respond`) or streamed (`start`, `write`, `end`).
// The NIO handler implements the responder over a channel; tests collect into memory.

/// A complete request: method, path, query, headers (names lowercased) and body.
package struct HTTPRequest: Sendable {
  /// `GET`, `POST`, `DELETE`…
  package var method: String
  /// The path without the query string, percent-decoding left to the router.
  package var path: String
  /// The text after `?`, if any.
  package var query: String
  /// Header values by lowercased name; a repeated header keeps its first value.
  package var headers: [String: String]
  /// The complete body (already limited in size by the server).
  package var body: [UInt8]

  /// A request; header names are lowercased.
  package init(method: String, path: String, query: String = "", headers: [String: String] = [:], body: [UInt8] = []) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    self.body = body
  }

  /// The value of header `name` (any case).
  package func header(_ name: String) -> String? { headers[name.lowercased()] }

  /// The cookie `name` from the Cookie header.
  package func cookie(_ name: String) -> String? {
    guard let header = header("cookie") else { return nil }
    for part in header.split(separator: ";") {
      let pair = part.split(separator: "=", maxSplits: 1)
      if pair.count == 2, pair[0].trimmingPrefix(while: \.isWhitespace) == name {
        return String(pair[1]).trimmed(of: [" ", "\""])
      }
    }
    return nil
  }
}

/// A response sent in one piece.
package struct HTTPResponse: Sendable {
  /// The status code.
  package var status: Int
  /// Headers besides the security headers every response gets.
  package var headers: [(String, String)]
  /// The body.
  package var body: [UInt8]

  /// A response.
  package init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// A JSON response written by `write`.
  package static func json(_ status: Int, headers: [(String, String)] = [], _ write: (inout JSONWriter) -> Void) -> HTTPResponse {
    var writer = JSONWriter()
    write(&writer)
    return HTTPResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: writer.bytes)
  }
}

/// Where a response goes: all at once, or as a head followed by chunks.
package protocol HTTPResponder: AnyObject {
  /// Sends a complete response.
  func respond(_ response: HTTPResponse)
  /// Sends the head of a streamed response (chunked, no length).
  func start(status: Int, headers: [(String, String)])
  /// Sends part of a streamed body; may block while the client is slow to read. Returns false
  /// once the client has gone, so that the producer stops.
  func write(_ bytes: [UInt8]) -> Bool
  /// Ends a streamed body.
  func end()
}

extension String {
  fileprivate func trimmed(of set: Set<Character>) -> String {
    var s = Substring(self)
    while let c = s.first, set.contains(c) { s.removeFirst() }
    while let c = s.last, set.contains(c) { s.removeLast() }
    return String(s)
  }
}
