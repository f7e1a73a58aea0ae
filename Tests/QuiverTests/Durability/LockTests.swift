// The directory lock: a second open for writing fails at once with an error naming the holder's
// pid — in the same process and from another process — while read-only opens are allowed, and
// the lock is free again once the holder is gone.
import Foundation
import Quiver
import Testing

@Suite struct LockTests {
  private func isLocked(_ error: any Error, by pid: Int32) -> Bool {
    guard let e = error as? QuiverError else { return false }
    return e.category == .io && e.code == .databaseLocked && e.message.contains("process \(pid)")
  }

  @Test func secondOpenInTheSameProcessIsRefused() throws {
    let dir = try ScratchDirectory()
    do {
      let db = try Database(path: dir.path)
      _ = try db.execute("CREATE (:A)")
      #expect(performing: { _ = try Database(path: dir.path) }, throws: { isLocked($0, by: ProcessInfo.processInfo.processIdentifier) })
      let reader = try Database(path: dir.path, readOnly: true)
      #expect(try reader.execute("MATCH (a:A) RETURN count(*)").rows[0][0].intValue == 1)
      _ = try db.execute("CREATE (:A)")
    }
    let db = try Database(path: dir.path)
    #expect(try db.execute("MATCH (a:A) RETURN count(*)").rows[0][0].intValue == 2)
  }

  @Test func secondProcessIsRefused() throws {
    let child = try #require(crashChildExecutable(), "build the quiver-crash-child product first")
    let dir = try ScratchDirectory()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: child)
    process.arguments = [dir.path, "fsync"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    defer {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    var seen = ""
    while !seen.contains("ack 0 1\n") {
      let data = pipe.fileHandleForReading.availableData
      if data.isEmpty { break }
      seen += String(decoding: data, as: UTF8.self)
    }
    #expect(seen.contains("ready"), "\(seen)")
    #expect(performing: { _ = try Database(path: dir.path) }, throws: { isLocked($0, by: process.processIdentifier) })
    let reader = try Database(path: dir.path, readOnly: true)
    #expect(try reader.execute("MATCH (c:Counter) RETURN count(*)").rows[0][0].intValue == 1)
  }
}
