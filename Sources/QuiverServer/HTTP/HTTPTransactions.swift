// The explicit transactions of the HTTP API (the Query API's `/query/v2/tx` and the older
// `/tx`): each is a library `Session` with an open transaction, a random id that only its owner
// may use, and an expiry that every request renews. Expired transactions are rolled back by
// `sweep()`, which the server calls every second, so an abandoned one never holds the writer.
import Foundation
import GraphCore
import Quiver

/// One open HTTP transaction.
package final class HTTPTransaction: @unchecked Sendable {
  /// The random id in the transaction's URL.
  package let id: String
  /// The user who opened it (nil when authentication is off); nobody else may use it.
  package let owner: String?
  /// The session holding the transaction; used under `lock` only.
  let session: Session
  /// Held while a request uses the session, so two requests on one transaction take turns.
  let lock = NSLock()

  init(id: String, owner: String?, session: Session) {
    self.id = id
    self.owner = owner
    self.session = session
  }
}

/// Open transactions by id, with their expiry times.
package final class HTTPTransactions: Sendable {
  /// How long a transaction lives after its last request.
  package let lifetime: Duration
  /// At most this many open at once; more are refused.
  private let capacity: Int
  private let table = Locked<[String: (transaction: HTTPTransaction, expires: ContinuousClock.Instant)]>([:])

  /// An empty table whose transactions live `lifetime` after their last request.
  package init(lifetime: Duration = .seconds(60), capacity: Int = 1000) {
    self.lifetime = lifetime
    self.capacity = capacity
  }

  /// Registers an open transaction of `owner`.
  /// - Throws: `BoltFailure` when too many are open.
  func add(_ session: Session, owner: String?) throws -> HTTPTransaction {
    let transaction = HTTPTransaction(id: HTTPLogins.randomToken().prefix(24).description, owner: owner, session: session)
    try table.withLock { table in
      guard table.count < capacity else {
        throw BoltFailure(
          code: "Neo.TransientError.Transaction.MaximumTransactionLimitReached",
          message: "\(capacity) transactions are open; commit or roll back one first", gqlStatus: "50N42")
      }
      table[transaction.id] = (transaction, .now + lifetime)
    }
    return transaction
  }

  /// The transaction `id` when `owner` opened it and it has not expired; renews its expiry.
  func find(_ id: String, owner: String?) -> HTTPTransaction? {
    table.withLock { table in
      guard let entry = table[id], entry.transaction.owner == owner, entry.expires > .now else { return nil }
      table[id] = (entry.transaction, .now + lifetime)
      return entry.transaction
    }
  }

  /// When transaction `id` expires, for responses.
  func expiry(_ id: String) -> ContinuousClock.Instant? { table.withLock { $0[id]?.expires } }

  /// Forgets transaction `id` (after its commit or rollback).
  func remove(_ id: String) { _ = table.withLock { $0.removeValue(forKey: id) } }

  /// Number of open transactions.
  package var count: Int { table.withLock { $0.count } }

  /// Rolls back and forgets every expired transaction that no request is using now.
  package func sweep() {
    let now = ContinuousClock.now
    let expired: [HTTPTransaction] = table.withLock { table in
      let old = table.values.filter { $0.expires <= now }.map(\.transaction)
      var taken: [HTTPTransaction] = []
      for transaction in old where transaction.lock.try() {
        table[transaction.id] = nil
        taken.append(transaction)
      }
      return taken
    }
    for transaction in expired {
      transaction.session.reset()
      transaction.lock.unlock()
    }
  }
}
