// The transactions of a Bolt connection: BEGIN, COMMIT and ROLLBACK over the library `Session`,
// ROUTE's single-server routing table, the database a message names, and the time limit a
// client's `tx_timeout` sets beside the server's.
import Foundation
import NIOCore
import Quiver

extension BoltConnection {

  func begin(_ extra: [String: PackValue]) {
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

  func finishTransaction(commit: Bool) {
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
  func route(_ routing: [String: PackValue], _ database: String?) {
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
  func checkDatabase(_ name: PackValue?) throws {
    guard let name = name?.string else { return }
    guard name == "neo4j" || name == "system" else { throw BoltFailure.databaseNotFound(name) }
  }

  /// The server's query timeout, shortened by the client's `tx_timeout` (milliseconds), and
  /// whether the client's is the one that applies.
  func limit(_ extra: [String: PackValue]) -> (Duration?, fromClient: Bool) {
    guard let ms = extra["tx_timeout"]?.int, ms > 0 else { return (context.queryTimeout, false) }
    let asked = Duration.milliseconds(ms)
    guard let server = context.queryTimeout, server <= asked else { return (asked, true) }
    return (server, false)
  }

  static func milliseconds(_ d: Duration) -> Int64 {
    d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
  }
}
