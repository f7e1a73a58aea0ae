// The Bolt server: a SwiftNIO listener whose connections each get a frame decoder, an idle
// timer and a `BoltChannelHandler`; statements run on per-connection worker queues so that a
// long query never holds an event loop. `quiver serve` starts one; tests start one on port 0.
import Dispatch
import NIOCore
import NIOPosix
import NIOSSL
import Quiver
import Synchronization

/// A running Bolt server over one database.
package final class BoltServer: Sendable {
  /// Limits and security settings.
  package struct Configuration: Sendable {
    package var host = "127.0.0.1"
    package var port = 7687
    /// The users who may log in; nil turns authentication off.
    package var users: UserStore?
    package var maxConnections = 256
    package var maxMessageBytes = 16 << 20
    /// The longest a statement may run; nil for no limit.
    package var queryTimeout: Duration?
    /// A connection that sends nothing for this long while no statement runs is closed.
    package var idleTimeout: Duration? = .seconds(3600)
    package var failedLoginDelay: Duration = .seconds(1)
    /// PEM files of the certificate chain and private key; with both, clients must use TLS.
    package var tlsCertificatePath: String?
    package var tlsKeyPath: String?

    package init() {}
  }

  private let group: MultiThreadedEventLoopGroup
  private let channel: any Channel
  /// The address the server listens on (with the port the system chose for port 0).
  package let localAddress: SocketAddress

  /// The port the server listens on.
  package var port: Int { localAddress.port ?? 0 }

  /// Binds the listener and starts accepting connections.
  /// - Throws: NIO's error when the address cannot be bound.
  package init(database: Database, configuration: Configuration) throws {
    ServerProcedures.register(on: database)
    let tls = try Self.tlsContext(configuration)
    let ids = SharedCounter()
    let limits = configuration
    let listener = try Listener(
      host: configuration.host, port: configuration.port, maxConnections: configuration.maxConnections, tls: tls,
      idleTimeout: configuration.idleTimeout
    ) { channel, onClose in
      // The address this client reached the server on, for ROUTE answers.
      let local = channel.localAddress
      let advertised = "\(local?.ipAddress ?? limits.host):\(local?.port ?? limits.port)"
      let context = BoltServerContext(
        database: database, users: limits.users, queryTimeout: limits.queryTimeout,
        advertisedAddress: advertised, failedLoginDelay: limits.failedLoginDelay)
      let sync = channel.pipeline.syncOperations
      try sync.addHandler(ByteToMessageHandler(BoltFrameDecoder(maxMessageBytes: limits.maxMessageBytes)))
      try sync.addHandler(BoltChannelHandler(context: context, connectionID: ids.add(1), onClose: onClose))
    }
    group = listener.group
    channel = listener.channel
    localAddress = listener.localAddress
  }

  /// The TLS context for the configured certificate and key, or nil without them.
  /// - Throws: NIOSSL's error when a file cannot be read or the key does not fit.
  private static func tlsContext(_ configuration: Configuration) throws -> NIOSSLContext? {
    try tlsContext(certificatePath: configuration.tlsCertificatePath, keyPath: configuration.tlsKeyPath)
  }

  /// The TLS context for a PEM certificate chain and key, or nil without them (the HTTP server
  /// uses it too).
  /// - Throws: NIOSSL's error when a file cannot be read or the key does not fit.
  static func tlsContext(certificatePath: String?, keyPath: String?) throws -> NIOSSLContext? {
    guard let certificatePath, let keyPath else { return nil }
    let chain = try NIOSSLCertificate.fromPEMFile(certificatePath).map { NIOSSLCertificateSource.certificate($0) }
    let key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
    return try NIOSSLContext(configuration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key)))
  }

  /// Blocks until the server is shut down.
  package func wait() throws { try channel.closeFuture.wait() }

  /// Stops listening, closes every connection and stops the event loops.
  package func shutdown() throws {
    try? channel.close().wait()
    try group.syncShutdownGracefully()
  }
}

