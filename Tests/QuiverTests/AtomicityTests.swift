// A statement that fails at any point changes nothing: not the graph, not the label index, not
// the id counters. Each case fails a writing statement after a varying number of rows.
import Quiver
import Testing

@Suite struct AtomicityTests {
  /// A graph of 5 :N nodes in a chain, with properties, as every case starts.
  private func seeded() throws -> Database {
    let db = try Database()
    _ = try db.execute("UNWIND range(1, 5) AS i CREATE (:N {i: i, tag: 'orig'})")
    _ = try db.execute("MATCH (a:N), (b:N) WHERE b.i = a.i + 1 CREATE (a)-[:NEXT {w: a.i}]->(b)")
    return db
  }

  /// The whole graph as text, for comparing before and after.
  private func fingerprint(_ db: Database) throws -> String {
    let nodes = try db.execute("MATCH (n) RETURN id(n) AS id, labels(n) AS l, properties(n) AS p ORDER BY id")
    let rels = try db.execute("MATCH (a)-[r]->(b) RETURN id(r) AS id, type(r) AS t, id(a) AS a, id(b) AS b, properties(r) AS p ORDER BY id")
    let labels = try db.execute("CALL db.labels() YIELD label RETURN label ORDER BY label")
    return [nodes, rels, labels].map { $0.rows.map { $0.map(\.cypherText).joined(separator: ",") }.joined(separator: ";") }
      .joined(separator: " | ")
  }

  /// Statements that fail when the row with i = $k is reached, after changing earlier rows, and
  /// the error they fail with.
  static let failing = [
    ("UNWIND range(1, 5) AS i CREATE (:M {i: i}) WITH i WHERE i = $k RETURN 1 / (i - $k)", "DivisionByZero"),
    ("MATCH (n:N) SET n.tag = 'changed', n:Extra WITH n WHERE n.i = $k RETURN 1 / (n.i - $k)", "DivisionByZero"),
    ("MATCH (n:N) REMOVE n.tag, n:N WITH n WHERE n.i = $k RETURN 1 / (n.i - $k)", "DivisionByZero"),
    ("MATCH (n:N) DETACH DELETE n WITH n WHERE n.i = $k RETURN 1 / 0", "DeletedEntityAccess"),
    ("MATCH (n:N) MERGE (n)-[:SELF]->(n) WITH n WHERE n.i = $k RETURN 1 / (n.i - $k)", "DivisionByZero"),
    ("MATCH (n:N) CREATE (n)-[:NEW]->(:Fresh) WITH n WHERE n.i = $k SET n.bad = {nested: 1}", "InvalidPropertyType"),
    ("MATCH (n:N) FOREACH (x IN range(1, 3) | CREATE (:F {x: x})) WITH n WHERE n.i = $k DELETE n", "DeleteConnectedNode"),
  ]

  @Test(arguments: failing)
  func failingStatementChangesNothing(_ statement: String, _ error: String) throws {
    for k in 1...5 {
      let db = try seeded()
      let before = try fingerprint(db)
      #expect(thrown { try db.execute(statement, parameters: ["k": .int(Int64(k))]) } == error, "k = \(k)")
      #expect(try fingerprint(db) == before, "k = \(k)")
      // The id counters are as before: the next node gets the next unused id.
      let next = try db.execute("CREATE (x) RETURN id(x) AS id").rows[0][0].intValue
      #expect(next == 5, "k = \(k)")
    }
  }

  @Test func failedTransactionStatementKeepsEarlierOnes() throws {
    let db = try seeded()
    try db.transaction { tx in
      _ = try tx.execute("CREATE (:Kept)")
      #expect(thrown { try tx.execute("MATCH (n:N) SET n.x = 1 WITH n RETURN n.i / 0") } == "DivisionByZero")
      let changed = try tx.execute("MATCH (n:N) WHERE n.x IS NOT NULL RETURN count(n)").rows[0][0].intValue
      #expect(changed == 0)
    }
    #expect(try db.execute("MATCH (k:Kept) RETURN count(k)").rows[0][0].intValue == 1)
  }
}
