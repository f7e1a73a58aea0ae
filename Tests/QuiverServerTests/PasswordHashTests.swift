// Password hashing: PBKDF2-HMAC-SHA256 against RFC 7914's test vectors, salting, and the users
// file.
import Foundation
import Testing

@testable import QuiverServer

@Suite struct PasswordHashTests {
  func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

  @Test func pbkdf2MatchesRFC7914() {
    // RFC 7914 section 11: PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1, dkLen=64).
    let key = PasswordHash.pbkdf2(Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1, length: 64)
    #expect(
      hex(key)
        == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
    )
    // And c=80000 for P="Password", S="NaCl", first 32 bytes of the RFC's 64.
    let slow = PasswordHash.pbkdf2(Array("Password".utf8), salt: Array("NaCl".utf8), iterations: 80_000, length: 64)
    #expect(hex(Array(slow.prefix(8))) == "4ddcd8f60b98be21")
  }

  @Test func hashesAreSaltedAndVerify() {
    let a = PasswordHash(password: "secret", iterations: 1000)
    let b = PasswordHash(password: "secret", iterations: 1000)
    #expect(a.salt != b.salt)
    #expect(a.key != b.key)
    #expect(a.matches("secret"))
    #expect(!a.matches("Secret"))
  }

  @Test func usersFileKeepsNoPasswords() throws {
    let directory = FileManagerTemp.directory()
    let store = UserStore(directory: directory)
    #expect(!store.hasUsers)
    try store.add(name: "alice", password: "correct horse", iterations: 1000)
    #expect(store.hasUsers)
    #expect(store.verify(name: "alice", password: "correct horse"))
    #expect(!store.verify(name: "alice", password: "wrong"))
    #expect(!store.verify(name: "bob", password: "correct horse"))
    let text = try String(contentsOfFile: store.path, encoding: .utf8)
    #expect(!text.contains("correct horse"))
    let permissions = try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int
    #expect(permissions == 0o600)
  }
}
