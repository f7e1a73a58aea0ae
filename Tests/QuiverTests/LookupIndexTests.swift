// Token lookup indexes: CREATE LOOKUP INDEX on node labels and relationship types, named or with
// Neo4j's generated names, SHOW [LOOKUP] INDEXES rows, IF NOT EXISTS, DROP INDEX, every error,
// the shared name space, and survival of the change log and a snapshot.
import Foundation
import Quiver
import Testing

@Suite struct LookupIndexTests {
  /// Nodes with labels A (twice), B and C and one without; relationships R (twice) and S.
  private func graph(_ db: Database) throws {
    _ = try db.execute("CREATE (:A:B), (:A)-[:R]->(:C), ()-[:R]->(), ()-[:S]->()")
  }

  private func rows(_ db: Database, _ query: String) throws -> [[String]] {
    try db.execute(query).rows.map { $0.map(\.cypherText) }
  }

  @Test func createShowAndDrop() throws {
    let db = try Database()
    try graph(db)
    #expect(try db.execute("SHOW INDEXES").rows.isEmpty)
    _ = try db.execute("CREATE LOOKUP INDEX node_labels FOR (n) ON EACH labels(n)")
    _ = try db.execute("CREATE LOOKUP INDEX IF NOT EXISTS FOR ()-[r]-() ON EACH type(r)")
    let options = "{indexConfig: {}, indexProvider: 'token-lookup-1.0'}"
    #expect(
      try rows(db, "SHOW INDEXES") == [
        ["'index_f7700477'", "'LOOKUP'", "'RELATIONSHIP'", "null", "null", "null", "3", "2", options],
        ["'node_labels'", "'LOOKUP'", "'NODE'", "null", "null", "null", "4", "3", options],
      ])
    #expect(try rows(db, "SHOW LOOKUP INDEXES YIELD name, entityType") == [
      ["'index_f7700477'", "'RELATIONSHIP'"], ["'node_labels'", "'NODE'"],
    ])
    #expect(try db.execute("SHOW RANGE INDEXES").rows.isEmpty)
    // Equivalent or same-named: nothing happens with IF NOT EXISTS.
    _ = try db.execute("CREATE LOOKUP INDEX other IF NOT EXISTS FOR (n) ON EACH labels(n)")
    _ = try db.execute("CREATE LOOKUP INDEX node_labels IF NOT EXISTS FOR ()-[r]-() ON type(r)")
    #expect(try db.execute("SHOW INDEXES").rows.count == 2)
    // Writes are seen at once: the store's label and type sets are the index.
    _ = try db.execute("CREATE (:D)-[:T]->(:D)")
    #expect(try rows(db, "SHOW LOOKUP INDEXES YIELD name, size, distinctValues") == [
      ["'index_f7700477'", "4", "3"], ["'node_labels'", "6", "4"],
    ])
    _ = try db.execute("DROP INDEX node_labels")
    #expect(try rows(db, "SHOW INDEXES YIELD name") == [["'index_f7700477'"]])
    #expect(try db.execute("MATCH (n:A) RETURN count(n)").rows[0][0].intValue == 2)
    #expect(thrown { try db.execute("DROP INDEX node_labels") } == "IndexNotFound")
    _ = try db.execute("DROP INDEX node_labels IF EXISTS")
    _ = try db.execute("CREATE LOOKUP INDEX FOR (n) ON EACH labels(n) OPTIONS {indexProvider: 'token-lookup-1.0'}")
    #expect(try rows(db, "SHOW INDEXES YIELD name, entityType") == [
      ["'index_343aff4e'", "'NODE'"], ["'index_f7700477'", "'RELATIONSHIP'"],
    ])
  }

  @Test(arguments: [
    ("CREATE LOOKUP INDEX second FOR (n) ON EACH labels(n)", "IndexAlreadyExists"),
    ("CREATE LOOKUP INDEX FOR (n) ON EACH labels(n)", "IndexAlreadyExists"),
    ("CREATE LOOKUP INDEX node_labels FOR ()-[r]-() ON EACH type(r)", "IndexAlreadyExists"),
    ("CREATE INDEX node_labels FOR (n:A) ON (n.p)", "IndexAlreadyExists"),
    ("CREATE FULLTEXT INDEX node_labels FOR (n:A) ON EACH [n.p]", "IndexAlreadyExists"),
    ("CREATE VECTOR INDEX node_labels FOR (n:A) ON n.p", "IndexAlreadyExists"),
    ("CREATE CONSTRAINT node_labels FOR (n:A) REQUIRE n.p IS UNIQUE", "IndexAlreadyExists"),
    ("CREATE LOOKUP INDEX l FOR (n:A) ON EACH labels(n)", "UnexpectedSyntax at 1:27"),
    ("CREATE LOOKUP INDEX l FOR ()-[r:R]-() ON EACH type(r)", "UnexpectedSyntax at 1:27"),
    ("CREATE LOOKUP INDEX l FOR () ON EACH labels(n)", "UnexpectedSyntax at 1:27"),
    ("CREATE LOOKUP INDEX l FOR (n) ON labels(n)", "UnexpectedSyntax at 1:34"),
    ("CREATE LOOKUP INDEX l FOR (n) ON EACH type(n)", "UnexpectedSyntax at 1:39"),
    ("CREATE LOOKUP INDEX l FOR ()-[r]-() ON EACH labels(r)", "UnexpectedSyntax at 1:45"),
    ("CREATE LOOKUP INDEX l FOR (n) ON EACH labels(m)", "UndefinedVariable at 1:46"),
    ("CREATE LOOKUP INDEX l FOR (n) ON EACH labels(n) OPTIONS {x: 1}", "InvalidArgumentValue at 1:57"),
    ("CREATE LOOKUP CONSTRAINT l FOR (n) REQUIRE n.p IS UNIQUE", "UnexpectedSyntax at 1:8"),
    ("CREATE BTREE INDEX l FOR (n:A) ON (n.p)", "UnexpectedSyntax at 1:8"),
  ])
  func errors(statement: String, error: String) throws {
    let db = try Database()
    try graph(db)
    _ = try db.execute("CREATE LOOKUP INDEX node_labels FOR (n) ON EACH labels(n)")
    #expect(thrown { try db.execute(statement) } == error)
    #expect(try rows(db, "SHOW INDEXES YIELD name") == [["'node_labels'"]])
    #expect(try db.execute("SHOW CONSTRAINTS").rows.isEmpty)
  }

  @Test func lookupIndexesSurviveTheLogAndASnapshot() throws {
    let dir = try ScratchDirectory()
    var expected: [[String]] = []
    do {
      let db = try Database(path: dir.path)
      try graph(db)
      _ = try db.execute("CREATE LOOKUP INDEX types FOR ()-[r]-() ON EACH type(r)")
      _ = try db.execute("CREATE LOOKUP INDEX dropped FOR (n) ON EACH labels(n)")
      _ = try db.execute("DROP INDEX dropped")
      _ = try db.execute("CREATE LOOKUP INDEX labels FOR (n) ON EACH labels(n)")
      expected = try rows(db, "SHOW INDEXES")
      #expect(expected.map { $0[0] } == ["'labels'", "'types'"])
    }
    for pass in 0..<2 {
      let db = try Database(path: dir.path)
      #expect(try rows(db, "SHOW INDEXES") == expected, "pass \(pass)")
      #expect(thrown { try db.execute("CREATE LOOKUP INDEX again FOR (n) ON EACH labels(n)") } == "IndexAlreadyExists")
      try db.checkpoint()
    }
  }
}
