// The binder on its own: one query per rule it checks (clause composition, subqueries that may
// not write, procedure CALLs), asserting the code, the name involved and the position; and
// queries that bind, with the tables the planner reads (parameters, resolved CALLs).
import CypherPlanner
import CypherSyntax
import GraphCore
import Testing

@Suite struct BinderTests {
  static let errors: [(String, QuiverError.Code, String?)] = [
    ("UNWIND [1] AS x RETURN x UNION ALL ‸RETURN 2 AS x UNION RETURN 3 AS x", .invalidClauseComposition, nil),
    ("MATCH (n) ‸RETURN n MATCH (m) RETURN m", .invalidClauseComposition, nil),
    ("CREATE (a) ‸MATCH (b) RETURN b", .invalidClauseComposition, nil),
    ("‸MATCH (n)", .invalidClauseComposition, nil),
    ("MATCH (n)\n‸RETURN n\nMATCH (m) RETURN m", .invalidClauseComposition, nil),
    ("‸UNWIND [1] AS x\nCALL { WITH x RETURN x AS y }", .invalidClauseComposition, nil),
    ("MATCH (n) ‸FOREACH (x IN [1] | MATCH (m) CREATE (:A))", .invalidClauseComposition, nil),
    ("MATCH (n) WHERE ‸EXISTS { MATCH (n)-->(m) SET m.x = 1 } RETURN n", .invalidClauseComposition, nil),
    ("RETURN ‸COUNT { MATCH (n) CREATE (:X) RETURN 1 } AS c", .invalidClauseComposition, nil),
    ("RETURN ‸COLLECT { MATCH (n) SET n.x = 1 RETURN n.x } AS c", .invalidClauseComposition, nil),
    ("RETURN ‸COUNT { MATCH (p) CALL { CREATE (:Z) } } AS c", .invalidClauseComposition, nil),
    ("MATCH (p) RETURN EXISTS { MATCH (p)-->(q) RETURN q UNION ‸MATCH (p)-->(q) } AS c", .invalidClauseComposition, nil),
    ("MATCH (p) RETURN COUNT { MATCH (p)-->(q) UNION ‸MATCH (p)-->(q) } AS c", .invalidClauseComposition, nil),
    ("‸CALL no.such()", .procedureNotFound, "no.such"),
    ("‸CALL test.echo(1, 2)", .invalidNumberOfArguments, "test.echo"),
    ("MATCH (n) CALL test.echo(‸count(n)) YIELD y RETURN y", .invalidAggregation, nil),
    ("MATCH (n) ‸CALL test.echo YIELD y RETURN y", .invalidArgumentPassingMode, "test.echo"),
    ("RETURN COUNT { ‸CALL test.echo } AS c", .invalidArgumentPassingMode, "test.echo"),
    ("CALL test.echo(1) YIELD ‸z RETURN z", .undefinedVariable, "z"),
    ("MATCH (n) ‸CALL test.echo(1) YIELD * RETURN y", .unexpectedSyntax, nil),
    ("UNWIND [1] AS x ‸CALL (x, x) { RETURN x + 1 AS s } RETURN s", .variableAlreadyBound, "x"),
    ("MATCH (n) DELETE ‸n:L", .invalidDelete, nil),
    ("MATCH (n) RETURN n SKIP ‸n.x", .nonConstantExpression, nil),
    ("RETURN 1 LIMIT -1", .negativeIntegerArgument, nil),
    ("RETURN 1 SKIP 1.5", .invalidArgumentType, nil),
    ("MATCH (n ‸$p) RETURN n", .invalidParameterUse, nil),
    ("MATCH (n) WHERE EXISTS { (n)-->(‸$p) } RETURN n", .invalidParameterUse, nil),
    ("MATCH (n) RETURN ‸(n)-->()", .unexpectedSyntax, nil),
    ("RETURN ‸foo(1)", .unknownFunction, "foo"),
    ("UNWIND [1] AS x RETURN [y IN [x] | ‸toUpper(y, 2)]", .invalidNumberOfArguments, "toUpper"),
    ("RETURN ‸abs(DISTINCT -1)", .invalidArgumentType, "abs"),
    ("MATCH (n) WHERE ‸exists(n.x, n.y) RETURN n", .invalidNumberOfArguments, "exists"),
    ("MATCH (n) WHERE ‸exists(1) RETURN n", .invalidArgumentType, "exists"),
    ("MATCH (n) RETURN ‸size((n)-->())", .unexpectedSyntax, "size"),
    ("MATCH (n) WITH n.x AS x WHERE count(*) ‸> 1 RETURN x", .invalidAggregation, nil),
    ("MATCH (n) WHERE count(n) ‸> 1 RETURN n", .invalidAggregation, nil),
    ("OPTIONAL MATCH (n) WHERE ‸max(n.x) RETURN n", .invalidAggregation, nil),
    ("MATCH (n) WHERE EXISTS { (n)-->(m) WHERE count(m) ‸= 1 } RETURN n", .invalidAggregation, nil),
    ("MATCH (n) RETURN [(n)-->(m) WHERE m.x ‸> max(m.y) | m] AS l", .invalidAggregation, nil),
    ("MATCH (n) RETURN ‸count(count(n)) AS c", .nestedAggregation, nil),
    ("MATCH (n) RETURN n.x + ‸sum(avg(n.y)) AS s", .nestedAggregation, nil),
    ("MATCH (n) WITH n, ‸collect(n.x + rand()) AS r RETURN r", .nonConstantExpression, nil),
    ("MATCH (n) RETURN ‸percentileCont(n.x) AS p", .invalidNumberOfArguments, nil),
    ("MATCH (n) RETURN ‸count(n, n) AS c", .invalidNumberOfArguments, nil),
    ("RETURN ‸date(1, 2) AS d", .invalidNumberOfArguments, "date"),
    ("RETURN ‸duration.between(date()) AS d", .invalidNumberOfArguments, "duration.between"),
    ("RETURN ‸datetime(DISTINCT '2020-01-01') AS d", .invalidArgumentType, "datetime"),
    ("UNWIND [‸count(*)] AS x RETURN x", .invalidAggregation, nil),
    ("MATCH (n) SET n.x = ‸max(n.y)", .invalidAggregation, nil),
    ("CREATE (:A {x: ‸count(*)})", .invalidAggregation, nil),
    ("MATCH (n) DELETE head(‸collect(n))", .invalidAggregation, nil),
    ("FOREACH (x IN ‸collect(1) | CREATE (:A))", .invalidAggregation, nil),
    ("RETURN 1 LIMIT ‸count(*)", .invalidAggregation, nil),
    ("MATCH (n) RETURN [(n)-->(m) | ‸collect(m)] AS l", .invalidAggregation, nil),
    ("MATCH (n) RETURN n ORDER BY size([(n)-->(m) WHERE m.x > 1 | ‸count(*)])", .invalidAggregation, nil),
    ("MATCH (n) WHERE size([(n)-->(m) | ‸count(m)]) > 0 RETURN n", .invalidAggregation, nil),
    ("MATCH (n) WHERE EXISTS { (n)-->(m {x: ‸sum(1)}) } RETURN n", .invalidAggregation, nil),
    ("MATCH ‸p = shortestPath((a)-[*]->(b)-->(c)) RETURN p", .invalidArgumentType, nil),
    ("MATCH (a), (b) WHERE EXISTS { ‸allShortestPaths((a)--(b)--()) } RETURN a", .invalidArgumentType, nil),
  ]

