// What schema commands count, as Neo4j counts them: an index or constraint created or dropped is
// one, a command that `IF [NOT] EXISTS` made a no-op is none, and a constraint's own index is not
// counted as an index.
import Quiver
import Testing

@Suite struct SchemaStatisticsTests {
  @Test func schemaCommandsCountWhatTheyChanged() throws {
    let db = try Database()
    func counts(_ query: String) throws -> [Int] {
      let s = try db.execute(query).statistics
      return [s.indexesAdded, s.indexesRemoved, s.constraintsAdded, s.constraintsRemoved]
    }
    #expect(try counts("CREATE INDEX person_name FOR (p:Person) ON (p.name)") == [1, 0, 0, 0])
    #expect(try counts("CREATE INDEX person_name IF NOT EXISTS FOR (p:Person) ON (p.name)") == [0, 0, 0, 0])
    #expect(try counts("CREATE TEXT INDEX person_bio FOR (p:Person) ON (p.bio)") == [1, 0, 0, 0])
    #expect(try counts("CREATE FULLTEXT INDEX person_text FOR (p:Person) ON EACH [p.bio]") == [1, 0, 0, 0])
    #expect(try counts("CREATE LOOKUP INDEX FOR (n) ON EACH labels(n)") == [1, 0, 0, 0])
    #expect(
      try counts(
        "CREATE VECTOR INDEX person_embedding FOR (p:Person) ON p.embedding OPTIONS {indexConfig: {`vector.dimensions`: 2, `vector.similarity_function`: 'cosine'}}"
      ) == [1, 0, 0, 0])
    #expect(try counts("CREATE CONSTRAINT person_id FOR (p:Person) REQUIRE p.id IS UNIQUE") == [0, 0, 1, 0])
    #expect(try counts("CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE") == [0, 0, 0, 0])
    #expect(try counts("DROP INDEX person_name") == [0, 1, 0, 0])
    #expect(try counts("DROP INDEX person_name IF EXISTS") == [0, 0, 0, 0])
    #expect(try counts("DROP CONSTRAINT person_id") == [0, 0, 0, 1])
    #expect(try counts("DROP CONSTRAINT person_id IF EXISTS") == [0, 0, 0, 0])
  }

  @Test func theSummarySentenceNamesThem() throws {
    let db = try Database()
    let created = try db.execute("CREATE INDEX person_name FOR (p:Person) ON (p.name)").statistics
    #expect(created.description == "Added 1 index")
    #expect(created.containsUpdates)
    var both = created
    both.add(try db.execute("DROP INDEX person_name").statistics)
    both.add(try db.execute("CREATE CONSTRAINT a FOR (p:P) REQUIRE p.a IS UNIQUE").statistics)
    both.add(try db.execute("CREATE CONSTRAINT b FOR (p:P) REQUIRE p.b IS NOT NULL").statistics)
    #expect(both.description == "Added 1 index, removed 1 index, added 2 constraints")
    let none = try db.execute("CREATE CONSTRAINT b IF NOT EXISTS FOR (p:P) REQUIRE p.b IS NOT NULL").statistics
    #expect(none.description == "" && !none.containsUpdates)
  }
}
