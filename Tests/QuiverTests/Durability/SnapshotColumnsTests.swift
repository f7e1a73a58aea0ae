// Snapshots of format version 2, which hold the relationship table as columns: a graph written and
// reopened has the same nodes, relationships, properties (of every column kind, with holes left
// by deletions), adjacency and index answers; the log replays on top of such a snapshot; a
// version-1 snapshot still opens; and damaged column entries give a clear error.
import Foundation
import Quiver
import Testing

@Suite struct SnapshotColumnsTests {
  /// Relationships of two types over more than one run of 65,536 ids, with integer, float,
  /// string, boolean, list and mixed-kind properties, deleted relationships and nodes, and
  /// removed values.
  private func populate(_ db: Database) throws {
    _ = try db.execute("CREATE INDEX n_k FOR (n:N) ON (n.k)")
    _ = try db.execute("CREATE INDEX r_w FOR ()-[r:A]-() ON (r.w)")
    _ = try db.execute("UNWIND range(0, 299) AS i CREATE (:N {k: i, name: 'n' + i})")
    _ = try db.execute(
      "UNWIND range(0, 65999) AS i MATCH (a:N {k: i % 300}), (b:N {k: (i * 7) % 300}) CREATE (a)-[:A {w: i, f: i * 0.5}]->(b)")
    _ = try db.execute("MATCH (a:N) WHERE a.k < 50 CREATE (a)-[:B {s: 'x' + a.k, flag: a.k % 2 = 0, l: [a.k, 1]}]->(a)")
    _ = try db.execute("MATCH ()-[r:B]->() SET r.mixed = CASE WHEN r.flag THEN 1 ELSE 'one' END")
    _ = try db.execute("MATCH ()-[r:A]->() WHERE r.w % 1000 = 7 DELETE r")
    _ = try db.execute("MATCH ()-[r:A]->() WHERE r.w % 5000 = 11 REMOVE r.f")
    _ = try db.execute("MATCH (n:N {k: 299}) DETACH DELETE n")
  }

  /// The rows of `query` with each value in its canonical text (values are compared so).
  private func rows(_ db: Database, _ query: String) throws -> [[String]] {
    try db.execute(query).rows.map { $0.map(canonical) }
  }

  /// Each sample node's relationships in both directions (type, id, far end), and its degree.
  private func adjacency(_ db: Database) throws -> [String] {
    var out: [String] = []
    for k in [0, 1, 7, 150, 298] {
      let p: [String: Value] = ["k": .int(Int64(k))]
      for pattern in ["(n)-[r]->(m)", "(n)<-[r]-(m)"] {
        let rows = try db.execute("MATCH \(pattern) WHERE n.k = $k RETURN type(r), id(r), m.k ORDER BY id(r)", parameters: p).rows
        out.append("\(k) \(pattern): " + rows.map { $0.map(canonical).joined(separator: ",") }.joined(separator: " "))
      }
      let degree = try db.execute("MATCH (n:N {k: $k}) RETURN COUNT { (n)--() }", parameters: p).rows
      out.append("\(k) degree \(degree)")
    }
    return out
  }

  @Test func graphOfColumnsRoundTripsValueByValue() throws {
    let dir = try ScratchDirectory()
    let (expected, neighbours): (String, [String])
    do {
      let db = try Database(path: dir.path)
      try populate(db)
      try db.checkpoint()
      (expected, neighbours) = (try dump(db), try adjacency(db))
      #expect(db.counts.relationships == 66_000 - 66 - 440 + 50)
    }
    let snapshot = try dir.read("snapshot")
    #expect(snapshot[8] == 2)
    let db = try Database(path: dir.path)
    #expect(try dump(db) == expected)
    #expect(try adjacency(db) == neighbours)
    #expect(db.consistencyViolations.isEmpty)
    #expect(try db.execute("MATCH (n:N {k: 0})-[:A]->() RETURN count(*)").rows[0][0].intValue == 220)
    // Index seeks answer from the rebuilt indexes.
    #expect(try rows(db, "MATCH (n:N {k: 42}) RETURN n.name") == [[canonical(.string("n42"))]])
    let seek = try db.execute("MATCH (a)-[r:A]->(b) WHERE r.w = 12345 RETURN a.k, b.k, r.f").rows
    #expect(seek.count == 1)
    #expect(seek.first?.map(canonical) == ["i45", "i\(12345 * 7 % 300)", canonical(.float(6172.5))])
    #expect(try rows(db, "MATCH ()-[r:A]->() WHERE r.w = 5011 RETURN r.f, r.w") == [["null", "i5011"]])
    let mixed = try rows(db, "MATCH (a:N)-[r:B]->() WHERE a.k IN [2, 3] RETURN r.mixed, r.flag, r.l ORDER BY a.k")
    let expectedMixed: [[Value]] = [
      [.int(1), .bool(true), .list([.int(2), .int(1)])], [.string("one"), .bool(false), .list([.int(3), .int(1)])],
    ]
    #expect(mixed == expectedMixed.map { $0.map(canonical) })
  }

