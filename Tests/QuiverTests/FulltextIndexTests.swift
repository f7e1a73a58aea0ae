// Full-text indexes: CREATE FULLTEXT INDEX over label alternatives, db.index.fulltext.queryNodes
// and queryRelationships with the supported Lucene syntax (words, phrases, prefixes, fields,
// AND/OR/NOT, +/-, groups), case-insensitive words, TF-IDF scores, writes seen at once, SHOW
// INDEXES, DROP INDEX, every error, and survival of reopening.
import Foundation
import Quiver
import Testing

@Suite struct FulltextIndexTests {
  /// Four indexed entities (ids 1-4; 4 has no string plot) and one without an indexed label.
  private func movies(_ db: Database) throws {
    _ = try db.execute(
      """
      CREATE (:Movie {id: 1, title: 'The Matrix', plot: 'A hacker learns the truth about reality.'}),
        (:Movie {id: 2, title: 'The Matrix Reloaded', plot: 'Neo and the rebels fight the machines'}),
        (:Book {id: 3, title: 'Reality Hunger', plot: 'A manifesto'}),
        (:Movie {id: 4, title: 'HACKERS', plot: 42}),
        (:Other {id: 5, title: 'The Matrix'})
      """)
    _ = try db.execute("CREATE FULLTEXT INDEX titles FOR (n:Movie|Book) ON EACH [n.title, n.plot]")
  }

  /// `1 + ln((n + 1) / (df + 1))` for the four indexed documents.
  private func idf(_ df: Double) -> Double { 1 + log(5 / (df + 1)) }

  private func hits(_ db: Database, _ query: String) throws -> [(Int64, Double)] {
    try db.execute(
      "CALL db.index.fulltext.queryNodes('titles', $q) YIELD node, score RETURN node.id, score", parameters: ["q": .string(query)]
    ).rows.map { ($0[0].intValue ?? -1, $0[1].doubleValue ?? .nan) }
  }

  private func expectHits(_ got: [(Int64, Double)], _ expected: [(Int64, Double)], _ query: String) {
    #expect(got.map(\.0) == expected.map(\.0), "\(query)")
    for (g, e) in zip(got, expected) { #expect(abs(g.1 - e.1) < 1e-12, "\(query): id \(e.0): \(g.1) vs \(e.1)") }
  }

  @Test func querySyntaxAndScores() throws {
    let db = try Database()
    try movies(db)
    let cases: [(String, [(Int64, Double)])] = [
      ("MaTrIx", [(1, idf(2)), (2, idf(2))]),
      ("matrix AND reloaded", [(2, idf(2) + idf(1))]),
      ("matrix && reloaded", [(2, idf(2) + idf(1))]),
      ("+matrix reloaded", [(2, idf(2) + idf(1)), (1, idf(2))]),
      ("matrix -reloaded", [(1, idf(2))]),
      ("matrix NOT reloaded", [(1, idf(2))]),
      ("\"the truth\"", [(1, idf(2) + idf(1))]),
      ("\"truth the\"", []),
      ("hack*", [(1, 1), (4, 1)]),
      ("title:reality", [(3, idf(2))]),
      ("title:\"reality hunger\"", [(3, idf(2) + idf(1))]),
      ("reality OR hunger", [(3, idf(2) + idf(1)), (1, idf(2))]),
      ("reality || hunger", [(3, idf(2) + idf(1)), (1, idf(2))]),
      ("(matrix OR hunger) AND NOT neo", [(3, idf(1)), (1, idf(2))]),
      ("NOT matrix", []),
      ("42", []),
      ("reality.", [(1, idf(2)), (3, idf(2))]),
      ("missing", []),
    ]
    for (query, expected) in cases { expectHits(try hits(db, query), expected, query) }
  }

  @Test func writesAreSeenAtOnce() throws {
    let db = try Database()
    try movies(db)
    _ = try db.execute("MATCH (n:Other) SET n:Book")
    _ = try db.execute("MATCH (n:Movie {id: 2}) SET n.title = 'Something else'")
    _ = try db.execute("MATCH (n:Movie {id: 1}) DETACH DELETE n")
    expectHits(try hits(db, "matrix"), [(5, idf(1))], "matrix")
  }

  @Test func relationshipsAndTheOtherKind() throws {
    let db = try Database()
    _ = try db.execute("CREATE (a)-[:R {id: 1, note: 'Hello world'}]->(b), (a)-[:S {id: 2, note: 'hello there'}]->(b), (a)-[:T {id: 3, note: 'hello'}]->(b)")
    _ = try db.execute("CREATE FULLTEXT INDEX notes FOR ()-[r:R|S]-() ON EACH [r.note]")
    let rows = try db.execute("CALL db.index.fulltext.queryRelationships('notes', 'hello') YIELD relationship RETURN relationship.id").rows
    #expect(rows.map { $0[0].intValue } == [1, 2])
    #expect(thrown { try db.execute("CALL db.index.fulltext.queryNodes('notes', 'hello')") } == "IndexNotFound")
  }

  @Test func showAndDrop() throws {
    let db = try Database()
    try movies(db)
    let rows = try db.execute("SHOW FULLTEXT INDEXES").rows.map { $0.map(\.cypherText) }
    #expect(
      rows == [
        [
          "'titles'", "'FULLTEXT'", "'NODE'", "['Movie', 'Book']", "['title', 'plot']", "null", "4", "4",
          "{indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}, indexProvider: 'fulltext-1.0'}",
        ]
      ])
    _ = try db.execute("CREATE FULLTEXT INDEX titles IF NOT EXISTS FOR (n:Movie) ON EACH [n.plot]")
    _ = try db.execute("CREATE FULLTEXT INDEX other IF NOT EXISTS FOR (n:Book|Movie) ON EACH [n.plot, n.title]")
    #expect(try db.execute("SHOW INDEXES").rows.count == 1)
    _ = try db.execute("DROP INDEX titles")
    #expect(thrown { try db.execute("CALL db.index.fulltext.queryNodes('titles', 'matrix')") } == "IndexNotFound")
    #expect(try db.execute("SHOW INDEXES").rows.isEmpty)
  }

