// Graph access without Cypher: a reader over one committed version answers node, label,
// property, neighbour and degree look-ups like the equivalent Cypher, and keeps its version
// while writers commit.
import Quiver
import Testing

@Suite struct GraphReaderTests {
  private func triangle() throws -> Database {
    let db = try Database()
    try db.execute(
      """
      CREATE (a:Person {name: 'a', age: 1})-[:KNOWS {since: 2000}]->(b:Person:Admin {name: 'b'}),
             (b)-[:KNOWS]->(c:Person {name: 'c'}), (c)-[:LIKES]->(a), (a)-[:LIKES]->(a)
      """)
    return db
  }

  /// The id of the person named `name`.
  private func id(_ db: Database, _ name: String) throws -> Int64 {
    try db.query(Int64.self, "MATCH (p:Person {name: $n}) RETURN id(p)", parameters: ["n": name])[0]
  }

  @Test func nodesLabelsAndProperties() throws {
    let db = try triangle()
    let graph = db.reader()
    let (a, b) = (try id(db, "a"), try id(db, "b"))
    #expect(graph.nodeCount == 3)
    #expect(graph.relationshipCount == 4)
    #expect(graph.labels(of: b) == ["Person", "Admin"])
    #expect(graph.hasLabel(b, "Admin") && !graph.hasLabel(a, "Admin"))
    #expect(graph.node(a)?.properties["name"]?.stringValue == "a")
    #expect(graph.node(999) == nil)
    let age = graph.key("age")
    #expect(graph.property(age, of: a)?.intValue == 1)
    #expect(graph.property(age, of: b) == nil)
    #expect(graph.property("nope", of: a) == nil)
    #expect(graph.properties(of: b)["name"]?.stringValue == "b")
    #expect(graph.nodeIDs(label: "Admin") == [b])
  }

  @Test func neighboursAndDegreeAgreeWithCypher() throws {
    let db = try triangle()
    let graph = db.reader()
    for name in ["a", "b", "c"] {
      let n = try id(db, name)
      for (direction, arrow) in [(RelationshipDirection.outgoing, ("-", "->")), (.incoming, ("<-", "-")), (.both, ("-", "-"))] {
        for type in [nil, "KNOWS", "LIKES", "NONE"] as [String?] {
          let typed = type.map { ":\($0)" } ?? ""
          let cypher = try db.query(
            Int64.self, "MATCH (n)\(arrow.0)[r\(typed)]\(arrow.1)(m) WHERE id(n) = $id RETURN id(m) ORDER BY id(m)",
            parameters: ["id": n])
          #expect(graph.neighbours(of: n, direction: direction, type: type).sorted() == cypher, "\(name) \(direction) \(typed)")
          #expect(graph.degree(of: n, direction: direction, type: type) == cypher.count)
        }
      }
    }
    let a = try id(db, "a")
    let rel = try #require(graph.relationships(of: a, direction: .outgoing, type: "KNOWS").first)
    #expect(graph.type(of: rel.relationship) == "KNOWS")
    #expect(graph.property(graph.key("since"), ofRelationship: rel.relationship)?.intValue == 2000)
    #expect(graph.relationship(rel.relationship)?.endID == rel.neighbour)
  }

  @Test func aReaderKeepsItsVersion() throws {
    let db = try triangle()
    let graph = db.reader()
    try db.execute("MATCH (n) DETACH DELETE n")
    #expect(db.counts.nodes == 0)
    #expect(graph.nodeCount == 3)
    #expect(graph.nodeIDs.count == 3)
  }
}
