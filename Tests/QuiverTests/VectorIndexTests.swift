// Vector indexes: CREATE VECTOR INDEX with its options, db.index.vector.queryNodes and
// queryRelationships with Neo4j's normalised scores (exact search), the values an index leaves
// out, SHOW INDEXES and DROP INDEX, every error, and survival of reopening.
import Foundation
import Quiver
import Testing

@Suite struct VectorIndexTests {
  /// Five documents with two-dimensional vectors in `emb` and `pos`, and two that no index holds.
  private func documents(_ db: Database) throws {
    _ = try db.execute(
      """
      UNWIND [[1, [1, 0]], [2, [0, 1]], [3, [1.0, 1.0]], [4, [-1, 0]], [5, 'text'], [6, [1, 2, 3]], [7, [0, 0]]] AS d
      CREATE (:Doc {id: d[0], emb: d[1], pos: d[1]})
      """)
    _ = try db.execute(
      """
      CREATE VECTOR INDEX doc_emb FOR (d:Doc) ON d.emb
      OPTIONS {indexConfig: {`vector.dimensions`: 2, `vector.similarity_function`: 'COSINE'}}
      """)
    _ = try db.execute(
      """
      CREATE VECTOR INDEX doc_pos IF NOT EXISTS FOR (d:Doc) ON (d.pos)
      OPTIONS {indexConfig: {`vector.dimensions`: 2, `vector.similarity_function`: 'euclidean', `vector.hnsw.m`: 16}}
      """)
  }

  /// The ids and scores a query yields.
  private func hits(_ db: Database, _ query: String) throws -> [(Int64, Double)] {
    try db.execute(query).rows.map { ($0[0].intValue ?? -1, $0[1].doubleValue ?? .nan) }
  }

