// A UNION and a conditional query (WHEN … THEN … ELSE) after NEXT: each part of the UNION reads
// the whole table the query before NEXT returned, a conditional query runs once per row and
// sees what an earlier row's branch wrote; the rows, columns and errors.
import Quiver
import Testing

@Suite struct ComposedAfterNextTests {
  /// Each row's values as text joined by spaces.
  private func rows(_ db: Database, _ query: String) throws -> [String] {
    try db.execute(query).rows.map { row in
      row.map { v in v.intValue.map(String.init) ?? v.stringValue ?? "\(v)" }.joined(separator: " ")
    }
  }

  @Test(arguments: [
    ("UNWIND [1, 2, 3] AS x RETURN x NEXT RETURN x AS y UNION RETURN x * 10 AS y", ["1", "10", "2", "20", "3", "30"]),
    // Each part aggregates over the whole table.
    ("UNWIND [1, 2, 3] AS x RETURN x NEXT RETURN sum(x) AS s UNION ALL RETURN count(x) AS s", ["3", "6"]),
    // UNION removes duplicates across the rows, UNION ALL keeps them.
    ("UNWIND [1, 1, 2] AS x RETURN x NEXT RETURN x AS y UNION RETURN x AS y", ["1", "2"]),
    ("UNWIND [1, 1, 2] AS x RETURN x NEXT RETURN x AS y UNION ALL RETURN x AS y", ["1", "1", "1", "1", "2", "2"]),
    // An empty table: an aggregate still gives its one row, a projection none.
    ("UNWIND [] AS x RETURN x NEXT RETURN count(x) AS c UNION ALL RETURN 5 AS c", ["0"]),
    // Columns of several variables, an unaliased column, and NEXT again after the UNION.
    ("UNWIND [1, 2] AS x RETURN x, x * 2 AS d NEXT RETURN x + d AS v UNION RETURN d AS v NEXT RETURN sum(v) AS t", ["15"]),
    ("UNWIND [1, 2] AS x RETURN x NEXT RETURN x UNION ALL RETURN x + 1 AS x", ["1", "2", "2", "3"]),
    // RETURN * in the parts: the columns in name order.
    ("UNWIND [1, 2] AS x RETURN x NEXT WITH x, x * 2 AS d RETURN * UNION ALL WITH x, 0 AS d RETURN *", ["0 1", "0 2", "2 1", "4 2"]),
    // A UNION before NEXT and after it.
    ("RETURN 1 AS a UNION RETURN 2 AS a NEXT RETURN a * 10 AS b UNION RETURN a AS b", ["1", "10", "2", "20"]),
  ])
  func aUnionAfterNextReadsTheWholeTable(query: String, expected: [String]) throws {
    #expect(try rows(Database(), query).sorted() == expected)
  }

  @Test(arguments: [
    ("UNWIND [1, 5] AS n RETURN n NEXT WHEN n > 2 THEN RETURN n, 'big' AS size ELSE RETURN n, 'small' AS size", ["1 small", "5 big"]),
    // Each row runs the conditional alone: an aggregate counts that row.
    ("UNWIND [1, 2, 3] AS n RETURN n NEXT WHEN n > 1 THEN RETURN count(*) AS c ELSE RETURN -1 AS c", ["-1", "1", "1"]),
    // A row no branch takes gives nothing.
    ("UNWIND [1, 2, 3] AS n RETURN n NEXT WHEN n = 2 THEN RETURN n * 100 AS c", ["200"]),
    ("UNWIND [1, 2, 3] AS n RETURN n NEXT WHEN n = 2 THEN RETURN n AS c WHEN n > 1 THEN RETURN n * 10 AS c ELSE RETURN 0 AS c", [
      "0", "2", "30",
    ]),
    // A branch may be a UNION of its own; NEXT may follow the conditional.
    ("UNWIND [1, 2] AS x RETURN x NEXT WHEN x > 1 THEN RETURN x AS y UNION RETURN x AS y ELSE RETURN 0 AS y", ["0", "2"]),
    ("UNWIND [1, 2] AS n RETURN n NEXT WHEN n = 1 THEN RETURN n AS c UNION ALL RETURN -n AS c ELSE RETURN 9 AS c NEXT RETURN sum(c) AS t", ["9"]),
  ])
  func aConditionalQueryAfterNextRunsPerRow(query: String, expected: [String]) throws {
    #expect(try rows(Database(), query).sorted() == expected)
  }

