// Moves HTTP requests between one socket and the router: each complete request (head and body,
// aggregated under the body limit) runs on the connection's worker queue, never on the event
// loop, and its answer goes back through a `ChannelResponder`, whole or chunked with
// back-pressure. Every response carries the security headers.
import Dispatch
import NIOCore
import NIOHTTP1

/// The last inbound handler of an HTTP connection.
final class HTTPChannelHandler: ChannelInboundHandler {
  typealias InboundIn = NIOHTTPServerRequestFull

  private let router: HTTPRouter
  private let onClose: @Sendable () -> Void
  private let queue: DispatchQueue
  /// Requests queued or running; the idle timer closes only a connection with none.
  private let busy = SharedCounter()

  init(router: HTTPRouter, connectionID: Int, onClose: @escaping @Sendable () -> Void) {
    self.router = router
    self.onClose = onClose
    self.queue = DispatchQueue(label: "quiver.http.\(connectionID)")
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let full = unwrapInboundIn(data)
    let head = full.head
    let uri = head.uri
    let path = String(uri.prefix(while: { $0 != "?" }))
    let query = uri.contains("?") ? String(uri.drop(while: { $0 != "?" }).dropFirst()) : ""
    var headers: [String: String] = [:]
    for (name, value) in head.headers where headers[name.lowercased()] == nil { headers[name.lowercased()] = value }
    let body = full.body.map { Array($0.readableBytesView) } ?? []
    let request = HTTPRequest(method: head.method.rawValue, path: path, query: query, headers: headers, body: body)
    let responder = ChannelResponder(channel: context.channel, version: head.version, keepAlive: head.isKeepAlive)
    let router = self.router
    let busy = self.busy
    busy.add(1)
    queue.async {
      router.handle(request, responder)
      busy.add(-1)
    }
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if event is IdleStateHandler.IdleStateEvent {
      if busy.value == 0 { context.close(promise: nil) }
      return
    }
    context.fireUserInboundEventTriggered(event)
  }

  func channelInactive(context: ChannelHandlerContext) {
    onClose()
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    // A malformed request, an oversized one (already answered 413) or a reset socket: this
    // connection ends, nothing else.
    context.close(promise: nil)
  }
}

/// Writes one response to a channel from a worker thread.
final class ChannelResponder: HTTPResponder, @unchecked Sendable {
  private let channel: any Channel
  private let version: HTTPVersion
  private let keepAlive: Bool

  init(channel: any Channel, version: HTTPVersion, keepAlive: Bool) {
    self.channel = channel
    self.version = version
    self.keepAlive = keepAlive
  }

  private func head(_ status: Int, _ extra: [(String, String)], length: Int?) -> HTTPResponseHead {
    var headers = HTTPHeaders(HTTPSecurity.headers + extra)
    if let length { headers.replaceOrAdd(name: "Content-Length", value: String(length)) }
    if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
    return HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: status), headers: headers)
  }

  func respond(_ response: HTTPResponse) {
    channel.write(HTTPServerResponsePart.head(head(response.status, response.headers, length: response.body.count)), promise: nil)
    if !response.body.isEmpty {
      channel.write(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: response.body))), promise: nil)
    }
    finish()
  }

  func start(status: Int, headers: [(String, String)]) {
    channel.writeAndFlush(HTTPServerResponsePart.head(head(status, headers, length: nil)), promise: nil)
  }

  func write(_ bytes: [UInt8]) -> Bool {
    let written = channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: bytes))))
    // Back-pressure: a client that reads slowly makes the statement wait, not memory grow.
    if !channel.isWritable { try? written.wait() }
    return channel.isActive
  }

  func end() { finish() }

  private func finish() {
    let done = channel.writeAndFlush(HTTPServerResponsePart.end(nil))
    if !keepAlive {
      let channel = self.channel
      done.whenComplete { _ in channel.close(promise: nil) }
    }
  }
}
