// Every HTTP request goes through here: the Host and same-origin checks, authentication (Basic
// for scripts, the login cookie plus its CSRF token for the console), then the route: the
// console's page and assets, login/logout/session, the Query API, the transactional endpoint
// and the console's schema summary. Free of sockets, so tests call `handle` directly.
import Foundation
import Quiver

/// Routes requests to the console and the APIs.
package struct HTTPRouter: Sendable {
  /// The server-wide state every request shares.
  package let context: HTTPServerContext

  /// A router over `context`.
  package init(context: HTTPServerContext) { self.context = context }

  /// Answers `request` through `out`, on the calling thread (a worker, never an event loop:
  /// statements and password hashing take time).
  package func handle(_ request: HTTPRequest, _ out: any HTTPResponder) {
    guard HTTPSecurity.hostAllowed(request, loopbackOnly: context.loopbackOnly) else {
      out.respond(HTTPErrors.refused(403, "Neo.ClientError.Security.Forbidden", "this server answers to loopback host names only"))
      return
    }
    let changes = request.method != "GET" && request.method != "HEAD"
    if changes, let reason = HTTPSecurity.crossOriginRefusal(request, tls: context.tls) {
      out.respond(HTTPErrors.refused(403, "Neo.ClientError.Security.Forbidden", reason))
      return
    }
    let parts = request.path.split(separator: "/").map(String.init)
    let reads = request.method == "GET" || request.method == "HEAD"
    switch parts.first {
    case nil where reads:
      if request.header("accept")?.contains("text/html") == true {
        out.respond(ConsoleAssets.response("index.html"))
      } else {
        out.respond(discovery(request))
      }
    case "console"? where reads && parts.count == 2:
      out.respond(ConsoleAssets.response(parts[1]))
    case "session"? where request.method == "GET" && parts.count == 1:
      session(request, out)
    case "login"? where request.method == "POST" && parts.count == 1:
      login(request, out)
    case "logout"? where request.method == "POST" && parts.count == 1:
      guard let user = authenticate(request, changes: true, out) else { return }
      if let token = request.cookie(HTTPSecurity.cookieName) { context.logins.remove(token) }
      out.respond(.json(200, headers: [("Set-Cookie", HTTPSecurity.cookie(nil, tls: context.tls))]) { w in
        w.object { w, member in
          member(&w, "user")
          if let name = user.name { w.string(name) } else { w.null() }
        }
      })
    case "db"? where parts.count >= 3:
      database(request, parts, changes: changes, out)
    default:
      out.respond(HTTPErrors.refused(404, "Neo.ClientError.Request.Invalid", "no such endpoint: \(request.method) \(request.path)"))
    }
  }

  /// `/db/{db}/query/v2…`, `/db/{db}/tx…` and `/db/{db}/schema`.
  private func database(_ request: HTTPRequest, _ parts: [String], changes: Bool, _ out: any HTTPResponder) {
    let name = parts[1]
    let rest = parts[3...]
    let query = parts[2] == "query" && parts.count >= 4 && parts[3] == "v2" ? QueryAPI.action(request.method, parts[4...]) : nil
    let legacy = parts[2] == "tx" ? LegacyTransactionAPI.action(request.method, rest) : nil
    let schema = request.method == "GET" && parts.count == 3 && parts[2] == "schema"
    guard query != nil || legacy != nil || schema else {
      out.respond(HTTPErrors.refused(404, "Neo.ClientError.Request.Invalid", "no such endpoint: \(request.method) \(request.path)"))
      return
    }
    guard let user = authenticate(request, changes: changes, out) else { return }
    do {
      try context.checkDatabase(name)
    } catch {
      out.respond(HTTPErrors.response(error))
      return
    }
    if let query {
      QueryAPI(context: context).handle(query, request, user: user.name, out)
    } else if let legacy {
      LegacyTransactionAPI(context: context).handle(legacy, request, user: user.name, database: name, out)
    } else {
      out.respond(ConsoleSchema.response(context.database))
    }
  }

  /// Who sent a request: a user name, or nil with authentication off.
  struct Caller {
    var name: String?
  }

  /// The caller of `request`, or nil after answering 401/403: Basic credentials, or the login
  /// cookie (with the CSRF header on state-changing requests).
  private func authenticate(_ request: HTTPRequest, changes: Bool, _ out: any HTTPResponder) -> Caller? {
    guard let users = context.users else { return Caller(name: nil) }
    if let authorization = request.header("authorization") {
      if let (name, password) = Self.basicCredentials(authorization), users.verify(name: name, password: password) {
        return Caller(name: name)
      }
      Thread.sleep(forTimeInterval: Double(BoltConnection.milliseconds(context.failedLoginDelay)) / 1000)
      out.respond(HTTPErrors.response(BoltFailure.unauthorized("The client is unauthorized due to authentication failure.")))
      return nil
    }
    if let token = request.cookie(HTTPSecurity.cookieName), let login = context.logins.login(token) {
      if changes {
        guard let sent = request.header(HTTPSecurity.csrfHeader), HTTPSecurity.same(sent, login.csrf) else {
          out.respond(HTTPErrors.refused(403, "Neo.ClientError.Security.Forbidden", "missing or wrong \(HTTPSecurity.csrfHeader) header"))
          return nil
        }
      }
      return Caller(name: login.user)
    }
    out.respond(HTTPErrors.response(BoltFailure.unauthorized("No authentication header supplied; log in or send Basic credentials.")))
    return nil
  }

  /// The name and password of a `Basic` Authorization header.
  static func basicCredentials(_ header: String) -> (String, String)? {
    let parts = header.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].lowercased() == "basic", let data = Data(base64Encoded: String(parts[1])),
      let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
    else { return nil }
    return (String(text[..<colon]), String(text[text.index(after: colon)...]))
  }

  /// `POST /login` with `{"user", "password"}`: sets the login cookie and returns the CSRF token.
  private func login(_ request: HTTPRequest, _ out: any HTTPResponder) {
    guard let users = context.users else {
      out.respond(sessionAnswer(user: nil, csrf: "", headers: []))
      return
    }
    let body = (try? HTTPErrors.bodyObject(request)) ?? [:]
    guard let name = body["user"]?.stringValue, let password = body["password"]?.stringValue, users.verify(name: name, password: password) else {
      Thread.sleep(forTimeInterval: Double(BoltConnection.milliseconds(context.failedLoginDelay)) / 1000)
      out.respond(HTTPErrors.response(BoltFailure.unauthorized("wrong user name or password")))
      return
    }
    let (token, login) = context.logins.create(user: name)
    out.respond(sessionAnswer(user: name, csrf: login.csrf, headers: [("Set-Cookie", HTTPSecurity.cookie(token, tls: context.tls))]))
  }

  /// `GET /session`: who the login cookie belongs to and its CSRF token; 401 without one.
  private func session(_ request: HTTPRequest, _ out: any HTTPResponder) {
    guard context.users != nil else {
      out.respond(sessionAnswer(user: nil, csrf: "", headers: []))
      return
    }
    guard let token = request.cookie(HTTPSecurity.cookieName), let login = context.logins.login(token) else {
      out.respond(HTTPErrors.response(BoltFailure.unauthorized("not logged in")))
      return
    }
    out.respond(sessionAnswer(user: login.user, csrf: login.csrf, headers: []))
  }

  private func sessionAnswer(user: String?, csrf: String, headers: [(String, String)]) -> HTTPResponse {
    .json(200, headers: headers) { w in
      w.object { w, member in
        member(&w, "user")
        if let user { w.string(user) } else { w.null() }
        member(&w, "csrf")
        w.string(csrf)
        member(&w, "authentication")
        w.bool(context.users != nil)
        member(&w, "nodeLimit")
        w.int(Int64(context.consoleNodeLimit))
      }
    }
  }

  /// `GET /` for API clients: where the endpoints are, as Neo4j's discovery document says.
  private func discovery(_ request: HTTPRequest) -> HTTPResponse {
    let origin = LegacyTransactionAPI.origin(request, tls: context.tls)
    return .json(200) { w in
      w.object { w, member in
        member(&w, "query")
        w.string(origin + "/db/{databaseName}/query/v2")
        member(&w, "transaction")
        w.string(origin + "/db/{databaseName}/tx")
        member(&w, "neo4j_version")
        w.string(ServerProcedures.neo4jVersion)
        member(&w, "neo4j_edition")
        w.string("community")
      }
    }
  }
}