  @Test func logReplaysOnTopOfAColumnSnapshot() throws {
    let dir = try ScratchDirectory()
    var expected = ""
    do {
      let db = try Database(path: dir.path)
      try populate(db)
      try db.checkpoint()
    }
    do {
      let db = try Database(path: dir.path)
      _ = try db.execute("MATCH (a:N {k: 3}), (b:N {k: 4}) CREATE (a)-[:A {w: -1, f: 0.25}]->(b), (b)-[:C {note: 'new type'}]->(a)")
      _ = try db.execute("MATCH ()-[r:A]->() WHERE r.w IN [100, 65999] DELETE r")
      _ = try db.execute("MATCH ()-[r:A]->() WHERE r.w = 200 SET r.f = 'now a string', r.extra = true")
      _ = try db.execute("MATCH (n:N {k: 5}) DETACH DELETE n")
      expected = try dump(db)
    }
    #expect(try dir.read("wal").count > 16)
    let db = try Database(path: dir.path)
    #expect(db.recoveryWarnings.isEmpty)
    #expect(try dump(db) == expected)
    #expect(db.consistencyViolations.isEmpty)
    #expect(try rows(db, "MATCH ()-[r:A]->() WHERE r.w = 200 RETURN r.f, r.extra") == [[canonical(.string("now a string")), "true"]])
    #expect(try rows(db, "MATCH (n:N {k: 4})-[:C]->(m) RETURN m.k") == [["i3"]])
  }

  /// A snapshot written by format version 1 (five :Person nodes, six KNOWS relationships with
  /// `since` and `weight`, an index on Person.id), as Quiver wrote it before version 2.
  private static let versionOne =
    "UVVJVlNOQVABAAAAmj4zPUEBAABfwFkCAQIAAAAAAAAABQYFBgIBBlBlcnNvbgEFS05PV1MGAmlkBG5hbWUDYWdlBGNpdHkFc2luY2UGd2VpZ2h0AwABAAQBAwACBQNBbm4DAzwEBQRPc2xvAwEBAAQBAwICBQJCbwMDUgQFBFJvbWUDAgEABAEDBAIFAkN5AwMyBAUETGltYQMDAQAEAQMGAgUCRGkDA2gEBQRQdW5lAwQBAAQBAwgCBQJFZAMDJgQFBEt5aXYEAAAAAQIFA7QfBgQAAAAAAADgPwQBAAACAgUDth8GBAAAAAAAAPQ/BAIAAQICBQO4HwYEAAAAAAAA6D8EAwACAAIFA7ofBgQAAAAAAAAAQAQEAAMDAgUDvB8GBAAAAAAAAMA/BAUABAACBQO+HwYEAAAAAAAADEAFCXBlcnNvbl9pZAAGUGVyc29uAQJpZAAH"

