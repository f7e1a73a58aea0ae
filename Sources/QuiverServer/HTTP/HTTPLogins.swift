// Browser logins of the HTTP server: a successful `POST /login` makes a random session token
// (sent back as an HttpOnly, SameSite=Strict cookie) and a second random CSRF token that the
// console must echo in `X-Quiver-CSRF` on every state-changing request. Kept in memory only:
// a restart logs everyone out.
import Foundation
import GraphCore

/// The logged-in browser sessions of one server.
package final class HTTPLogins: Sendable {
  /// One login.
  package struct Login: Sendable {
    /// Who logged in.
    package let user: String
    /// The token state-changing requests must echo in `X-Quiver-CSRF`.
    package let csrf: String
    /// When the login ends.
    package let expires: ContinuousClock.Instant
  }

  /// How long a login lasts.
  private let lifetime: Duration
  /// At most this many logins; the oldest is dropped to make room.
  private let capacity: Int
  private let logins = Locked<[String: Login]>([:])

  /// An empty table of logins lasting `lifetime`, at most `capacity` of them.
  package init(lifetime: Duration = .seconds(12 * 3600), capacity: Int = 10_000) {
    self.lifetime = lifetime
    self.capacity = capacity
  }

  /// Records a login of `user`; returns its session token and CSRF token.
  package func create(user: String) -> (token: String, login: Login) {
    let token = Self.randomToken()
    let login = Login(user: user, csrf: Self.randomToken(), expires: .now + lifetime)
    logins.withLock { table in
      let now = ContinuousClock.now
      table = table.filter { $0.value.expires > now }
      if table.count >= capacity, let oldest = table.min(by: { $0.value.expires < $1.value.expires }) {
        table[oldest.key] = nil
      }
      table[token] = login
    }
    return (token, login)
  }

  /// The live login of `token`, if any.
  package func login(_ token: String) -> Login? {
    logins.withLock { table in
      guard let login = table[token] else { return nil }
      guard login.expires > .now else {
        table[token] = nil
        return nil
      }
      return login
    }
  }

  /// Ends the login of `token`.
  package func remove(_ token: String) { _ = logins.withLock { $0.removeValue(forKey: token) } }

  /// 32 random bytes as hex, from the system's secure generator.
  package static func randomToken() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
  }
}
