// Damaged files: a write-ahead log cut at every byte offset recovers the longest whole prefix of
// transactions (with a warning) and opens cleanly afterwards; flipped bytes in the log or the
// snapshot, a cut snapshot, or files of a newer format version end in a clear IOError naming the
// file and offset, or in recovery of a prefix of the history — never a crash or another graph.
import Foundation
import Quiver
import Testing

@Suite struct CorruptionTests {
  /// A directory whose log holds a few transactions, and the graph dump after each prefix.
  private func history() throws -> (ScratchDirectory, states: [String]) {
    let dir = try ScratchDirectory()
    let db = try Database(path: dir.path)
    var states = [try dump(db)]
    let statements = [
      "CREATE (:P {name: 'Ann', born: date('1990-05-01')})",
      "CREATE INDEX p_name FOR (p:P) ON (p.name)",
      "MATCH (a:P) CREATE (a)-[:KNOWS {since: 2020}]->(:P {name: 'Bo', w: -0.0})",
      "MATCH (p:P {name: 'Ann'}) SET p.name = 'Anna', p:Admin",
      "MATCH (p:P {name: 'Bo'}) DETACH DELETE p",
    ]
    for s in statements {
      _ = try db.execute(s)
      states.append(try dump(db))
    }
    return (dir, states)
  }

  /// Byte offsets at which the log's records end (the header's end first).
  private func recordEnds(_ log: [UInt8]) -> [Int] {
    var ends = [16]
    var pos = 16
    while pos + 8 <= log.count {
      let length = Int(log[pos]) | Int(log[pos + 1]) << 8 | Int(log[pos + 2]) << 16 | Int(log[pos + 3]) << 24
      pos += 8 + length
      ends.append(pos)
    }
    return ends
  }

  /// Opens a copy of the directory whose `name` file is replaced by `bytes`.
  private func open(copying dir: ScratchDirectory, _ name: String, _ bytes: [UInt8]) throws -> (Database, ScratchDirectory) {
    let copy = try ScratchDirectory()
    for file in ["snapshot", "wal"] where FileManager.default.fileExists(atPath: dir.file(file)) {
      try copy.write(file, try dir.read(file))
    }
    try copy.write(name, bytes)
    return (try Database(path: copy.path), copy)
  }

  private func isClearError(_ error: any Error, naming file: String) -> Bool {
    guard let e = error as? QuiverError else { return false }
    return e.category == .io && e.message.contains(file) && e.message.contains("byte offset")
  }

  @Test func logCutAtEveryOffsetRecoversTheWholeRecords() throws {
    let (dir, states) = try history()
    let log = try dir.read("wal")
    let ends = recordEnds(log)
    #expect(ends.count == states.count && ends.last == log.count)
    for cut in 0...log.count {
      var expected = ""
      let copy: ScratchDirectory
      do {
        let (db, scratch) = try open(copying: dir, "wal", Array(log[0..<cut]))
        copy = scratch
        let whole = ends.lastIndex { $0 <= cut } ?? 0
        #expect(try dump(db) == states[whole], "cut at \(cut)")
        #expect(db.recoveryWarnings.isEmpty == (ends.contains(cut) || cut == 0), "cut at \(cut): \(db.recoveryWarnings)")
        #expect(db.consistencyViolations.isEmpty)
        _ = try db.execute("CREATE (:After)")
        expected = try dump(db)
      }
      let reopened = try Database(path: copy.path)
      #expect(reopened.recoveryWarnings.isEmpty, "cut at \(cut)")
      #expect(try dump(reopened) == expected, "cut at \(cut)")
    }
  }

  @Test func flippedLogBytesGiveAnErrorOrAPrefix() throws {
    let (dir, states) = try history()
    let log = try dir.read("wal")
    var errors = 0, recovered = 0
    for offset in 0..<log.count {
      var bytes = log
      bytes[offset] ^= 0x5A
      do {
        let (db, _) = try open(copying: dir, "wal", bytes)
        let graph = try dump(db)
        #expect(states.dropLast().contains(graph), "flip at \(offset) gave another graph")
        #expect(!db.recoveryWarnings.isEmpty, "flip at \(offset) recovered silently")
        recovered += 1
      } catch {
        #expect(isClearError(error, naming: "wal"), "flip at \(offset): \(error)")
        errors += 1
      }
    }
    #expect(errors > 0 && recovered > 0)
  }

  @Test func damagedSnapshotGivesAClearError() throws {
    let (dir, _) = try history()
    let expected: String
    do {
      let db = try Database(path: dir.path)
      try db.checkpoint()
      expected = try dump(db)
    }
    let snapshot = try dir.read("snapshot")
    for offset in 0..<snapshot.count {
      var bytes = snapshot
      bytes[offset] ^= 0x01
      do {
        let (copy, _) = try open(copying: dir, "snapshot", bytes)
        #expect(try dump(copy) == expected, "flip at \(offset) gave another graph")
      } catch {
        #expect(isClearError(error, naming: "snapshot"), "flip at \(offset): \(error)")
      }
    }
    for cut in 0..<snapshot.count {
      #expect(performing: { _ = try open(copying: dir, "snapshot", Array(snapshot[0..<cut])) }, throws: {
        isClearError($0, naming: "snapshot")
      })
    }
  }

  @Test func newerFormatVersionsAreRefused() throws {
    let (dir, _) = try history()
    var log = try dir.read("wal")
    // The first record's payload starts with its format version; re-checksum it.
    let length = Int(log[16]) | Int(log[17]) << 8 | Int(log[18]) << 16 | Int(log[19]) << 24
    log[24] = 9
    let sum = crc32(Array(log[24..<24 + length]))
    for i in 0..<4 { log[20 + i] = UInt8(truncatingIfNeeded: sum >> UInt32(8 * i)) }
    #expect(performing: { _ = try open(copying: dir, "wal", log) }, throws: {
      isClearError($0, naming: "wal") && ($0 as? QuiverError)?.message.contains("newer") == true
    })
    try Database(path: dir.path).checkpoint()
    var snapshot = try dir.read("snapshot")
    snapshot[8] = 9
    let headerSum = crc32(Array(snapshot[0..<12]))
    for i in 0..<4 { snapshot[12 + i] = UInt8(truncatingIfNeeded: headerSum >> UInt32(8 * i)) }
    #expect(performing: { _ = try open(copying: dir, "snapshot", snapshot) }, throws: {
      isClearError($0, naming: "snapshot") && ($0 as? QuiverError)?.message.contains("newer") == true
    })
  }

  /// Bitwise CRC-32 (IEEE), written independently of the one under test.
  private func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for b in bytes {
      crc ^= UInt32(b)
      for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }
}
