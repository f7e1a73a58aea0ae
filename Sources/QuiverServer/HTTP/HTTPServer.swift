// The HTTP server: a SwiftNIO listener whose connections each get NIO's HTTP/1.1 codec (with
// header size limits), a body aggregator that answers 413 past the body limit, an idle timer,
// and an `HTTPChannelHandler` that runs requests on the connection's worker queue through the
// `HTTPRouter`. `quiver serve --http` starts one beside (or instead of) the Bolt server.
import Dispatch
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Quiver

/// A running HTTP server (Query API, transactional endpoint and console) over one database.
package final class HTTPServer: Sendable {
  /// Limits and security settings; users, TLS files and the query timeout are Bolt's.
  package struct Configuration: Sendable {
    /// The address to listen on: loopback unless asked otherwise.
    package var host = "127.0.0.1"
    /// The port; 0 lets the system choose.
    package var port = 7474
    /// The users who may log in; nil turns authentication off.
    package var users: UserStore?
    /// Connections served at once; more are closed on accept.
    package var maxConnections = 256
    /// The largest request body, in bytes; larger ones get 413.
    package var maxBodyBytes = 16 << 20
    /// The largest header block, in bytes; larger ones get 400 and the connection closes.
    package var maxHeaderBytes = 16 << 10
    /// The longest a statement may run; nil for no limit.
    package var queryTimeout: Duration?
    /// A connection that sends nothing for this long while no request runs is closed.
    package var idleTimeout: Duration = .seconds(30)
    /// How long an explicit transaction lives after its last request.
    package var transactionLifetime: Duration = .seconds(60)
    /// How long a failed login waits before its answer.
    package var failedLoginDelay: Duration = .seconds(1)
    /// PEM files of the certificate chain and private key; with both, clients must use HTTPS.
    package var tlsCertificatePath: String?
    /// The PEM private key of `tlsCertificatePath`.
    package var tlsKeyPath: String?
    /// Nodes the console draws at most.
    package var consoleNodeLimit = 300

    /// The defaults.
    package init() {}
  }

  private let group: MultiThreadedEventLoopGroup
  private let channel: any Channel
  /// The state shared by all requests (exposed for tests).
  package let context: HTTPServerContext
  /// The address the server listens on (with the port the system chose for port 0).
  package let localAddress: SocketAddress

  /// The port the server listens on.
  package var port: Int { localAddress.port ?? 0 }

  /// Binds the listener and starts accepting connections.
  /// - Throws: NIO's error when the address cannot be bound, NIOSSL's for unusable TLS files.
  package init(database: Database, configuration: Configuration) throws {
    ServerProcedures.register(on: database)
    let tls = try BoltServer.tlsContext(certificatePath: configuration.tlsCertificatePath, keyPath: configuration.tlsKeyPath)
    let loopback = configuration.host == "localhost" || configuration.host == "::1" || configuration.host.hasPrefix("127.")
    let context = HTTPServerContext(
      database: database, users: configuration.users, queryTimeout: configuration.queryTimeout,
      failedLoginDelay: configuration.failedLoginDelay, tls: tls != nil, loopbackOnly: loopback,
      transactionLifetime: configuration.transactionLifetime, consoleNodeLimit: configuration.consoleNodeLimit)
    let router = HTTPRouter(context: context)
    let ids = SharedCounter()
    let limits = configuration
    var decoderLimits = NIOHTTPDecoderLimitConfiguration()
    decoderLimits.maxHeaderFieldSize = configuration.maxHeaderBytes
    decoderLimits.maxHeaderListSize = configuration.maxHeaderBytes
    decoderLimits.maxHeaderFieldCount = 200
    let headerLimits = decoderLimits
    let listener = try Listener(
      host: configuration.host, port: configuration.port, maxConnections: configuration.maxConnections, tls: tls,
      idleTimeout: configuration.idleTimeout
    ) { channel, onClose in
      let sync = channel.pipeline.syncOperations
      try sync.configureHTTPServerPipeline(
        withEncoderConfiguration: HTTPResponseEncoder.Configuration(), withDecoderLimitConfiguration: headerLimits)
      try sync.addHandler(NIOHTTPServerRequestAggregator(maxContentLength: limits.maxBodyBytes))
      try sync.addHandler(HTTPChannelHandler(router: router, connectionID: ids.add(1), onClose: onClose))
    }
    group = listener.group
    channel = listener.channel
    self.context = context
    localAddress = listener.localAddress
    let transactions = context.transactions
    group.next().scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { _ in
      DispatchQueue.global().async { transactions.sweep() }
    }
  }

  /// Blocks until the server is shut down.
  package func wait() throws { try channel.closeFuture.wait() }

  /// Stops listening, closes every connection and stops the event loops.
  package func shutdown() throws {
    try? channel.close().wait()
    try group.syncShutdownGracefully()
  }
}
