// Dump and restore: a Cypher dump of the fixture restores into an identical database (same nodes,
// labels, relationships, properties with exact types and bits, indexes and constraints), with no
// helper label, property or index left behind; a non-empty database is refused unless replaced.
import Foundation
import Quiver
import Testing

@testable import QuiverExchange

@Suite struct DumpRestoreTests {
  private func dump(_ db: Database, batchSize: Int = 1000) throws -> String {
    var dump = CypherDump()
    dump.batchSize = batchSize
    let output = TextOutput()
    try dump.write(db, to: output)
    return output.text
  }

  @Test(arguments: [1, 2, 1000, 10_000])
  func restoresAnIdenticalDatabase(batchSize: Int) throws {
    let source = try ExchangeFixture.database()
    let script = try dump(source, batchSize: batchSize)
    let target = try Database()
    let outcome = try DumpRestore.restore(script: script, into: target)
    #expect(outcome.nodes == 4)
    #expect(outcome.relationships == 4)
    #expect(try ExchangeFixture.canonical(target) == ExchangeFixture.canonical(source))
    #expect(try ExchangeFixture.schema(target) == ExchangeFixture.schema(source))
    #expect(try target.execute("MATCH (n:\(CypherDump.helperLabel)) RETURN count(n)").rows.first?.first?.intValue == 0)
    #expect(try target.execute("MATCH (n) WHERE n.\(CypherDump.helperKey) IS NOT NULL RETURN count(n)").rows.first?.first?.intValue == 0)
  }

  @Test func blankAndCommentStatementsAreSkipped() {
    #expect(DumpRestore.isBlankOrComment(""))
    #expect(DumpRestore.isBlankOrComment("  \r\n\t\n"))
    #expect(DumpRestore.isBlankOrComment("// Quiver dump\n  // more\n"))
    #expect(!DumpRestore.isBlankOrComment("// a comment\nRETURN 1"))
    #expect(!DumpRestore.isBlankOrComment("  RETURN 1 // trailing"))
    #expect(!DumpRestore.isBlankOrComment("/ 2"))
    #expect(!DumpRestore.isBlankOrComment("/* block */"))
  }

  @Test func nanKeepsItsSign() throws {
    let source = try Database()
    let bits: [UInt64] = [0x7FF8_0000_0000_0000, 0xFFF8_0000_0000_0000]
    _ = try source.execute(
      "CREATE (:N {key: 1, a: $a, b: $b})",
      parameters: ["a": .float(Double(bitPattern: bits[0])), "b": .float(Double(bitPattern: bits[1]))])
    let target = try Database()
    _ = try DumpRestore.restore(script: try dump(source), into: target)
    let node = try #require(try target.execute("MATCH (n:N) RETURN n").rows.first?.first?.nodeValue)
    #expect([node.properties["a"], node.properties["b"]].map { $0?.doubleValue?.bitPattern } == bits)
  }

  @Test func pointsWithNonFiniteCoordinatesRestore() throws {
    let source = try Database()
    _ = try source.execute(
      "CREATE (:N {key: 1, p: point({x: toFloat('NaN'), y: 1.0 / 0.0}), q: point({x: 1.5, y: -1.0 / 0.0, z: 2.0})})")
    let target = try Database()
    _ = try DumpRestore.restore(script: try dump(source), into: target)
    let row = try #require(try target.execute("MATCH (n:N) RETURN n.p.x, n.p.y, n.q.x, n.q.y, n.q.z, n.p.crs, n.q.crs").rows.first)
    #expect(row[0].doubleValue?.isNaN == true)
    #expect(row[1].doubleValue == .infinity)
    #expect(row[2].doubleValue == 1.5)
    #expect(row[3].doubleValue == -.infinity)
    #expect(row[4].doubleValue == 2.0)
    #expect(row[5].stringValue == "cartesian")
    #expect(row[6].stringValue == "cartesian-3d")
  }

