// A whole path pattern in parentheses (`MATCH ((a)-[:R]->(b) WHERE …)`), with subpath
// variables naming the path (`MATCH (q = (a)-->(b))`, `MATCH p = (q = …)`): rows, the path
// WHERE as a pre-filter of selectors, and what stays refused.
import Quiver
import Testing

@Suite struct ParenthesizedPathTests {
  /// s(0) -> 1 -> t(3), s -> 2 -> t, s -> t (w 0 on the direct one, 1 elsewhere).
  private func graph() throws -> Database {
    let db = try Database()
    _ = try db.execute("""
      CREATE (s:S {id: 0}), (t:S {id: 3}), (n1:S {id: 1}), (n2:S {id: 2}),
        (s)-[:R {w: 0}]->(t), (s)-[:R {w: 1}]->(n1)-[:R {w: 1}]->(t), (s)-[:R {w: 1}]->(n2)-[:R {w: 1}]->(t)
      """)
    return db
  }

  private func rows(_ db: Database, _ query: String) throws -> [String] {
    try db.execute(query).rows.map { row in
      row.map { v in
        if let l = v.listValue { return "[" + l.map { $0.intValue.map(String.init) ?? "?" }.joined(separator: ",") + "]" }
        return v.intValue.map(String.init) ?? v.stringValue ?? "\(v)"
      }.joined(separator: " ")
    }
  }

  @Test(arguments: [
    ("MATCH ((a:S {id: 0})-[:R]->(b)) RETURN b.id ORDER BY b.id", ["1", "2", "3"]),
    ("MATCH ((a:S {id: 0})-[r:R]->(b) WHERE r.w > 0 AND b.id < 2) RETURN b.id", ["1"]),
    ("MATCH (((a:S {id: 0})-[:R]->(b) WHERE b.id > 1) WHERE b.id < 3) RETURN b.id", ["2"]),
    ("MATCH (q = (a:S {id: 0})-[:R]->(b:S {id: 3})) RETURN length(q)", ["1"]),
    ("MATCH p = (q = (a:S {id: 0})-[:R]->(m)-[:R]->(b:S {id: 3})) RETURN length(p), length(q), p = q ORDER BY m.id LIMIT 1", [
      "2 2 true",
    ]),
    ("MATCH (q = (a:S {id: 0})-[:R]->(b) WHERE length(q) = 1 AND b.id = 3) RETURN [n IN nodes(q) | n.id]", ["[0,3]"]),
    ("MATCH (q = (a:S {id: 0})-[:R]->+(b:S {id: 3})) RETURN length(q) AS l ORDER BY l", ["1", "2", "2"]),
    ("MATCH (q = (a:S {id: 0}) ((x)-[:R]->(y)){2} (b)) RETURN [n IN y | n.id]", ["[1,3]", "[2,3]"]),
    // The WHERE inside the parentheses filters before a selector keeps paths.
    ("MATCH p = SHORTEST 1 ((a:S {id: 0})-[:R]->+(b:S {id: 3}) WHERE length(p) > 1) RETURN length(p)", ["2"]),
    ("MATCH SHORTEST 1 (q = (a:S {id: 0})-[rs:R]->+(b:S {id: 3}) WHERE all(r IN rs WHERE r.w > 0)) RETURN length(q)", ["2"]),
    ("MATCH ALL SHORTEST (q = (a:S {id: 0})-[:R]->+(b:S {id: 3})) RETURN length(q)", ["1"]),
    ("MATCH ((a:S {id: 1})-[:R]->(b)), ((c:S {id: 2})-[:R]->(b)) RETURN b.id", ["3"]),
    ("OPTIONAL MATCH ((a:S {id: 3})-[:R]->(b)) RETURN b", ["null"]),
  ])
  func parenthesizedPathsMatchAsTheirPattern(query: String, expected: [String]) throws {
    #expect(try rows(graph(), query).sorted() == expected.sorted())
  }

  @Test(arguments: [
    ("MATCH ((a)-->(b)) -->(c) RETURN c", "UnexpectedSyntax at 1:19"),
    ("MATCH ((a)-->(b)) (c) RETURN c", "UnexpectedSyntax at 1:19"),
    ("MATCH p = (p = (a)-->(b)) RETURN p", "VariableAlreadyBound at 1:7"),
    ("MATCH (a) MATCH (a = (x)-->(y)) RETURN a", "VariableAlreadyBound at 1:17"),
    ("MATCH ((a)-->(b) WHERE c.x = 1) RETURN a", "UndefinedVariable at 1:24"),
    ("CREATE ((a)-[:R]->(b))", "UnexpectedSyntax at 1:8"),
    ("MERGE (q = (a)-[:R]->(b))", "UnexpectedSyntax at 1:7"),
    ("MATCH p = shortestPath(((a)-->(b))) RETURN p", "UnexpectedSyntax"),
  ])
  func misplacedParenthesizedPathsAreRefused(query: String, error: String) throws {
    #expect(thrown { try graph().execute(query) }.hasPrefix(error))
  }
}
