// What every connection of one server shares: the database, the users (or none), the bookmark
// counter, the limits and the address the server tells routing drivers to use.
import Quiver
import Synchronization

/// Server-wide settings and state handed to each `BoltConnection`.
package struct BoltServerContext: Sendable {
  package let database: Database
  /// The users who may log in; nil when authentication is off.
  package let users: UserStore?
  package let bookmarks: BookmarkClock
  /// The longest a statement may run; a client's `tx_timeout` may only shorten it.
  package let queryTimeout: Duration?
  /// `host:port` for ROUTE answers when the client did not say which address it dialled.
  package let advertisedAddress: String
  /// How long a failed login waits before its FAILURE, to slow down guessing.
  package let failedLoginDelay: Duration

  package init(
    database: Database, users: UserStore?, queryTimeout: Duration? = nil, advertisedAddress: String,
    failedLoginDelay: Duration = .seconds(1)
  ) {
    self.database = database
    self.users = users
    self.bookmarks = BookmarkClock()
    self.queryTimeout = queryTimeout
    self.advertisedAddress = advertisedAddress
    self.failedLoginDelay = failedLoginDelay
  }
}

/// Bookmarks: a counter that grows with every commit, so each bookmark names a later state.
/// One server holds one database, so a bookmark is satisfied as soon as it is handed out.
package final class BookmarkClock: Sendable {
  private let counter = Atomic<Int>(0)

  package init() {}

  /// The bookmark of a commit made now.
  package func advance() -> String { "quiver:\(counter.add(1, ordering: .relaxed).newValue)" }
}
