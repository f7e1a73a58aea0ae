// The options map of the full-text query procedures (`{skip, limit, analyzer}`), and optional
// procedure parameters in general: calls with and without the map, the default SHOW PROCEDURES
// prints, implicit arguments, argument counts, and each option error with its message.
import Quiver
import Testing

@Suite struct FulltextQueryOptionsTests {
  /// Five movies whose titles all hold `matrix` once: equal scores, so they come in creation order.
  private func database() throws -> Database {
    let db = try Database()
    _ = try db.execute(
      """
      UNWIND range(1, 5) AS i
      CREATE (:Movie {id: i, title: 'matrix' + reduce(s = '', x IN range(2, i) | s + ' filler')})
      """)
    _ = try db.execute("CREATE (a:Movie {id: 6})-[:R {id: 7, note: 'matrix'}]->(a), (a)-[:R {id: 8, note: 'matrix and more'}]->(a)")
    _ = try db.execute("CREATE FULLTEXT INDEX titles FOR (n:Movie) ON EACH [n.title]")
    _ = try db.execute("CREATE FULLTEXT INDEX notes FOR ()-[r:R]-() ON EACH [r.note]")
    return db
  }

  private func ids(_ db: Database, _ query: String, _ parameters: [String: Value] = [:]) throws -> [Int64] {
    try db.execute(query, parameters: parameters).rows.map { $0[0].intValue ?? -1 }
  }

  private func error(_ db: Database, _ query: String) -> String {
    do {
      _ = try db.execute(query)
      return "no error"
    } catch let e as QuiverError {
      return "\(e.category.name)/\(e.code.rawValue): \(e.message)"
    } catch {
      return "\(error)"
    }
  }

  @Test(arguments: [
    ("CALL db.index.fulltext.queryNodes('titles', 'matrix') YIELD node RETURN node.id", [1, 2, 3, 4, 5]),
    ("CALL db.index.fulltext.queryNodes('titles', 'matrix', {}) YIELD node RETURN node.id", [1, 2, 3, 4, 5]),
    ("CALL db.index.fulltext.queryNodes('titles', 'matrix', null) YIELD node RETURN node.id", [1, 2, 3, 4, 5]),
    ("CALL db.index.fulltext.queryNodes('titles', 'matrix', {skip: 1}) YIELD node RETURN node.id", [2, 3, 4, 5]),
    ("CALL db.index.fulltext.queryNodes('titles', 'matrix', {limit: 2}) YIELD node RETURN node.id", [1, 2]),
    ("CALL db.index.fulltext.queryNodes('titles', 'matrix', {skip: 1, limit: 2}) YIELD node RETURN node.id", [2, 3]),
    ("CALL db.index.fulltext.queryNodes('titles', 'matrix', {skip: 4, limit: 9}) YIELD node RETURN node.id", [5]),
    ("CALL db.index.fulltext.queryNodes('titles', 'matrix', {skip: 9}) YIELD node RETURN node.id", []),
    ("CALL db.index.fulltext.queryNodes('titles', 'matrix', {limit: 0}) YIELD node RETURN node.id", []),
    ("CALL db.index.fulltext.queryNodes('titles', 'matrix', {skip: null, limit: null}) YIELD node RETURN node.id", [1, 2, 3, 4, 5]),
    (
      "CALL db.index.fulltext.queryNodes('titles', 'matrix', {analyzer: 'standard-no-stop-words', limit: 1}) YIELD node RETURN node.id",
      [1]
    ),
    ("CALL db.index.fulltext.queryRelationships('notes', 'matrix', {skip: 1}) YIELD relationship RETURN relationship.id", [8]),
    ("CALL db.index.fulltext.queryRelationships('notes', 'matrix') YIELD relationship RETURN relationship.id", [7, 8]),
  ])
  func skipAndLimit(query: String, expected: [Int64]) throws {
    #expect(try ids(try database(), query) == expected)
  }

  @Test func scoresAreThoseOfTheFullResult() throws {
    let db = try database()
    let all = try db.execute("CALL db.index.fulltext.queryNodes('titles', 'matrix') YIELD score RETURN score").rows.map(\.[0])
    let page = try db.execute("CALL db.index.fulltext.queryNodes('titles', 'matrix', {skip: 2, limit: 2}) YIELD score RETURN score").rows
      .map(\.[0])
    #expect(all.count == 5)
    #expect(page.map(\.cypherText) == all[2..<4].map(\.cypherText))
  }

