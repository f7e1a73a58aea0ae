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
  package internal(set) var state = State.negotiation
  var format: BoltValueFormat
  let context: BoltServerContext
  let session: Session
  let connectionID: Int
  /// Writes a batch of chunked messages; may block while the client is slow to read.
  let send: (ByteBuffer) -> Void
  var out = ByteBuffer()
  /// The result of the last RUN while it is open, and that RUN's id (`qid`).
  var stream: ResultStream?
  var streamID: Int64 = -1
  var nextStreamID: Int64 = 0
  /// Earlier results of the open transaction still to be pulled, by `qid`.
  var parked: [Int64: ParkedResult] = [:]
  var autoCommitStream = false
  /// Whether the running statement's (or the open transaction's) time limit is the client's
  /// `tx_timeout` rather than the server's `--query-timeout`: Neo4j reports the two apart.
  var clientTimeoutApplies = false
  var runStarted = ContinuousClock.now
  /// RESETs received by the event loop and not yet handled: until then, other messages are
  /// IGNORED (the INTERRUPTED state).
  let pendingResets = Atomic<Int>(0)
  /// Flush when this many bytes of records are waiting.
  let batchBytes = 64 * 1024

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

  func dispatch(_ request: BoltRequest) -> Bool {
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

  func hello(_ extra: [String: PackValue]) -> Bool {
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

  func logon(_ auth: [String: PackValue]) -> Bool {
    guard authenticate(auth) else { return false }
    state = .ready
    succeed([:])
    return true
  }

  /// Checks the credentials of a HELLO (before 5.1) or LOGON; on failure waits, sends the
  /// FAILURE and ends the connection.
  func authenticate(_ auth: [String: PackValue]) -> Bool {
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


  func succeed(_ metadata: [String: PackValue]) { write(tag: 0x70, [.map(metadata)]) }

  func fail(_ failure: BoltFailure) {
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

  func write(tag: UInt8, _ fields: [PackValue]) {
    var writer = PackStreamWriter(buffer: ByteBuffer())
    writer.writeStructHeader(tag: tag, count: fields.count)
    for field in fields { writer.write(field) }
    BoltChunker.append(writer.buffer, to: &out)
  }

  /// Writes a RECORD straight into the output, in one chunk when it fits (the usual case),
  /// without an intermediate buffer.
  func writeRecord(_ row: [Value]) {
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
