// Neo4j's older transactional HTTP endpoint, which many scripts and tools still use:
// `POST /db/{db}/tx/commit` runs a list of statements in one transaction; `POST /db/{db}/tx`
// opens one (201, with its URL in Location), `POST …/tx/{id}` adds statements, `…/{id}/commit`
// commits and `DELETE …/{id}` rolls back. Statement errors come back with status 200 in
// `errors` and roll the transaction back, as Neo4j does.
import Foundation
import Quiver

/// The transactional endpoint.
struct LegacyTransactionAPI {
  let context: HTTPServerContext

  enum Action: Equatable {
    case commitNow, begin, run(String), commit(String), rollback(String)
  }

  /// The action of `method` on the path after `/db/{db}/tx`, or nil for none.
  static func action(_ method: String, _ rest: ArraySlice<String>) -> Action? {
    let parts = Array(rest)
    switch (method, parts.count) {
    case ("POST", 0): return .begin
    case ("POST", 1): return parts[0] == "commit" ? .commitNow : .run(parts[0])
    case ("DELETE", 1): return .rollback(parts[0])
    case ("POST", 2) where parts[1] == "commit": return .commit(parts[0])
    default: return nil
    }
  }

  /// One statement of the request body.
  struct Statement {
    var text: String
    var parameters: [String: Value]
    var graph: Bool
    var row: Bool
    var stats: Bool
  }