  @Test func schemaComesFirstAsShowDescribesIt() throws {
    let lines = try dump(ExchangeFixture.database()).split(separator: "\n").map(String.init)
    #expect(Array(lines[1...6]) == [
      "CREATE CONSTRAINT city_pair FOR (n:City) REQUIRE (n.name, n.country) IS UNIQUE;",
      "CREATE CONSTRAINT person_key FOR (n:Person) REQUIRE n.key IS UNIQUE;",
      "CREATE CONSTRAINT person_name_exists FOR (n:Person) REQUIRE n.name IS NOT NULL;",
      "CREATE INDEX knows_since FOR ()-[r:KNOWS]-() ON (r.since);",
      "CREATE INDEX person_name FOR (n:Person) ON (n.name);",
      "CREATE INDEX __quiver_dump_index FOR (n:__QuiverDump) ON (n.__quiver_dump_id);",
    ])
    #expect(lines.last == "DROP INDEX __quiver_dump_index;")
  }

  @Test func keysRelationshipConstraintsPropertyTypesAndVectorIndexesRestore() throws {
    let source = try Database()
    for statement in [
      "CREATE CONSTRAINT p_key FOR (n:P) REQUIRE (n.a, n.b) IS NODE KEY",
      "CREATE CONSTRAINT p_type FOR (n:P) REQUIRE n.c IS :: INTEGER | LIST<STRING NOT NULL>",
      "CREATE CONSTRAINT r_unique FOR ()-[r:R]-() REQUIRE r.k IS UNIQUE",
      "CREATE CONSTRAINT r_key FOR ()-[r:S]-() REQUIRE r.k IS RELATIONSHIP KEY",
      "CREATE VECTOR INDEX p_vec FOR (n:P) ON n.v OPTIONS {indexConfig: {`vector.dimensions`: 2, `vector.similarity_function`: 'euclidean'}}",
      "CREATE (x:P {a: 1, b: 2, c: ['s'], v: [1.0, 2.0]})-[:R {k: 1}]->(y:P {a: 1, b: 3, c: 4})-[:S {k: 2}]->(x)",
    ] { _ = try source.execute(statement) }
    let lines = try dump(source).split(separator: "\n").map(String.init)
    #expect(Array(lines[1...6]) == [
      "CREATE CONSTRAINT p_key FOR (n:P) REQUIRE (n.a, n.b) IS NODE KEY;",
      "CREATE CONSTRAINT p_type FOR (n:P) REQUIRE n.c IS :: INTEGER | LIST<STRING NOT NULL>;",
      "CREATE CONSTRAINT r_key FOR ()-[r:S]-() REQUIRE r.k IS RELATIONSHIP KEY;",
      "CREATE CONSTRAINT r_unique FOR ()-[r:R]-() REQUIRE r.k IS UNIQUE;",
      "CREATE VECTOR INDEX p_vec FOR (n:P) ON (n.v) OPTIONS {indexConfig: {`vector.dimensions`: 2, `vector.similarity_function`: 'EUCLIDEAN'}};",
      "CREATE INDEX __quiver_dump_index FOR (n:__QuiverDump) ON (n.__quiver_dump_id);",
    ])
    let target = try Database()
    _ = try DumpRestore.restore(script: lines.joined(separator: "\n"), into: target)
    for show in ["SHOW CONSTRAINTS", "SHOW INDEXES"] {
      #expect(try target.execute(show).rows.map { $0.map(\.cypherText) } == source.execute(show).rows.map { $0.map(\.cypherText) })
    }
    #expect(try ExchangeFixture.canonical(target) == ExchangeFixture.canonical(source))
  }

  @Test func lookupIndexesRoundTrip() throws {
    let source = try Database()
    _ = try source.execute("CREATE LOOKUP INDEX labels FOR (n) ON EACH labels(n)")
    _ = try source.execute("CREATE LOOKUP INDEX FOR ()-[r]-() ON EACH type(r)")
    _ = try source.execute("CREATE (:A)-[:R]->(:B)")
    let lines = try dump(source).split(separator: "\n").map(String.init)
    #expect(lines.filter { $0.hasPrefix("CREATE LOOKUP") } == [
      "CREATE LOOKUP INDEX index_f7700477 FOR ()-[r]-() ON EACH type(r);",
      "CREATE LOOKUP INDEX labels FOR (n) ON EACH labels(n);",
    ])
    let target = try Database()
    _ = try DumpRestore.restore(script: lines.joined(separator: "\n"), into: target)
    #expect(try target.execute("SHOW INDEXES").rows.map { $0.map(\.cypherText) } == source.execute("SHOW INDEXES").rows.map { $0.map(\.cypherText) })
    #expect(try target.execute("SHOW INDEXES").rows.count == 2)
  }

  @Test func restoresThroughADurableDirectory() throws {
    let directory = ExchangeFixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let source = try ExchangeFixture.database()
    do {
      let target = try Database(path: directory + "/db")
      _ = try DumpRestore.restore(script: try dump(source), into: target)
    }
    let reopened = try Database(path: directory + "/db")
    #expect(try ExchangeFixture.canonical(reopened) == ExchangeFixture.canonical(source))
    #expect(try ExchangeFixture.schema(reopened) == ExchangeFixture.schema(source))
  }

  @Test func refusesANonEmptyDatabaseUnlessReplacing() throws {
    let source = try ExchangeFixture.database()
    let script = try dump(source)
    let target = try Database()
    _ = try target.execute("CREATE (:Old {x: 1})")
    let error = try #require(throws: QuiverError.self) { try DumpRestore.restore(script: script, into: target) }
    #expect(error.code == .databaseNotEmpty)
    #expect(try target.execute("MATCH (n:Old) RETURN count(n)").rows.first?.first?.intValue == 1)
    _ = try DumpRestore.restore(script: script, into: target, replace: true)
    #expect(try ExchangeFixture.canonical(target) == ExchangeFixture.canonical(source))
  }

  @Test func aFailingStatementLeavesTheDatabaseEmpty() throws {
    let target = try Database()
    let script = "CREATE INDEX i FOR (n:A) ON (n.x);\nCREATE (:A {x: 1});\nCREATE (:B {x: 1}) RETURN nope;\n"
    let error = try #require(throws: QuiverError.self) { try DumpRestore.restore(script: script, into: target) }
    #expect(error.message.hasPrefix("line 3: "))
    #expect(target.counts.nodes == 0)
    #expect(try target.execute("SHOW INDEXES").rows.isEmpty)
  }
}
