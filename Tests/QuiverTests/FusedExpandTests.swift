// Expands fused with what follows them: Expand(Closing), a cycle's last two steps, and
// Expand(Count), a count over an expand. The plans that use them, and results equal to a
// brute-force enumeration and to the same query planned without them, on random multigraphs with
// parallel relationships and self-loops.
import Quiver
import Testing

@Suite struct FusedExpandTests {
  /// SplitMix64: every seed gives a well-spread sequence.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  struct Edge {
    var id: Int64
    var start: Int64
    var end: Int64
    var type: String
  }

  /// A random multigraph of `nodes` nodes (labels A, B, both or none) and `count` relationships
  /// of types R and S, with the edges as created.
  private func graph(seed: UInt64, nodes: Int = 14, count: Int = 90) throws -> (Database, [Edge]) {
    var rng = Generator(state: seed)
    let db = try Database()
    var ids: [Int64] = []
    for i in 0..<nodes {
      let label = [":A", ":B", ":A:B", ""].randomElement(using: &rng) ?? ""
      ids.append(try db.execute("CREATE (n\(label) {n: \(i)}) RETURN id(n)").rows[0][0].intValue ?? -1)
    }
    var edges: [Edge] = []
    for _ in 0..<count {
      let a = ids.randomElement(using: &rng) ?? 0
      // Some self-loops, and parallel relationships from repeated pairs.
      let b = Int.random(in: 0..<8, using: &rng) == 0 ? a : ids.randomElement(using: &rng) ?? 0
      let type = Bool.random(using: &rng) ? "R" : "S"
      let id = try db.execute(
        "MATCH (a), (b) WHERE id(a) = $a AND id(b) = $b CREATE (a)-[r:\(type)]->(b) RETURN id(r)",
        parameters: ["a": .int(a), "b": .int(b)]
      ).rows[0][0].intValue ?? -1
      edges.append(Edge(id: id, start: a, end: b, type: type))
    }
    return (db, edges)
  }

  /// The result rows as sorted lines of their ids, to compare as multisets.
  private func lines(_ db: Database, _ query: String) throws -> [String] {
    try db.execute(query).rows.map { row in row.map { String($0.intValue ?? -1) }.joined(separator: ",") }.sorted()
  }

  @Test func closingStepsArePlannedTogether() throws {
    let db = try Database()
    let plan = try db.execute("EXPLAIN MATCH (a:A)-[:R]->(b)-[:R]->(c:B)-[:S]->(a) RETURN count(*)").plan ?? ""
    #expect(plan.contains("Expand(Closing) (b)-[:R]->(c:B)-[:S]->(a)"))
    #expect(!plan.contains("Expand(Into)"))
    // A path that does not return to a bound node keeps plain expands.
    let open = try db.execute("EXPLAIN MATCH (a)-[:R]->(b)-[:R]->(c) RETURN count(*)").plan ?? ""
    #expect(!open.contains("Expand(Closing)"))
  }

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func directedTrianglesMatchBruteForce(seed: UInt64) throws {
    let (db, edges) = try graph(seed: seed)
    let r = edges.filter { $0.type == "R" }
    var expected: [String] = []
    for e1 in r {
      for e2 in r where e2.start == e1.end && e2.id != e1.id {
        for e3 in r where e3.start == e2.end && e3.end == e1.start && e3.id != e1.id && e3.id != e2.id {
          expected.append("\(e1.id),\(e2.id),\(e3.id)")
        }
      }
    }
    expected.sort()
    #expect(!expected.isEmpty)
    let got = try lines(db, "MATCH (a)-[r1:R]->(b)-[r2:R]->(c)-[r3:R]->(a) RETURN id(r1), id(r2), id(r3)")
    #expect(got == expected)
  }

  /// Cycles whose last step the planner fuses, each with the same cycle closed in a later MATCH
  /// (planned as Expand(Into) instead).
  static let cycles: [(fused: String, split: String)] = [
    ("MATCH (a)-[r1:R]->(b)-[r2:R]->(c)-[r3:R]->(a)",
     "MATCH (a)-[r1:R]->(b)-[r2:R]->(c) WITH * MATCH (c)-[r3:R]->(a)"),
    ("MATCH (a:A)-[r1]->(b)-[r2:R|S]-(c:B)<-[r3:S]-(a)",
     "MATCH (a:A)-[r1]->(b)-[r2:R|S]-(c:B) WITH * MATCH (c)<-[r3:S]-(a)"),
    ("MATCH (a)<-[r1:R]-(b)<-[r2]-(c:A:B)<-[r3:R|S]-(a)",
     "MATCH (a)<-[r1:R]-(b)<-[r2]-(c:A:B) WITH * MATCH (c)<-[r3:R|S]-(a)"),
    ("MATCH (a)-[r1:S]-(b)-[r2]-(c)-[r3]-(a)",
     "MATCH (a)-[r1:S]-(b)-[r2]-(c) WITH * MATCH (c)-[r3]-(a)"),
  ]

  @Test(arguments: [0, 1, 2, 3], [6, 7] as [UInt64])
  func sameRowsAsTheCycleClosedInALaterMatch(cycle: Int, seed: UInt64) throws {
    let (db, _) = try graph(seed: seed)
    let columns = " RETURN id(a), id(r1), id(b), id(r2), id(c), id(r3)"
    let fused = Self.cycles[cycle].fused + columns
    let split = Self.cycles[cycle].split + " WHERE r3 <> r1 AND r3 <> r2" + columns
    #expect((try db.execute("EXPLAIN " + fused).plan ?? "").contains("Expand(Closing)"))
    #expect(!(try db.execute("EXPLAIN " + split).plan ?? "").contains("Expand(Closing)"))
    let expected = try lines(db, split)
    #expect(!expected.isEmpty)
    #expect(try lines(db, fused) == expected)
  }

  @Test func cyclesCreatedByAStatementAreFoundAfterIt() throws {
    let (db, edges) = try graph(seed: 9)
    let before = try db.execute("MATCH (a)-[:R]->(b)-[:R]->(c)-[:R]->(a) RETURN count(*)").rows[0][0].intValue ?? -1
    // Each 2-path closes (again) through a new R relationship created per row.
    let created = try db.execute(
      "MATCH (a)-[:R]->(b)-[:R]->(c) WHERE a <> c CREATE (c)-[:R]->(a) RETURN count(*)"
    ).rows[0][0].intValue ?? -1
    #expect(created > 0)
    let after = try lines(db, "MATCH (a)-[r1:R]->(b)-[r2:R]->(c)-[r3:R]->(a) RETURN id(r1), id(r2), id(r3)")
    let split = try lines(
      db, "MATCH (a)-[r1:R]->(b)-[r2:R]->(c) WITH * MATCH (c)-[r3:R]->(a) WHERE r3 <> r1 AND r3 <> r2 RETURN id(r1), id(r2), id(r3)")
    #expect(after == split)
    #expect(after.count > before)
    #expect(edges.count == 90)
  }

  @Test func countsOverAnExpandArePlannedAsExpandCount() throws {
    let db = try Database()
    let plan = try db.execute("EXPLAIN MATCH (a:A {n: 1})-[:R]->(b:B) RETURN count(b), count(*)").plan ?? ""
    #expect(plan.contains("Expand(Count) (a)-[:R]->(b:B)"))
    // So is a count of the distinct reached nodes, after relationship uniqueness too.
    let distinct = try db.execute("EXPLAIN MATCH (a)-[:R]->()-[:S]->(c) RETURN count(DISTINCT c)").plan ?? ""
    #expect(distinct.contains("distinct (c)"))
    // Grouping, DISTINCT of another node, mixed counts or another aggregate keep the rows.
    for query in [
      "MATCH (a)-[:R]->(b) RETURN a, count(b)", "MATCH (a)-[:R]->(b) RETURN count(DISTINCT a)",
      "MATCH (a)-[:R]->(b) RETURN count(DISTINCT b), count(*)", "MATCH (a)-[:R]->(b) RETURN count(DISTINCT b.n)",
      "MATCH (a)-[:R]->(b) RETURN count(b), collect(b)", "MATCH (a)-[:R]->(b) RETURN count(b.n)",
    ] {
      #expect(!((try db.execute("EXPLAIN " + query).plan ?? "").contains("Expand(Count)")), "\(query)")
    }
  }

  @Test(arguments: [
    "MATCH (a)-[r:R]->(b) RETURN count(*)",
    "MATCH (a:A)-[r]-(b:B) RETURN count(r)",
    "MATCH (a)<-[r:R|S]-(b:A:B) RETURN count(b), count(*)",
    "MATCH (a:B {n: 3})-[r:S]-(b) RETURN count(b)",
    "MATCH (a)-[r:NOPE]->(b) RETURN count(*)",
    "MATCH (a)-[r:R]->(b:NOPE) RETURN count(b)",
  ], [11, 12] as [UInt64])
  func countsEqualTheRowsOfThePlainExpand(query: String, seed: UInt64) throws {
    let (db, _) = try graph(seed: seed)
    #expect((try db.execute("EXPLAIN " + query).plan ?? "").contains("Expand(Count)"))
    // The same count over rows that pass a projection first (no fusion).
    let split = query.replacingOccurrences(of: " RETURN ", with: " WITH *, 0 AS pad RETURN ")
    #expect(!((try db.execute("EXPLAIN " + split).plan ?? "").contains("Expand(Count)")))
    let counted = try db.execute(query).rows.map { $0.map { $0.intValue ?? -1 } }
    let expected = try db.execute(split).rows.map { $0.map { $0.intValue ?? -1 } }
    #expect(counted == expected)
    #expect(counted.count == 1)
  }

  @Test func countsFollowDeletesInTheSameStatement() throws {
    let (db, edges) = try graph(seed: 13)
    let r = edges.filter { $0.type == "R" }
    let loops = r.filter { $0.start == $0.end }.count
    let rows = try db.execute(
      "MATCH (x)-[d:R]->(x) DELETE d WITH count(*) AS deleted MATCH (a)-[:R]->(b) RETURN deleted, count(b)"
    ).rows
    #expect(rows.map { $0.map { $0.intValue ?? -1 } } == [[Int64(loops), Int64(r.count - loops)]])
  }

  @Test(arguments: [
    "MATCH (a)-[r1:R]->(b)-[r2:R]->(c) RETURN count(*)",
    "MATCH (a)-[r1]-(b)-[r2]-(c) RETURN count(r2)",
    "MATCH (a)-[r1]->(b)-[r2]->(c)-[r3]->(d) RETURN count(*)",
    "MATCH (a:A)-[r1:R]->(b)-[r2:R|S]->(c) WHERE c.n <> a.n AND c:B RETURN count(DISTINCT c)",
    "MATCH (a {n: 3})-[:R]->()-[:R]->(c) WHERE c.n <> 3 RETURN count(DISTINCT c)",
    "MATCH (a:A)-[r]-(c) RETURN count(DISTINCT c)",
    "MATCH (a)-[r1:S]->(b)<-[r2:S]-(c) WHERE a.n < c.n RETURN count(DISTINCT c) AS x, count(DISTINCT c) AS y",
  ], [14, 15] as [UInt64])
  func uniqueAndDistinctCountsEqualTheRows(query: String, seed: UInt64) throws {
    let (db, _) = try graph(seed: seed)
    #expect((try db.execute("EXPLAIN " + query).plan ?? "").contains("Expand(Count)"), "\(query)")
    let split = query.replacingOccurrences(of: " RETURN ", with: " WITH *, 0 AS pad RETURN ")
    let expected = try db.execute(split).rows.map { $0.map { $0.intValue ?? -1 } }
    #expect(expected.first?.first ?? 0 > 0, "\(query)")
    let columnar = try db.execute(query).rows.map { $0.map { $0.intValue ?? -1 } }
    #expect(columnar == expected, "\(query)")
    // Row by row, in a statement that writes (nothing here).
    let writing = try db.execute("MATCH (x:NOPE) SET x.q = 1 WITH count(*) AS pad " + query).rows.map { $0.map { $0.intValue ?? -1 } }
    #expect(writing == expected, "\(query)")
  }

  @Test func filtersBelowTheUniquenessCheckStillRunOnRowsItDrops() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:N {x: 1})-[:R]->(:N {x: 1})")
    // Every path repeats r1 as r2, yet the division, tested before uniqueness, fails as unfused.
    let query = "MATCH (a)-[r1]-(b)-[r2]-(c)-[r3]-(d) WHERE d.x / 0 = 1 RETURN count(*)"
    #expect((try db.execute("EXPLAIN " + query).plan ?? "").contains("unique"))
    #expect(thrown { try db.execute(query) } == "DivisionByZero")
    #expect(thrown { try db.execute(query.replacingOccurrences(of: " RETURN ", with: " WITH *, 0 AS pad RETURN ")) } == "DivisionByZero")
    #expect(try db.execute("MATCH (a)-[r1]-(b)-[r2]-(c)-[r3]-(d) WHERE d.x = 1 RETURN count(*)").rows[0][0].intValue == 0)
  }
}

