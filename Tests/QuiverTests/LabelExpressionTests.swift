// Label expressions (`:A|B`, `:A&B`, `:!A`, `:%`, parentheses, `IS`) on node and relationship
// patterns and as WHERE predicates, WHERE inside node and relationship patterns, and the places
// neither may stand (CREATE, MERGE, variable-length relationships), with the error each raises.
import Quiver
import Testing

@Suite struct LabelExpressionTests {
  /// a:Person:Admin, b:Person, c:Robot, d (no label); a-KNOWS->b-KNOWS->c-LIKES->d, a-LIKES->d.
  private func graph() throws -> Database {
    let db = try Database()
    _ = try db.execute("""
      CREATE (a:Person:Admin {name: 'a', age: 30}), (b:Person {name: 'b', age: 20}), (c:Robot {name: 'c'}),
        (d {name: 'd'}), (a)-[:KNOWS {w: 1}]->(b), (b)-[:KNOWS {w: 2}]->(c), (c)-[:LIKES {w: 3}]->(d),
        (a)-[:LIKES {w: 5}]->(d)
      """)
    return db
  }

  private func names(_ db: Database, _ query: String, _ parameters: [String: Value] = [:]) throws -> [String] {
    try db.execute(query, parameters: parameters).rows.map { $0[0].stringValue ?? "null" }
  }

  @Test(arguments: [
    ("MATCH (n:Person|Robot) RETURN n.name ORDER BY n.name", ["a", "b", "c"]),
    ("MATCH (n:Person&Admin) RETURN n.name ORDER BY n.name", ["a"]),
    ("MATCH (n:Person:Admin) RETURN n.name ORDER BY n.name", ["a"]),
    ("MATCH (n:!Person) RETURN n.name ORDER BY n.name", ["c", "d"]),
    ("MATCH (n:%) RETURN n.name ORDER BY n.name", ["a", "b", "c"]),
    ("MATCH (n:!%) RETURN n.name ORDER BY n.name", ["d"]),
    ("MATCH (n:(Person&!Admin)|Robot) RETURN n.name ORDER BY n.name", ["b", "c"]),
    ("MATCH (n IS Robot) RETURN n.name ORDER BY n.name", ["c"]),
    ("MATCH (n IS Person&!Admin) RETURN n.name ORDER BY n.name", ["b"]),
    ("MATCH (n:Person|Robot {name: 'c'}) RETURN n.name", ["c"]),
    ("MATCH (n) WHERE n:Person|Robot RETURN n.name ORDER BY n.name", ["a", "b", "c"]),
    ("MATCH (n) WHERE n IS !Person RETURN n.name ORDER BY n.name", ["c", "d"]),
    ("MATCH (n) WHERE n:% AND NOT n:Admin RETURN n.name ORDER BY n.name", ["b", "c"]),
    ("MATCH (n) WHERE n IS Person RETURN n.name ORDER BY n.name", ["a", "b"]),
    ("MATCH (n) WHERE n:Person:Admin RETURN n.name ORDER BY n.name", ["a"]),
    ("MATCH (a)-[r:!KNOWS]->(b) RETURN b.name ORDER BY r.w", ["d", "d"]),
    ("MATCH (a)-[r:%]->(b) RETURN b.name ORDER BY r.w", ["b", "c", "d", "d"]),
    ("MATCH (a)-[r:KNOWS|LIKES]->(b:!Robot) RETURN b.name ORDER BY r.w", ["b", "d", "d"]),
    ("MATCH (a)-[r IS LIKES]->(b) RETURN a.name ORDER BY r.w", ["c", "a"]),
    ("MATCH (a)-[r]->(b) WHERE r:KNOWS RETURN b.name ORDER BY r.w", ["b", "c"]),
    ("MATCH (a)-[r]->(b) WHERE r IS !KNOWS RETURN b.name ORDER BY r.w", ["d", "d"]),
    ("MATCH (n:Person) RETURN [x IN [n] WHERE x:Admin | x.name][0] AS l ORDER BY l", ["a", "null"]),
  ])
  func labelExpressionsSelect(query: String, expected: [String]) throws {
    #expect(try names(graph(), query) == expected)
  }