/// Moves bytes between one socket and its `BoltConnection`: answers the handshake, then hands
/// each message to the connection's worker queue, in order.
final class BoltChannelHandler: ChannelInboundHandler {
  typealias InboundIn = BoltInbound
  typealias OutboundOut = ByteBuffer

  private let serverContext: BoltServerContext
  private let connectionID: Int
  private let onClose: @Sendable () -> Void
  private var connection: BoltConnection?
  private let queue: DispatchQueue
  /// Batches of messages queued or running; the idle timer closes only a connection with none.
  private let busy = SharedCounter()
  /// Messages of the current read, handed to the worker together when the read completes.
  private var arrived: [ByteBuffer] = []

  init(context: BoltServerContext, connectionID: Int, onClose: @escaping @Sendable () -> Void) {
    self.serverContext = context
    self.connectionID = connectionID
    self.onClose = onClose
    self.queue = DispatchQueue(label: "quiver.bolt.\(connectionID)")
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .proposals(let proposals):
      switch BoltHandshake.answer(proposals) {
      case .version(let version):
        reply(context, version.wire)
        start(version, context)
      case .manifest(let bytes):
        reply(context, bytes)
      case .none:
        reply(context, [0, 0, 0, 0])
        context.close(promise: nil)
      }
    case .chosen(let wire):
      guard let version = BoltHandshake.chosen(wire) else {
        context.close(promise: nil)
        return
      }
      start(version, context)
    case .message(let message):
      guard let connection else {
        context.close(promise: nil)
        return
      }
      if BoltRequest.isReset(message) { connection.interrupt() }
      // Held until the read ends, so that a pipelined batch (RUN and PULL of one round trip)
      // costs one hand-over to the worker and one write.
      arrived.append(message)
    }
  }

  func channelReadComplete(context: ChannelHandlerContext) {
    defer { context.fireChannelReadComplete() }
    guard let connection, !arrived.isEmpty else { return }
    let messages = arrived
    arrived = []
    let channel = context.channel
    busy.add(1)
    let busy = self.busy
    queue.async {
      var keep = true
      for message in messages where keep { keep = connection.handle(message, flushing: false) }
      // Responses wait while later batches are queued (one write for what is pipelined).
      if busy.add(-1) == 0 || !keep { connection.flush() }
      if !keep { channel.close(promise: nil) }
    }
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if event is IdleStateHandler.IdleStateEvent, busy.value == 0, arrived.isEmpty {
      context.close(promise: nil)
      return
    }
    context.fireUserInboundEventTriggered(event)
  }

  func channelInactive(context: ChannelHandlerContext) {
    if let connection {
      connection.cancelForDisconnect()
      queue.async { connection.close() }
    }
    connection = nil
    onClose()
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    // Garbage, an oversized message or a reset socket: this connection ends, nothing else.
    context.close(promise: nil)
  }

  private func reply(_ context: ChannelHandlerContext, _ bytes: [UInt8]) {
    context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: bytes)), promise: nil)
  }

  private func start(_ version: BoltVersion, _ context: ChannelHandlerContext) {
    let channel = context.channel
    connection = BoltConnection(version: version, context: serverContext, connectionID: connectionID) { buffer in
      let written = channel.writeAndFlush(buffer)
      // Back-pressure: a client that reads slowly makes the statement wait, not the server's
      // memory grow.
      if !channel.isWritable { try? written.wait() }
    }
  }
}

/// A counter shared between threads and closures.
final class SharedCounter: Sendable {
  private let atomic = Atomic<Int>(0)

  /// Adds `delta` and returns the new value.
  @discardableResult
  func add(_ delta: Int) -> Int { atomic.add(delta, ordering: .sequentiallyConsistent).newValue }

  var value: Int { atomic.load(ordering: .sequentiallyConsistent) }
}
