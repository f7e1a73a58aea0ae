// Quantified relationships (`-[:R]->{2,4}`, `-->+`, `-->*`), quantified path patterns with
// group variables and inner WHERE, match modes and path selectors: rows on small graphs, the
// laziness LIMIT relies on, the plan they share with variable-length expansion, and the errors.
import Quiver
import Testing

@Suite struct QuantifiedPatternTests {
  /// a:Person -KNOWS{w:1}-> b:Person -KNOWS{w:2}-> c:Robot -LIKES{w:3}-> d; a -LIKES{w:5}-> d.
  private func graph() throws -> Database {
    let db = try Database()
    _ = try db.execute("""
      CREATE (a:Person {name: 'a'}), (b:Person {name: 'b'}), (c:Robot {name: 'c'}), (d {name: 'd'}),
        (a)-[:KNOWS {w: 1}]->(b), (b)-[:KNOWS {w: 2}]->(c), (c)-[:LIKES {w: 3}]->(d), (a)-[:LIKES {w: 5}]->(d)
      """)
    return db
  }

  /// Each row's values as text, lists of nodes as their names joined.
  private func rows(_ db: Database, _ query: String) throws -> [String] {
    try db.execute(query).rows.map { row in
      row.map { v -> String in
        if let list = v.listValue { return "[" + list.map { Self.text($0) }.joined(separator: ",") + "]" }
        return Self.text(v)
      }.joined(separator: " ")
    }
  }

  private static func text(_ v: Value) -> String {
    if let s = v.stringValue { return s }
    if let i = v.intValue { return String(i) }
    return "\(v)"
  }

  @Test(arguments: [
    ("MATCH ({name: 'a'})-[:KNOWS]->{1,2}(b) RETURN b.name ORDER BY b.name", ["b", "c"]),
    ("MATCH ({name: 'a'})-[:KNOWS]->+(b) RETURN b.name ORDER BY b.name", ["b", "c"]),
    ("MATCH ({name: 'a'})-[:KNOWS]->*(b) RETURN b.name ORDER BY b.name", ["a", "b", "c"]),
    ("MATCH ({name: 'a'})-[:KNOWS]->{2}(b) RETURN b.name", ["c"]),
    ("MATCH ({name: 'a'})-[:KNOWS]->{,1}(b) RETURN b.name ORDER BY b.name", ["a", "b"]),
    ("MATCH ({name: 'a'})-->{2,}(b) RETURN b.name ORDER BY b.name", ["c", "d"]),
    ("MATCH ({name: 'd'})<-[:LIKES|KNOWS]-{3}(b) RETURN b.name", ["a"]),
    ("MATCH ({name: 'b'})-[r WHERE r.w > 1]->+(b) RETURN b.name ORDER BY b.name", ["c", "d"]),
    ("MATCH ({name: 'a'})-[r:KNOWS WHERE r.w > 1]->+(b) RETURN b.name", []),
    ("MATCH ({name: 'a'})-[r:KNOWS]->{2}(b) RETURN [x IN r | x.w]", ["[1,2]"]),
    ("MATCH p = ({name: 'a'})-[:KNOWS]->{2}(b) RETURN length(p)", ["2"]),
    ("MATCH ({name: 'a'})-[:!KNOWS]->{1,3}(b) RETURN b.name", ["d"]),
  ])
  func quantifiedRelationshipsWalk(query: String, expected: [String]) throws {
    #expect(try rows(graph(), query) == expected)
  }