  @Test(arguments: [
    ("CALL db.index.fulltext.queryNodes('nope', 'matrix')", "IndexNotFound"),
    ("CALL db.index.fulltext.queryNodes('titles', '\"unclosed')", "ProcedureCallFailed"),
    ("CALL db.index.fulltext.queryNodes('titles', '(matrix')", "ProcedureCallFailed"),
    ("CALL db.index.fulltext.queryNodes('titles', 'matrix)')", "ProcedureCallFailed"),
    ("CALL db.index.fulltext.queryNodes('titles', 'AND matrix')", "ProcedureCallFailed"),
    ("CALL db.index.fulltext.queryNodes('titles', 'matrix AND')", "ProcedureCallFailed"),
    ("CALL db.index.fulltext.queryNodes('titles', 'matrix~')", "ProcedureCallFailed"),
    ("CALL db.index.fulltext.queryNodes('titles', 'matrix^2')", "ProcedureCallFailed"),
    ("CALL db.index.fulltext.queryNodes('titles', 'ma?rix')", "ProcedureCallFailed"),
    ("CALL db.index.fulltext.queryNodes('titles', 'title:(a b)')", "ProcedureCallFailed"),
    ("CALL db.index.fulltext.queryNodes('titles', '')", "ProcedureCallFailed"),
    ("CREATE FULLTEXT INDEX titles FOR (n:X) ON EACH [n.p]", "IndexAlreadyExists"),
    ("CREATE FULLTEXT INDEX other FOR (n:Book|Movie) ON EACH [n.plot, n.title]", "IndexAlreadyExists"),
    ("CREATE INDEX titles FOR (n:X) ON (n.p)", "IndexAlreadyExists"),
    ("CREATE VECTOR INDEX titles FOR (n:X) ON n.p", "IndexAlreadyExists"),
    ("CREATE FULLTEXT INDEX f FOR (n:A&B) ON EACH [n.p]", "UnexpectedSyntax at 1:29"),
    ("CREATE FULLTEXT INDEX f FOR (n:A:B) ON EACH [n.p]", "UnexpectedSyntax at 1:29"),
    ("CREATE FULLTEXT INDEX f FOR (n:A) ON [n.p]", "UnexpectedSyntax at 1:38"),
    ("CREATE FULLTEXT INDEX f FOR (n:A) ON EACH n.p", "UnexpectedSyntax at 1:43"),
    ("CREATE FULLTEXT INDEX f FOR (n:A) ON EACH [m.p]", "UndefinedVariable at 1:44"),
    ("CREATE FULLTEXT INDEX f FOR (n:A) ON EACH [n.p] OPTIONS {x: 1}", "InvalidArgumentValue at 1:57"),
  ])
  func errors(statement: String, error: String) throws {
    let db = try Database()
    try movies(db)
    #expect(thrown { try db.execute(statement) } == error)
    #expect(try db.execute("SHOW INDEXES YIELD name").rows.map { $0[0].cypherText } == ["'titles'"])
  }

  @Test func fulltextIndexesSurviveTheLogAndASnapshot() throws {
    let dir = try ScratchDirectory()
    var expected: [[String]] = []
    do {
      let db = try Database(path: dir.path)
      try movies(db)
      _ = try db.execute("CREATE FULLTEXT INDEX notes FOR ()-[r:R]-() ON EACH [r.note]")
      _ = try db.execute("CREATE FULLTEXT INDEX dropped FOR (n:X) ON EACH [n.p]")
      _ = try db.execute("DROP INDEX dropped")
      expected = try db.execute("SHOW INDEXES").rows.map { $0.map(\.cypherText) }
      #expect(expected.count == 2)
    }
    for pass in 0..<2 {
      let db = try Database(path: dir.path)
      #expect(try db.execute("SHOW INDEXES").rows.map { $0.map(\.cypherText) } == expected, "pass \(pass)")
      expectHits(try hits(db, "reloaded"), [(2, idf(1))], "reloaded")
      try db.checkpoint()
    }
  }
}
