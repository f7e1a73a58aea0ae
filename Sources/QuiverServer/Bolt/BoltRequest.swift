// Bolt's request messages, decoded from a whole message's PackStream bytes: a structure whose
// tag names the message and whose fields carry its arguments.
import NIOCore

/// A request a client sends.
package enum BoltRequest: Sendable, Equatable {
  case hello(extra: [String: PackValue])
  case logon(auth: [String: PackValue])
  case logoff
  case goodbye
  case reset
  case run(query: String, parameters: [String: PackValue], extra: [String: PackValue])
  case begin(extra: [String: PackValue])
  case commit
  case rollback
  /// PULL and DISCARD: how many records (-1 for all) of which result (-1 for the last one).
  case pull(n: Int64, qid: Int64)
  case discard(n: Int64, qid: Int64)
  case route(routing: [String: PackValue], database: String?)
  case telemetry(api: Int64)

  /// Message tags, as the Bolt specification numbers them.
  enum Tag {
    static let hello: UInt8 = 0x01
    static let goodbye: UInt8 = 0x02
    static let reset: UInt8 = 0x0F
    static let run: UInt8 = 0x10
    static let begin: UInt8 = 0x11
    static let commit: UInt8 = 0x12
    static let rollback: UInt8 = 0x13
    static let discard: UInt8 = 0x2F
    static let pull: UInt8 = 0x3F
    static let telemetry: UInt8 = 0x54
    static let route: UInt8 = 0x66
    static let logon: UInt8 = 0x6A
    static let logoff: UInt8 = 0x6B
  }

  /// Whether the message bytes are a RESET, without decoding them (the event loop looks, to
  /// interrupt the running statement at once).
  package static func isReset(_ message: ByteBuffer) -> Bool {
    message.readableBytes >= 2 && message.getInteger(at: message.readerIndex + 1, as: UInt8.self) == Tag.reset
      && (message.getInteger(at: message.readerIndex, as: UInt8.self) ?? 0) & 0xF0 == 0xB0
  }

  /// Decodes one message.
  /// - Throws: `PackStreamError` for bytes that are not a known request with valid fields.
  package init(decoding message: ByteBuffer) throws {
    var reader = PackStreamReader(buffer: message)
    guard case .structure(let tag, let fields) = try reader.read(), reader.remaining == 0 else {
      throw PackStreamError("a message must be one structure")
    }
    func map(_ index: Int) throws -> [String: PackValue] {
      guard index < fields.count else { return [:] }
      if case .null = fields[index] { return [:] }
      guard let m = fields[index].map else { throw PackStreamError("field \(index) of message 0x\(String(tag, radix: 16)) must be a map") }
      return m
    }
    func window(_ extra: [String: PackValue]) -> (Int64, Int64) { (extra["n"]?.int ?? -1, extra["qid"]?.int ?? -1) }
    switch tag {
    case Tag.hello: self = .hello(extra: try map(0))
    case Tag.logon: self = .logon(auth: try map(0))
    case Tag.logoff: self = .logoff
    case Tag.goodbye: self = .goodbye
    case Tag.reset: self = .reset
    case Tag.run:
      guard let query = fields.first?.string else { throw PackStreamError("RUN needs a query string") }
      self = .run(query: query, parameters: try map(1), extra: try map(2))
    case Tag.begin: self = .begin(extra: try map(0))
    case Tag.commit: self = .commit
    case Tag.rollback: self = .rollback
    case Tag.pull:
      let (n, qid) = window(try map(0))
      self = .pull(n: n, qid: qid)
    case Tag.discard:
      let (n, qid) = window(try map(0))
      self = .discard(n: n, qid: qid)
    case Tag.route:
      // 4.3 sends the database name as a string, 4.4+ in a map.
      let database = fields.count > 2 ? (fields[2].string ?? fields[2].map?["db"]?.string) : nil
      self = .route(routing: try map(0), database: database)
    case Tag.telemetry: self = .telemetry(api: fields.first?.int ?? 0)
    default: throw PackStreamError("unknown message 0x\(String(tag, radix: 16, uppercase: true))")
    }
  }

  /// The message's name, for errors.
  var name: String {
    switch self {
    case .hello: "HELLO"
    case .logon: "LOGON"
    case .logoff: "LOGOFF"
    case .goodbye: "GOODBYE"
    case .reset: "RESET"
    case .run: "RUN"
    case .begin: "BEGIN"
    case .commit: "COMMIT"
    case .rollback: "ROLLBACK"
    case .pull: "PULL"
    case .discard: "DISCARD"
    case .route: "ROUTE"
    case .telemetry: "TELEMETRY"
    }
  }
}
