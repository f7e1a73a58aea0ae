// Prepared statements: planned once and run with different parameters; planned again when the
// schema changes (and then use a new index); errors at prepare time; use inside a transaction.
import Quiver
import Testing

@Suite struct PreparedStatementTests {
  private func people() throws -> Database {
    let db = try Database()
    try db.execute("UNWIND range(1, 100) AS i CREATE (:Person {id: i, name: 'p' + toString(i)})")
    return db
  }

  @Test func runsWithDifferentParameters() throws {
    let db = try people()
    let find = try db.prepare("MATCH (p:Person {id: $id}) RETURN p.name AS name")
    #expect(find.columns == ["name"])
    #expect(try find.query(String.self, ["id": 5]) == ["p5"])
    #expect(try find.query(String.self, ["id": 77]) == ["p77"])
    #expect(try find.execute(["id": 1000]).rows.isEmpty)
    #expect(find.replanCount == 0)
    #expect(thrown { try find.execute() } == "MissingParameter")
  }

  @Test func thePlanCacheKeepsShortStatementsOnly() throws {
    let db = try people()
    let short = "MATCH (p:Person {id: $id}) RETURN p.name AS name"
    #expect(try db.query(String.self, short, parameters: ["id": 3]) == ["p3"])
    let before = db.cachedPlanCount
    #expect(try db.query(String.self, short + " ", parameters: ["id": 4]) == ["p4"])
    #expect(db.cachedPlanCount == before + 1)
    // A statement past 16 KiB (a generated UNWIND of literal rows) is planned and run, not kept.
    let ids = (1...4_000).map(String.init).joined(separator: ", ")
    let long = "UNWIND [\(ids)] AS i MATCH (p:Person {id: i}) RETURN count(p) AS found"
    #expect(long.utf8.count > 16_384)
    #expect(try db.query(Int.self, long) == [100])
    #expect(try db.query(Int.self, long) == [100])
    #expect(db.cachedPlanCount == before + 1)
    #expect(before >= 1)
  }

  @Test func isPlannedAgainWhenTheSchemaChanges() throws {
    let db = try people()
    let find = try db.prepare("EXPLAIN MATCH (p:Person {id: $id}) RETURN p")
    #expect(try find.execute().plan?.contains("NodeIndexSeek") == false)
    try db.execute("CREATE INDEX FOR (p:Person) ON (p.id)")
    #expect(try find.execute().plan?.contains("NodeIndexSeek") == true)
    #expect(find.replanCount == 1)
    _ = try find.execute()
    #expect(find.replanCount == 1)
  }

  @Test func errorsAppearAtPrepareTime() throws {
    let db = try Database()
    #expect(thrown { try db.prepare("MATCH (n RETURN n") } == "UnexpectedSyntax at 1:10")
    #expect(thrown { try db.prepare("RETURN x") } == "UndefinedVariable at 1:8")
  }

  @Test func runsInsideATransaction() throws {
    let db = try people()
    let rename = try db.prepare("MATCH (p:Person {id: $id}) SET p.name = $name RETURN p.name")
    try db.transaction { tx in
      try rename.execute(in: tx, ["id": 1, "name": "first"])
      #expect(try tx.query(String.self, "MATCH (p:Person {id: 1}) RETURN p.name") == ["first"])
    }
    #expect(try db.query(String.self, "MATCH (p:Person {id: 1}) RETURN p.name") == ["first"])
  }
}