  @Test(arguments: [
    ("MATCH (a {name: 'a'}) ((x)-[:KNOWS]->(y)){1,3} (b) RETURN b.name, \(names("x")), \(names("y")) ORDER BY b.name", ["b [a] [b]", "c [a,b] [b,c]"]),
    ("MATCH (a {name: 'a'}) ((x:Person)-[:KNOWS]->(y:Person)){1,3} (b) RETURN b.name", ["b"]),
    ("MATCH (a {name: 'b'}) ((x)-[r]->(y) WHERE r.w >= 2){1,2} (b) RETURN b.name, [e IN r | e.w] ORDER BY b.name", ["c [2]", "d [2,3]"]),
    ("MATCH (a) ((x)-[:KNOWS]->(y)){2} (b {name: 'c'}) RETURN a.name, \(names("x")), \(names("y"))", ["a [a,b] [b,c]"]),
    ("MATCH (a) ((x)<-[:KNOWS]-(y)){2} (b {name: 'a'}) RETURN a.name, \(names("x")), \(names("y"))", ["c [c,b] [b,a]"]),
    ("MATCH p = (a {name: 'a'}) ((x)-[:KNOWS]->(y)){2} (b) RETURN [n IN nodes(p) | n.name]", ["[a,b,c]"]),
    ("MATCH (a {name: 'a'}) ((x)-[:KNOWS]->(y)){0,1} (b) RETURN b.name, size(x) ORDER BY b.name", ["a 0", "b 1"]),
    ("MATCH ({name: 'c'})-->(m) MATCH (a {name: 'a'}) ((x)-->(y) WHERE y <> m)+ (b) RETURN b.name ORDER BY b.name", ["b", "c"]),
    ("MATCH (a {name: 'a'}) ((x)-[{w: 1}]->(y WHERE y.name = 'b'))+ (b) RETURN b.name", ["b"]),
    ("MATCH ((x)-[:LIKES]->(y))+ RETURN x[0].name ORDER BY x[0].name", ["a", "c"]),
    ("MATCH (a {name: 'a'}) ((x)-[:KNOWS]->(y))+ (b) RETURN count(*)", ["2"]),
  ])
  func quantifiedPathPatternsBindGroups(query: String, expected: [String]) throws {
    #expect(try rows(graph(), query) == expected)
  }

  /// `[n IN list | n.name]`: a group variable's nodes by name.
  private static func names(_ list: String) -> String { "[n IN \(list) | n.name]" }

  @Test func groupVariablesAreListsAfterThePattern() throws {
    let db = try graph()
    #expect(thrown { try db.execute("MATCH (a {name: 'a'}) ((x)-->(y))+ (b) RETURN x.name") } == "InvalidArgumentType at 1:47")
  }

  @Test func aWalkFromTheIndexedEndKeepsGroupsInPathOrder() throws {
    let db = try Database()
    _ = try db.execute("CREATE INDEX FOR (n:N) ON (n.id)")
    _ = try db.execute("CREATE (:N {id: 0})-[:E]->(:N {id: 1})-[:E]->(:N {id: 2})-[:E]->(:N {id: 3})")
    let ids = "[n IN x | n.id], [n IN y | n.id]"
    #expect(try rows(db, "MATCH (a) ((x)-[:E]->(y)){2} (b:N {id: 3}) RETURN a.id, \(ids)") == ["1 [1,2] [2,3]"])
    let plan = try db.execute("EXPLAIN MATCH (a) ((x)-[:E]->(y)){2} (b:N {id: 3}) RETURN a, x, y").plan ?? ""
    #expect(plan.contains("NodeIndexSeek b:N"))
    #expect(plan.contains("VarLengthExpand (b)<-[:E]-*2..2(a) groups (y, x)"))
    let query = "MATCH p = (a) ((x:N WHERE x.id > 0)-[:E]->(y)){1,2} (b:N {id: 3}) RETURN a.id, [n IN x | n.id], [n IN nodes(p) | n.id] ORDER BY a.id"
    #expect(try rows(db, query) == ["1 [1,2] [1,2,3]", "2 [2] [2,3]"])
  }

  @Test func limitStopsTheQuantifiedWalkEarly() throws {
    let db = try Database()
    // A complete directed graph on 12 nodes has far too many trails to enumerate.
    _ = try db.execute("UNWIND range(0, 11) AS i CREATE (:K {id: i})")
    _ = try db.execute("CREATE INDEX FOR (k:K) ON (k.id)")
    _ = try db.execute("MATCH (a:K), (b:K) WHERE a <> b CREATE (a)-[:E]->(b)")
    let r = try db.execute("MATCH (:K {id: 0}) ((x)-[:E]->(y))+ (b) RETURN b.id AS id LIMIT 5", timeout: .seconds(20))
    #expect(r.rows.count == 5)
    let q = try db.execute("MATCH (:K {id: 0})-[:E]->+(b) RETURN b.id AS id LIMIT 5", timeout: .seconds(20))
    #expect(q.rows.count == 5)
    let plan = try db.execute("EXPLAIN MATCH (a:K {id: 0}) ((x)-[:E]->(y)){1,3} (b) RETURN b, x, y LIMIT 5").plan ?? ""
    #expect(plan.contains("NodeIndexSeek"))
    #expect(plan.contains("VarLengthExpand (a)-[:E]->*1..3(b) groups (x, y)"))
  }