  @Test func versionOneSnapshotStillOpens() throws {
    let dir = try ScratchDirectory()
    let bytes = [UInt8](try #require(Data(base64Encoded: Self.versionOne)))
    #expect(bytes[8] == 1)
    try dir.write("snapshot", bytes)
    var expected = ""
    do {
      let db = try Database(path: dir.path)
      #expect(db.counts.nodes == 5 && db.counts.relationships == 6)
      let known: [[Value]] = [[.string("Bo"), .int(2010), .float(0.5)], [.string("Cy"), .int(2011), .float(1.25)]]
      #expect(try rows(db, "MATCH (a:Person {id: 0})-[r:KNOWS]->(b) RETURN b.name, r.since, r.weight ORDER BY b.id") == known.map { $0.map(canonical) })
      #expect(try rows(db, "MATCH (p:Person {id: 3})-[r]->(q) RETURN id(r), q.city") == [["i4", canonical(.string("Pune"))]])
      #expect(try rows(db, "MATCH (p:Person) WHERE p.id = 4 RETURN p.age, p.city") == [["i19", canonical(.string("Kyiv"))]])
      #expect(try rows(db, "SHOW INDEXES").contains { $0.contains(canonical(.string("person_id"))) })
      #expect(db.consistencyViolations.isEmpty)
      expected = try dump(db)
      try db.checkpoint()
    }
    #expect(try dir.read("snapshot")[8] == 2)
    #expect(try dump(Database(path: dir.path)) == expected)
  }

  /// A small graph's version-2 snapshot, all in one block, and where its first entry of
  /// relationship columns starts.
  private func smallSnapshot() throws -> (ScratchDirectory, [UInt8], columns: Int) {
    let dir = try ScratchDirectory()
    do {
      let db = try Database(path: dir.path)
      _ = try db.execute("UNWIND range(0, 4) AS i CREATE (:P {i: i})")
      _ = try db.execute("MATCH (a:P), (b:P) WHERE b.i = (a.i + 1) % 5 CREATE (a)-[:R {since: a.i}]->(b)")
      try db.checkpoint()
    }
    let bytes = try dir.read("snapshot")
    // Kind 11 (relationship columns), first id 0, five ids; the types' width byte 1 and types 1.
    let pattern: [UInt8] = [11, 0, 5, 1, 1, 1, 1, 1, 1]
    let at = try #require((24..<bytes.count - pattern.count).first { Array(bytes[$0..<$0 + pattern.count]) == pattern })
    return (dir, bytes, at)
  }

  /// `bytes` with the single block's checksum made to match its (changed) contents.
  private func resummed(_ bytes: [UInt8]) -> [UInt8] {
    var out = bytes
    var crc: UInt32 = 0xFFFF_FFFF
    for b in bytes[24...] {
      crc ^= UInt32(b)
      for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
    }
    crc ^= 0xFFFF_FFFF
    for i in 0..<4 { out[20 + i] = UInt8(truncatingIfNeeded: crc >> UInt32(8 * i)) }
    return out
  }

  @Test func damagedColumnEntriesGiveAClearError() throws {
    let (_, bytes, at) = try smallSnapshot()
    // Each column is a width byte and five one-byte values: starts from at + 9, ends from at + 15,
    // positions from at + 21; the first property run from at + 27 (kind, type, key, run kind).
    let damages: [(offset: Int, byte: UInt8, message: String)] = [
      (at + 3, 3, "packed width 3 is not 0, 1, 2, 4 or 8"),
      (at + 4, 9, "relationship 0 has type 8, beyond the name table"),
      (at + 10, 200, "relationship 0 joins a node that does not exist"),
      (at + 23, 0, "relationship 1 has position 0 out of order"),
      (at + 1, 64, "number 64 out of range"),
      (at + 30, 9, "unknown kind of property values"),
    ]
    for damage in damages {
      var damaged = bytes
      damaged[damage.offset] = damage.byte
      let copy = try ScratchDirectory()
      try copy.write("snapshot", resummed(damaged))
      #expect(performing: { _ = try Database(path: copy.path) }, throws: {
        guard let e = $0 as? QuiverError else { return false }
        return e.code == .corruptSnapshot && e.message.contains(copy.path + "/snapshot") && e.message.contains("byte offset")
          && e.message.contains(damage.message)
      })
    }
    // Undamaged, the same bytes open.
    let copy = try ScratchDirectory()
    try copy.write("snapshot", resummed(bytes))
    #expect(try Database(path: copy.path).counts.relationships == 5)
  }
}
