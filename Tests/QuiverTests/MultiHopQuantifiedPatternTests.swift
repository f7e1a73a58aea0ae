// Quantified path patterns of more than one relationship (`((x)-[:R]->(y)-[:S]->(z)){1,3}`):
// the rows and group variables they bind, checks that read several inner variables, walks from
// either end, juxtaposition with simple patterns, the lazy walk under LIMIT, EXPLAIN, errors.
import Quiver
import Testing

@Suite struct MultiHopQuantifiedPatternTests {
  /// A chain a -R-> b -S-> c -R-> d -S-> e -R-> f -S-> g (v counts up along it), a branch
  /// c -R-> h:Bad -S-> i and d -S-> j; p -START-> a and g -END-> q.
  private func graph() throws -> Database {
    let db = try Database()
    _ = try db.execute("""
      CREATE (a:N {n: 'a', v: 0})-[:R {w: 1}]->(b:N {n: 'b', v: 1})-[:S {w: 2}]->(c:N {n: 'c', v: 2})
          -[:R {w: 1}]->(d:N {n: 'd', v: 3})-[:S {w: 2}]->(e:N {n: 'e', v: 4})
          -[:R {w: 1}]->(f:N {n: 'f', v: 5})-[:S {w: 2}]->(g:N {n: 'g', v: 6}),
        (c)-[:R {w: 3}]->(h:N:Bad {n: 'h', v: 3})-[:S {w: 1}]->(i:N {n: 'i', v: 4}),
        (d)-[:S {w: 2}]->(j:N {n: 'j', v: 4}),
        (:P {n: 'p'})-[:START]->(a), (g)-[:END]->(:Q {n: 'q'})
      """)
    return db
  }

  /// Each row's values as text, lists as their items' names (or numbers) joined.
  private func rows(_ db: Database, _ query: String) throws -> [String] {
    try db.execute(query).rows.map { row in
      row.map { v -> String in
        if let list = v.listValue { return "[" + list.map { $0.stringValue ?? $0.intValue.map(String.init) ?? "?" }.joined(separator: ",") + "]" }
        return v.stringValue ?? v.intValue.map(String.init) ?? "\(v)"
      }.joined(separator: " ")
    }
  }

  /// `[n IN list | n.n]`: a group variable's nodes by name.
  private static func names(_ list: String) -> String { "[e IN \(list) | e.n]" }

  private static let xyz = "\(names("x")), \(names("y")), \(names("z"))"

  @Test(arguments: [
    ("MATCH (s {n: 'a'}) ((x)-[:R]->(y)-[:S]->(z)){1,3} (t) RETURN t.n, \(xyz) ORDER BY t.n", [
      "c [a] [b] [c]", "e [a,c] [b,d] [c,e]", "g [a,c,e] [b,d,f] [c,e,g]", "i [a,c] [b,h] [c,i]", "j [a,c] [b,d] [c,j]",
    ]),
    ("MATCH (s {n: 'a'}) ((x)-[:R]->(y:!Bad)-[:S]->(z)){1,3} (t) RETURN t.n ORDER BY t.n", ["c", "e", "g", "j"]),
    (
      "MATCH (s {n: 'a'}) ((x)-[r:R]->(y)-[q:S]->(z) WHERE r.w < q.w){1,3} (t) RETURN t.n, [e IN r | e.w], [e IN q | e.w] ORDER BY t.n",
      ["c [1] [2]", "e [1,1] [2,2]", "g [1,1,1] [2,2,2]", "j [1,1] [2,2]"]
    ),
    // A check reading a node two hops on runs once that node is reached, after deeper walks.
    ("MATCH (s {n: 'a'}) ((x)-[:R]->(y)-[:S]->(z) WHERE z.v = x.v + 2){1,3} (t) RETURN t.n ORDER BY t.n", ["c", "e", "g", "i", "j"]),
    ("MATCH (s {n: 'a'}) ((x WHERE z.v = x.v + 2)-[:R]->(y)-[:S]->(z)){2} (t) RETURN t.n ORDER BY t.n", ["e", "i", "j"]),
    ("MATCH (s {n: 'a'}) ((x)-[:R]->(y)-[:S]->(z {v: 2})){1,3} (t) RETURN t.n ORDER BY t.n", ["c"]),
    ("MATCH (s {n: 'a'}) ((x)-[:R]->(y)-[:S]->(z)){0,1} (t) RETURN t.n, size(x) ORDER BY t.n", ["a 0", "c 1"]),
    ("MATCH (s {n: 'd'}) ((x)<-[:R]-(y)-[:R]->(z))+ (t) RETURN t.n, \(xyz)", ["h [d] [c] [h]"]),
    ("MATCH (s {n: 'a'}) ((x)-[:R]->(y)-[:S|T]-(z)){2} (t) RETURN count(*)", ["3"]),
    ("MATCH (p:P)-[:START]->(s) ((x)-[:R]->(y)-[:S]->(z)){3} (t)-[:END]->(q) RETURN p.n, s.n, t.n, q.n, \(names("y"))", [
      "p a g q [b,d,f]",
    ]),
    ("MATCH (s {n: 'a'}) ((x)-[:R]->(y)-[:S]->(z)){1} ((u)-[:R]->(w)){1} (t) RETURN t.n, \(names("z")), \(names("u")) ORDER BY t.n", [
      "d [c] [c]", "h [c] [c]",
    ]),
    ("MATCH p = (s {n: 'a'}) ((x)-[:R]->(y)-[:S]->(z)){2} (t {n: 'e'}) RETURN [e IN nodes(p) | e.n], length(p)", ["[a,b,c,d,e] 4"]),
    ("MATCH (s:N) WHERE EXISTS { (s) ((x)-[:R]->(y)-[:S]->(z)){3} ({n: 'g'}) } RETURN s.n", ["a"]),
  ])
  func multiHopPatternsBindGroups(query: String, expected: [String]) throws {
    #expect(try rows(graph(), query) == expected)
  }

