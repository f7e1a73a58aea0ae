// The export procedures: `export.<format>.all` and `.query` write inside the export directory and
// yield what they wrote; paths that would leave the directory (`..`, absolute, through a link)
// are refused before anything is written.
import Foundation
import Quiver
import Testing

@testable import QuiverExchange

@Suite struct ExportProcedureTests {
  private let directory = ExchangeFixture.temporaryDirectory()

  private func database() throws -> Database {
    let db = try Database(path: directory + "/db")
    db.registerExportProcedures()
    _ = try db.execute("CREATE (a:P {name: 'a'})-[:R {w: 1}]->(b:P {name: 'b'})-[:S]->(c:Q {name: 'c'})")
    return db
  }

  @Test func allWritesTheWholeGraph() throws {
    let db = try database()
    let result = try db.execute("CALL export.graphml.all('out/all.graphml', {}) YIELD file, nodes, relationships, properties RETURN *")
    #expect(result.columns == ["file", "nodes", "properties", "relationships"])
    #expect(result.rows.first.map { $0.map(ExchangeFixture.text) } == ["string(\"out/all.graphml\")", "int(3)", "int(4)", "int(2)"])
    let imported = try Database()
    _ = try GraphMLImport.run(path: directory + "/db/export/out/all.graphml", into: imported)
    #expect(imported.counts == (3, 2))
  }

  @Test func queryWritesTheReturnedSubgraphWithEndNodes() throws {
    let db = try database()
    let result = try db.execute("CALL export.jsonl.query('MATCH (:P)-[r:R]->() RETURN r', 'sub.jsonl', {}) YIELD nodes, relationships RETURN nodes, relationships")
    #expect(result.rows.first.map { $0.map(ExchangeFixture.text) } == ["int(2)", "int(1)"])
    let lines = try String(contentsOfFile: directory + "/db/export/sub.jsonl", encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines.last?.contains("\"label\":\"R\"") == true)
  }

  @Test func queriesThatWriteAreRefused() throws {
    let db = try database()
    let error = try #require(throws: QuiverError.self) {
      try db.execute("CALL export.dot.query('CREATE (n) RETURN n', 'x.dot', {})")
    }
    #expect(error.code == .writeInReadOnlyTransaction)
    #expect(db.counts.nodes == 3)
  }

  @Test(arguments: ["../x.graphml", "a/../../x.graphml", "/tmp/x.graphml", ""])
  func pathsOutsideTheDirectoryAreRefused(path: String) throws {
    let db = try database()
    let error = try #require(throws: QuiverError.self) { try db.execute("CALL export.graphml.all($file, {})", parameters: ["file": .string(path)]) }
    #expect(error.code == .pathOutsideExportDirectory)
    #expect(!FileManager.default.fileExists(atPath: directory + "/db/x.graphml"))
  }

  @Test func linksOutOfTheDirectoryAreRefused() throws {
    let db = try database()
    let outside = directory + "/outside"
    try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: directory + "/db/export", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: directory + "/db/export/link", withDestinationPath: outside)
    try FileManager.default.createSymbolicLink(atPath: directory + "/db/export/file.dot", withDestinationPath: outside + "/file.dot")
    for path in ["link/x.dot", "file.dot"] {
      let error = try #require(throws: QuiverError.self) { try db.execute("CALL export.dot.all($file, {})", parameters: ["file": .string(path)]) }
      #expect(error.code == .pathOutsideExportDirectory)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
  }

  @Test func inMemoryDatabasesNeedADirectory() throws {
    let db = try Database()
    db.registerExportProcedures()
    let error = try #require(throws: QuiverError.self) { try db.execute("CALL export.csv.all('x', {})") }
    #expect(error.code == .noExportDirectory)
    let other = try Database()
    other.registerExportProcedures(directory: directory + "/chosen")
    _ = try other.execute("CREATE (:A)")
    _ = try other.execute("CALL export.csv.all('csv', {})")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/chosen/csv") == ["nodes_A.csv"])
  }
}
