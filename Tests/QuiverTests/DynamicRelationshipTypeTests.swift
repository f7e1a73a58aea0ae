// Relationship types computed per row in CREATE and MERGE (`-[r:$(expr)]->`): the string or
// one-string list they take, the types they create and match, and the values they refuse.
import Quiver
import Testing

@Suite struct DynamicRelationshipTypeTests {
  /// Two people, Ann and Bob, and nothing between them.
  private func graph() throws -> Database {
    let db = try Database()
    _ = try db.execute("CREATE (:P {name: 'Ann'}), (:P {name: 'Bob'})")
    return db
  }

  private func rows(_ db: Database, _ query: String, _ parameters: [String: Value] = [:]) throws -> [[String]] {
    lit(try db.execute(query, parameters: parameters).rows)
  }

  private static let ends = "MATCH (a:P {name: 'Ann'}), (b:P {name: 'Bob'})"

  @Test(arguments: [
    ("\(ends) CREATE (a)-[r:$('KNOWS')]->(b) RETURN type(r)", "'KNOWS'"),
    ("\(ends) CREATE (a)-[r:$(['LIKES'])]->(b) RETURN type(r)", "'LIKES'"),
    ("\(ends) CREATE (a)-[r:$($t) {since: 2020}]->(b) RETURN type(r) + ' ' + toString(r.since)", "'FOLLOWS 2020'"),
    ("\(ends) CREATE (a)<-[r:$(toUpper(b.name))]-(b) RETURN type(r) + ' ' + startNode(r).name", "'BOB Bob'"),
    ("\(ends) CREATE (a)-[r:$('HAS SPACE')]->(b) RETURN type(r)", "'HAS SPACE'"),
  ])
  func createMakesTheTypeTheExpressionGives(query: String, type: String) throws {
    let db = try graph()
    let r = try db.execute(query, parameters: ["t": "FOLLOWS"])
    #expect(lit(r.rows) == [[type]])
    #expect(r.statistics.relationshipsCreated == 1)
    #expect(try rows(db, "MATCH (:P)-[r]->(:P) RETURN count(r)") == [["1"]])
  }

  @Test func eachRowMayCreateAnotherType() throws {
    let db = try graph()
    _ = try db.execute("\(Self.ends) UNWIND ['A', 'B', 'A'] AS t CREATE (a)-[r:$(t)]->(b)")
    #expect(try rows(db, "MATCH ()-[r]->() RETURN type(r) AS t, count(*) ORDER BY t") == [["'A'", "2"], ["'B'", "1"]])
    // The created types are the store's own: a static pattern matches them.
    #expect(try rows(db, "MATCH (:P {name: 'Ann'})-[:B]->(x) RETURN x.name") == [["'Bob'"]])
  }

  @Test func mergeMatchesOrCreatesWithTheType() throws {
    let db = try graph()
    let created = try db.execute("\(Self.ends) MERGE (a)-[r:$($t)]->(b) ON CREATE SET r.new = true RETURN type(r), r.new", parameters: ["t": "KNOWS"])
    #expect(lit(created.rows) == [["'KNOWS'", "true"]])
    #expect(created.statistics.relationshipsCreated == 1)
    let matched = try db.execute("\(Self.ends) MERGE (a)-[r:$(['KNOWS'])]->(b) ON MATCH SET r.seen = 1 RETURN type(r), r.seen")
    #expect(lit(matched.rows) == [["'KNOWS'", "1"]])
    #expect(matched.statistics.relationshipsCreated == 0)
    let other = try db.execute("\(Self.ends) MERGE (a)-[r:$('LIKES')]->(b) RETURN type(r)")
    #expect(lit(other.rows) == [["'LIKES'"]])
    #expect(other.statistics.relationshipsCreated == 1)
    // A whole pattern merged with a dynamic type creates its nodes too.
    let path = try db.execute("MERGE (c:P {name: 'Cy'})-[r:$('OWNS')]->(d:Q {name: 'box'}) RETURN type(r), d.name")
    #expect(lit(path.rows) == [["'OWNS'", "'box'"]])
    #expect(path.statistics.nodesCreated == 2)
    #expect(try rows(db, "MATCH ()-[r]->() RETURN type(r) AS t ORDER BY t") == [["'KNOWS'"], ["'LIKES'"], ["'OWNS'"]])
  }

  @Test(arguments: [
    // A relationship has exactly one type.
    ("\(ends) CREATE (a)-[r:$(['A', 'B'])]->(b)", "NoSingleRelationshipType"),
    ("\(ends) CREATE (a)-[r:$([])]->(b)", "NoSingleRelationshipType"),
    ("\(ends) MERGE (a)-[r:$(['A', 'B'])]->(b)", "NoSingleRelationshipType"),
    ("\(ends) CREATE (a)-[r:$(null)]->(b)", "InvalidArgumentType"),
    ("\(ends) CREATE (a)-[r:$([null])]->(b)", "InvalidArgumentType"),
    ("\(ends) CREATE (a)-[r:$(1)]->(b)", "InvalidArgumentType"),
    ("\(ends) MERGE (a)-[r:$(a.missing)]->(b)", "InvalidArgumentType"),
    ("\(ends) CREATE (a)-[r:$('')]->(b)", "InvalidArgumentValue"),
    ("\(ends) MERGE (a)-[r:$('')]->(b)", "InvalidArgumentValue"),
    // Refused before anything runs.
    ("\(ends) CREATE (a)-[r:$any(['A'])]->(b)", "InvalidLabelExpression"),
    ("\(ends) MERGE (a)-[r:$any(['A'])]->(b)", "InvalidLabelExpression"),
    ("\(ends) CREATE (a)-[:$('A')]->(b)", "UnexpectedSyntax"),
    ("\(ends) CREATE (a)-[r:$('A') WHERE true]->(b)", "InvalidPatternPredicate"),
    ("\(ends) CREATE (a)-[r:$('A')]-(b)", "RequiresDirectedRelationship"),
    ("\(ends) CREATE (a)-[r:$(undefinedName)]->(b)", "UndefinedVariable"),
  ])
  func badTypesAreRefusedAndCreateNothing(query: String, code: String) throws {
    let db = try graph()
    #expect(errorCode { _ = try db.execute(query) } == code, "\(query)")
    #expect(try rows(db, "MATCH ()-[r]->() RETURN count(r)") == [["0"]])
  }
}