  @Test func implicitArgumentsFallBackToTheDefault() throws {
    let db = try database()
    // A standalone CALL yields the node itself: its columns are node and score.
    let without = try db.execute(
      "CALL db.index.fulltext.queryNodes", parameters: ["indexName": .string("titles"), "queryString": .string("matrix")])
    #expect(without.columns == ["node", "score"])
    #expect(without.rows.count == 5)
    let with = try db.execute(
      "CALL db.index.fulltext.queryNodes",
      parameters: ["indexName": .string("titles"), "queryString": .string("matrix"), "options": .map(["skip": .int(1), "limit": .int(1)])])
    #expect(with.rows.map { $0[0].cypherText } == [without.rows[1][0].cypherText])
    #expect(with.rows.count == 1)
    // An argument written as a parameter has no default to fall back to.
    #expect(
      error(db, "CALL db.index.fulltext.queryNodes('titles', 'matrix', $options)")
        == "ParameterMissing/MissingParameter: expected a value for parameter $options")
  }

  /// `my.greet(name, greeting = 'hello', punctuation = '!')`, registered by the embedder.
  private func greeter() throws -> Database {
    let db = try Database()
    db.register(
      Procedure(
        name: "my.greet",
        parameters: [
          ProcedureField("name", "STRING"), ProcedureField("greeting", "STRING?", default: .string("hello")),
          ProcedureField("punctuation", "STRING?", default: .string("!")),
        ],
        outputs: [ProcedureField("text", "STRING?")],
        body: { args in [[.string(args.map { $0.stringValue ?? "null" }.joined(separator: " "))]] }))
    return db
  }

  @Test(arguments: [
    ("CALL my.greet('bob') YIELD text RETURN text", "'bob hello !'"),
    ("CALL my.greet('bob', 'hi') YIELD text RETURN text", "'bob hi !'"),
    ("CALL my.greet('bob', 'hi', '?') YIELD text RETURN text", "'bob hi ?'"),
    ("CALL my.greet('bob', null) YIELD text RETURN text", "'bob null !'"),
    (
      "CALL my.greet()",
      "SyntaxError/InvalidNumberOfArguments: my.greet takes 1 to 3 arguments, got 0: my.greet(name :: STRING?, greeting = 'hello' :: STRING?, punctuation = '!' :: STRING?) :: (text :: STRING?)"
    ),
    (
      "CALL my.greet('a', 'b', 'c', 'd')",
      "SyntaxError/InvalidNumberOfArguments: my.greet takes 1 to 3 arguments, got 4: my.greet(name :: STRING?, greeting = 'hello' :: STRING?, punctuation = '!' :: STRING?) :: (text :: STRING?)"
    ),
  ])
  func embedderProceduresTakeOptionalParameters(query: String, expected: String) throws {
    let db = try greeter()
    let got = expected.hasPrefix("SyntaxError") ? error(db, query) : try db.execute(query).rows.map { $0[0].cypherText }.joined()
    #expect(got == expected)
  }

  @Test func implicitArgumentsOfAnEmbedderProcedure() throws {
    let db = try greeter()
    let rows = try db.execute("CALL my.greet", parameters: ["name": .string("ann"), "punctuation": .string(".")]).rows
    #expect(rows.map { $0.map(\.cypherText) } == [["'ann hello .'"]])
    #expect(
      try db.execute("SHOW PROCEDURES YIELD name, signature WHERE name = 'my.greet'").rows.map { $0[1].cypherText } == [
        "'my.greet(name :: STRING?, greeting = \\'hello\\' :: STRING?, punctuation = \\'!\\' :: STRING?) :: (text :: STRING?)'"
      ])
  }

  @Test func showProceduresPrintsTheDefault() throws {
    let db = try database()
    let rows = try db.execute("SHOW PROCEDURES YIELD name, signature WHERE name STARTS WITH 'db.index.fulltext'").rows
    #expect(
      rows.map { $0.map(\.cypherText) } == [
        [
          "'db.index.fulltext.queryNodes'",
          "'db.index.fulltext.queryNodes(indexName :: STRING?, queryString :: STRING?, options = {} :: MAP?) :: (node :: NODE?, score :: FLOAT?)'",
        ],
        [
          "'db.index.fulltext.queryRelationships'",
          "'db.index.fulltext.queryRelationships(indexName :: STRING?, queryString :: STRING?, options = {} :: MAP?) :: (relationship :: RELATIONSHIP?, score :: FLOAT?)'",
        ],
      ])
  }

  @Test(arguments: [
    (
      "CALL db.index.fulltext.queryNodes('titles')",
      "SyntaxError/InvalidNumberOfArguments: db.index.fulltext.queryNodes takes 2 to 3 arguments, got 1: db.index.fulltext.queryNodes(indexName :: STRING?, queryString :: STRING?, options = {} :: MAP?) :: (node :: NODE?, score :: FLOAT?)"
    ),
    (
      "CALL db.index.fulltext.queryNodes('titles', 'matrix', {}, 1)",
      "SyntaxError/InvalidNumberOfArguments: db.index.fulltext.queryNodes takes 2 to 3 arguments, got 4: db.index.fulltext.queryNodes(indexName :: STRING?, queryString :: STRING?, options = {} :: MAP?) :: (node :: NODE?, score :: FLOAT?)"
    ),
    (
      "CALL db.index.fulltext.queryNodes('titles', 'matrix', 5)",
      "SyntaxError/InvalidArgumentType: argument `options` of db.index.fulltext.queryNodes must be MAP?, got INTEGER"
    ),
    (
      "CALL db.index.fulltext.queryNodes('titles', 'matrix', {top: 1})",
      "ArgumentError/InvalidArgumentValue: unknown full-text query option `top`: the options are `skip`, `limit` and `analyzer`"
    ),
    (
      "CALL db.index.fulltext.queryNodes('titles', 'matrix', {skip: '1'})",
      "TypeError/InvalidArgumentType: full-text query option `skip` must be an INTEGER, got STRING"
    ),
    (
      "CALL db.index.fulltext.queryNodes('titles', 'matrix', {limit: 1.5})",
      "TypeError/InvalidArgumentType: full-text query option `limit` must be an INTEGER, got FLOAT"
    ),
    (
      "CALL db.index.fulltext.queryNodes('titles', 'matrix', {limit: -1})",
      "ArgumentError/InvalidArgumentValue: full-text query option `limit` must not be negative, got -1"
    ),
    (
      "CALL db.index.fulltext.queryNodes('titles', 'matrix', {analyzer: 'english'})",
      "ArgumentError/InvalidArgumentValue: unknown full-text analyzer 'english': the only analyzer is 'standard-no-stop-words'"
    ),
    (
      "CALL db.index.fulltext.queryNodes('titles', 'matrix', {analyzer: 1})",
      "TypeError/InvalidArgumentType: full-text query option `analyzer` must be a STRING, got INTEGER"
    ),
  ])
  func errors(query: String, expected: String) throws {
    #expect(error(try database(), query) == expected)
  }
}
