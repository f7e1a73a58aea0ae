// The binder on its own: one query per rule it checks (clause composition, subqueries that may
// not write, procedure CALLs, and the rules of its scope model), asserting the code, the name
// involved and the position; and queries that bind, with the tables the planner reads
// (parameters, resolved CALLs), including near-misses of the scope rules.
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

  /// The rules of the scope model, family by family.
  static let scopeErrors: [(String, QuiverError.Code, String?)] = [
    // UNION columns.
    ("RETURN 1 AS x UNION ‸RETURN 2 AS y", .differentColumnsInUnion, nil),
    ("RETURN 1 AS a, 2 AS b UNION ‸RETURN 2 AS b, 1 AS a", .differentColumnsInUnion, nil),
    ("MATCH (a) RETURN a UNION ALL ‸MATCH (b) RETURN b", .differentColumnsInUnion, nil),
    ("CALL { RETURN 1 AS x UNION ‸RETURN 2 AS y } RETURN x", .differentColumnsInUnion, nil),
    // Column names.
    ("MATCH (n) RETURN n.x AS a, ‸n.y AS a", .columnNameConflict, "a"),
    ("MATCH (a) RETURN *, ‸1 AS a", .columnNameConflict, "a"),
    ("MATCH (n) WITH n, ‸n.x AS n RETURN n", .columnNameConflict, "n"),
    ("MATCH (n) WITH ‸n.x RETURN 1", .noExpressionAlias, nil),
    ("RETURN ‸COLLECT { MATCH (n) RETURN n, n.x AS x } AS c", .invalidClauseComposition, nil),
    // Grouping.
    ("MATCH (n) RETURN n.x AS k, ‸n.y + count(*) AS c", .ambiguousAggregationExpression, nil),
    ("MATCH (n) WITH ‸n.x + max(n.y) AS m RETURN m", .ambiguousAggregationExpression, nil),
    ("MATCH (n) RETURN n.x AS k, count(*) AS c ORDER BY n.y ‸+ count(*)", .ambiguousAggregationExpression, nil),
    ("MATCH (n) RETURN n ORDER BY ‸count(n)", .invalidAggregation, nil),
    // Undefined variables and subquery imports.
    ("MATCH (n) RETURN ‸m", .undefinedVariable, "m"),
    ("MATCH (n) WITH n.x AS x RETURN ‸n", .undefinedVariable, "n"),
    ("RETURN [x IN [1] | ‸y] AS l", .undefinedVariable, "y"),
    ("MATCH (n) SET ‸m.x = 1", .undefinedVariable, "m"),
    ("MATCH (n) RETURN n {.x, ‸m} AS p", .undefinedVariable, "m"),
    ("RETURN COUNT { MATCH (a)-->(b) WHERE b.x = ‸c } AS k", .undefinedVariable, "c"),
    ("MATCH (n) WHERE ‸(n)-->(m) RETURN n", .undefinedVariable, "m"),
    ("UNWIND [1] AS x CALL { RETURN ‸x AS y } RETURN y", .undefinedVariable, "x"),
    ("UNWIND [1] AS x ‸CALL (y) { RETURN 1 AS z } RETURN z", .undefinedVariable, "y"),
    // Names hidden by DISTINCT or aggregation.
    ("MATCH (n) RETURN count(*) AS c ORDER BY ‸n.x", .undefinedVariable, "n"),
    ("MATCH (n) RETURN DISTINCT n.x AS x ORDER BY ‸n.y", .undefinedVariable, "n"),
    ("MATCH (a) WITH DISTINCT a.x AS x WHERE EXISTS { ‸(a)-->() } RETURN x", .undefinedVariable, "a"),
    // Variables bound twice.
    ("MATCH (n) ‸UNWIND [1] AS n RETURN n", .variableAlreadyBound, "n"),
    ("UNWIND [1] AS x ‸CALL { RETURN 2 AS x } RETURN x", .variableAlreadyBound, "x"),
    ("MATCH (n) CALL test.echo(1) YIELD ‸y AS n RETURN n", .variableAlreadyBound, "n"),
    ("MATCH p = (a) MATCH ‸p = (b) RETURN p", .variableAlreadyBound, "p"),
    ("CREATE (a) WITH a CREATE ‸(a:L)", .variableAlreadyBound, "a"),
    ("MATCH (a) CREATE ‸(a)", .variableAlreadyBound, "a"),
    ("FOREACH (x IN [1] | ‸FOREACH (x IN [2] | CREATE ()))", .variableAlreadyBound, "x"),
    // openCypher ranks a re-bound relationship before its shape (TCK Create2 [23], Merge5 [26]).
    ("MATCH ()-[r]->() CREATE ()‸-[r]->()", .variableAlreadyBound, "r"),
    ("MATCH (a)-[r]->(b) MERGE (a)‸-[r]->(b)", .variableAlreadyBound, "r"),
    // Variable kinds.
    ("MATCH ()-[r]->() MATCH ‸(r) RETURN r", .variableTypeConflict, "r"),
    ("MATCH (a) MATCH ()‸-[a]->() RETURN a", .variableTypeConflict, "a"),
    ("MATCH ()-[r*]->() MATCH ()‸-[r]->() RETURN r", .variableTypeConflict, "r"),
    ("WITH 1 AS x MATCH ‸(x) RETURN x", .variableTypeConflict, "x"),
    ("MATCH ()-[r]->() CREATE ‸(r)-[:T]->()", .variableTypeConflict, "r"),
    ("MATCH ()-[r]->(), ()‸-[r]->() RETURN r", .relationshipUniquenessViolation, "r"),
    // Static types and bare patterns.
    ("MATCH (n) DELETE 1 ‸+ 2", .invalidArgumentType, nil),
    ("WITH 1 AS x RETURN NOT ‸x AS y", .invalidArgumentType, nil),
    ("MATCH p = ()-->() RETURN labels(‸p) AS l", .invalidArgumentType, nil),
    ("WITH 'a' AS s MATCH (n) WHERE ‸s RETURN n", .invalidArgumentType, nil),
    ("WITH 'a' AS s CALL test.echo(‸s) YIELD y RETURN y", .invalidArgumentType, nil),
    ("MATCH (n) RETURN [‸(n)-->()] AS l", .unexpectedSyntax, nil),
    // The shape of a relationship to create.
    ("CREATE (a)‸-[:R|S]->(b)", .noSingleRelationshipType, nil),
    ("MERGE (a)‸-[]->(b)", .noSingleRelationshipType, nil),
    ("CREATE (a)‸-[:R]-(b)", .requiresDirectedRelationship, nil),
    ("MERGE (a)‸-[:R*]->(b)", .creatingVarLength, nil),
    ("CREATE ()‸-[:R*2]->()", .creatingVarLength, nil),
  ]

  @Test(arguments: scopeErrors)
  func refusesByScope(_ query: String, _ code: QuiverError.Code, _ name: String?) throws {
    let marked = Marked(query)
    let statement = try Parser.parse(marked.text)
    let e = try #require(throws: QuiverError.self, "\(marked)") { try Binder.bind(statement, catalog: TestCatalog()) }
    marked.expect(e, is: code, about: name)
  }

  /// Near-misses of the scope rules, which bind and plan, with their result columns.
  static let scopeAccepted: [(String, [String])] = [
    ("RETURN 1 AS x UNION RETURN 2 AS x", ["x"]),
    ("MATCH (a) WITH a AS b RETURN * UNION MATCH (b) RETURN b", ["b"]),
    ("MATCH (a) RETURN *, 1 AS b", ["a", "b"]),
    ("MATCH (n) RETURN n.x AS a, n.x AS b", ["a", "b"]),
    ("MATCH (n) RETURN n.x AS k, n.x + count(*) AS c ORDER BY c", ["k", "c"]),
    ("MATCH (n) WITH n.x AS x, count(*) AS c WHERE x > 1 RETURN x, c", ["x", "c"]),
    ("MATCH (n) RETURN n.x AS x ORDER BY n.y", ["x"]),
    ("MATCH (a)-[r]->(b) WITH r MATCH ()-[r]->() RETURN r", ["r"]),
    ("WITH [1] AS rs MATCH ()-[rs*]->() RETURN rs", ["rs"]),
    ("OPTIONAL MATCH (a)-[r]->(b) WITH r WHERE r IS NULL RETURN r", ["r"]),
    ("MATCH (a) MERGE (a)-[:R]->(b) RETURN b", ["b"]),
    ("MATCH (a) CREATE (a)-[:R]->(b) RETURN b", ["b"]),
    ("MERGE (a)-[:R]-(b) RETURN a, b", ["a", "b"]),
    ("UNWIND [1] AS x CALL (x) { RETURN x + 1 AS y } RETURN x, y", ["x", "y"]),
    ("UNWIND [1] AS x CALL { WITH x RETURN x + 1 AS y } RETURN y", ["y"]),
    ("RETURN [x IN [1, 2] WHERE x > 1 | x * 2] AS l, reduce(s = 0, x IN [1] | s + x) AS t", ["l", "t"]),
    ("MATCH (n) RETURN n {.x, y: 1} AS m", ["m"]),
    ("FOREACH (x IN [1] | CREATE (:A {v: x}))", []),
    ("MATCH (n) WHERE (n)-->() RETURN n", ["n"]),
    ("MATCH (n) RETURN COLLECT { MATCH (n)-->(m) RETURN m } AS ms", ["ms"]),
    ("MATCH p = (a)-->(b) RETURN nodes(p) AS ns", ["ns"]),
    ("CALL test.echo", ["y"]),
  ]

  @Test(arguments: scopeAccepted)
  func bindsInScope(_ query: String, _ columns: [String]) throws {
    let compiled = try Planner.compile(try Parser.parse(query), catalog: TestCatalog())
    #expect(compiled.columns.map(\.0) == columns)
  }

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
    ("MATCH (n) WITH n.x AS k, n.x + max(n.y) AS m, [x IN collect(n.z) | x * 2] AS l RETURN m, l", []),
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
