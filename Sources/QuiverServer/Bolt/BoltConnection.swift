// One Bolt connection's conversation, free of sockets: requests in, response messages out
// through `send`. It keeps the state machine of the Bolt manual (negotiation, authentication,
// READY, STREAMING, TX_READY, TX_STREAMING, FAILED, INTERRUPTED, DEFUNCT) over a library
// `Session`, so tests drive it directly and the NIO handler only moves bytes.
import Foundation
import NIOCore
import Quiver
import Synchronization

/// The server side of one Bolt connection after the handshake.
///
/// `handle` runs on the connection's own worker queue (never an event loop), one message at a
/// time; `interrupt()` and `cancelForDisconnect()` alone are called from the event loop, which
/// is why the class is `@unchecked Sendable`.
package final class BoltConnection: @unchecked Sendable {
  /// The states of the Bolt manual.
  package enum State: Sendable, Equatable {
    case negotiation, authentication, ready, streaming, txReady, txStreaming, failed, defunct
  }

  package let version: BoltVersion
  package private(set) var state = State.negotiation
  private var format: BoltValueFormat
  private let context: BoltServerContext
  private let session: Session
  private let connectionID: Int
  /// Writes a batch of chunked messages; may block while the client is slow to read.
  private let send: (ByteBuffer) -> Void
  private var out = ByteBuffer()
  /// The result of the last RUN while it is open, and that RUN's id (`qid`).
  private var stream: ResultStream?
  private var streamID: Int64 = -1
  private var nextStreamID: Int64 = 0
  /// Earlier results of the open transaction still to be pulled, by `qid`.
  private var parked: [Int64: ParkedResult] = [:]
  private var autoCommitStream = false
  /// Whether the running statement's (or the open transaction's) time limit is the client's
  /// `tx_timeout` rather than the server's `--query-timeout`: Neo4j reports the two apart.
  private var clientTimeoutApplies = false
  private var runStarted = ContinuousClock.now
  /// RESETs received by the event loop and not yet handled: until then, other messages are
  /// IGNORED (the INTERRUPTED state).
  private let pendingResets = Atomic<Int>(0)
  /// Flush when this many bytes of records are waiting.
  private let batchBytes = 64 * 1024

  package init(version: BoltVersion, context: BoltServerContext, connectionID: Int, send: @escaping (ByteBuffer) -> Void) {
    self.version = version
    self.context = context
    self.connectionID = connectionID
    self.send = send
    self.session = Session(database: context.database, timeout: context.queryTimeout)
    self.format = BoltValueFormat(elementIDs: version.hasElementIDs, utcDateTimes: version.hasElementIDs)
  }

  /// Called on the event loop as soon as a RESET arrives: stops the running statement and
  /// makes the messages queued before the RESET be IGNORED.
  package func interrupt() {
    pendingResets.add(1, ordering: .sequentiallyConsistent)
    session.cancel()
  }

  /// Called on the event loop when the socket closed: stops the running statement at once.
  package func cancelForDisconnect() { session.cancel() }

  /// Ends the conversation: the open result is closed and an open transaction rolled back.
  package func close() {
    stream = nil
    parked = [:]
    session.reset()
    state = .defunct
  }

  /// Handles one message; returns false when the connection must close (GOODBYE, a failed
  /// login, a malformed message). With `flushing` false the responses stay buffered until the
  /// next `flush()`, so that a caller with more messages queued (a driver's pipelined RUN and
  /// PULL) sends all their responses in one write.
  package func handle(_ message: ByteBuffer, flushing: Bool = true) -> Bool {
    defer { if flushing { flush() } }
    guard state != .defunct else { return false }
    let request: BoltRequest
    do {
      request = try BoltRequest(decoding: message)
    } catch {
      fail(.invalidRequest("malformed message: \(error)"))
      close()
      return false
    }
    if case .reset = request {
      _ = pendingResets.subtract(1, ordering: .sequentiallyConsistent)
    } else if pendingResets.load(ordering: .sequentiallyConsistent) > 0 {
      write(tag: 0x7E, [])  // IGNORED: a RESET is on its way
      return true
    }
    return dispatch(request)
  }

  private func dispatch(_ request: BoltRequest) -> Bool {
    switch (request, state) {
    case (.goodbye, _):
      close()
      return false
    case (.reset, _):
      stream = nil
      parked = [:]
      session.reset()
      if state != .negotiation && state != .authentication { state = .ready }
      succeed([:])
    case (.hello(let extra), .negotiation):
      return hello(extra)
    case (.logon(let auth), .authentication):
      return logon(auth)
    case (.logoff, .ready) where version.hasLogon:
      state = .authentication
      succeed([:])
    case (_, .failed):
      write(tag: 0x7E, [])
    case (.run(let query, let parameters, let extra), .ready), (.run(let query, let parameters, let extra), .txReady),
      (.run(let query, let parameters, let extra), .txStreaming):
      run(query, parameters, extra)
    case (.pull(let n, let qid), .streaming), (.pull(let n, let qid), .txStreaming):
      pull(n: n, qid: qid, discard: false)
    case (.discard(let n, let qid), .streaming), (.discard(let n, let qid), .txStreaming):
      pull(n: n, qid: qid, discard: true)
    case (.begin(let extra), .ready):
      begin(extra)
    case (.commit, .txReady), (.commit, .txStreaming):
      finishTransaction(commit: true)
    case (.rollback, .txReady), (.rollback, .txStreaming):
      finishTransaction(commit: false)
    case (.route(let routing, let database), .ready):
      route(routing, database)
    case (.telemetry, .ready), (.telemetry, .txReady):
      succeed([:])
    default:
      fail(.invalidRequest("\(request.name) is not allowed in state \(state)"))
      if state == .negotiation || state == .authentication {
        close()
        return false
      }
    }
    return true
  }

  // MARK: Connection set-up

  private func hello(_ extra: [String: PackValue]) -> Bool {
    var metadata: [String: PackValue] = [
      "server": .string("Neo4j/5.26.0 compatible graph database server - Quiver"),
      "connection_id": .string("bolt-\(connectionID)"),
      "hints": .map([:]),
    ]
    if version == BoltVersion(4, 4), extra["patch_bolt"]?.list?.contains(.string("utc")) == true {
      format.utcDateTimes = true
      metadata["patch_bolt"] = .list([.string("utc")])
    }
    if version.hasLogon {
      state = .authentication
      succeed(metadata)
      return true
    }
    guard authenticate(extra) else { return false }
    state = .ready
    succeed(metadata)
    return true
  }

  private func logon(_ auth: [String: PackValue]) -> Bool {
    guard authenticate(auth) else { return false }
    state = .ready
    succeed([:])
    return true
  }

  /// Checks the credentials of a HELLO (before 5.1) or LOGON; on failure waits, sends the
  /// FAILURE and ends the connection.
  private func authenticate(_ auth: [String: PackValue]) -> Bool {
    guard let users = context.users else { return true }
    let scheme = auth["scheme"]?.string ?? "none"
    if scheme == "basic", let name = auth["principal"]?.string, let password = auth["credentials"]?.string,
      users.verify(name: name, password: password)
    {
      return true
    }
    Thread.sleep(forTimeInterval: Double(Self.milliseconds(context.failedLoginDelay)) / 1000)
    fail(.unauthorized("The client is unauthorized due to authentication failure."))
    close()
    return false
  }

  // MARK: Statements

  private func run(_ query: String, _ parameters: [String: PackValue], _ extra: [String: PackValue]) {
    let inTransaction = state == .txReady || state == .txStreaming
    do {
      try checkDatabase(extra["db"])
      var bound: [String: Value] = [:]
      for (name, value) in parameters { bound[name] = try value.quiverValue(format: format) }
      let statement = SystemQueries.rewrite(query, parameters: bound) ?? (query, bound)
      if inTransaction { parkOpenResult() }
      runStarted = ContinuousClock.now
      var timeout: Duration?
      if !inTransaction { (timeout, clientTimeoutApplies) = limit(extra) }
      stream = try session.run(statement.query, parameters: statement.parameters, timeout: timeout)
      let firstRow = runStarted.duration(to: .now)
      var metadata: [String: PackValue] = [
        "fields": .list((stream?.columns ?? []).map { .string($0) }),
        "t_first": .int(Self.milliseconds(firstRow)),
      ]
      streamID = nextStreamID
      nextStreamID += 1
      if inTransaction { metadata["qid"] = .int(streamID) }
      autoCommitStream = !inTransaction
      state = inTransaction ? .txStreaming : .streaming
      succeed(metadata)
    } catch {
      stream = nil
      fail(statementFailure(error))
    }
  }

  /// Sends up to `n` records of the result `qid` (-1: the last RUN's; none for DISCARD), then
  /// `has_more` or the summary.
  private func pull(n: Int64, qid: Int64, discard: Bool) {
    let id = qid == -1 ? streamID : qid
    if let result = parked.removeValue(forKey: id) {
      pullParked(result, id: id, n: n, discard: discard)
      return
    }
    guard let stream, id == streamID else {
      fail(.invalidRequest("no open result with qid \(qid)"))
      return
    }
    do {
      if discard {
        stream.close()
      } else {
        var remaining = n < 0 ? Int.max : Int(n)
        while remaining > 0 && stream.hasMore {
          if pendingResets.load(ordering: .sequentiallyConsistent) > 0 {
            write(tag: 0x7E, [])
            return
          }
          let rows = try stream.fetch(min(remaining, 1000))
          remaining -= rows.count
          for row in rows { writeRecord(row) }
          if out.readableBytes >= batchBytes { flush() }
          if rows.isEmpty { break }
        }
      }
      if stream.hasMore {
        succeed(["has_more": .bool(true)])
        return
      }
      let summary = try stream.consume()
      self.stream = nil
      resultEnded()
      succeed(summaryMetadata(summary, hadColumns: !stream.columns.isEmpty))
    } catch {
      self.stream = nil
      fail(statementFailure(error))
    }
  }

  /// PULL or DISCARD on an earlier result of the transaction, from its kept rows.
  private func pullParked(_ result: ParkedResult, id: Int64, n: Int64, discard: Bool) {
    var result = result
    let count = discard ? result.rows.count - result.position : min(n < 0 ? Int.max : Int(n), result.rows.count - result.position)
    if !discard {
      for row in result.rows[result.position..<(result.position + count)] {
        writeRecord(row)
        if out.readableBytes >= batchBytes { flush() }
      }
    }
    result.position += count
    if result.position < result.rows.count {
      parked[id] = result
      succeed(["has_more": .bool(true)])
      return
    }
    switch result.ending {
    case .success(let summary):
      resultEnded()
      succeed(summaryMetadata(summary, hadColumns: result.hadColumns))
    case .failure(let error):
      fail(statementFailure(error))
    }
  }

  /// Before a RUN inside a transaction: the library runs one statement of a session at a time,
  /// so the result still open is read to its end (rows, then summary or error) and kept for
  /// the PULLs that name its `qid`, as Bolt lets a client interleave results.
  private func parkOpenResult() {
    guard let open = stream else { return }
    stream = nil
    var rows: [[Value]] = []
    do {
      while open.hasMore { rows += try open.fetch(1000) }
      let summary = try open.consume()
      parked[streamID] = ParkedResult(rows: rows, hadColumns: !open.columns.isEmpty, ending: .success(summary))
    } catch {
      parked[streamID] = ParkedResult(rows: rows, hadColumns: !open.columns.isEmpty, ending: .failure(error))
    }
  }

  /// A result has been read to its end: back to READY, or to TX_READY once no result of the
  /// transaction remains open.
  private func resultEnded() {
    if state == .txStreaming {
      if stream == nil && parked.isEmpty { state = .txReady }
    } else {
      state = .ready
    }
  }

  /// The FAILURE for a statement's error, telling a timeout the client set from the server's.
  private func statementFailure(_ error: any Error) -> BoltFailure {
    BoltErrorTable.failure(for: error, clientTimeout: clientTimeoutApplies)
  }

  private func summaryMetadata(_ summary: ResultSummary, hadColumns: Bool) -> [String: PackValue] {
    var metadata: [String: PackValue] = [
      "t_last": .int(Self.milliseconds(summary.totalTime - summary.timeToFirstRow)),
      "type": .string(summary.queryType.code),
      "db": .string("neo4j"),
    ]
    let stats = BoltSummary.statistics(summary.statistics)
    if !stats.isEmpty { metadata["stats"] = .map(stats) }
    if autoCommitStream && summary.queryType != .readOnly { metadata["bookmark"] = .string(context.bookmarks.advance()) }
    if let text = summary.plan, let plan = summary.planDescription {
      let profiled = plan.rows != nil
      metadata[profiled ? "profile" : "plan"] = BoltSummary.plan(plan, text: text, profiled: profiled)
    }
    if version.hasGQLStatuses {
      metadata["statuses"] = BoltSummary.statuses(
        summary.notifications, hadColumns: hadColumns, hadRows: summary.rowCount > 0)
    } else if !summary.notifications.isEmpty {
      metadata["notifications"] = BoltSummary.notifications(summary.notifications)
    }
    return metadata
  }

  // MARK: Transactions

  private func begin(_ extra: [String: PackValue]) {
    do {
      try checkDatabase(extra["db"])
      try session.begin(readOnly: extra["mode"]?.string == "r")
      (session.timeout, clientTimeoutApplies) = limit(extra)
      state = .txReady
      succeed([:])
    } catch {
      fail(statementFailure(error))
    }
  }

  private func finishTransaction(commit: Bool) {
    stream = nil
    parked = [:]
    defer { session.timeout = context.queryTimeout }
    do {
      if commit {
        try session.commit()
        state = .ready
        succeed(["bookmark": .string(context.bookmarks.advance())])
      } else {
        try session.rollback()
        state = .ready
        succeed([:])
      }
    } catch {
      fail(statementFailure(error))
    }
  }

  // MARK: Routing

  /// A routing table naming this one server as writer, reader and router.
  private func route(_ routing: [String: PackValue], _ database: String?) {
    do {
      try checkDatabase(database.map(PackValue.string))
      let address = routing["address"]?.string ?? context.advertisedAddress
      let servers: [PackValue] = ["WRITE", "READ", "ROUTE"].map {
        .map(["addresses": .list([.string(address)]), "role": .string($0)])
      }
      succeed(["rt": .map(["ttl": .int(300), "db": .string(database ?? "neo4j"), "servers": .list(servers)])])
    } catch {
      fail(statementFailure(error))
    }
  }

  // MARK: Helpers

  /// Quiver serves one database: `neo4j`, with `system` accepted for the SHOW commands tools run.
  private func checkDatabase(_ name: PackValue?) throws {
    guard let name = name?.string else { return }
    guard name == "neo4j" || name == "system" else { throw BoltFailure.databaseNotFound(name) }
  }

  /// The server's query timeout, shortened by the client's `tx_timeout` (milliseconds), and
  /// whether the client's is the one that applies.
  private func limit(_ extra: [String: PackValue]) -> (Duration?, fromClient: Bool) {
    guard let ms = extra["tx_timeout"]?.int, ms > 0 else { return (context.queryTimeout, false) }
    let asked = Duration.milliseconds(ms)
    guard let server = context.queryTimeout, server <= asked else { return (asked, true) }
    return (server, false)
  }

  static func milliseconds(_ d: Duration) -> Int64 {
    d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
  }

  private func succeed(_ metadata: [String: PackValue]) { write(tag: 0x70, [.map(metadata)]) }

  private func fail(_ failure: BoltFailure) {
    var metadata: [String: PackValue] = ["code": .string(failure.code), "message": .string(failure.message)]
    if version.hasGQLErrors {
      metadata["neo4j_code"] = .string(failure.code)
      metadata["gql_status"] = .string(failure.gqlStatus)
      metadata["description"] = .string("error: \(failure.message)")
      metadata["diagnostic_record"] = .map([
        "OPERATION": .string(""), "OPERATION_CODE": .string("0"), "CURRENT_SCHEMA": .string("/"),
      ])
    }
    if state != .negotiation && state != .authentication && state != .defunct { state = .failed }
    write(tag: 0x7F, [.map(metadata)])
  }

  private func write(tag: UInt8, _ fields: [PackValue]) {
    var writer = PackStreamWriter(buffer: ByteBuffer())
    writer.writeStructHeader(tag: tag, count: fields.count)
    for field in fields { writer.write(field) }
    BoltChunker.append(writer.buffer, to: &out)
  }

  /// Writes a RECORD straight into the output, in one chunk when it fits (the usual case),
  /// without an intermediate buffer.
  private func writeRecord(_ row: [Value]) {
    var writer = PackStreamWriter(buffer: ByteBuffer())
    swap(&writer.buffer, &out)
    let start = writer.buffer.writerIndex
    writer.buffer.writeInteger(UInt16(0))
    writer.writeStructHeader(tag: 0x71, count: 1)
    writer.writeListHeader(row.count)
    for value in row { writer.write(value, format: format) }
    let size = writer.buffer.writerIndex - start - 2
    if size <= BoltChunker.maxChunk {
      writer.buffer.setInteger(UInt16(size), at: start)
      writer.buffer.writeInteger(UInt16(0))
    } else if let message = writer.buffer.getSlice(at: start + 2, length: size) {
      writer.buffer.moveWriterIndex(to: start)
      BoltChunker.append(message, to: &writer.buffer)
    }
    swap(&writer.buffer, &out)
  }

  /// Sends the buffered responses.
  package func flush() {
    guard out.readableBytes > 0 else { return }
    send(out)
    out = ByteBuffer()
  }
}

/// A result of an explicit transaction read to its end before a later RUN: its rows, how far
/// PULLs have taken them, and its summary or the error that ended it.
private struct ParkedResult {
  var rows: [[Value]]
  var position = 0
  /// Whether the statement had result columns (for the GQL outcome status).
  let hadColumns: Bool
  let ending: Result<ResultSummary, any Error>
}
