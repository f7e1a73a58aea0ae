// Counts answered from columns: a filtered Expand(Count), whose filter over the end nodes'
// properties runs against property columns and an adjacency column, and NodeCountByProperty,
// which groups a label's nodes by a property column's codes. Each is compared with the same query
// planned without them (rows built, filtered and grouped one by one) on random graphs whose
// properties mix integers, floats, strings and nulls, before and after writes.
import Quiver
import Testing

@Suite struct ColumnarCountTests {
  /// A random graph: nodes with labels A, B, both or none and properties `v` (an integer, a
  /// float equal to an integer or not, a string or nothing) and `s` (a short string or nothing);
  /// relationships of types R and S with an integer `w`, some parallel, some self-loops.
  private func graph(seed: UInt64, nodes: Int = 40, count: Int = 300) throws -> Database {
    var rng = FusedExpandTests.Generator(state: seed)
    let db = try Database()
    let values = ["0", "1", "2", "3", "2.0", "1.5", "'a'", "'b'", "null", "null"]
    let strings = ["'ab'", "'b'", "'ba'", "null"]
    var ids: [Int64] = []
    for _ in 0..<nodes {
      let label = [":A", ":B", ":A:B", ""].randomElement(using: &rng) ?? ""
      let v = values.randomElement(using: &rng) ?? "null"
      let s = strings.randomElement(using: &rng) ?? "null"
      ids.append(try db.execute("CREATE (n\(label) {v: \(v), s: \(s)}) RETURN id(n)").rows[0][0].intValue ?? -1)
    }
    for _ in 0..<count {
      let a = ids.randomElement(using: &rng) ?? 0
      let b = Int.random(in: 0..<8, using: &rng) == 0 ? a : ids.randomElement(using: &rng) ?? 0
      let type = Bool.random(using: &rng) ? "R" : "S"
      _ = try db.execute(
        "MATCH (a), (b) WHERE id(a) = $a AND id(b) = $b CREATE (a)-[:\(type) {w: $w}]->(b)",
        parameters: ["a": .int(a), "b": .int(b), "w": .int(Int64.random(in: 0..<3, using: &rng))])
    }
    return db
  }

  /// The rows with each value spelled with its type, so that 2 and 2.0 differ.
  private func rows(_ db: Database, _ query: String, _ parameters: [String: Value] = [:]) throws -> [String] {
    try db.execute(query, parameters: parameters).rows.map { row in row.map { "\($0.typeName):\($0)" }.joined(separator: "|") }
  }

  static let predicates = [
    "a.v < b.v", "a.v = b.v", "a.v <> b.v", "a.v >= b.v", "b.v > 1", "2 <= a.v", "a.v IN [1, 2.0, 'b']",
    "b.s STARTS WITH 'b'", "a.v < b.v AND b.s IS NOT NULL", "a.v > b.v OR a.s = b.s", "NOT (a.v < b.v) XOR b.v IS NULL",
    "a.v < $p", "a.missing < b.v OR a.v = b.v", "a.s < b.s", "a.s <= b.v", "a.v = null", "r.w > 1 AND a.v < b.v",
    "a.v + 1 > b.v", "true",
  ]

  static let patterns = ["MATCH (a)-[r:R]->(b:B)", "MATCH (a:A)-[r]-(b)", "MATCH (a)<-[r:R|S]-(b:A:B)", "MATCH (a)-[r:R]->(b:NOPE)"]

