// Neo4j's Query API over HTTP: `POST /db/{db}/query/v2` runs one statement in its own
// transaction; `/db/{db}/query/v2/tx` opens an explicit one, `…/tx/{id}` runs in it (DELETE
// rolls it back) and `…/tx/{id}/commit` commits. Answers are plain or typed JSON, whole, or
// JSON Lines events (Header, Record…, Summary or Error) streamed with bounded memory when the
// client accepts `application/jsonl` or `…+jsonl`.
import Quiver

/// The Query API endpoints.
struct QueryAPI {
  let context: HTTPServerContext

  /// What a client asked for in its Accept and Content-Type headers.
  struct Format {
    var style: JSONValueStyle
    var streamed: Bool
    var typedParameters: Bool

    init(_ request: HTTPRequest) {
      let accept = request.header("accept")?.lowercased() ?? ""
      style = accept.contains("vnd.neo4j.query") ? .typed : .plain
      streamed = accept.contains("jsonl")
      typedParameters = request.header("content-type")?.lowercased().contains("vnd.neo4j.query") == true
    }

    var contentType: String {
      switch (style, streamed) {
      case (.plain, false): return "application/json"
      case (.plain, true): return "application/jsonl"
      case (.typed, false): return "application/vnd.neo4j.query.v1.1"
      case (.typed, true): return "application/vnd.neo4j.query.v1.1+jsonl"
      }
    }
  }

  /// Which Query API action a path names.
  enum Action: Equatable {
    case autoCommit, begin, run(String), commit(String), rollback(String)
  }

  /// The action of `method` on the path after `/db/{db}/query/v2`, or nil for none.
  static func action(_ method: String, _ rest: ArraySlice<String>) -> Action? {
    let parts = Array(rest)
    switch (method, parts.count) {
    case ("POST", 0): return .autoCommit
    case ("POST", 1) where parts[0] == "tx": return .begin
    case ("POST", 2) where parts[0] == "tx": return .run(parts[1])
    case ("DELETE", 2) where parts[0] == "tx": return .rollback(parts[1])
    case ("POST", 3) where parts[0] == "tx" && parts[2] == "commit": return .commit(parts[1])
    default: return nil
    }
  }

