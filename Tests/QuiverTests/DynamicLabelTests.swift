// Dynamic labels, relationship types and property keys (the Neo4j manual's "Dynamic labels and
// types"): SET and REMOVE of `n:$(expr)` with strings and lists, `n[$key]`, CREATE and MATCH
// with `$(…)`, `$any(…)` and `$all(…)`, and the errors for null or non-string names.
import Quiver
import Testing

@Suite struct DynamicLabelTests {
  private func graph() throws -> Database {
    let db = try Database()
    _ = try db.execute("""
      CREATE (:Person {name: 'Ann', role: 'Admin'})-[:KNOWS {since: 2020}]->(:Person:Admin {name: 'Bob', role: 'User'}),
             (:Robot {name: 'R2'})-[:OWNS]->(:Thing {name: 'box'})
      """)
    return db
  }

  @Test func setAndRemoveLabelsFromStringsAndLists() throws {
    let db = try graph()
    _ = try db.execute("MATCH (n:Person) SET n:$(n.role)")
    #expect(lit(try rows(db, "MATCH (n:Person) RETURN n.name, labels(n) ORDER BY n.name")) == [
      ["'Ann'", "['Person', 'Admin']"], ["'Bob'", "['Person', 'Admin', 'User']"],
    ])
    _ = try db.execute("MATCH (n {name: 'R2'}) SET n:$($labels):Droid", parameters: ["labels": ["Machine", "Astromech"]])
    #expect(lit(try rows(db, "MATCH (n {name: 'R2'}) RETURN labels(n)")) == [["['Robot', 'Machine', 'Astromech', 'Droid']"]])
    _ = try db.execute("MATCH (n {name: 'R2'}) REMOVE n:$(['Machine', 'Droid'])")
    #expect(lit(try rows(db, "MATCH (n {name: 'R2'}) RETURN labels(n)")) == [["['Robot', 'Astromech']"]])
    _ = try db.execute("MATCH (n:Person) REMOVE n:$(n.role)")
    #expect(lit(try rows(db, "MATCH (n:Person) RETURN n.name, labels(n) ORDER BY n.name")) == [
      ["'Ann'", "['Person']"], ["'Bob'", "['Person', 'Admin']"],
    ])
  }

  @Test func setAndRemoveDynamicProperties() throws {
    let db = try graph()
    _ = try db.execute("MATCH (n:Person {name: 'Ann'}) SET n[$key] = 42, n['x' + 'y'] = true", parameters: ["key": "age"])
    #expect(lit(try rows(db, "MATCH (n:Person {name: 'Ann'}) RETURN n.age, n.xy")) == [["42", "true"]])
    _ = try db.execute("MATCH ()-[r:KNOWS]->() SET r[$k] = r.since + 1", parameters: ["k": "until"])
    #expect(lit(try rows(db, "MATCH ()-[r:KNOWS]->() RETURN r.until")) == [["2021"]])
    _ = try db.execute("MATCH (n:Person {name: 'Ann'}) REMOVE n[$key]", parameters: ["key": "age"])
    #expect(lit(try rows(db, "MATCH (n:Person {name: 'Ann'}) RETURN n.age, keys(n)")) == [["null", "['name', 'role', 'xy']"]])
  }

  @Test func createAndMatchWithDynamicLabelsAndTypes() throws {
    let db = try graph()
    _ = try db.execute("CREATE (n:$($label):Extra {name: 'new'})", parameters: ["label": "Fresh"])
    #expect(lit(try rows(db, "MATCH (n {name: 'new'}) RETURN labels(n)")) == [["['Extra', 'Fresh']"]])
    #expect(lit(try rows(db, "MATCH (n:$($l)) RETURN n.name ORDER BY n.name", ["l": "Person"])) == [["'Ann'"], ["'Bob'"]])
    #expect(lit(try rows(db, "MATCH (n:$(['Person', 'Admin'])) RETURN n.name")) == [["'Bob'"]])
    #expect(lit(try rows(db, "MATCH (n:$all(['Person', 'Admin'])) RETURN n.name")) == [["'Bob'"]])
    #expect(lit(try rows(db, "MATCH (n:$any(['Robot', 'Thing'])) RETURN n.name ORDER BY n.name")) == [["'R2'"], ["'box'"]])
    #expect(lit(try rows(db, "MATCH (n:Person:$('Admin')) RETURN n.name")) == [["'Bob'"]])
    #expect(lit(try rows(db, "MATCH ()-[r:$($t)]->() RETURN type(r)", ["t": "OWNS"])) == [["'OWNS'"]])
    #expect(lit(try rows(db, "MATCH (a)-[r:$any(['KNOWS', 'OWNS'])]->(b) RETURN a.name ORDER BY a.name")) == [["'Ann'"], ["'R2'"]])
    #expect(try rows(db, "MATCH ()-[r:$(['KNOWS', 'OWNS'])]->() RETURN r").isEmpty)
    #expect(lit(try rows(db, "UNWIND ['Robot', 'Thing'] AS l MATCH (n:$(l)) RETURN l, n.name ORDER BY l")) == [
      ["'Robot'", "'R2'"], ["'Thing'", "'box'"],
    ])
  }

  @Test func mergeMatchesOrCreatesWithDynamicLabels() throws {
    let db = try graph()
    let matched = try db.execute("MERGE (n:$($l) {name: 'Ann'}) RETURN n.name", parameters: ["l": "Person"])
    #expect(lit(matched.rows) == [["'Ann'"]])
    #expect(matched.statistics.nodesCreated == 0)
    let created = try db.execute("MERGE (n:$(['Person', 'Pilot']) {name: 'Cy'}) ON CREATE SET n.new = true RETURN labels(n), n.new")
    #expect(lit(created.rows) == [["['Person', 'Pilot']", "true"]])
    #expect(created.statistics.nodesCreated == 1)
    #expect(created.statistics.labelsAdded == 2)
    let again = try db.execute("MERGE (n:$(['Person', 'Pilot']) {name: 'Cy'}) RETURN count(n)")
    #expect(lit(again.rows) == [["1"]])
    #expect(again.statistics.nodesCreated == 0)
  }

  @Test(arguments: [
    ("MATCH (n:Person) SET n:$(null)", "InvalidArgumentType"),
    ("MATCH (n:Person) SET n:$(1)", "InvalidArgumentType"),
    ("MATCH (n:Person) SET n:$(['A', null])", "InvalidArgumentType"),
    ("MATCH (n:Person) REMOVE n:$(true)", "InvalidArgumentType"),
    ("MATCH (n:Person) SET n[null] = 1", "InvalidArgumentType"),
    ("MATCH (n:Person) SET n[1] = 1", "InvalidArgumentType"),
    ("MATCH (n:Person) REMOVE n[['a']]", "InvalidArgumentType"),
    ("CREATE (n:$(null))", "InvalidArgumentType"),
    ("MATCH (:$('Person')) RETURN 1", "UnexpectedSyntax"),
    ("CREATE (n:$any(['A']))", "InvalidLabelExpression"),
    ("MERGE (n:$any(['A']))", "InvalidLabelExpression"),
    ("CREATE ()-[r:$any(['T'])]->()", "InvalidLabelExpression"),
    ("MATCH ()-[r:$('T')|X]->() RETURN r", "InvalidLabelExpression"),
    ("MATCH (n:Person) SET n:$x", "UnexpectedSyntax"),
    // A node bound before keeps its labels: CREATE and MERGE may not add dynamic ones to it.
    ("MATCH (n:Person) CREATE (n:$('X'))-[:R]->(m)", "VariableAlreadyBound"),
    ("MATCH (a:Person) MERGE (a:$('X'))-[:R]->(b)", "VariableAlreadyBound"),
    ("CREATE (n:$(undefinedName))", "UndefinedVariable"),
  ])
  func errors(_ query: String, _ code: String) throws {
    let db = try graph()
    #expect(errorCode { _ = try db.execute(query) } == code, "\(query)")
  }

  @Test func refusedDynamicLabelsOnBoundNodesChangeNothing() throws {
    let db = try graph()
    _ = try? db.execute("MATCH (n:Person) CREATE (n:$('X'))-[:R]->(m)")
    _ = try? db.execute("MATCH (a:Person) MERGE (a:$('X'))-[:R]->(b)")
    #expect(lit(try db.execute("MATCH (n:X) RETURN count(n)").rows) == [["0"]])
    #expect(lit(try db.execute("MATCH ()-[r:R]->() RETURN count(r)").rows) == [["0"]])
  }

  @Test func errorsNameTheValue() throws {
    let db = try graph()
    do {
      _ = try db.execute("MATCH (n:Person) SET n:$(n.missing)")
      Issue.record("no error")
    } catch let error as QuiverError {
      #expect(error.message == "a dynamic label must be a STRING or a LIST<STRING>, not null")
    }
  }
}
