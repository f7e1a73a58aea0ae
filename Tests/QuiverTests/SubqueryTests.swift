// CALL subqueries: a returning subquery combines each of its rows with the input row, whatever
// builds the rows inside (aggregation, UNION); a unit subquery runs for its changes and leaves
// the enclosing query's rows as they were.
import Quiver
import Testing

@Suite struct SubqueryTests {
  /// The rows with every value spelled out, for comparing whole results.
  private func lines(_ db: Database, _ query: String) throws -> [String] {
    try db.execute(query).rows.map { $0.map(text).joined(separator: "|") }
  }

  private func text(_ v: Value) -> String {
    switch v {
    case .string(let s): return s
    case .int(let i): return String(i)
    case .list(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
    default: return "\(v)"
    }
  }

  @Test func eachExecutionSeesTheEarlierOnes() throws {
    let db = try Database()
    #expect(try lines(db, "UNWIND [0, 1, 2] AS x CALL { RETURN 'hello' AS inner } RETURN x, inner") == ["0|hello", "1|hello", "2|hello"])
    _ = try db.execute("CREATE (:Counter {count: 0})")
    let counted = try lines(
      db, "UNWIND [0, 1, 2] AS x CALL { MATCH (n:Counter) SET n.count = n.count + 1 RETURN n.count AS inner } WITH x, inner MATCH (n:Counter) RETURN x, inner, n.count")
    #expect(counted == ["0|1|3", "1|2|3", "2|3|3"])
  }

  @Test func anAggregatingSubqueryKeepsTheImportedAndOuterVariables() throws {
    let db = try Database()
    _ = try db.execute("CREATE (a:N {name: 'x'})-[:R]->(:M), (a)-[:R]->(:M), (:N {name: 'y'})")
    let q = "MATCH (a:N) WITH a, a.name AS outer CALL { WITH a MATCH (a)-[:R]->(b) RETURN count(b) AS c } RETURN a.name, outer, c ORDER BY a.name"
    #expect(try lines(db, q) == ["x|x|2", "y|y|0"])
    let grouped = "MATCH (a:N) CALL { WITH a MATCH (a)-[:R]->(b:M) RETURN labels(b) AS l, count(*) AS c } RETURN a.name, l, c"
    #expect(try lines(db, grouped) == ["x|[M]|2"])
  }

  @Test func aUnionSubqueryKeepsTheOuterVariables() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:M), (:M)")
    let q = "UNWIND [1, 2] AS x CALL { WITH x MATCH (n:M) RETURN count(n) AS c UNION ALL WITH x RETURN x * 10 AS c } RETURN x, c"
    #expect(try lines(db, q) == ["1|2", "1|10", "2|2", "2|20"])
  }

  @Test func aUnitSubqueryLeavesTheRowsAsTheyWere() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:P), (:P)")
    // No row inside: the outer rows stay.
    #expect(try lines(db, "UNWIND [1, 2] AS x CALL { MATCH (z:Nope) CREATE (:T) } RETURN x") == ["1", "2"])
    // Two rows inside: each outer row once, the changes made for every inner row.
    #expect(try lines(db, "UNWIND [1, 2] AS x CALL { WITH x MATCH (p:P) CREATE (:T {x: x}) } RETURN x") == ["1", "2"])
    #expect(try lines(db, "MATCH (t:T) RETURN t.x, count(*) ORDER BY t.x") == ["1|2", "2|2"])
    // A query may end with a unit subquery that writes, not with a returning one.
    _ = try db.execute("UNWIND [1, 2, 3] AS x CALL { WITH x CREATE (:U {x: x}) }")
    #expect(try lines(db, "MATCH (u:U) RETURN sum(u.x)") == ["6"])
    #expect(thrown { try db.execute("MATCH (u:U) CALL { WITH u SET u.y = 1 RETURN u.y AS y }") } == "InvalidClauseComposition at 1:1")
    #expect(try lines(db, "MATCH (u:U) WHERE u.y IS NOT NULL RETURN count(*)") == ["0"])
  }

  @Test func aSubquerySeesOnlyWhatItImports() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:M {v: 1}), (:M {v: 2})")
    // Without an importing WITH, an outer variable is not defined inside.
    #expect(thrown { try db.execute("UNWIND [1, 2] AS x CALL { MATCH (m:M) RETURN m.v + x AS s } RETURN s") } == "UndefinedVariable at 1:52")
    #expect(try lines(db, "UNWIND [10, 20] AS x CALL { WITH x MATCH (m:M) RETURN m.v + x AS s } RETURN s ORDER BY s") == ["11", "12", "21", "22"])
    #expect(try lines(db, "UNWIND [10] AS x WITH x, 5 AS y CALL { WITH * RETURN x + y AS s } RETURN s") == ["15"])
    // Each part of a UNION imports on its own.
    #expect(thrown { try db.execute("UNWIND [1] AS x CALL { WITH x RETURN x AS s UNION RETURN x AS s } RETURN s") } == "UndefinedVariable at 1:58")
    // A subquery cannot return a name the enclosing query has bound.
    #expect(thrown { try db.execute("UNWIND [1] AS x CALL { RETURN 2 AS x } RETURN x") } == "VariableAlreadyBound at 1:17")
  }

  @Test func existsAsksEveryPartOfAUnion() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:A)")
    #expect(try lines(db, "RETURN EXISTS { MATCH (n:Nope) RETURN n AS x UNION MATCH (m) RETURN m AS x } AS e") == ["true"])
    #expect(try lines(db, "RETURN EXISTS { MATCH (n:A) RETURN n AS x UNION MATCH (m:Nope) RETURN m AS x } AS e") == ["true"])
    #expect(try lines(db, "RETURN EXISTS { MATCH (n:Nope) RETURN n AS x UNION ALL MATCH (m:Nope) RETURN m AS x } AS e") == ["false"])
    // Parts may also end without RETURN.
    #expect(try lines(db, "RETURN EXISTS { MATCH (n:Nope) UNION MATCH (m:A) } AS e") == ["true"])
  }

  @Test func countAndCollectSubqueries() throws {
    let db = try Database()
    _ = try db.execute("CREATE (a:P {name: 'a'})-[:K]->(:P {name: 'b'}), (a)-[:K]->(:P {name: 'c'}), (:P {name: 'd'})")
    #expect(try lines(db, "MATCH (p:P) RETURN p.name, COUNT { (p)-[:K]->() } ORDER BY p.name") == ["a|2", "b|0", "c|0", "d|0"])
    #expect(try lines(db, "MATCH (p:P) WHERE COUNT { (p)-->(q) WHERE q.name <> 'b' } > 0 RETURN p.name") == ["a"])
    #expect(try lines(db, "MATCH (p:P) WHERE COUNT { MATCH (p)-->(q) } = 0 RETURN count(*)") == ["3"])
    let collected = "MATCH (p:P) RETURN p.name, COLLECT { MATCH (p)-->(q) RETURN q.name ORDER BY q.name DESC } ORDER BY p.name"
    #expect(try lines(db, collected) == ["a|[c, b]", "b|[]", "c|[]", "d|[]"])
    // UNION removes duplicate rows before they are counted; UNION ALL keeps them.
    let twice = "MATCH (p)-->(q) RETURN q.name AS n UNION MATCH (p)-->(q) RETURN q.name AS n"
    #expect(try lines(db, "MATCH (p:P {name: 'a'}) RETURN COUNT { \(twice) }") == ["2"])
    #expect(try lines(db, "MATCH (p:P {name: 'a'}) RETURN COUNT { \(twice.replacingOccurrences(of: "UNION", with: "UNION ALL")) }") == ["4"])
    // count( … ) stays the aggregate function.
    #expect(try lines(db, "MATCH (p:P) RETURN count(p)") == ["4"])
    for (bad, error) in [
      ("RETURN COLLECT { MATCH (n) RETURN n.name, 1 } AS two", "InvalidClauseComposition at 1:8"),
      ("RETURN COUNT { MATCH (n) CREATE (:X) RETURN 1 } AS writes", "InvalidClauseComposition at 1:8"),
      ("RETURN COLLECT { MATCH (n) SET n.x = 1 RETURN n.x } AS writes", "InvalidClauseComposition at 1:8"),
    ] {
      #expect(thrown { try db.execute(bad) } == error, "\(bad)")
    }
    #expect(try lines(db, "MATCH (n) WHERE n.x IS NOT NULL OR n:X RETURN count(*)") == ["0"])
    // A predicate with a subquery waits until every variable the subquery reads is bound.
    _ = try db.execute("CREATE (:Q {n: 1})-[:L]->(:R {n: 2}), (:Q {n: 3}), (:R {n: 4})")
    #expect(try lines(db, "MATCH (a:Q), (b:R) WHERE COUNT { (a)-->(b) } > 0 RETURN a.n, b.n") == ["1|2"])
    #expect(try lines(db, "MATCH (a:Q), (b:R) WHERE size(COLLECT { MATCH (a)-->(b) RETURN b }) > 0 RETURN a.n, b.n") == ["1|2"])
  }

  @Test func subqueriesCannotReachVariablesAProjectionDropped() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:P {name: 'a'})-[:K]->(:P {name: 'b'}), (:P {name: 'c'})")
    for (query, error) in [
      ("MATCH (p:P) RETURN p.name, count(*) + COUNT { (p)-->() } AS c", "AmbiguousAggregationExpression at 1:28"),
      ("MATCH (p:P) RETURN p.name AS n, count(*) AS c ORDER BY COUNT { (p)-->() }", "UndefinedVariable at 1:56"),
      ("MATCH (p:P) WITH DISTINCT p.name AS n WHERE COUNT { (p)-->() } > 0 RETURN n", "UndefinedVariable at 1:53"),
      ("MATCH (p:P) RETURN DISTINCT p.name AS n ORDER BY size(COLLECT { MATCH (p)-->(q) RETURN q })", "UndefinedVariable at 1:50"),
      ("MATCH (p:P) WITH count(*) AS c WHERE EXISTS { (p)-->() } RETURN c", "UndefinedVariable at 1:47"),
    ] {
      #expect(thrown { try db.execute(query) } == error, "\(query)")
    }
    // With the variable kept (a grouping key), or dropped before a new clause, all is well.
    #expect(try lines(db, "MATCH (p:P) WITH p, count(*) + COUNT { (p)-->() } AS c RETURN p.name, c ORDER BY p.name") == ["a|2", "b|1", "c|1"])
    #expect(try lines(db, "MATCH (p:P) WITH count(*) AS c MATCH (p:P) WHERE COUNT { (p)-->() } > 0 RETURN c, p.name") == ["3|a"])
  }

  @Test func countAndCollectAreStillNamesForMapProjections() throws {
    let db = try Database()
    #expect(try lines(db, "WITH {a: 1} AS count RETURN count {.a}.a AS m") == ["1"])
    #expect(try lines(db, "WITH {a: 2} AS collect RETURN collect {.a}.a AS m") == ["2"])
    #expect(try lines(db, "UNWIND [1, 2] AS x RETURN count(x), collect(x)") == ["2|[1, 2]"])
  }

  @Test func aUnionWithoutReturnInCountOrExists() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:P)-[:K]->(:P)")
    #expect(try lines(db, "MATCH (p)-->() RETURN COUNT { MATCH (p)-->(q) UNION ALL MATCH (p)-->(q) } AS c") == ["2"])
    #expect(thrown { try db.execute("MATCH (p) RETURN COUNT { MATCH (p)-->(q) UNION MATCH (p)-->(q) } AS c") } == "InvalidClauseComposition at 1:48")
    #expect(thrown { try db.execute("MATCH (p) RETURN EXISTS { MATCH (p)-->(q) RETURN q UNION MATCH (p)-->(q) } AS c") } == "InvalidClauseComposition at 1:58")
  }

  @Test func aScopeClauseNamesWhatASubqueryImports() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:M {v: 1}), (:M {v: 2})")
    #expect(try lines(db, "UNWIND [10, 20] AS x CALL (x) { MATCH (m:M) RETURN m.v + x AS s } RETURN s ORDER BY s") == ["11", "12", "21", "22"])
    #expect(try lines(db, "UNWIND [10] AS x WITH x, 5 AS y CALL (*) { RETURN x + y AS s } RETURN s") == ["15"])
    #expect(try lines(db, "UNWIND [1, 2] AS x CALL () { MATCH (m:M) RETURN count(m) AS c } RETURN x, c") == ["1|2", "2|2"])
    // Only what is named is visible; a name not in scope is an error.
    #expect(thrown { try db.execute("UNWIND [1] AS x WITH x, 2 AS y CALL (x) { RETURN y AS s } RETURN s") } == "UndefinedVariable at 1:50")
    #expect(thrown { try db.execute("UNWIND [1] AS x CALL (z) { RETURN 1 AS s } RETURN s") } == "UndefinedVariable at 1:17")
    #expect(thrown { try db.execute("UNWIND [1] AS x CALL (x) RETURN x") } == "UnexpectedSyntax at 1:26")
    #expect(thrown { try db.execute("UNWIND [1] AS x CALL (x, x) { RETURN x + 1 AS s } RETURN s") } == "VariableAlreadyBound at 1:17")
    // A unit subquery with a scope clause writes once per row.
    _ = try db.execute("UNWIND [1, 2, 3] AS x CALL (x) { CREATE (:U {x: x}) }")
    #expect(try lines(db, "MATCH (u:U) RETURN sum(u.x)") == ["6"])
  }

  @Test func existsAndCountBodiesMayUseAnyClauseThatReads() throws {
    let db = try Database()
    _ = try db.execute("CREATE (a:P {name: 'a'})-[:K]->(b:P {name: 'b'}), (c:P {name: 'c'})-[:K]->(b)")
    let nested = "MATCH (p:P {name: 'a'}) RETURN COUNT { MATCH (p)-->(q) CALL { WITH q MATCH (q)<--(r) RETURN r } } AS c"
    #expect(try lines(db, nested) == ["2"])
    #expect(try lines(db, "MATCH (p:P) WHERE EXISTS { MATCH (p)-->(q) WITH q WHERE q.name = 'b' } RETURN count(p)") == ["2"])
    #expect(thrown { try db.execute("MATCH (p:P) WHERE EXISTS { MATCH (p)-->(q) SET q.x = 1 } RETURN p") } == "InvalidClauseComposition at 1:19")
    #expect(thrown { try db.execute("MATCH (p:P) RETURN COUNT { MATCH (p)-->(q) CALL { CREATE (:Z) } } AS c") } == "InvalidClauseComposition at 1:20")
    #expect(try lines(db, "MATCH (n) WHERE n.x IS NOT NULL OR n:Z RETURN count(*)") == ["0"])
    // A procedure CALL inside a subquery follows the rules of a CALL within a query.
    #expect(try lines(db, "MATCH (p:P {name: 'a'}) RETURN COUNT { CALL db.labels() YIELD label } AS c") == ["1"])
    for (bad, error) in [
      ("MATCH (n) WHERE EXISTS { CALL db.labels } RETURN n", "InvalidArgumentPassingMode at 1:26"),
      ("RETURN COUNT { CALL db.labels() YIELD * } AS c", "UnexpectedSyntax at 1:16"),
    ] {
      #expect(thrown { try db.execute(bad) } == error, "\(bad)")
    }
  }
}