  @Test(arguments: errors)
  func refuses(_ query: String, _ code: QuiverError.Code, _ name: String?) throws {
    let marked = Marked(query)
    let statement = try Parser.parse(marked.text)
    let e = try #require(throws: QuiverError.self, "\(marked)") { try Binder.bind(statement, catalog: TestCatalog()) }
    marked.expect(e, is: code, about: name)
  }

  static let accepted: [(String, [String])] = [
    ("MATCH (n) WHERE n.x = $a RETURN n, $b", ["a", "b"]),
    ("CREATE (a) WITH a MATCH (b) RETURN b", []),
    ("MATCH (n) RETURN n.x AS x, count(*) AS c ORDER BY count(*) DESC", []),
    ("MATCH (n) WITH n.x + max(n.y) AS m, [x IN collect(n.z) | x * 2] AS l RETURN m, l", []),
    ("UNWIND [1, 2] AS x CALL { WITH x CREATE (:U {x: x}) }", []),
    ("MATCH (p) RETURN COUNT { MATCH (p)-->(q) UNION ALL MATCH (p)-->(q) } AS c", []),
    ("FOREACH (x IN $list | CREATE (:A {v: x}) SET x.y = $y)", ["list", "y"]),
    ("RETURN EXISTS { MATCH (n {k: $k}) WHERE n.v = $p } AS e, [(a)-->(b {k: $q}) | b] AS bs", ["k", "p", "q"]),
    ("MATCH (n) RETURN n ORDER BY n.x SKIP $s LIMIT $l", ["l", "s"]),
    ("CALL test.none", []),
    ("MERGE (a)-[:R]-(b) CREATE (c $props)", ["props"]),
  ]

  @Test(arguments: accepted)
  func binds(_ query: String, _ parameters: [String]) throws {
    let bound = try Binder.bind(try Parser.parse(query), catalog: TestCatalog())
    #expect(bound.parameters.sorted() == parameters)
  }

  @Test func aCallAloneIsStandaloneAndTakesItsArgumentsFromParameters() throws {
    let alone = try Binder.bind(try Parser.parse("CALL test.echo"), catalog: TestCatalog())
    #expect(alone.parameters == ["x"])
    #expect(alone.calls.values.map(\.standalone) == [true])
    #expect(alone.calls.values.map(\.procedure.name) == ["test.echo"])
    let inside = try Binder.bind(
      try Parser.parse("UNWIND [1] AS i CALL test.echo(i) YIELD y RETURN y"), catalog: TestCatalog())
    #expect(inside.parameters.isEmpty)
    #expect(inside.calls.values.map(\.standalone) == [false])
    #expect(inside.calls.keys.sorted() == [16])
  }
}
