// Everything a database stores comes back the same after reopening, whether it is replayed from
// the write-ahead log or loaded from a snapshot: every storable value type, deleted-id holes,
// labels, relationships, indexes and constraints, and later changes on top of a snapshot.
import Foundation
import Quiver
import Testing

@Suite struct RoundTripTests {
  /// One value of every storable kind, with the extremes each kind has.
  static let values: [Value] = [
    .bool(true), .bool(false), .int(0), .int(Int64.max), .int(Int64.min), .int(-1),
    .float(0.0), .float(-0.0), .float(.nan), .float(.infinity), .float(-.infinity), .float(.leastNonzeroMagnitude),
    .float(.greatestFiniteMagnitude), .float(1.0 / 3.0),
    .string(""), .string("plain"), .string("ünïcødé 🎉 日本語 \u{0} nul"), .string(String(repeating: "long ", count: 500)),
    .list([]), .list([.int(1), .float(2.5), .string("three"), .bool(true)]),
    .list([.temporal(.date(epochDay: 19000)), .temporal(.duration(months: 1, days: 2, seconds: 3, nanoseconds: 4))]),
    .temporal(.date(epochDay: 0)), .temporal(.date(epochDay: -719_528)), .temporal(.date(epochDay: 2_932_896)),
    .temporal(.localTime(nanoOfDay: 86_399_999_999_999)), .temporal(.time(nanoOfDay: 3_600_000_000_000, offsetSeconds: -18 * 3600)),
    .temporal(.localDateTime(epochDay: 19_500, nanoOfDay: 123_456_789)),
    .temporal(.dateTime(epochDay: 19_812, nanoOfDay: 9_000_000_000_000, offsetSeconds: 7200, zoneID: "Europe/Stockholm")),
    .temporal(.dateTime(epochDay: -1, nanoOfDay: 1, offsetSeconds: 50_400)),
    .temporal(.duration(months: -14, days: 400, seconds: -5, nanoseconds: 999_999_999)),
    .temporal(.duration(months: Int64.max, days: Int64.min, seconds: 0, nanoseconds: 0)),
    .point(.cartesian(x: 1.5, y: -2)), .point(.cartesian(x: 0, y: -0.0, z: .greatestFiniteMagnitude)),
    .point(.wgs84(longitude: 12.564590, latitude: 55.672874)), .point(.wgs84(longitude: -180, latitude: 90, height: -5.25)),
    .list([.point(.cartesian(x: 1, y: 2)), .point(.cartesian(x: 3, y: 4))]),
  ]

  /// Builds a graph with every value, holes from deletions, relationships and schema objects.
  private func populate(_ db: Database) throws {
    _ = try db.execute("CREATE INDEX value_k FOR (n:V) ON (n.k)")
    _ = try db.execute("CREATE INDEX rel_w FOR ()-[r:R]-() ON (r.w)")
    _ = try db.execute("CREATE CONSTRAINT v_id FOR (n:V) REQUIRE n.id IS UNIQUE")
    _ = try db.execute("CREATE CONSTRAINT v_k FOR (n:V) REQUIRE n.k IS NOT NULL")
    for (i, v) in Self.values.enumerated() {
      _ = try db.execute("CREATE (:V:Extra {id: $i, k: $v})", parameters: ["i": .int(Int64(i)), "v": v])
    }
    _ = try db.execute("MATCH (a:V), (b:V) WHERE b.id = a.id + 1 CREATE (a)-[:R {w: a.id * 1.5}]->(b), (b)-[:S]->(a)")
    _ = try db.execute("MATCH (n:V) WHERE n.id % 5 = 2 DETACH DELETE n")
    _ = try db.execute("MATCH (n:V) WHERE n.id % 4 = 1 REMOVE n:Extra SET n.more = 'x', n.k = n.k")
    _ = try db.transaction { tx in
      _ = try tx.execute("CREATE (:T {name: 'in a transaction'})")
      _ = try tx.execute("MATCH (t:T) SET t.n = 1")
    }
    _ = try? db.execute("CREATE (:V {id: 0, k: 1})")  // fails the constraint: not logged
    _ = try db.execute("CREATE INDEX dropped FOR (n:T) ON (n.name)")
    _ = try db.execute("DROP INDEX dropped")
  }

