// What every HTTP request of one server shares: the database, the users (or none), browser
// logins, open transactions, the bookmark clock and the limits; plus the helpers both query
// endpoints use to run a statement and to turn a failure into a status code and JSON.
import Foundation
import Quiver
import QuiverExchange

/// Server-wide settings and state handed to the HTTP router.
package struct HTTPServerContext: Sendable {
  /// The one database served.
  package let database: Database
  /// The users who may log in; nil when authentication is off.
  package let users: UserStore?
  /// Browser logins (cookie and CSRF token).
  package let logins: HTTPLogins
  /// Open explicit transactions of both APIs.
  package let transactions: HTTPTransactions
  /// Hands out a bookmark per commit.
  package let bookmarks: BookmarkClock
  /// The longest a statement may run.
  package let queryTimeout: Duration?
  /// How long a failed login waits before its answer, to slow down guessing.
  package let failedLoginDelay: Duration
  /// Whether clients reach the server over TLS (cookies are then `Secure`).
  package let tls: Bool
  /// Whether the server listens on a loopback address only; then requests must name a loopback
  /// host, which defeats DNS rebinding.
  package let loopbackOnly: Bool
  /// Nodes the console draws at most before it cuts the graph (with a note).
  package let consoleNodeLimit: Int

  /// Server state with fresh logins, transactions and bookmarks.
  package init(
    database: Database, users: UserStore?, queryTimeout: Duration? = nil, failedLoginDelay: Duration = .seconds(1),
    tls: Bool = false, loopbackOnly: Bool = true, transactionLifetime: Duration = .seconds(60), consoleNodeLimit: Int = 300
  ) {
    self.database = database
    self.users = users
    self.logins = HTTPLogins()
    self.transactions = HTTPTransactions(lifetime: transactionLifetime)
    self.bookmarks = BookmarkClock()
    self.queryTimeout = queryTimeout
    self.failedLoginDelay = failedLoginDelay
    self.tls = tls
    self.loopbackOnly = loopbackOnly
    self.consoleNodeLimit = consoleNodeLimit
  }

  /// Starts `query` on `session`, answering the server's own SHOW DATABASES commands as Bolt does.
  func run(_ query: String, parameters: [String: Value], on session: Session) throws -> ResultStream {
    let statement = SystemQueries.rewrite(query, parameters: parameters) ?? (query, parameters)
    return try session.run(statement.query, parameters: statement.parameters)
  }

  /// Quiver serves one database, `neo4j` (with `system` for SHOW commands).
  func checkDatabase(_ name: String) throws {
    guard name == "neo4j" || name == "system" else { throw BoltFailure.databaseNotFound(name) }
  }
}

/// HTTP status codes and error bodies for failures.
enum HTTPErrors {
  /// The status the Query API gives a failure, from its Neo4j code.
  static func status(_ failure: BoltFailure) -> Int {
    switch failure.code {
    case "Neo.ClientError.Security.Unauthorized": return 401
    case "Neo.ClientError.Security.Forbidden": return 403
    case "Neo.ClientError.Transaction.TransactionNotFound", "Neo.ClientError.Database.DatabaseNotFound": return 404
    case _ where failure.code.hasPrefix("Neo.ClientError."): return 400
    case _ where failure.code.hasPrefix("Neo.TransientError."): return 503
    default: return 500
    }
  }

  /// `{"errors": [{"code", "message"}]}` with the failure's status.
  static func response(_ error: any Error, status: Int? = nil) -> HTTPResponse {
    let failure = BoltErrorTable.failure(for: error)
    return .json(status ?? Self.status(failure)) { w in
      w.object { w, member in
        member(&w, "errors")
        errors(&w, failure)
      }
    }
  }

  /// The `errors` array holding `failure`.
  static func errors(_ w: inout JSONWriter, _ failure: BoltFailure) {
    w.array([failure]) { w, failure in
      w.object { w, member in
        member(&w, "code")
        w.string(failure.code)
        member(&w, "message")
        w.string(failure.message)
      }
    }
  }

  /// A request this server refuses before running anything.
  static func refused(_ status: Int, _ code: String, _ message: String) -> HTTPResponse {
    response(BoltFailure(code: code, message: message, gqlStatus: "50N42"), status: status)
  }

  /// The body of a request as a JSON object, read by the importers' `JSONReader` (which keeps
  /// `1` an integer and `1.0` a float, as parameters need).
  /// - Throws: `BoltFailure` (`Neo.ClientError.Request.InvalidFormat`) when it is not one.
  static func bodyObject(_ request: HTTPRequest) throws -> [String: Value] {
    if request.body.isEmpty { return [:] }
    let json: Value
    do {
      json = try JSONReader.parse(String(decoding: request.body, as: UTF8.self))
    } catch let error as QuiverError {
      throw BoltFailure(code: "Neo.ClientError.Request.InvalidFormat", message: error.message, gqlStatus: "50N42")
    }
    guard case .map(let members) = json else {
      throw BoltFailure(code: "Neo.ClientError.Request.InvalidFormat", message: "the body must be a JSON object", gqlStatus: "50N42")
    }
    return members
  }

  /// An instant as ISO-8601 UTC text, for transaction expiry times.
  static func isoTime(_ instant: ContinuousClock.Instant) -> String {
    let date = Date(timeIntervalSinceNow: Double(ContinuousClock.now.duration(to: instant).components.seconds))
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}
