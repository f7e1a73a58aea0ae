// Node key, relationship and property-type constraints: what each refuses on every write path
// (CREATE, MERGE, SET, REMOVE, LOAD CSV, the CSV bulk importer), refusal at creation when the
// data violates them, IF NOT EXISTS, SHOW CONSTRAINTS rows and filters, DROP, and survival of
// reopening from the log and from a snapshot.
import Foundation
import Quiver
import Testing

@Suite struct ConstraintKindTests {
  /// The SHOW CONSTRAINTS rows as Cypher literals, by name.
  private func shown(_ db: Database, _ command: String = "SHOW CONSTRAINTS") throws -> [[String]] {
    try db.execute(command).rows.map { $0.map(\.cypherText) }
  }

  @Test func nodeKeyRequiresEveryPropertyAndAUniqueCombination() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:P {a: 1, b: 1}), (:P {a: 1, b: 2})")
    _ = try db.execute("CREATE CONSTRAINT p_key FOR (p:P) REQUIRE (p.a, p.b) IS NODE KEY")
    #expect(thrown { try db.execute("CREATE (:P {a: 1, b: 2})") } == "ConstraintValidationFailed")
    #expect(thrown { try db.execute("CREATE (:P {a: 2})") } == "ConstraintValidationFailed")
    #expect(thrown { try db.execute("MATCH (p:P {b: 1}) REMOVE p.b") } == "ConstraintValidationFailed")
    #expect(thrown { try db.execute("MATCH (p:P {b: 1}) SET p.b = 2") } == "ConstraintValidationFailed")
    #expect(thrown { try db.execute("CREATE (n:Q {a: 5}) SET n:P") } == "ConstraintValidationFailed")
    #expect(thrown { try db.execute("MERGE (p:P {a: 7})") } == "ConstraintValidationFailed")
    _ = try db.execute("MERGE (p:P {a: 7, b: 7})")
    _ = try db.execute("CREATE (:P {a: 2, b: 1})")
    #expect(try db.execute("MATCH (p:P) RETURN count(p)").rows[0][0].intValue == 4)
    do {
      _ = try db.execute("CREATE (:P {a: 3})")
      Issue.record("expected an error")
    } catch let e as QuiverError {
      #expect(e.category == .constraint)
      #expect(e.message == "constraint `p_key` violated: node 4 with label `P` must have the properties (`a`, `b`)")
    }
    #expect(try shown(db) == [["'p_key'", "'NODE_KEY'", "'NODE'", "['P']", "['a', 'b']", "'p_key'", "null"]])
    let index = try db.execute("SHOW INDEXES").rows
    #expect(index.map { $0.prefix(6).map(\.cypherText) } == [["'p_key'", "'RANGE'", "'NODE'", "['P']", "['a', 'b']", "'p_key'"]])
    _ = try db.execute("DROP CONSTRAINT p_key")
    #expect(try db.execute("SHOW INDEXES").rows.isEmpty)
    _ = try db.execute("CREATE (:P)")
  }

  @Test(arguments: [
    ("CREATE (:P {a: 1}), (:P {a: 1, b: 2})", "node 0 with label `P` must have the properties (`a`, `b`)"),
    ("CREATE (:P {a: 1, b: 2}), (:P {a: 1, b: 2})", "node 0 and node 1 both have label `P` and a = 1, b = 2"),
  ])
  func nodeKeyIsRefusedOnViolatingData(setup: String, problem: String) throws {
    let db = try Database()
    _ = try db.execute(setup)
    do {
      _ = try db.execute("CREATE CONSTRAINT k FOR (p:P) REQUIRE (p.a, p.b) IS KEY")
      Issue.record("expected an error")
    } catch let e as QuiverError {
      #expect(e.code == .constraintCreationFailed)
      #expect(e.message == "cannot create constraint `k`: \(problem)")
    }
    #expect(try db.execute("SHOW CONSTRAINTS").rows.isEmpty)
    #expect(try db.execute("SHOW INDEXES").rows.isEmpty)
  }

  @Test func relationshipUniquenessExistenceAndKey() throws {
    let db = try Database()
    _ = try db.execute("CREATE (a:N {id: 1}), (b:N {id: 2}), (a)-[:R {k: 1, w: 1}]->(b)")
    _ = try db.execute("CREATE CONSTRAINT r_k FOR ()-[r:R]-() REQUIRE r.k IS UNIQUE")
    _ = try db.execute("CREATE CONSTRAINT r_w FOR ()-[r:R]-() REQUIRE r.w IS NOT NULL")
    _ = try db.execute("CREATE CONSTRAINT s_key FOR ()-[s:S]-() REQUIRE (s.x, s.y) IS RELATIONSHIP KEY")
    #expect(thrown { try db.execute("MATCH (a:N {id: 1}), (b:N {id: 2}) CREATE (b)-[:R {k: 1, w: 2}]->(a)") } == "ConstraintValidationFailed")
    #expect(thrown { try db.execute("MATCH (a:N {id: 1}), (b:N {id: 2}) CREATE (b)-[:R {k: 2}]->(a)") } == "ConstraintValidationFailed")
    #expect(thrown { try db.execute("MATCH ()-[r:R]->() REMOVE r.w") } == "ConstraintValidationFailed")
    #expect(thrown { try db.execute("MATCH (a:N {id: 1}), (b:N {id: 2}) MERGE (a)-[:S {x: 1}]->(b)") } == "ConstraintValidationFailed")
    _ = try db.execute("MATCH (a:N {id: 1}), (b:N {id: 2}) MERGE (a)-[:S {x: 1, y: 1}]->(b) CREATE (b)-[:R {k: 2, w: 0}]->(a)")
    do {
      _ = try db.execute("MATCH ()-[r:R {k: 2}]->() SET r.k = 1")
      Issue.record("expected an error")
    } catch let e as QuiverError {
      #expect(e.code == .constraintValidationFailed)
      #expect(e.message == "constraint `r_k` violated: relationship 2 and relationship 0 both have type `R` and k = 1")
    }
    #expect(try db.execute("MATCH ()-[r]->() RETURN count(r)").rows[0][0].intValue == 3)
    #expect(
      try shown(db) == [
        ["'r_k'", "'RELATIONSHIP_UNIQUENESS'", "'RELATIONSHIP'", "['R']", "['k']", "'r_k'", "null"],
        ["'r_w'", "'RELATIONSHIP_PROPERTY_EXISTENCE'", "'RELATIONSHIP'", "['R']", "['w']", "null", "null"],
        ["'s_key'", "'RELATIONSHIP_KEY'", "'RELATIONSHIP'", "['S']", "['x', 'y']", "'s_key'", "null"],
      ])
    #expect(try shown(db, "SHOW REL KEY CONSTRAINTS YIELD name").map { $0[0] } == ["'s_key'"])
    #expect(try shown(db, "SHOW RELATIONSHIP UNIQUE CONSTRAINTS YIELD name").map { $0[0] } == ["'r_k'"])
    #expect(try shown(db, "SHOW NODE KEY CONSTRAINTS YIELD name").isEmpty)
    // The uniqueness constraint's index serves seeks on relationships.
    #expect(try db.execute("MATCH ()-[r:R {k: 2}]->() RETURN r.w").rows.map { $0[0].cypherText } == ["0"])
  }

  @Test func relationshipConstraintsAreRefusedOnViolatingData() throws {
    let db = try Database()
    _ = try db.execute("CREATE (a:N)-[:R {k: 1}]->(b:N), (a)-[:R {k: 1}]->(b), (a)-[:T]->(b)")
    #expect(thrown { try db.execute("CREATE CONSTRAINT FOR ()-[r:R]-() REQUIRE r.k IS UNIQUE") } == "ConstraintCreationFailed")
    #expect(thrown { try db.execute("CREATE CONSTRAINT FOR ()-[r:T]-() REQUIRE r.k IS NOT NULL") } == "ConstraintCreationFailed")
    #expect(thrown { try db.execute("CREATE CONSTRAINT FOR ()-[r:R]-() REQUIRE r.k IS :: STRING") } == "ConstraintCreationFailed")
    _ = try db.execute("CREATE CONSTRAINT FOR ()-[r:R]-() REQUIRE r.k IS :: INTEGER")
    #expect(try shown(db) == [["'constraint_R_k_type'", "'RELATIONSHIP_PROPERTY_TYPE'", "'RELATIONSHIP'", "['R']", "['k']", "null", "'INTEGER'"]])
  }

  @Test func propertyTypesAndUnions() throws {
    let db = try Database()
    _ = try db.execute("CREATE CONSTRAINT age_type FOR (p:Person) REQUIRE p.age IS :: INTEGER")
    _ = try db.execute("CREATE CONSTRAINT score_type FOR (p:Person) REQUIRE p.score IS TYPED FLOAT | INTEGER")
    _ = try db.execute("CREATE CONSTRAINT tags_type FOR (p:Person) REQUIRE p.tags :: LIST<STRING NOT NULL>")
    _ = try db.execute("CREATE (:Person {age: 3, score: 1.5, tags: ['a', 'b']}), (:Person {score: 2, tags: []}), (:Person)")
    #expect(thrown { try db.execute("CREATE (:Person {age: 3.0})") } == "ConstraintValidationFailed")
    #expect(thrown { try db.execute("CREATE (:Person {score: '1'})") } == "ConstraintValidationFailed")
    #expect(thrown { try db.execute("CREATE (:Person {tags: [1, 2]})") } == "ConstraintValidationFailed")
    #expect(thrown { try db.execute("MATCH (p:Person) WHERE p.age IS NULL SET p.age = 'old'") } == "ConstraintValidationFailed")
    #expect(thrown { try db.execute("MERGE (p:Person {age: date('2024-01-01')})") } == "ConstraintValidationFailed")
    do {
      _ = try db.execute("CREATE (:Person {age: 'x'})")
      Issue.record("expected an error")
    } catch let e as QuiverError {
      #expect(e.code == .constraintValidationFailed)
      #expect(e.message == "constraint `age_type` violated: node 3 with label `Person` requires property `age` to be of type INTEGER, but it is a STRING ('x')")
    }
    _ = try db.execute("MATCH (p:Person) WHERE p.age IS NULL SET p.age = 40, p.score = 4")
    #expect(try db.execute("MATCH (p:Person) RETURN sum(p.age)").rows.map { $0[0].cypherText } == ["83"])
    #expect(
      try shown(db, "SHOW PROPERTY TYPE CONSTRAINTS YIELD name, type, propertyType") == [
        ["'age_type'", "'NODE_PROPERTY_TYPE'", "'INTEGER'"],
        ["'score_type'", "'NODE_PROPERTY_TYPE'", "'INTEGER | FLOAT'"],
        ["'tags_type'", "'NODE_PROPERTY_TYPE'", "'LIST<STRING NOT NULL>'"],
      ])
    // Another type on the same property conflicts; IF NOT EXISTS then does nothing.
    #expect(thrown { try db.execute("CREATE CONSTRAINT other FOR (p:Person) REQUIRE p.age IS :: STRING") } == "ConstraintAlreadyExists")
    _ = try db.execute("CREATE CONSTRAINT other IF NOT EXISTS FOR (p:Person) REQUIRE p.age IS :: STRING")
    #expect(try db.execute("SHOW CONSTRAINTS").rows.count == 3)
  }

  @Test(arguments: [
    ("CREATE CONSTRAINT FOR (p:P) REQUIRE p.a IS :: INTEGER NOT NULL", "InvalidTypeExpression"),
    ("CREATE CONSTRAINT FOR (p:P) REQUIRE p.a IS :: LIST<INTEGER>", "InvalidTypeExpression"),
    ("CREATE CONSTRAINT FOR (p:P) REQUIRE p.a IS :: MAP", "InvalidTypeExpression"),
    ("CREATE CONSTRAINT FOR (p:P) REQUIRE p.a IS :: ANY", "InvalidTypeExpression"),
    ("CREATE CONSTRAINT FOR (p:P) REQUIRE (p.a, p.b) IS :: INTEGER", "UnexpectedSyntax at 1:37"),
    ("CREATE CONSTRAINT FOR ()-[r:R]-() REQUIRE r.a IS NODE KEY", "UnexpectedSyntax at 1:50"),
    ("CREATE CONSTRAINT FOR (p:P) REQUIRE p.a IS REL UNIQUE", "UnexpectedSyntax at 1:44"),
    ("CREATE CONSTRAINT FOR (p:P) REQUIRE p.a IS KEYS", "UnexpectedSyntax at 1:44"),
  ])
  func invalidConstraintsAreRefused(statement: String, error: String) throws {
    let db = try Database()
    #expect(thrown { try db.execute(statement) } == error)
    #expect(try db.execute("SHOW CONSTRAINTS").rows.isEmpty)
  }

  @Test func ifNotExistsAndEquivalentConstraints() throws {
    let db = try Database()
    _ = try db.execute("CREATE CONSTRAINT k IF NOT EXISTS FOR (p:P) REQUIRE (p.a) IS NODE KEY")
    _ = try db.execute("CREATE CONSTRAINT k IF NOT EXISTS FOR (p:P) REQUIRE (p.a) IS NODE KEY")
    #expect(thrown { try db.execute("CREATE CONSTRAINT k FOR (p:Q) REQUIRE p.a IS UNIQUE") } == "ConstraintAlreadyExists")
    // A uniqueness constraint on the key's properties would need a second index on them.
    #expect(thrown { try db.execute("CREATE CONSTRAINT u FOR (p:P) REQUIRE p.a IS UNIQUE") } == "ConstraintAlreadyExists")
    #expect(thrown { try db.execute("DROP CONSTRAINT u") } == "ConstraintNotFound")
    #expect(try db.execute("SHOW CONSTRAINTS").rows.map { $0[0].cypherText } == ["'k'"])
  }

  @Test func loadCSVAndBulkImportAreChecked() throws {
    let f = try ImportFixture()
    let db = f.database
    _ = try db.execute("CREATE CONSTRAINT FOR (p:P) REQUIRE p.id IS :: INTEGER")
    _ = try db.execute("CREATE CONSTRAINT FOR ()-[r:R]-() REQUIRE r.since IS NOT NULL")
    try f.file("p.csv", "id\n1\nx\n")
    #expect(thrown { try db.execute("LOAD CSV WITH HEADERS FROM 'file:///p.csv' AS row CREATE (:P {id: row.id})") } == "ConstraintValidationFailed")
    _ = try db.execute("LOAD CSV WITH HEADERS FROM 'file:///p.csv' AS row CREATE (:P {id: toInteger(row.id)})")
    #expect(try db.execute("MATCH (p:P) RETURN count(p.id)").rows[0][0].intValue == 1)
    let nodes = try f.file("n.csv", "id\n1\n2\n")
    let good = try f.file("good.csv", "src,dst,since\n1,2,2020\n")
    let bad = try f.file("bad.csv", "src,dst,since\n1,2,2020\n2,1,\n")
    #expect(thrown { try db.importCSV(nodes: [CSVNodeFile(path: nodes, labels: ["N"])], relationships: [CSVRelationshipFile(path: bad, type: "R")]) } == "ConstraintValidationFailed")
    #expect(try db.execute("MATCH (n:N) RETURN count(n)").rows[0][0].intValue == 0)
    try db.importCSV(nodes: [CSVNodeFile(path: nodes, labels: ["N"])], relationships: [CSVRelationshipFile(path: good, type: "R")])
    #expect(try db.execute("MATCH ()-[r:R]->() RETURN r.since").rows.map { $0[0].cypherText } == ["2020"])
  }

  @Test func constraintsSurviveTheLogAndASnapshot() throws {
    let dir = try ScratchDirectory()
    var expected: [[String]] = []
    do {
      let db = try Database(path: dir.path)
      _ = try db.execute("CREATE CONSTRAINT k FOR (p:P) REQUIRE (p.a, p.b) IS NODE KEY")
      _ = try db.execute("CREATE CONSTRAINT t FOR (p:P) REQUIRE p.c IS :: LIST<FLOAT NOT NULL> | STRING | BOOLEAN")
      _ = try db.execute("CREATE CONSTRAINT ru FOR ()-[r:R]-() REQUIRE r.k IS UNIQUE")
      _ = try db.execute("CREATE CONSTRAINT re FOR ()-[r:R]-() REQUIRE r.w IS NOT NULL")
      _ = try db.execute("CREATE CONSTRAINT rk FOR ()-[r:S]-() REQUIRE r.k IS RELATIONSHIP KEY")
      _ = try db.execute("CREATE CONSTRAINT rt FOR ()-[r:S]-() REQUIRE r.d IS :: ZONED DATETIME")
      _ = try db.execute("CREATE (:P {a: 1, b: 1, c: [1.5]})-[:R {k: 1, w: 1}]->(:P {a: 1, b: 2, c: 'x'})")
      expected = try shown(db)
      #expect(expected.count == 6)
      #expect(expected[5] == ["'t'", "'NODE_PROPERTY_TYPE'", "'NODE'", "['P']", "['c']", "null", "'BOOLEAN | STRING | LIST<FLOAT NOT NULL>'"])
    }
    for pass in 0..<2 {
      let db = try Database(path: dir.path)
      #expect(try shown(db) == expected, "pass \(pass)")
      #expect(thrown { try db.execute("CREATE (:P {a: 1, b: 1})") } == "ConstraintValidationFailed")
      #expect(thrown { try db.execute("CREATE (:P {a: 5, b: 1, c: 1})") } == "ConstraintValidationFailed")
      #expect(thrown { try db.execute("MATCH (a:P {b: 1}), (b:P {b: 2}) CREATE (a)-[:R {k: 1, w: 2}]->(b)") } == "ConstraintValidationFailed")
      #expect(thrown { try db.execute("MATCH (a:P {b: 1}), (b:P {b: 2}) CREATE (a)-[:S {d: 1}]->(b)") } == "ConstraintValidationFailed")
      #expect(db.consistencyViolations.isEmpty)
      try db.checkpoint()
    }
  }
}
