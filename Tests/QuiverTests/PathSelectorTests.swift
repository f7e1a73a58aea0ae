// Path selectors that keep more than one path (`SHORTEST k`, `SHORTEST k GROUPS`, `ANY k`) and
// selectors over patterns shortestPath does not take (several relationships, quantified path
// patterns): per start/end partition, pre-filter inside the pattern, post-filter in WHERE.
import Quiver
import Testing

@Suite struct PathSelectorTests {
  /// s(0) -> t(3) directly (w 0); s -> 1 -> t and s -> 2 -> t; s -> 4 -> 5 -> t (all w 1).
  private func graph() throws -> Database {
    let db = try Database()
    _ = try db.execute("""
      CREATE (s:S {id: 0}), (t:S {id: 3}), (n1:S {id: 1}), (n2:S {id: 2}), (n4:S {id: 4}), (n5:S {id: 5}),
        (s)-[:R {w: 0}]->(t), (s)-[:R {w: 1}]->(n1)-[:R {w: 1}]->(t), (s)-[:R {w: 1}]->(n2)-[:R {w: 1}]->(t),
        (s)-[:R {w: 1}]->(n4)-[:R {w: 1}]->(n5)-[:R {w: 1}]->(t)
      """)
    return db
  }

  private func rows(_ db: Database, _ query: String) throws -> [String] {
    try db.execute(query).rows.map { row in
      row.map { v in v.intValue.map(String.init) ?? v.stringValue ?? "\(v)" }.joined(separator: " ")
    }
  }

  private static let ends = "(a:S {id: 0})-[:R]->+(b:S {id: 3})"

  @Test(arguments: [
    ("MATCH p = SHORTEST 2 \(ends) RETURN length(p) AS l ORDER BY l", ["1", "2"]),
    ("MATCH p = SHORTEST 10 \(ends) RETURN length(p) AS l ORDER BY l", ["1", "2", "2", "3"]),
    ("MATCH p = SHORTEST 2 GROUPS \(ends) RETURN length(p) AS l ORDER BY l", ["1", "2", "2"]),
    ("MATCH p = SHORTEST 3 GROUPS \(ends) RETURN length(p) AS l ORDER BY l", ["1", "2", "2", "3"]),
    ("MATCH p = ANY 3 \(ends) RETURN count(p)", ["3"]),
    ("MATCH p = ALL SHORTEST \(ends) RETURN length(p)", ["1"]),
    // Each pair of end nodes is a partition of its own.
    ("MATCH p = SHORTEST 2 (a:S {id: 0})-[:R]->+(b:S) RETURN b.id, count(p) ORDER BY b.id", ["1 1", "2 1", "3 2", "4 1", "5 1"]),
    ("UNWIND [0, 0] AS i MATCH p = SHORTEST 2 (a:S {id: i})-[:R]->+(b:S {id: 3}) RETURN count(p)", ["4"]),
    // WHERE inside the pattern filters before selecting, the clause's WHERE after.
    ("MATCH p = SHORTEST 2 (a:S {id: 0})-[r:R WHERE r.w > 0]->+(b:S {id: 3}) RETURN length(p) AS l", ["2", "2"]),
    ("MATCH p = SHORTEST 2 \(ends) WHERE length(p) > 1 RETURN length(p) AS l", ["2"]),
    ("MATCH p = SHORTEST 2 (a:S {id: 0})-[:R]->+(b:S {id: 3} WHERE b.id > 5) RETURN count(p)", ["0"]),
    // Over quantified path patterns and patterns of several relationships.
    ("MATCH p = SHORTEST 1 (a:S {id: 0}) ((x)-[:R]->(y))+ (b:S {id: 3}) RETURN length(p), size(x)", ["1 1"]),
    ("MATCH p = SHORTEST 3 (a:S {id: 0}) ((x)-[:R]->(m)-[:R]->(y)){1,2} (b:S {id: 3}) RETURN length(p), m[0].id AS m ORDER BY m", [
      "2 1", "2 2",
    ]),
    ("MATCH p = SHORTEST 1 (a:S {id: 0})-[:R]->(m)-[:R]->+(b:S {id: 3}) RETURN length(p)", ["2"]),
    ("MATCH p = ALL SHORTEST (a:S {id: 0})-[:R]->(m)-[:R]->+(b:S {id: 3}) RETURN m.id ORDER BY m.id", ["1", "2"]),
    ("MATCH p = ANY (a:S {id: 0})-[:R]->(m)-[:R]->{2}(b:S {id: 3}) RETURN m.id", ["4"]),
    ("MATCH (c:S {id: 5}) MATCH p = SHORTEST 2 (a:S {id: 0})-[:R]->+(c) RETURN length(p)", ["2"]),
    // PATH or PATHS may follow a selector; SHORTEST GROUPS without a count is SHORTEST 1 GROUPS.
    ("MATCH p = SHORTEST 2 PATHS \(ends) RETURN length(p) AS l ORDER BY l", ["1", "2"]),
    ("MATCH p = SHORTEST 1 PATH \(ends) RETURN length(p) AS l", ["1"]),
    ("MATCH p = ALL SHORTEST PATHS (a:S {id: 0})-[:R]->(m)-[:R]->+(b:S {id: 3}) RETURN m.id ORDER BY m.id", ["1", "2"]),
    ("MATCH p = ANY SHORTEST PATH \(ends) RETURN length(p)", ["1"]),
    ("MATCH p = ANY 3 PATHS \(ends) RETURN count(p)", ["3"]),
    ("MATCH p = ANY PATH \(ends) RETURN count(p)", ["1"]),
    ("MATCH p = ALL PATHS \(ends) RETURN count(p)", ["4"]),
    ("MATCH p = SHORTEST GROUPS (a:S {id: 0})-[:R]->+(b:S {id: 3}) RETURN length(p) AS l", ["1"]),
    ("MATCH p = SHORTEST 2 GROUP (a:S {id: 0})-[:R]->(m)-[:R]->+(b:S {id: 3}) RETURN length(p) AS l ORDER BY l", ["2", "2", "3"]),
    ("MATCH p = SHORTEST 2 PATHS GROUPS \(ends) RETURN length(p) AS l ORDER BY l", ["1", "2", "2"]),
  ])
  func selectorsKeepPathsPerPartition(query: String, expected: [String]) throws {
    #expect(try rows(graph(), query) == expected)
  }