  @Test func aWalkFromTheIndexedEndKeepsGroupsInPathOrder() throws {
    let db = try graph()
    _ = try db.execute("CREATE INDEX FOR (n:N) ON (n.n)")
    let query = "MATCH (s) ((x)-[r:R]->(y)-[q:S]->(z)){2} (t:N {n: 'g'}) RETURN s.n, \(Self.xyz), [e IN r | endNode(e).n], [e IN q | endNode(e).n]"
    #expect(try rows(db, query) == ["c [c,e] [d,f] [e,g] [d,f] [e,g]"])
    let plan = try db.execute("EXPLAIN " + query).plan ?? ""
    #expect(plan.contains("NodeIndexSeek t:N"))
    #expect(plan.contains("VarLengthExpand (t)(<-[:S]-()<-[:R]-)*2..2(s) groups (z, y, x, q, r)"))
    let checked = "MATCH (s) ((x)-[:R]->(y)-[:S]->(z) WHERE z.v = x.v + 2){1,2} (t:N {n: 'e'}) RETURN s.n ORDER BY s.n"
    #expect(try rows(db, checked) == ["a", "c"])
  }

  @Test func theWalkIsPlannedLazilyAndStopsAtLimit() throws {
    let db = try Database()
    // A complete directed graph on 12 nodes has far too many trails to enumerate.
    _ = try db.execute("UNWIND range(0, 11) AS i CREATE (:K {id: i})")
    _ = try db.execute("CREATE INDEX FOR (k:K) ON (k.id)")
    _ = try db.execute("MATCH (a:K), (b:K) WHERE a <> b CREATE (a)-[:E]->(b)")
    let r = try db.execute("MATCH (:K {id: 0}) ((x)-[:E]->(y)-[:E]->(z))+ (b) RETURN b.id LIMIT 5", timeout: .seconds(20))
    #expect(r.rows.count == 5)
    let plan = try db.execute("EXPLAIN MATCH (a:K {id: 0}) ((x)-[:E]->(y)-[e:E]->(z)){1,3} (b) RETURN b, x, y, z, e LIMIT 5").plan ?? ""
    #expect(plan.contains("NodeIndexSeek a:K"))
    #expect(plan.contains("VarLengthExpand (a)(-[:E]->()-[:E]->)*1..3(b) groups (x, y, z, e)"))
  }

  @Test func relationshipsAreNotReusedUnlessRepeatable() throws {
    let db = try Database()
    _ = try db.execute("CREATE (p:P {id: 1})-[:T]->(:P {id: 2})-[:T]->(p)")
    let walk = "(:P {id: 1}) ((x)-[:T]->(y)-[:T]->(z)){2} (e) RETURN e.id"
    #expect(try rows(db, "MATCH " + walk) == [])
    #expect(try rows(db, "MATCH REPEATABLE ELEMENTS " + walk) == ["1"])
    #expect(try rows(db, "MATCH (:P {id: 1}) ((x)-[:T]->(y)-[:T]->(z)){1} (e), (e)-[t:T]->(f) RETURN f.id") == [])
  }

  @Test(arguments: [
    ("MATCH ((a)-->(b)-->(a)){1,2} RETURN a", "VariableAlreadyBound at 1:20"),
    ("MATCH ((a)-[r]->(b)-[r]->(c))+ RETURN a", "VariableAlreadyBound at 1:20"),
    ("MATCH (b) MATCH (a) ((x)-->(b)-->(y))+ RETURN a", "VariableAlreadyBound at 1:28"),
    ("MATCH ((a)-->(b)-[*2]->(c))+ RETURN a", "InvalidRelationshipPattern at 1:7"),
    ("MATCH ((a)-->(b)-->+(c))+ RETURN a", "InvalidRelationshipPattern at 1:7"),
    ("MATCH (s) ((x)-->(y)-->(z) WHERE z.v = t.v)+ (t) RETURN t", "UndefinedVariable at 1:40"),
    ("MATCH (s) ((x)-->(y)-->(z))+ (t) RETURN y.v", "InvalidArgumentType at 1:41"),
    ("MATCH p = shortestPath((a) ((x)-->(y)-->(z))+ (b)) RETURN p", "InvalidRelationshipPattern at 1:7"),
  ])
  func invalidMultiHopPatternsAreRefused(query: String, error: String) throws {
    #expect(thrown { try Database().execute(query) } == error)
  }
}