  @Test func conjunctionMatchesNoRelationship() throws {
    let db = try graph()
    #expect(try db.execute("MATCH ()-[r:KNOWS&LIKES]->() RETURN count(r)").rows[0][0].intValue == 0)
    #expect(try db.execute("MATCH (n) RETURN n.name AS n, n:Person|Robot AS p ORDER BY n").rows.map { $0[1].boolValue }
      == [true, true, true, false])
    #expect(try db.execute("WITH null AS v RETURN v:A|B AS x").rows[0][0].isNull)
  }

  @Test func createAcceptsConjunctionsOnly() throws {
    let db = try Database()
    let r = try db.execute("CREATE (n:A&B) RETURN labels(n) AS l").rows
    #expect(r[0][0].listValue?.compactMap(\.stringValue).sorted() == ["A", "B"])
  }

  @Test(arguments: [
    ("CREATE (n:A|B)", "InvalidLabelExpression at 1:8"),
    ("MERGE (n:!A)", "InvalidLabelExpression at 1:7"),
    ("CREATE (n:%)", "InvalidLabelExpression at 1:8"),
    ("CREATE ()-[:R&S]->()", "NoSingleRelationshipType at 1:10"),
    ("MERGE ()-[:!R]->()", "NoSingleRelationshipType at 1:9"),
    ("MATCH (n:A:B|C) RETURN n", "InvalidLabelExpression at 1:11"),
    ("MATCH (n) WHERE n:A|B:C RETURN n", "InvalidLabelExpression at 1:22"),
    ("MATCH ()-[r:A:B]->() RETURN r", "InvalidLabelExpression at 1:14"),
    ("MATCH (n:A|) RETURN n", "UnexpectedSyntax at 1:12"),
    ("CREATE (n WHERE n.x = 1)", "InvalidPatternPredicate at 1:8"),
    ("MERGE (a)-[r:R WHERE r.x = 1]->(b)", "InvalidPatternPredicate at 1:10"),
    ("MATCH (a)-[r*1..2 WHERE r.w > 1]->(b) RETURN b", "InvalidPatternPredicate at 1:19"),
    ("MATCH (n WHERE x.a = 1) RETURN n", "UndefinedVariable at 1:16"),
    ("MATCH (n WHERE count(n) > 1) RETURN n", "InvalidAggregation at 1:25"),
  ])
  func misplacedExpressionsAreRefused(query: String, error: String) throws {
    let db = try Database()
    #expect(thrown { try db.execute(query) } == error)
  }

  @Test(arguments: [
    ("MATCH (n:Person WHERE n.age > $min) RETURN n.name ORDER BY n.name", ["a"]),
    ("MATCH (a)-[r:KNOWS WHERE r.w > 1]->(b) RETURN b.name", ["c"]),
    ("MATCH (a WHERE a.age > b.age)-[:KNOWS]->(b) RETURN b.name", ["b"]),
    ("MATCH (n:Robot) OPTIONAL MATCH (n)-[r WHERE r.w > 10]->(m) RETURN m.name", ["null"]),
    ("MATCH (n) WHERE EXISTS { (n)-[r WHERE r.w = 2]->() } RETURN n.name", ["b"]),
    ("MATCH (n) WHERE (n)-[{w: 3}]->(:!Person WHERE true) RETURN n.name", ["c"]),
    ("MATCH (n) RETURN [(n)-[r WHERE r.w > 2]->(m) | m.name] AS l ORDER BY n.name", ["d", "null", "d", "null"]),
  ])
  func predicatesInsidePatternsFilter(query: String, expected: [String]) throws {
    let rows = try graph().execute(query, parameters: ["min": .int(25)]).rows.map { row in
      row[0].listValue.map { $0.first?.stringValue ?? "null" } ?? row[0].stringValue ?? "null"
    }
    #expect(rows == expected)
  }

  @Test func plainLabelsKeepTheIndexSeek() throws {
    let db = try graph()
    _ = try db.execute("CREATE INDEX FOR (n:Person) ON (n.name)")
    let seek = try db.execute("EXPLAIN MATCH (n:Person&Admin {name: 'a'}) RETURN n").plan ?? ""
    #expect(seek.contains("NodeIndexSeek"))
    let inline = try db.execute("EXPLAIN MATCH (n:Person WHERE n.name = 'a') RETURN n").plan ?? ""
    #expect(inline.contains("NodeIndexSeek"))
    let either = try db.execute("EXPLAIN MATCH (n:Person|Robot {name: 'a'}) RETURN n").plan ?? ""
    #expect(!either.contains("NodeIndexSeek") && either.contains("AllNodesScan"))
    #expect(try names(db, "MATCH (n:Person WHERE n.name = 'a') RETURN n.name") == ["a"])
  }
}