  @Test func selectorsArePlannedAsAMatchThenASelection() throws {
    let plan = try graph().execute("EXPLAIN MATCH p = SHORTEST 2 \(Self.ends) RETURN p").plan ?? ""
    #expect(plan.contains("SelectPaths SHORTEST 2 (a)..(b)"))
    #expect(plan.contains("VarLengthExpand"))
    let groups = try graph().execute("EXPLAIN MATCH p = SHORTEST 2 GROUPS \(Self.ends) RETURN p").plan ?? ""
    #expect(groups.contains("SelectPaths SHORTEST 2 GROUPS (a)..(b)"))
    let any = try graph().execute("EXPLAIN MATCH p = ANY 2 \(Self.ends) RETURN p").plan ?? ""
    #expect(any.contains("SelectPaths ANY 2 (a)..(b)"))
    // One path over one relationship stays the shortest-path search.
    let one = try graph().execute("EXPLAIN MATCH p = SHORTEST 1 \(Self.ends) RETURN p").plan ?? ""
    #expect(one.contains("ShortestPath (a)-[:R]->(b)"))
  }

  @Test(arguments: [
    ("MATCH REPEATABLE ELEMENTS p = SHORTEST 2 (a)-->+(b) RETURN p", "InvalidRelationshipPattern at 1:45"),
    ("MATCH p = shortestPath((a) ((x)-->(y))+ (b)) RETURN p", "InvalidRelationshipPattern at 1:7"),
    ("MATCH p = SHORTEST 0 GROUPS (a)-->+(b) RETURN p", "InvalidRange at 1:20"),
    ("MATCH p = ANY 0 (a)-->+(b) RETURN p", "InvalidRange at 1:15"),
  ])
  func invalidSelectorsAreRefused(query: String, error: String) throws {
    #expect(thrown { try Database().execute(query) } == error)
  }

  @Test(arguments: [
    ("MATCH p = SHORTEST $k \(ends) RETURN length(p) AS l ORDER BY l", 2, ["1", "2"]),
    ("MATCH p = SHORTEST $k \(ends) RETURN length(p) AS l ORDER BY l", 1, ["1"]),
    ("MATCH p = SHORTEST $k PATHS \(ends) RETURN length(p) AS l ORDER BY l", 10, ["1", "2", "2", "3"]),
    ("MATCH p = SHORTEST $k GROUPS \(ends) RETURN length(p) AS l ORDER BY l", 2, ["1", "2", "2"]),
    ("MATCH p = SHORTEST $k GROUP \(ends) RETURN length(p) AS l ORDER BY l", 1, ["1"]),
    ("MATCH p = ANY $k \(ends) RETURN count(p)", 3, ["3"]),
    ("MATCH p = ANY $k PATHS \(ends) RETURN count(p)", 1, ["1"]),
    ("UNWIND [0, 0] AS i MATCH p = SHORTEST $k (a:S {id: i})-[:R]->+(b:S {id: 3}) RETURN count(p)", 2, ["4"]),
  ])
  func aParameterGivesTheSelectorCount(query: String, k: Int, expected: [String]) throws {
    let rows = try graph().execute(query, parameters: ["k": .int(Int64(k))]).rows.map { row in
      row.map { v in v.intValue.map(String.init) ?? "\(v)" }.joined(separator: " ")
    }
    #expect(rows == expected)
  }

  @Test func aParameterCountIsPlannedAsASelection() throws {
    let plan = try graph().execute("EXPLAIN MATCH p = SHORTEST $k \(Self.ends) RETURN p").plan ?? ""
    #expect(plan.contains("SelectPaths SHORTEST $k (a)..(b)"))
    let groups = try graph().execute("EXPLAIN MATCH p = SHORTEST $k GROUPS \(Self.ends) RETURN p").plan ?? ""
    #expect(groups.contains("SelectPaths SHORTEST $k GROUPS (a)..(b)"))
  }

  @Test(arguments: [
    (Value.int(0), "InvalidArgumentValue"),
    (Value.int(-2), "InvalidArgumentValue"),
    (Value.string("2"), "InvalidArgumentType"),
    (Value.float(2.0), "InvalidArgumentType"),
    (Value.null, "InvalidArgumentType"),
  ])
  func aParameterCountMustBePositive(k: Value, error: String) throws {
    let db = try graph()
    #expect(thrown { try db.execute("MATCH p = SHORTEST $k \(Self.ends) RETURN p", parameters: ["k": k]) } == error)
  }

  @Test func aMissingSelectorParameterIsRefused() throws {
    #expect(thrown { try graph().execute("MATCH p = ANY $n \(Self.ends) RETURN p") } == "MissingParameter")
  }
}