  @Test func graphSurvivesLogReplayAndSnapshot() throws {
    let dir = try ScratchDirectory()
    var expected = ""
    do {
      let db = try Database(path: dir.path)
      try populate(db)
      expected = try dump(db)
      #expect(db.consistencyViolations.isEmpty)
    }
    do {
      let db = try Database(path: dir.path)
      #expect(try dump(db) == expected)
      #expect(db.recoveryWarnings.isEmpty)
      #expect(db.consistencyViolations.isEmpty)
      _ = try db.execute("CALL db.checkpoint()")
    }
    #expect(try dir.read("wal").count == 16)
    do {
      let db = try Database(path: dir.path)
      #expect(try dump(db) == expected)
      // New ids continue after the holes, as they would have without reopening.
      let id = try db.execute("CREATE (n:New) RETURN id(n)").rows[0][0].intValue
      #expect(id == Int64(Self.values.count + 1))
      _ = try db.execute("MATCH (n:V {id: 0}) SET n.k = 'changed after the snapshot'")
      expected = try dump(db)
    }
    let db = try Database(path: dir.path, readOnly: true)
    #expect(try dump(db) == expected)
    #expect(db.consistencyViolations.isEmpty)
    // The constraints still hold after reopening.
    #expect(thrown { _ = try Database(path: dir.path).execute("CREATE (:V {id: 1, k: 2})") } == "ConstraintValidationFailed")
  }

  @Test func valuesComeBackExactly() throws {
    let dir = try ScratchDirectory()
    do {
      let db = try Database(path: dir.path)
      for (i, v) in Self.values.enumerated() {
        _ = try db.execute("CREATE (:V {id: $i, v: $v})", parameters: ["i": .int(Int64(i)), "v": v])
      }
    }
    for pass in 0..<2 {
      let db = try Database(path: dir.path)
      let rows = try db.execute("MATCH (n:V) RETURN n.v ORDER BY n.id").rows
      #expect(rows.map { canonical($0[0]) } == Self.values.map(canonical), "pass \(pass)")
      try db.checkpoint()
    }
  }

  @Test func automaticCheckpointKeepsTheLogSmall() throws {
    let dir = try ScratchDirectory()
    let options = DatabaseOptions(checkpointLogSize: 4096)
    var expected = ""
    do {
      let db = try Database(path: dir.path, options: options)
      for i in 0..<200 { _ = try db.execute("CREATE (:N {i: $i, s: 'some text to fill the log'})", parameters: ["i": .int(Int64(i))]) }
      expected = try dump(db)
    }
    #expect(try dir.read("wal").count < 4096 + 200)
    #expect(FileManager.default.fileExists(atPath: dir.file("snapshot")))
    #expect(try dump(Database(path: dir.path)) == expected)
  }

  @Test func groupCommitIsDurableToo() throws {
    let dir = try ScratchDirectory()
    let options = DatabaseOptions(durability: .groupCommit(maxDelay: .milliseconds(2)))
    do {
      let db = try Database(path: dir.path, options: options)
      DispatchQueue.concurrentPerform(iterations: 8) { t in
        for i in 0..<25 { _ = try? db.execute("CREATE (:G {t: $t, i: $i})", parameters: ["t": .int(Int64(t)), "i": .int(Int64(i))]) }
      }
    }
    let db = try Database(path: dir.path)
    #expect(try db.execute("MATCH (g:G) RETURN count(*)").rows[0][0].intValue == 200)
  }

  @Test func readOnlyDatabaseRejectsWrites() throws {
    let dir = try ScratchDirectory()
    _ = try Database(path: dir.path).execute("CREATE (:A)")
    let db = try Database(path: dir.path, readOnly: true)
    #expect(db.isReadOnly)
    #expect(try db.execute("MATCH (a:A) RETURN count(*)").rows[0][0].intValue == 1)
    for attempt in ["CREATE (:B)", "CREATE INDEX i FOR (n:A) ON (n.x)"] {
      #expect { _ = try db.execute(attempt) } throws: { ($0 as? QuiverError)?.code == .readOnlyDatabase }
      #expect { try db.transaction { _ = try $0.execute(attempt) } } throws: { ($0 as? QuiverError)?.code == .readOnlyDatabase }
    }
    #expect { _ = try Database(path: dir.file("missing"), readOnly: true) } throws: { ($0 as? QuiverError)?.category == .io }
  }

  @Test func inMemoryDatabaseIsUnchanged() throws {
    let db = try Database()
    #expect(db.path == nil)
    try db.checkpoint()
    #expect(!db.procedures.contains { $0.name == "db.checkpoint" })
  }
}
