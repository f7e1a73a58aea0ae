// Salted, slow password hashes: PBKDF2 with HMAC-SHA256 (RFC 8018) over swift-crypto's HMAC,
// many iterations so that a stolen users file is expensive to attack, compared in constant time.
import Crypto
import Foundation

/// A stored password: the salt, the iteration count and the derived key.
package struct PasswordHash: Codable, Sendable, Hashable {
  /// Iterations for new hashes (OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600 000; this
  /// keeps a login under a second on a slow machine while staying costly to brute-force).
  package static let defaultIterations = 210_000

  package let salt: [UInt8]
  package let iterations: Int
  package let key: [UInt8]

  /// A new hash of `password` with a fresh random 16-byte salt.
  package init(password: String, iterations: Int = PasswordHash.defaultIterations) {
    var generator = SystemRandomNumberGenerator()
    let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    self.init(salt: salt, iterations: iterations, key: Self.pbkdf2(Array(password.utf8), salt: salt, iterations: iterations))
  }

  package init(salt: [UInt8], iterations: Int, key: [UInt8]) {
    self.salt = salt
    self.iterations = iterations
    self.key = key
  }

  /// Whether `password` is the one hashed, compared without an early exit.
  package func matches(_ password: String) -> Bool {
    let candidate = Self.pbkdf2(Array(password.utf8), salt: salt, iterations: iterations, length: key.count)
    guard candidate.count == key.count else { return false }
    return zip(candidate, key).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
  }

  /// PBKDF2-HMAC-SHA256 of `password` and `salt`: `length` bytes. HMAC is computed from the two
  /// SHA-256 states left after absorbing the padded key, copied for every iteration, which
  /// halves the hashing work of calling HMAC afresh.
  package static func pbkdf2(_ password: [UInt8], salt: [UInt8], iterations: Int, length: Int = 32) -> [UInt8] {
    var key = password.count > 64 ? Array(SHA256.hash(data: password)) : password
    key += [UInt8](repeating: 0, count: 64 - key.count)
    var innerStart = SHA256()
    innerStart.update(data: key.map { $0 ^ 0x36 })
    var outerStart = SHA256()
    outerStart.update(data: key.map { $0 ^ 0x5C })
    func mac(_ message: [UInt8]) -> [UInt8] {
      var inner = innerStart
      inner.update(data: message)
      var outer = outerStart
      outer.update(data: Array(inner.finalize()))
      return Array(outer.finalize())
    }
    var output: [UInt8] = []
    var block: UInt32 = 1
    while output.count < length {
      var u = mac(salt + withUnsafeBytes(of: block.bigEndian) { Array($0) })
      var t = u
      for _ in 1..<max(iterations, 1) {
        u = mac(u)
        for i in 0..<t.count { t[i] ^= u[i] }
      }
      output += t
      block += 1
    }
    return Array(output.prefix(length))
  }
}