  @Test(arguments: predicates, [21, 22] as [UInt64])
  func filteredCountsEqualTheFilteredRows(predicate: String, seed: UInt64) throws {
    let db = try graph(seed: seed)
    let parameters: [String: Value] = ["p": .int(2)]
    var total = 0
    for pattern in Self.patterns {
      let query = "\(pattern) WHERE \(predicate) RETURN count(*), count(b)"
      // A predicate over both ends is fused (one over a single node may be pushed down to it).
      if predicate.contains("a.") && predicate.contains("b.") {
        #expect((try db.execute("EXPLAIN " + query, parameters: parameters).plan ?? "").contains("filtered"), "\(query)")
      }
      // The same count over rows that pass a projection first (no fusion).
      let split = "\(pattern) WHERE \(predicate) WITH *, 0 AS pad RETURN count(*), count(b)"
      #expect(!((try db.execute("EXPLAIN " + split, parameters: parameters).plan ?? "").contains("Expand(Count)")))
      let expected = try rows(db, split, parameters)
      // Repeated input rows, run first, before any columns are cached.
      let repeated = try rows(db, "UNWIND range(1, 9) AS i " + query, parameters)
      #expect(repeated == (try rows(db, "UNWIND range(1, 9) AS i " + split, parameters)), "\(query)")
      // Read from columns (built by the first run, cached for the second).
      #expect(try rows(db, query, parameters) == expected, "\(query)")
      #expect(try rows(db, query, parameters) == expected, "\(query)")
      // Row by row, in a statement that writes (nothing here).
      let writing = "MATCH (x:NOPE) SET x.q = 1 WITH count(*) AS pad " + query
      #expect(try rows(db, writing, parameters) == expected, "\(writing)")
      total += try db.execute(split, parameters: parameters).rows[0][0].intValue.map(Int.init) ?? 0
    }
    if predicate != "a.v = null" { #expect(total > 0, "\(predicate)") }
  }

  @Test func filteredCountsFollowWrites() throws {
    let db = try graph(seed: 23)
    let query = "MATCH (a)-[r:R]->(b:B) WHERE a.v < b.v RETURN count(*)"
    let split = "MATCH (a)-[r:R]->(b:B) WHERE a.v < b.v WITH *, 0 AS pad RETURN count(*)"
    let before = try rows(db, query)
    #expect(before == (try rows(db, split)))
    for write in [
      "MATCH (n) WHERE n.v = 0 SET n.v = 10", "MATCH (n:A) WHERE n.v IS NULL SET n:B, n.v = -1",
      "MATCH (a:B), (b:B) WHERE a.v = 1 AND b.v = 3 CREATE (a)-[:R]->(b)", "MATCH (n) WHERE n.v = 3 DETACH DELETE n",
    ] {
      _ = try db.execute(write)
      #expect(try rows(db, query) == (try rows(db, split)), "after \(write)")
    }
    #expect(try rows(db, query) != before)
    // The adjacency column and the column of `v`, kept until the next write.
    #expect(db.cachedColumnCount == 2)
    _ = try db.execute("CREATE (:Z)")
    #expect(db.cachedColumnCount == 0)
    // Inside a statement that writes, the count sees the statement's own changes.
    let written = try rows(db, "MATCH (n) WHERE n.v = 2 SET n.v = 100 WITH count(*) AS changed " + query)
    _ = try db.execute("MATCH (n) WHERE n.v = 100 SET n.v = 2")
    let same = try rows(db, "MATCH (n) WHERE n.v = 2 SET n.v = 100 WITH count(*) AS changed " + split)
    #expect(written == same)
  }

  @Test func switchesToColumnsPartWay() throws {
    let db = try graph(seed: 24)
    // Twelve nodes share a key an index estimates as nearly unique, so the planner expects a few
    // rows and the count starts row by row, then switches to columns once it has followed more
    // than an eighth of the graph.
    _ = try db.execute("MATCH (n) SET n:K, n.k = id(n)")
    _ = try db.execute("MATCH (n) WITH n ORDER BY id(n) LIMIT 12 SET n.k = -1")
    _ = try db.execute("CREATE INDEX FOR (n:K) ON (n.k)")
    let query = "MATCH (a:K {k: -1})-[r]-(b) WHERE a.v < b.v OR a.s = b.s RETURN count(*)"
    let plan = try db.execute("EXPLAIN " + query).plan ?? ""
    #expect(plan.contains("NodeIndexSeek") && plan.contains("filtered"))
    let expected = try rows(db, "MATCH (a:K {k: -1})-[r]-(b) WHERE a.v < b.v OR a.s = b.s WITH *, 0 AS pad RETURN count(*)")
    #expect(expected != ["INTEGER:0"])
    #expect(try rows(db, query) == expected)
    #expect(try rows(db, query) == expected)
  }

  @Test func stackedFiltersStopAtTheFirstThatDoesNotHold() throws {
    let db = try Database()
    _ = try db.execute("CREATE (a:A)-[:R]->(:B {x: 1, flag: true}), (a)-[:R]->(:B {flag: 'oops'})")
    // `b.x > 0` is null for the second node, so `b.flag` (not a boolean there) is never tested.
    let query = "MATCH (a)-[:R]->(b) WHERE b.x > 0 AND b.flag RETURN count(*)"
    #expect((try db.execute("EXPLAIN " + query).plan ?? "").contains("filtered"))
    #expect(try db.execute(query).rows[0][0].intValue == 1)
    #expect(try db.execute("MATCH (a)-[:R]->(b) WHERE b.x > 0 AND b.flag RETURN sum(1)").rows[0][0].intValue == 1)
    #expect(try db.execute("MATCH (a)-[:R]->(b) WHERE b.x > 0 AND a.y IS NULL AND b.x < 2 RETURN count(*)").rows[0][0].intValue == 1)
  }

  @Test func stringsEqualInCypherButNotInScalarsAreToldApart() throws {
    let db = try Database()
    // "é" composed and decomposed: equal as Cypher compares strings, one group, one column code.
    _ = try db.execute(
      "CREATE (a:A {s: 'x'})-[:R]->(:B {s: $composed}), (a)-[:R]->(:B {s: $decomposed})",
      parameters: ["composed": .string("\u{e9}"), "decomposed": .string("e\u{301}")])
    let accent: [String: Value] = ["accent": .string("\u{301}")]
    for predicate in ["b.s CONTAINS $accent", "b.s ENDS WITH $accent", "a.s < b.s AND b.s STARTS WITH 'e'"] {
      let query = "MATCH (a)-[:R]->(b) WHERE \(predicate) RETURN count(*)"
      let split = "MATCH (a)-[:R]->(b) WHERE \(predicate) RETURN sum(1)"
      let expected = try db.execute(split, parameters: accent).rows[0][0].intValue
      #expect(try db.execute(query, parameters: accent).rows[0][0].intValue == expected, "\(predicate)")
    }
    #expect(try db.execute("MATCH (a)-[:R]->(b) WHERE b.s CONTAINS $accent RETURN count(*)", parameters: accent).rows[0][0].intValue == 1)
    #expect(try db.execute("MATCH (a)-[:R]->(b) WHERE a.s < b.s AND b.s = $e RETURN count(*)", parameters: ["e": .string("\u{e9}")]).rows[0][0].intValue == 2)
    let groups = try db.execute("MATCH (b:B) RETURN b.s AS s, count(*) AS c").rows
    #expect(groups.count == 1 && groups[0][1].intValue == 2 && groups[0][0].stringValue.map { Array($0.unicodeScalars) } == ["\u{e9}"])
  }

  @Test func aCountPerOuterRowBuildsNoColumns() throws {
    let db = try Database()
    _ = try db.execute("UNWIND range(0, 199) AS i CREATE (:N {name: 'n' + i})-[:R]->(:M {name: 'm' + i})")
    let correlated = "MATCH (a:N) CALL { WITH a MATCH (a)-[:R]->(b) WHERE b.name STARTS WITH 'm1' RETURN count(*) AS c } RETURN sum(c)"
    #expect(try db.execute(correlated).rows[0][0].intValue == 111)
    #expect(db.cachedColumnCount == 0)
    #expect(try db.execute("MATCH (a:N)-[:R]->(b) WHERE b.name STARTS WITH 'm1' RETURN count(*)").rows[0][0].intValue == 111)
    #expect(db.cachedColumnCount == 2)
    #expect(try db.execute(correlated).rows[0][0].intValue == 111)
  }

  @Test(arguments: [31, 32, 33] as [UInt64])
  func groupCountsEqualTheGroupedRows(seed: UInt64) throws {
    let db = try graph(seed: seed)
    for (query, split) in [
      ("MATCH (n:A) RETURN n.v AS v, count(*) AS c", "MATCH (n:A) WITH n, 0 AS pad RETURN n.v AS v, count(*) AS c"),
      ("MATCH (n) RETURN n.s AS s, count(n) AS c, count(*) AS d", "MATCH (n) WITH n, 0 AS pad RETURN n.s AS s, count(n) AS c, count(*) AS d"),
      ("MATCH (n:NOPE) RETURN n.v, count(*)", "MATCH (n:NOPE) WITH n, 0 AS pad RETURN n.v, count(*)"),
      ("MATCH (n:B) RETURN n.missing AS m, count(*) AS c", "MATCH (n:B) WITH n, 0 AS pad RETURN n.missing AS m, count(*) AS c"),
      ("UNWIND [1, 2] AS x MATCH (n:B) RETURN n.v AS v, count(*) AS c", "UNWIND [1, 2] AS x MATCH (n:B) WITH n, 0 AS pad RETURN n.v AS v, count(*) AS c"),
    ] {
      #expect((try db.execute("EXPLAIN " + query).plan ?? "").contains("NodeCountByProperty"), "\(query)")
      #expect(!((try db.execute("EXPLAIN " + split).plan ?? "").contains("NodeCountByProperty")))
      let expected = try rows(db, split)
      // The same groups, in the order the scan meets them, with the same values (2 or 2.0).
      #expect(try rows(db, query) == expected, "\(query)")
      #expect(try rows(db, query) == expected, "\(query)")
    }
    let grouped = try db.execute("MATCH (n) RETURN n.v AS v, count(*) AS c").rows
    #expect(grouped.reduce(0) { $0 + ($1[1].intValue ?? 0) } == 40)
    _ = try db.execute("MATCH (n) WITH n ORDER BY id(n) DESC LIMIT 3 SET n.v = 'one'")
    let after = try rows(db, "MATCH (n) RETURN n.v AS v, count(*) AS c")
    #expect(after == (try rows(db, "MATCH (n) WITH n, 0 AS pad RETURN n.v AS v, count(*) AS c")))
    #expect(after.contains("STRING:'one'|INTEGER:3"))
    let writing = try rows(db, "CREATE (:A {v: 'new'}) WITH 1 AS one MATCH (n:A) RETURN n.v AS v, count(*) AS c")
    #expect(writing.contains("STRING:'new'|INTEGER:1"))
  }
}