  func handle(_ action: Action, _ request: HTTPRequest, user: String?, database: String, _ out: any HTTPResponder) {
    do {
      let statements = try parse(try HTTPErrors.bodyObject(request))
      switch action {
      case .commitNow:
        let session = Session(database: context.database, timeout: context.queryTimeout)
        try session.begin(timeout: context.queryTimeout ?? .seconds(30))
        out.respond(run(statements, session, transaction: nil, commit: true, status: 200, base: nil))
      case .begin:
        let session = Session(database: context.database, timeout: context.queryTimeout)
        try session.begin(timeout: context.queryTimeout ?? .seconds(30))
        let transaction = try context.transactions.add(session, owner: user)
        let base = "\(Self.origin(request, tls: context.tls))/db/\(database)/tx/\(transaction.id)"
        transaction.lock.lock()
        defer { transaction.lock.unlock() }
        var response = run(statements, session, transaction: transaction, commit: false, status: 201, base: base)
        if response.status == 201 { response.headers.append(("Location", base)) }
        out.respond(response)
      case .run(let id), .commit(let id):
        guard let transaction = context.transactions.find(id, owner: user) else { throw notFound(id) }
        let base = "\(Self.origin(request, tls: context.tls))/db/\(database)/tx/\(id)"
        transaction.lock.lock()
        defer { transaction.lock.unlock() }
        let commit = action == .commit(id)
        out.respond(run(statements, transaction.session, transaction: transaction, commit: commit, status: 200, base: base))
      case .rollback(let id):
        guard let transaction = context.transactions.find(id, owner: user) else { throw notFound(id) }
        transaction.lock.lock()
        transaction.session.reset()
        transaction.lock.unlock()
        context.transactions.remove(id)
        out.respond(.json(200) { $0.raw(#"{"results":[],"errors":[]}"#) })
      }
    } catch {
      let failure = BoltErrorTable.failure(for: error)
      out.respond(.json(failure.code.hasSuffix("TransactionNotFound") ? 404 : 200) { w in
        w.object { w, member in
          member(&w, "results")
          w.raw("[]")
          member(&w, "errors")
          HTTPErrors.errors(&w, failure)
        }
      })
    }
  }

  private func notFound(_ id: String) -> BoltFailure {
    BoltFailure(
      code: "Neo.ClientError.Transaction.TransactionNotFound", message: "transaction \(id) is not open (committed, rolled back or expired)",
      gqlStatus: "25N02")
  }

  /// `http(s)://host` of the request, for the URLs the endpoint hands out.
  static func origin(_ request: HTTPRequest, tls: Bool) -> String {
    "\(tls ? "https" : "http")://\(request.header("host") ?? "localhost")"
  }

  private func parse(_ body: [String: Value]) throws -> [Statement] {
    guard let list = body["statements"] else { return [] }
    guard case .list(let items) = list else { throw BoltFailure.invalidRequest("\"statements\" must be a list") }
    return try items.map { item in
      guard case .map(let item) = item, let text = item["statement"]?.stringValue else {
        throw BoltFailure.invalidRequest("each statement needs a \"statement\"")
      }
      let contents = item["resultDataContents"]?.listValue?.compactMap(\.stringValue) ?? ["row"]
      return Statement(
        text: text, parameters: try HTTPParameters.parameters(item["parameters"], typed: false), graph: contents.contains("graph"),
        row: contents.contains("row") || contents.contains("REST"), stats: item["includeStats"]?.boolValue ?? false)
    }
  }

  /// Runs `statements` in the session's transaction and answers with their results; commits
  /// when asked and all succeeded, rolls back (and forgets the transaction) when one failed.
  private func run(
    _ statements: [Statement], _ session: Session, transaction: HTTPTransaction?, commit: Bool, status: Int, base: String?
  ) -> HTTPResponse {
    var w = JSONWriter()
    var failure: BoltFailure?
    var wrote = false
    var updated = false
    w.raw(#"{"results":["#)
    do {
      for statement in statements {
        var result = JSONWriter()
        let stream = try context.run(statement.text, parameters: statement.parameters, on: session)
        defer { stream.close() }
        try writeResult(&result, stream, statement)
        updated = updated || stream.summary?.queryType != .readOnly
        if wrote { w.raw(",") }
        wrote = true
        w.bytes.append(contentsOf: result.bytes)
      }
      if commit { try session.commit() }
    } catch {
      failure = BoltErrorTable.failure(for: error)
      session.reset()
    }
    if let transaction, commit || failure != nil { context.transactions.remove(transaction.id) }
    w.raw("],")
    if failure == nil, commit, updated {
      w.raw(#""lastBookmarks":"#)
      w.array([context.bookmarks.advance()]) { $0.string($1) }
      w.raw(",")
    }
    if failure == nil, !commit, let transaction, let base, let expires = context.transactions.expiry(transaction.id) {
      w.raw(#""commit":"#)
      w.string(base + "/commit")
      w.raw(#","transaction":{"expires":"#)
      w.string(Self.rfc1123(expires))
      w.raw("},")
    }
    w.raw(#""errors":"#)
    if let failure { HTTPErrors.errors(&w, failure) } else { w.raw("[]") }
    w.raw("}")
    return HTTPResponse(status: failure == nil ? status : 200, headers: [("Content-Type", "application/json")], body: w.bytes)
  }

  private func writeResult(_ w: inout JSONWriter, _ stream: ResultStream, _ statement: Statement) throws {
    w.raw(#"{"columns":"#)
    w.array(stream.columns) { $0.string($1) }
    w.raw(#","data":["#)
    var first = true
    while let row = try stream.next() {
      if !first { w.raw(",") }
      first = false
      w.object { w, member in
        if statement.row {
          member(&w, "row")
          w.array(row) { $0.legacyRow($1) }
          member(&w, "meta")
          w.array(row) { $0.legacyMeta($1) }
        }
        if statement.graph {
          member(&w, "graph")
          w.legacyGraph(row)
        }
      }
    }
    w.raw("]")
    let summary = try stream.consume()
    if statement.stats {
      w.raw(#","stats":"#)
      Self.stats(&w, summary)
    }
    w.raw("}")
  }

  /// The `stats` object with Neo4j's snake_case names.
  static func stats(_ w: inout JSONWriter, _ summary: ResultSummary) {
    let s = summary.statistics
    let values: [(String, Int)] = [
      ("nodes_created", s.nodesCreated), ("nodes_deleted", s.nodesDeleted), ("properties_set", s.propertiesSet + s.propertiesRemoved),
      ("relationships_created", s.relationshipsCreated), ("relationship_deleted", s.relationshipsDeleted),
      ("labels_added", s.labelsAdded), ("labels_removed", s.labelsRemoved), ("indexes_added", s.indexesAdded),
      ("indexes_removed", s.indexesRemoved), ("constraints_added", s.constraintsAdded),
      ("constraints_removed", s.constraintsRemoved),
    ]
    w.object { w, member in
      member(&w, "contains_updates")
      w.bool(s.containsUpdates)
      for (name, value) in values {
        member(&w, name)
        w.int(Int64(value))
      }
    }
  }

  /// An instant as an HTTP date (`Fri, 18 Oct 2024 10:00:00 +0000`), as the endpoint reports
  /// expiry times.
  static func rfc1123(_ instant: ContinuousClock.Instant) -> String {
    let date = Date(timeIntervalSinceNow: Double(ContinuousClock.now.duration(to: instant).components.seconds))
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
    return formatter.string(from: date)
  }
}