  /// A path a -> b -> c -> d (ids 0 to 3) with an index on the ids.
  private func chain() throws -> Database {
    let db = try Database()
    _ = try db.execute("CREATE INDEX FOR (n:N) ON (n.id)")
    _ = try db.execute("CREATE (:N {id: 0})-[:E]->(:N {id: 1})-[:E]->(:N {id: 2})-[:E]->(:N {id: 3})")
    return db
  }

  @Test(arguments: [
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){1,3} (b) RETURN b", ""),
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){1,3} (b) RETURN b, y", " groups (y)"),
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){1,3} (b) WITH b ORDER BY size(x) RETURN b", " groups (x)"),
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){1,3} (b) RETURN *", " groups (x, y)"),
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){1,3} (b) CALL (x) { RETURN 1 AS one } RETURN b", " groups (x)"),
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){1,3} (b) WHERE all(n IN y WHERE n.id > 0) RETURN b", " groups (y)"),
  ])
  func onlyGroupVariablesTheStatementReadsAreBuilt(query: String, groups: String) throws {
    let plan = try chain().execute("EXPLAIN " + query).plan ?? ""
    let line = plan.split(separator: "\n").first { $0.contains("VarLengthExpand") }.map(String.init) ?? ""
    let expand = line.components(separatedBy: " (estimated").first ?? line
    #expect(expand.hasSuffix("VarLengthExpand (a)-[:E]->*1..3(b)" + groups))
  }

  @Test(arguments: [
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){1,3} (b) RETURN b.id ORDER BY b.id", ["1", "2", "3"]),
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){1,3} (b) RETURN count(b)", ["3"]),
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){2} (b) RETURN [n IN y | n.id]", ["[1,2]"]),
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){2} (b) WITH b, x RETURN b.id, [n IN x | n.id]", ["2 [0,1]"]),
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){2} (b) WHERE size(y) = 2 RETURN b.id", ["2"]),
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){1,2} (b) RETURN b.id ORDER BY size(x) DESC", ["2", "1"]),
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){2} (b) RETURN [n IN x | n.id] AS x, b.id AS y", ["[0,1] 2"]),
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){2} (b) CALL (y) { RETURN size(y) AS s } RETURN s", ["2"]),
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){2} (b) RETURN EXISTS { UNWIND y AS n MATCH (n)-->() } AS more", ["true"]),
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){2} (b) UNWIND x AS n RETURN n.id ORDER BY n.id", ["0", "1"]),
    ("MATCH (a:N {id: 0}) ((x WHERE x.id < 2)-[:E]->(y)){1,3} (b) RETURN b.id ORDER BY b.id", ["1", "2"]),
    // The walk from the indexed end reverses only the lists it builds.
    ("MATCH (a) ((x)-[:E]->(y)){2} (b:N {id: 3}) RETURN a.id, [n IN y | n.id]", ["1 [2,3]"]),
  ])
  func groupVariablesReadDownstreamKeepTheirValues(query: String, expected: [String]) throws {
    #expect(try rows(chain(), query) == expected)
  }

  @Test(arguments: [
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){2} (b) MATCH (x) RETURN b", "VariableTypeConflict at 1:50"),
    ("MATCH (a:N {id: 0}) ((x)-[:E]->(y)){2} (b) RETURN z", "UndefinedVariable at 1:51"),
  ])
  func unreadGroupVariablesStillRefuseMisuse(query: String, error: String) throws {
    #expect(thrown { try chain().execute(query) } == error)
  }

  @Test func repeatableElementsMayReuseRelationships() throws {
    let db = try Database()
    _ = try db.execute("CREATE (p:P {id: 1})-[:T]->(:P {id: 2})-[:T]->(p)")
    #expect(try rows(db, "MATCH REPEATABLE ELEMENTS (:P {id: 1})-[:T]->{4}(x) RETURN x.id") == ["1"])
    #expect(try rows(db, "MATCH (:P {id: 1})-[:T]->{4}(x) RETURN x.id") == [])
    #expect(try rows(db, "MATCH DIFFERENT RELATIONSHIPS (:P {id: 1})-[:T]->{2}(x) RETURN x.id") == ["1"])
    #expect(try rows(db, "MATCH REPEATABLE ELEMENTS (a:P {id: 1})-[r:T]->(b)<-[s:T]-(c) RETURN c.id") == ["1"])
    #expect(try rows(db, "MATCH (a:P {id: 1})-[r:T]->(b)<-[s:T]-(c) RETURN c.id") == [])
    let plan = try db.execute("EXPLAIN MATCH REPEATABLE ELEMENTS (:P {id: 1})-[:T]->{1,4}(x) RETURN x").plan ?? ""
    #expect(plan.contains("repeatable"))
  }

  /// A diamond s -> {1, 2} -> t: two shortest paths of length 2.
  private func diamond() throws -> Database {
    let db = try Database()
    _ = try db.execute("CREATE (s:S {id: 0})-[:R]->(:S {id: 1})-[:R]->(t:S {id: 3}), (s)-[:R]->(:S {id: 2})-[:R]->(t), (s)-[:R]->(:S {id: 4})")
    return db
  }

  @Test(arguments: [
    ("MATCH p = ALL SHORTEST (:S {id: 0})-[:R]->+(:S {id: 3}) RETURN count(p), min(length(p))", ["2 2"]),
    ("MATCH p = SHORTEST 1 GROUPS (:S {id: 0})-[:R]->+(:S {id: 3}) RETURN count(p), min(length(p))", ["2 2"]),
    ("MATCH p = SHORTEST 1 (:S {id: 0})-[:R]->+(:S {id: 3}) RETURN count(p), min(length(p))", ["1 2"]),
    ("MATCH p = ANY SHORTEST (:S {id: 0})-[:R]->+(:S {id: 3}) RETURN count(p), min(length(p))", ["1 2"]),
    ("MATCH p = ANY (:S {id: 0})-[:R]->+(:S {id: 3}) RETURN count(p)", ["1"]),
    ("MATCH p = ANY 1 (:S {id: 0})-[:R]->{1,5}(:S {id: 3}) RETURN count(p)", ["1"]),
    ("MATCH p = SHORTEST 1 (:S {id: 3})-[:R]->+(:S {id: 0}) RETURN count(p)", ["0"]),
    ("MATCH p = SHORTEST 1 (:S {id: 0})-[:R WHERE false]->+(:S {id: 3}) RETURN count(p)", ["0"]),
    ("MATCH SHORTEST 1 (a:S {id: 0})-[r:R]-+(b:S {id: 4}) RETURN size(r)", ["1"]),
  ])
  func pathSelectorsPickShortestPaths(query: String, expected: [String]) throws {
    #expect(try rows(diamond(), query) == expected)
  }

  @Test func shortestOneIsPlannedAsShortestPath() throws {
    let plan = try diamond().execute("EXPLAIN MATCH p = SHORTEST 1 (a:S {id: 0})-[:R]->+(b:S {id: 3}) RETURN p").plan ?? ""
    #expect(plan.contains("ShortestPath (a)-[:R]->(b)"))
    let all = try diamond().execute("EXPLAIN MATCH p = ALL SHORTEST (a:S {id: 0})-[:R]->+(b:S {id: 3}) RETURN p").plan ?? ""
    #expect(all.contains("AllShortestPaths (a)-[:R]->(b)"))
  }

  @Test(arguments: [
    ("MATCH ((x)){1,2} RETURN x", "InvalidRelationshipPattern at 1:7"),
    ("MATCH (((a)-->(b))+)+ RETURN a", "InvalidRelationshipPattern at 1:7"),
    ("MATCH (a) ((a)-->(b)){1,2} (c) RETURN c", "VariableAlreadyBound at 1:12"),
    ("MATCH (a)-->{3,1}(b) RETURN b", "InvalidRange at 1:13"),
    ("MATCH (a)-->{0}(b) RETURN b", "InvalidRange at 1:13"),
    ("MATCH (a)-[*1..2]->{1,2}(b) RETURN b", "InvalidRelationshipPattern at 1:20"),
    ("MATCH (a) ((x)-->(y)) (b) RETURN b", "UnexpectedSyntax at 1:23"),
    ("MATCH (a) ((x)-->(y) WHERE b.p = 1)+ (b) RETURN b", "UndefinedVariable at 1:28"),
    ("MATCH (a) ((x {p: $v})-->(y))+ (b) RETURN b", "MissingParameter"),
    ("MATCH REPEATABLE ELEMENTS (a)-->+(b) RETURN b", "InvalidRelationshipPattern at 1:30"),
    ("MATCH p = SHORTEST 0 (a)-->+(b) RETURN p", "InvalidRange at 1:20"),
    ("CREATE (a)-[:R]->{2}(b)", "CreatingVarLength at 1:11"),
    ("CREATE p = SHORTEST 1 (a)-[:R]->(b)", "InvalidRelationshipPattern at 1:8"),
  ])
  func invalidQuantifiedPatternsAreRefused(query: String, error: String) throws {
    let db = try Database()
    #expect(thrown { try db.execute(query) } == error)
  }
}
