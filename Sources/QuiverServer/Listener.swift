// The listening socket both servers (Bolt and HTTP) stand on: an event loop group, a bound
// listener with the same socket options, a cap on open connections, and TLS and the idle timer
// first in every accepted connection's pipeline.
import NIOCore
import NIOPosix
import NIOSSL

/// One bound listener. A connection past `maxConnections` is closed at once; the others get TLS
/// (when given), an idle timer (when given) and then the protocol's own handlers from `pipeline`,
/// which must call the `onClose` it is handed when the connection ends.
struct Listener {
  let group: MultiThreadedEventLoopGroup
  let channel: any Channel
  let localAddress: SocketAddress

  /// Binds `host:port` and starts accepting.
  /// - Throws: NIO's error when the address cannot be bound (the group is shut down then).
  init(
    host: String, port: Int, maxConnections: Int, tls: NIOSSLContext?, idleTimeout: Duration?,
    pipeline: @escaping @Sendable (any Channel, _ onClose: @escaping @Sendable () -> Void) throws -> Void
  ) throws {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: max(2, System.coreCount))
    let open = SharedCounter()
    let bootstrap = ServerBootstrap(group: group)
      .serverChannelOption(.backlog, value: 256)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          guard open.add(1) <= maxConnections else {
            open.add(-1)
            channel.close(promise: nil)
            return
          }
          let sync = channel.pipeline.syncOperations
          if let tls { try sync.addHandler(NIOSSLServerHandler(context: tls)) }
          if let idleTimeout {
            try sync.addHandler(
              IdleStateHandler(readTimeout: .nanoseconds(Int64(BoltConnection.milliseconds(idleTimeout)) * 1_000_000)))
          }
          try pipeline(channel) { open.add(-1) }
        }
      }
    let channel: any Channel
    do {
      channel = try bootstrap.bind(host: host, port: port).wait()
    } catch {
      try? group.syncShutdownGracefully()
      throw error
    }
    guard let address = channel.localAddress else {
      try? group.syncShutdownGracefully()
      throw BoltFramingError("the listener has no local address")
    }
    self.group = group
    self.channel = channel
    localAddress = address
  }
}