  @Test(arguments: [
    // A branch not picked runs not at all: its aggregate gives no row.
    ("WHEN false THEN RETURN count(*) AS c ELSE RETURN 7 AS c", ["7"]),
    ("WHEN true THEN RETURN count(*) AS c ELSE RETURN 7 AS c", ["1"]),
    ("WHEN false THEN RETURN count(*) AS c", []),
    // A branch may be a UNION (duplicates removed) or a UNION ALL.
    ("WHEN true THEN RETURN 1 AS x UNION RETURN 1 AS x ELSE RETURN 2 AS x", ["1"]),
    ("WHEN true THEN RETURN 1 AS x UNION ALL RETURN 1 AS x ELSE RETURN 2 AS x", ["1", "1"]),
  ])
  func aStandaloneConditionalRunsOnlyThePickedBranch(query: String, expected: [String]) throws {
    #expect(try rows(Database(), query).sorted() == expected)
  }

  @Test func aStandaloneConditionalPicksItsBranchBeforeWriting() throws {
    let db = try Database()
    let query = "WHEN NOT EXISTS { MATCH (:Flag) } THEN CREATE (:Flag) RETURN 'made' AS r ELSE RETURN 'there' AS r"
    #expect(try rows(db, query) == ["made"])
    #expect(try rows(db, query) == ["there"])
    #expect(try rows(db, "MATCH (f:Flag) RETURN count(f)") == ["1"])
  }

  /// The WITH that picks each row's branch is a clause of its own: it reads the graph for every
  /// row before any branch writes.
  @Test func branchesArePickedBeforeAnyBranchWrites() throws {
    let db = try Database()
    let query = """
      UNWIND [1, 2, 3] AS i RETURN i
      NEXT
      WHEN NOT EXISTS { MATCH (:Seen) } THEN CREATE (s:Seen {i: i}) RETURN i, 'created' AS what
      ELSE MATCH (s:Seen) RETURN i, 'seen ' + s.i AS what
      """
    #expect(try rows(db, query) == ["1 created", "2 created", "3 created"])
    #expect(try rows(db, "MATCH (s:Seen) RETURN count(s)") == ["3"])
    #expect(try rows(db, query) == ["1 seen 1", "1 seen 2", "1 seen 3", "2 seen 1", "2 seen 2", "2 seen 3", "3 seen 1", "3 seen 2", "3 seen 3"])
  }

  @Test func branchesWithoutReturnOnlyWrite() throws {
    let db = try Database()
    let r = try db.execute("UNWIND [1, 2, 3] AS i RETURN i NEXT WHEN i = 1 THEN CREATE (:One {i: i}) ELSE CREATE (:Other {i: i})")
    #expect(r.columns == [])
    #expect(r.statistics.nodesCreated == 3)
    #expect(try rows(db, "MATCH (n) RETURN labels(n)[0] AS l, n.i AS i ORDER BY i") == ["One 1", "Other 2", "Other 3"])
  }

  @Test func theColumnsAreThoseOfTheFirstPart() throws {
    let r = try Database().execute("UNWIND [1] AS x RETURN x NEXT RETURN x AS a, 2 AS b UNION RETURN 3 AS a, x AS b")
    #expect(r.columns == ["a", "b"])
    let c = try Database().execute("RETURN 1 AS n NEXT WHEN n = 1 THEN RETURN n, 'one' AS word ELSE RETURN n, 'other' AS word")
    #expect(c.columns == ["n", "word"])
  }

  @Test(arguments: [
    ("UNWIND [1] AS x RETURN * NEXT RETURN x AS y UNION RETURN x AS y", "UnexpectedSyntax at 1:26"),
    ("UNWIND [1] AS x RETURN * NEXT WHEN x > 0 THEN RETURN x AS y", "UnexpectedSyntax at 1:26"),
    ("UNWIND [1] AS x RETURN x NEXT RETURN x AS y UNION RETURN x AS z", "DifferentColumnsInUnion"),
    ("UNWIND [1] AS x RETURN x NEXT RETURN x AS y UNION ALL RETURN x AS y UNION RETURN x AS y", "InvalidClauseComposition"),
    ("UNWIND [1] AS x RETURN x NEXT RETURN z AS y UNION RETURN x AS y", "UndefinedVariable at 1:38"),
  ])
  func invalidCompositionsAreRefused(query: String, error: String) throws {
    #expect(thrown { try Database().execute(query) }.hasPrefix(error))
  }
}
