// The rules of the binder's scope model seen through `Planner.compile`, which callers use: one
// query per rule, asserting the code, the name involved and the position.
import CypherPlanner
import CypherSyntax
import GraphCore
import Testing

@Suite struct SemanticCheckTests {
  static let errors: [(String, QuiverError.Code, String?)] = [
    ("MATCH (n) RETURN ‸m", .undefinedVariable, "m"),
    ("MATCH (n) WITH n.x AS x RETURN ‸n", .undefinedVariable, "n"),
    ("UNWIND [1] AS x CALL { RETURN ‸x AS y } RETURN y", .undefinedVariable, "x"),
    ("MATCH (n) ‸UNWIND [1] AS n RETURN n", .variableAlreadyBound, "n"),
    ("UNWIND [1] AS x ‸CALL { RETURN 2 AS x } RETURN x", .variableAlreadyBound, "x"),
    ("MATCH (n) CALL test.echo(1) YIELD ‸y AS n RETURN n", .variableAlreadyBound, "n"),
    ("MATCH ()-[r]->(), ()‸-[r]->() RETURN r", .relationshipUniquenessViolation, "r"),
    // A predicate points at its operator.
    ("MATCH (n) WHERE count(n) ‸> 1 RETURN n", .invalidAggregation, nil),
    ("MATCH (n) RETURN ‸count(count(n))", .nestedAggregation, nil),
    ("MATCH (n) RETURN n.x AS a, ‸n.y AS a", .columnNameConflict, "a"),
    ("MATCH (n) WITH ‸n.x RETURN 1", .noExpressionAlias, nil),
    ("RETURN 1 AS x UNION ‸RETURN 2 AS y", .differentColumnsInUnion, nil),
    ("MATCH (n) DELETE 1 ‸+ 2", .invalidArgumentType, nil),
    ("CREATE (a) WITH a CREATE ‸(a:L)", .variableAlreadyBound, "a"),
    ("CREATE (a)‸-[:R|S]->(b)", .noSingleRelationshipType, nil),
    ("CREATE (a)‸-[:R]-(b)", .requiresDirectedRelationship, nil),
    ("MERGE (a)‸-[:R*]->(b)", .creatingVarLength, nil),
    // openCypher ranks a re-bound relationship before its shape.
    ("MATCH (a)-[r]->(b) CREATE (a)‸-[r]->(b)", .variableAlreadyBound, "r"),
  ]

  @Test(arguments: errors)
  func refuses(_ query: String, _ code: QuiverError.Code, _ name: String?) throws {
    let marked = Marked(query)
    let statement = try Parser.parse(marked.text)
    let e = try #require(throws: QuiverError.self, "\(marked)") { try Planner.compile(statement, catalog: TestCatalog()) }
    marked.expect(e, is: code, about: name)
  }

  @Test func theCompiledQueryReadsTheBindersParameters() throws {
    let compiled = try Planner.compile(
      try Parser.parse("MATCH (n) WHERE n.x = $a RETURN n.y + $b AS s ORDER BY s LIMIT $c"), catalog: TestCatalog())
    #expect(compiled.parameterNames == ["a", "b", "c"])
    #expect(compiled.columns.map(\.0) == ["s"])
  }
}
