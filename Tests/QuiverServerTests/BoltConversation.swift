// A test double for a client: sends request messages to a `BoltConnection` and decodes the
// chunked responses it writes, with no socket in between.
import GraphCore
import NIOCore
import Quiver

@testable import QuiverServer

/// A decoded response: its tag and fields.
struct Response: Equatable {
  let tag: UInt8
  let fields: [PackValue]

  var isSuccess: Bool { tag == 0x70 }
  var isRecord: Bool { tag == 0x71 }
  var isIgnored: Bool { tag == 0x7E }
  var isFailure: Bool { tag == 0x7F }
  /// The metadata of a SUCCESS or FAILURE.
  var metadata: [String: PackValue] { fields.first?.map ?? [:] }
  /// The values of a RECORD.
  var values: [PackValue] { fields.first?.list ?? [] }
}

/// What a connection wrote, collected from its `send` closure.
final class OutputSink: Sendable {
  let buffers = Locked<[ByteBuffer]>([])
}

/// Drives one connection as a client would.
final class Conversation: Sendable {
  let connection: BoltConnection
  private let output = OutputSink()

  init(version: BoltVersion = BoltVersion(5, 8), database: Database, users: UserStore? = nil, queryTimeout: Duration? = nil) {
    let sink = output
    let context = BoltServerContext(
      database: database, users: users, queryTimeout: queryTimeout, advertisedAddress: "127.0.0.1:7687",
      failedLoginDelay: .milliseconds(10))
    connection = BoltConnection(version: version, context: context, connectionID: 1) { buffer in
      sink.buffers.withLock { $0.append(buffer) }
    }
  }

  /// Sends one request (tag and fields) and returns the responses it produced.
  @discardableResult
  func send(_ tag: UInt8, _ fields: [PackValue] = []) -> [Response] {
    send(raw: packed(.structure(tag: tag, fields: fields)))
  }

  /// Sends raw message bytes; returns the responses.
  func send(raw: [UInt8]) -> [Response] {
    _ = connection.handle(ByteBuffer(bytes: raw))
    return drain()
  }

  /// Responses written since the last call, de-chunked and decoded.
  func drain() -> [Response] {
    let buffers = output.buffers.withLock { b in
      defer { b.removeAll() }
      return b
    }
    var responses: [Response] = []
    for var buffer in buffers {
      var message = ByteBuffer()
      while let size = buffer.readInteger(as: UInt16.self) {
        if size == 0 {
          var reader = PackStreamReader(buffer: message)
          if case .structure(let tag, let fields)? = try? reader.read() { responses.append(Response(tag: tag, fields: fields)) }
          message = ByteBuffer()
        } else if var chunk = buffer.readSlice(length: Int(size)) {
          message.writeBuffer(&chunk)
        }
      }
    }
    return responses
  }

  /// HELLO and (for 5.1+) LOGON with basic credentials; returns the last response.
  @discardableResult
  func logIn(user: String = "neo4j", password: String = "secret") -> Response? {
    let auth: [String: PackValue] = ["scheme": .string("basic"), "principal": .string(user), "credentials": .string(password)]
    if connection.version.hasLogon {
      send(0x01, [.map(["user_agent": .string("test/1.0")])])
      return send(0x6A, [.map(auth)]).last
    }
    return send(0x01, [.map(auth.merging(["user_agent": .string("test/1.0")]) { a, _ in a })]).last
  }

  /// RUN then PULL all; returns the RUN response and the PULL responses.
  func query(_ text: String, _ parameters: [String: PackValue] = [:], extra: [String: PackValue] = [:]) -> (
    run: Response?, pull: [Response]
  ) {
    let run = send(0x10, [.string(text), .map(parameters), .map(extra)]).last
    guard run?.isSuccess == true else { return (run, []) }
    return (run, send(0x3F, [.map(["n": .int(-1)])]))
  }
}