  private func expectHits(_ got: [(Int64, Double)], _ expected: [(Int64, Double)]) {
    #expect(got.map(\.0) == expected.map(\.0))
    for (g, e) in zip(got, expected) { #expect(abs(g.1 - e.1) < 1e-12, "id \(e.0): \(g.1) vs \(e.1)") }
  }

  @Test func queryNodesRanksByNormalisedScore() throws {
    let db = try Database()
    try documents(db)
    // Cosine: (1 + cos) / 2.
    expectHits(
      try hits(db, "CALL db.index.vector.queryNodes('doc_emb', 3, [2, 0]) YIELD node, score RETURN node.id, score"),
      [(1, 1.0), (3, (1 + 0.5.squareRoot()) / 2), (2, 0.5)])
    // Euclidean: 1 / (1 + d²); integers and floats alike.
    expectHits(
      try hits(db, "CALL db.index.vector.queryNodes('doc_pos', 10, [1.0, 0]) YIELD node, score RETURN node.id, score"),
      [(1, 1.0), (3, 0.5), (7, 0.5), (2, 1.0 / 3), (4, 0.2)])
    // Writes are seen at once; deleted nodes are gone.
    _ = try db.execute("MATCH (d:Doc {id: 4}) SET d.emb = [3, 0.0]")
    _ = try db.execute("MATCH (d:Doc {id: 1}) DELETE d")
    expectHits(
      try hits(db, "CALL db.index.vector.queryNodes('doc_emb', 2, [1, 0]) YIELD node, score RETURN node.id, score"),
      [(4, 1.0), (3, (1 + 0.5.squareRoot()) / 2)])
  }

  @Test func queryRelationships() throws {
    let db = try Database()
    _ = try db.execute("CREATE (a)-[:R {id: 1, v: [1, 0, 0]}]->(b), (a)-[:R {id: 2, v: [0, 0, 1]}]->(b), (a)-[:S {v: [1, 0, 0]}]->(b)")
    _ = try db.execute("CREATE VECTOR INDEX r_v FOR ()-[r:R]-() ON r.v OPTIONS {indexConfig: {`vector.dimensions`: 3}}")
    expectHits(
      try hits(db, "CALL db.index.vector.queryRelationships('r_v', 5, [1, 0, 0]) YIELD relationship, score RETURN relationship.id, score"),
      [(1, 1.0), (2, 0.5)])
    #expect(thrown { try db.execute("CALL db.index.vector.queryNodes('r_v', 5, [1, 0, 0])") } == "IndexNotFound")
  }

  @Test func showAndDrop() throws {
    let db = try Database()
    try documents(db)
    _ = try db.execute("CREATE INDEX doc_id FOR (d:Doc) ON (d.id)")
    let rows = try db.execute("SHOW INDEXES").rows.map { $0.map(\.cypherText) }
    #expect(
      rows == [
        [
          "'doc_emb'", "'VECTOR'", "'NODE'", "['Doc']", "['emb']", "null", "4", "4",
          "{indexConfig: {`vector.dimensions`: 2, `vector.similarity_function`: 'COSINE'}, indexProvider: 'vector-2.0'}",
        ],
        ["'doc_id'", "'RANGE'", "'NODE'", "['Doc']", "['id']", "null", "7", "7", "{indexConfig: {}, indexProvider: 'range-1.0'}"],
        [
          "'doc_pos'", "'VECTOR'", "'NODE'", "['Doc']", "['pos']", "null", "5", "5",
          "{indexConfig: {`vector.dimensions`: 2, `vector.similarity_function`: 'EUCLIDEAN'}, indexProvider: 'vector-2.0'}",
        ],
      ])
    #expect(try db.execute("SHOW VECTOR INDEXES YIELD name").rows.map { $0[0].cypherText } == ["'doc_emb'", "'doc_pos'"])
    #expect(try db.execute("SHOW RANGE INDEXES YIELD name").rows.map { $0[0].cypherText } == ["'doc_id'"])
    #expect(try db.execute("SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'db.index'").rows.map { $0[0].cypherText } == [
      "'db.index.fulltext.queryNodes'", "'db.index.fulltext.queryRelationships'", "'db.index.vector.queryNodes'",
      "'db.index.vector.queryRelationships'",
    ])
    _ = try db.execute("DROP INDEX doc_emb")
    #expect(thrown { try db.execute("CALL db.index.vector.queryNodes('doc_emb', 1, [1, 0])") } == "IndexNotFound")
    #expect(thrown { try db.execute("DROP INDEX doc_emb") } == "IndexNotFound")
    _ = try db.execute("DROP INDEX doc_emb IF EXISTS")
    #expect(try db.execute("SHOW INDEXES").rows.count == 2)
  }

  @Test(arguments: [
    ("CALL db.index.vector.queryNodes('nope', 1, [1, 0])", "IndexNotFound"),
    ("CALL db.index.vector.queryNodes('doc_emb', 0, [1, 0])", "InvalidArgumentValue"),
    ("CALL db.index.vector.queryNodes('doc_emb', 1, [1, 0, 0])", "InvalidArgumentValue"),
    ("CALL db.index.vector.queryNodes('doc_emb', 1, [0, 0])", "InvalidArgumentValue"),
    ("CALL db.index.vector.queryNodes('doc_emb', 1, ['a', 'b'])", "InvalidArgumentValue"),
    ("CALL db.index.vector.queryNodes('doc_emb', 1, 'text')", "InvalidArgumentValue"),
    ("CALL db.index.vector.queryRelationships('doc_emb', 1, [1, 0])", "IndexNotFound"),
    ("CREATE VECTOR INDEX doc_emb FOR (d:Other) ON d.x", "IndexAlreadyExists"),
    ("CREATE VECTOR INDEX other FOR (d:Doc) ON d.emb", "IndexAlreadyExists"),
    ("CREATE INDEX doc_emb FOR (d:Doc) ON (d.id)", "IndexAlreadyExists"),
    ("CREATE CONSTRAINT doc_pos FOR (d:Doc) REQUIRE d.id IS UNIQUE", "IndexAlreadyExists"),
    ("CREATE VECTOR INDEX v FOR (d:Doc) ON d.x OPTIONS {indexConfig: {`vector.dimensions`: 0}}", "InvalidArgumentValue at 1:50"),
    ("CREATE VECTOR INDEX v FOR (d:Doc) ON d.x OPTIONS {indexConfig: {`vector.dimensions`: 4097}}", "InvalidArgumentValue at 1:50"),
    ("CREATE VECTOR INDEX v FOR (d:Doc) ON d.x OPTIONS {indexConfig: {`vector.similarity_function`: 'dot'}}", "InvalidArgumentValue at 1:50"),
    ("CREATE VECTOR INDEX v FOR (d:Doc) ON d.x OPTIONS {indexConfig: {`vector.dimensions`: '2'}}", "InvalidArgumentValue at 1:50"),
    ("CREATE VECTOR INDEX v FOR (d:Doc) ON d.x OPTIONS {config: {}}", "InvalidArgumentValue at 1:50"),
    ("CREATE VECTOR INDEX v FOR (d:Doc) ON (d.x, d.y)", "UnexpectedSyntax at 1:38"),
    ("CREATE BTREE INDEX f FOR (d:Doc) ON (d.x)", "UnexpectedSyntax at 1:8"),
    ("CREATE LOOKUP INDEX doc_emb FOR (d) ON EACH labels(d)", "IndexAlreadyExists"),
  ])
  func errors(statement: String, error: String) throws {
    let db = try Database()
    try documents(db)
    #expect(thrown { try db.execute(statement) } == error)
    #expect(try db.execute("SHOW INDEXES YIELD name").rows.map { $0[0].cypherText } == ["'doc_emb'", "'doc_pos'"])
  }

  @Test func vectorIndexesSurviveTheLogAndASnapshot() throws {
    let dir = try ScratchDirectory()
    var expected: [[String]] = []
    do {
      let db = try Database(path: dir.path)
      try documents(db)
      _ = try db.execute("CREATE VECTOR INDEX any_length FOR ()-[r:R]-() ON r.v")
      _ = try db.execute("CREATE VECTOR INDEX dropped FOR (n:X) ON n.v")
      _ = try db.execute("DROP INDEX dropped")
      expected = try db.execute("SHOW INDEXES").rows.map { $0.map(\.cypherText) }
      #expect(expected.count == 3)
    }
    for pass in 0..<2 {
      let db = try Database(path: dir.path)
      #expect(try db.execute("SHOW INDEXES").rows.map { $0.map(\.cypherText) } == expected, "pass \(pass)")
      expectHits(
        try hits(db, "CALL db.index.vector.queryNodes('doc_pos', 1, [0, 1]) YIELD node, score RETURN node.id, score"), [(2, 1.0)])
      #expect(thrown { try db.execute("CALL db.index.vector.queryNodes('doc_emb', 1, [1, 0, 0])") } == "InvalidArgumentValue")
      try db.checkpoint()
    }
  }
}
