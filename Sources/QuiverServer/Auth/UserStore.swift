// The users a server accepts, kept in `users.json` in the database directory (or a file given
// with --users): names with salted PBKDF2 hashes, never passwords. Read on every login so that
// `quiver user add` takes effect without a restart.
import Crypto
import Foundation
import GraphCore

/// The users file: adding users and checking a login.
package struct UserStore: Sendable {
  /// The file's name inside a database directory.
  package static let fileName = "users.json"

  /// One user in the file.
  struct User: Codable {
    var name: String
    var hash: PasswordHash
  }

  /// The file's content.
  struct File: Codable {
    var users: [User]
  }

  package let path: String
  /// Logins that succeeded since the server started, so a driver's pool of connections pays the
  /// slow hash once rather than per connection.
  private let verified = VerifiedLogins()

  package init(path: String) { self.path = path }

  /// The users file of the database in `directory`.
  package init(directory: String) { self.init(path: (directory as NSString).appendingPathComponent(Self.fileName)) }

  /// Whether the file exists and names at least one user.
  package var hasUsers: Bool { ((try? load())?.users.isEmpty == false) }

  /// Adds `name` with `password`, or replaces that user's password; the file is written with
  /// owner-only permissions.
  package func add(name: String, password: String, iterations: Int = PasswordHash.defaultIterations) throws {
    var file = (try? load()) ?? File(users: [])
    let user = User(name: name, hash: PasswordHash(password: password, iterations: iterations))
    if let index = file.users.firstIndex(where: { $0.name == name }) {
      file.users[index] = user
    } else {
      file.users.append(user)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let data = try encoder.encode(file)
    let url = URL(fileURLWithPath: path)
    try data.write(to: url, options: .atomic)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
  }

  /// Whether `name` exists and `password` is theirs.
  package func verify(name: String, password: String) -> Bool {
    guard let file = try? load(), let user = file.users.first(where: { $0.name == name }) else {
      // Spend the same time as a real check, so a probe cannot tell names from passwords.
      _ = PasswordHash(salt: [0], iterations: PasswordHash.defaultIterations, key: [0]).matches(password)
      return false
    }
    let token = verified.token(name: name, password: password, stored: user.hash.key)
    if verified.contains(token) { return true }
    guard user.hash.matches(password) else { return false }
    verified.insert(token)
    return true
  }

  private func load() throws -> File {
    try JSONDecoder().decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
  }
}

/// Fingerprints of logins that succeeded: HMAC-SHA256 under a key made at start-up of the name,
/// the password and the stored key (so a changed password no longer matches). Kept in memory
/// only.
final class VerifiedLogins: Sendable {
  private let key: [UInt8] = {
    var generator = SystemRandomNumberGenerator()
    return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
  }()
  private let tokens = Locked<Set<Data>>([])

  func token(name: String, password: String, stored: [UInt8]) -> Data {
    var mac = HMAC<SHA256>(key: SymmetricKey(data: key))
    mac.update(data: Array(name.utf8) + [0] + Array(password.utf8) + [0] + stored)
    return Data(mac.finalize())
  }

  func contains(_ token: Data) -> Bool { tokens.withLock { $0.contains(token) } }

  func insert(_ token: Data) { _ = tokens.withLock { $0.insert(token) } }
}