  func handle(_ action: Action, _ request: HTTPRequest, user: String?, _ out: any HTTPResponder) {
    let format = Format(request)
    do {
      let body = try HTTPErrors.bodyObject(request)
      let statement = body["statement"]?.stringValue
      let parameters = try HTTPParameters.parameters(body["parameters"], typed: format.typedParameters)
      let counters = body["includeCounters"]?.boolValue ?? false
      switch action {
      case .autoCommit:
        guard let statement else { throw BoltFailure.invalidRequest("the body needs a \"statement\"") }
        let session = Session(database: context.database, timeout: context.queryTimeout)
        try answer(statement, parameters, session, format, counters, transaction: nil, out)
      case .begin:
        let session = Session(database: context.database, timeout: context.queryTimeout)
        try session.begin(readOnly: body["accessMode"]?.stringValue == "READ", timeout: context.queryTimeout ?? .seconds(30))
        let transaction = try context.transactions.add(session, owner: user)
        try inTransaction(transaction, statement, parameters, format, counters, out)
      case .run(let id):
        try inTransaction(try find(id, user), statement, parameters, format, counters, out)
      case .commit(let id):
        let transaction = try find(id, user)
        try inTransaction(transaction, statement, parameters, format, counters, out, commit: true)
      case .rollback(let id):
        let transaction = try find(id, user)
        transaction.lock.lock()
        transaction.session.reset()
        transaction.lock.unlock()
        context.transactions.remove(id)
        out.respond(.json(200) { $0.raw(#"{"bookmarks":[]}"#) })
      }
    } catch {
      out.respond(HTTPErrors.response(error))
    }
  }

  private func find(_ id: String, _ user: String?) throws -> HTTPTransaction {
    guard let transaction = context.transactions.find(id, owner: user) else {
      throw BoltFailure(
        code: "Neo.ClientError.Transaction.TransactionNotFound", message: "transaction \(id) is not open (committed, rolled back or expired)",
        gqlStatus: "25N02")
    }
    return transaction
  }

  /// Runs the optional statement in `transaction`, then commits when asked. A failure rolls the
  /// transaction back, as Neo4j does.
  private func inTransaction(
    _ transaction: HTTPTransaction, _ statement: String?, _ parameters: [String: Value], _ format: Format, _ counters: Bool,
    _ out: any HTTPResponder, commit: Bool = false
  ) throws {
    transaction.lock.lock()
    defer { transaction.lock.unlock() }
    do {
      if let statement {
        try answer(statement, parameters, transaction.session, format, counters, transaction: transaction, out, commitAfter: commit)
      } else {
        if commit { try transaction.session.commit() }
        out.respond(
          .json(202) { w in envelope(&w, fields: [], rows: nil, summary: nil, counters: false, transaction, commitAfter: commit) })
      }
      if commit { context.transactions.remove(transaction.id) }
    } catch {
      transaction.session.reset()
      context.transactions.remove(transaction.id)
      throw error
    }
  }

  /// Runs one statement and sends its answer whole or streamed.
  private func answer(
    _ statement: String, _ parameters: [String: Value], _ session: Session, _ format: Format, _ counters: Bool,
    transaction: HTTPTransaction?, _ out: any HTTPResponder, commitAfter: Bool = false
  ) throws {
    let stream = try context.run(statement, parameters: parameters, on: session)
    defer { stream.close() }
    if format.streamed {
      try streamAnswer(stream, session, format, counters, transaction: transaction, out, commitAfter: commitAfter)
      return
    }
    var rows = JSONWriter()
    var first = true
    while let row = try stream.next() {
      if !first { rows.raw(",") }
      first = false
      rows.array(row) { $0.value($1, style: format.style) }
    }
    let summary = try stream.consume()
    if commitAfter { try session.commit() }
    let response = HTTPResponse.json(202) { w in
      envelope(&w, fields: stream.columns, rows: rows.bytes, summary: summary, counters: counters, transaction, commitAfter: commitAfter)
    }
    out.respond(HTTPResponse(status: response.status, headers: [("Content-Type", format.contentType)], body: response.body))
  }

  /// The whole-answer object: data, counters, bookmarks, plan, notifications, and the
  /// transaction's id and expiry while it stays open.
  private func envelope(
    _ w: inout JSONWriter, fields: [String], rows: [UInt8]?, summary: ResultSummary?, counters: Bool, _ transaction: HTTPTransaction?,
    commitAfter: Bool
  ) {
    w.object { w, member in
      member(&w, "data")
      w.object { w, member in
        member(&w, "fields")
        w.array(fields) { $0.string($1) }
        member(&w, "values")
        w.raw("[")
        w.bytes.append(contentsOf: rows ?? [])
        w.raw("]")
      }
      summaryMembers(&w, member, summary, counters: counters, bookmark: transaction == nil || commitAfter)
      if let transaction, !commitAfter, let expires = context.transactions.expiry(transaction.id) {
        member(&w, "transaction")
        w.object { w, member in
          member(&w, "id")
          w.string(transaction.id)
          member(&w, "expires")
          w.string(HTTPErrors.isoTime(expires))
        }
      }
    }
  }

  /// Counters, bookmarks, the plan and notifications of a finished statement.
  private func summaryMembers(
    _ w: inout JSONWriter, _ member: (inout JSONWriter, String) -> Void, _ summary: ResultSummary?, counters: Bool, bookmark: Bool
  ) {
    if counters, let summary {
      member(&w, "counters")
      Self.counters(&w, summary)
    }
    member(&w, "bookmarks")
    if bookmark, let summary, summary.queryType != .readOnly {
      w.array([context.bookmarks.advance()]) { $0.string($1) }
    } else {
      w.raw("[]")
    }
    if let summary, let plan = summary.plan, let tree = summary.planDescription {
      let profiled = summary.query.trimmingPrefix(while: \.isWhitespace).uppercased().hasPrefix("PROFILE")
      member(&w, profiled ? "profiledQueryPlan" : "queryPlan")
      w.pack(BoltSummary.plan(tree, text: plan, profiled: profiled))
    }
    if let summary {
      member(&w, "notifications")
      w.array(summary.notifications) { w, note in
        w.object { w, member in
          member(&w, "code")
          w.string(note.code)
          member(&w, "title")
          w.string(note.title)
          member(&w, "description")
          w.string(note.description)
        }
      }
    }
  }

  /// The Query API's `counters` object.
  static func counters(_ w: inout JSONWriter, _ summary: ResultSummary) {
    let s = summary.statistics
    let schema = summary.queryType == .schemaWrite
    let values: [(String, Int)] = [
      ("nodesCreated", s.nodesCreated), ("nodesDeleted", s.nodesDeleted), ("propertiesSet", s.propertiesSet + s.propertiesRemoved),
      ("relationshipsCreated", s.relationshipsCreated), ("relationshipsDeleted", s.relationshipsDeleted),
      ("labelsAdded", s.labelsAdded), ("labelsRemoved", s.labelsRemoved), ("indexesAdded", s.indexesAdded),
      ("indexesRemoved", s.indexesRemoved), ("constraintsAdded", s.constraintsAdded), ("constraintsRemoved", s.constraintsRemoved), ("systemUpdates", 0),
    ]
    w.object { w, member in
      member(&w, "containsUpdates")
      w.bool(s.containsUpdates || schema)
      for (name, value) in values {
        member(&w, name)
        w.int(Int64(value))
      }
      member(&w, "containsSystemUpdates")
      w.bool(false)
    }
  }

  // MARK: JSON Lines

  /// Sends the answer as JSON Lines events, a batch of rows at a time: memory stays bounded by
  /// the batch however many rows the statement returns. The first batch is pulled before the
  /// head is sent, so most errors still get their status code.
  private func streamAnswer(
    _ stream: ResultStream, _ session: Session, _ format: Format, _ counters: Bool, transaction: HTTPTransaction?,
    _ out: any HTTPResponder, commitAfter: Bool
  ) throws {
    var batch = try stream.fetch(1000)
    out.start(status: 202, headers: [("Content-Type", format.contentType)])
    var w = JSONWriter()
    w.raw(#"{"$event":"Header","_body":{"fields":"#)
    w.array(stream.columns) { $0.string($1) }
    if let transaction, !commitAfter, let expires = context.transactions.expiry(transaction.id) {
      w.raw(#","transaction":{"id":"#)
      w.string(transaction.id)
      w.raw(#","expires":"#)
      w.string(HTTPErrors.isoTime(expires))
      w.raw("}")
    }
    w.raw("}}\n")
    do {
      while !batch.isEmpty {
        for row in batch {
          w.raw(#"{"$event":"Record","_body":"#)
          w.array(row) { $0.value($1, style: format.style) }
          w.raw("}\n")
          if w.bytes.count >= 64 * 1024 {
            guard out.write(w.bytes) else { return }
            w.bytes.removeAll(keepingCapacity: true)
          }
        }
        batch = stream.hasMore ? try stream.fetch(1000) : []
      }
      let summary = try stream.consume()
      if commitAfter { try session.commit() }
      w.raw(#"{"$event":"Summary","_body":"#)
      w.object { w, member in
        summaryMembers(&w, member, summary, counters: counters, bookmark: transaction == nil || commitAfter)
      }
      w.raw("}\n")
    } catch {
      if let transaction {
        session.reset()
        context.transactions.remove(transaction.id)
      }
      w.raw(#"{"$event":"Error","_body":"#)
      HTTPErrors.errors(&w, BoltErrorTable.failure(for: error))
      w.raw("}\n")
    }
    _ = out.write(w.bytes)
    out.end()
  }
}
