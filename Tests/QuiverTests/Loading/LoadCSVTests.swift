// LOAD CSV: rows as lists and maps, empty fields, RFC 4180 quoting, byte-order marks, gzip,
// linenumber() and file(), malformed files, and confinement to the import directory.
import Foundation
import Quiver
import Testing

/// An import directory with files in it, and a database reading from it.
final class ImportFixture {
  let scratch: ScratchDirectory
  let database: Database
  var directory: String { scratch.path + "/import" }

  init() throws {
    scratch = try ScratchDirectory()
    try FileManager.default.createDirectory(atPath: scratch.path + "/import", withIntermediateDirectories: true)
    database = try Database()
    database.importDirectory = scratch.path + "/import"
  }

  /// Writes `text` (or raw `bytes`) as `name` in the import directory; returns its path.
  @discardableResult
  func file(_ name: String, _ text: String) throws -> String { try file(name, bytes: Array(text.utf8)) }

  @discardableResult
  func file(_ name: String, bytes: [UInt8]) throws -> String {
    let path = directory + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  func rows(_ query: String, _ parameters: [String: Value] = [:]) throws -> [[Value]] {
    try database.execute(query, parameters: parameters).rows
  }
}

/// Rows as canonical text, for comparing (`Value` is not Equatable: Cypher's equality has nulls).
func canon(_ rows: [[Value]]) -> [[String]] { rows.map { $0.map(canonical) } }

/// Values as canonical text.
func canon(_ values: [Value]) -> [String] { values.map(canonical) }

@Suite struct LoadCSVTests {
  @Test func recordsAreListsOfStringsWithNullForEmptyUnquotedFields() throws {
    let f = try ImportFixture()
    try f.file("a.csv", "a,,\"\"\n1,\"x,y\",\"he said \"\"hi\"\"\"\n\"two\nlines\",3,\n")
    let rows = try f.rows("LOAD CSV FROM 'file:///a.csv' AS row RETURN row")
    #expect(canon(rows) == canon([
      [.list([.string("a"), .null, .string("")])],
      [.list([.string("1"), .string("x,y"), .string("he said \"hi\"")])],
      [.list([.string("two\nlines"), .string("3"), .null])],
    ]))
  }

  @Test func headersMakeMapsAndLineNumbersFollowPhysicalLines() throws {
    let f = try ImportFixture()
    let path = try f.file("p.csv", "id,name\n1,Ann\n2,\"multi\nline\"\n\n3,\n")
    let rows = try f.rows(
      "LOAD CSV WITH HEADERS FROM 'file:///p.csv' AS r RETURN r.id, r.name, linenumber() AS l, file() AS f")
    let real = try #require(realpath(path, nil))
    defer { free(real) }
    let file = Value.string(String(cString: real))
    #expect(canon(rows) == canon([
      [.string("1"), .string("Ann"), .int(2), file],
      [.string("2"), .string("multi\nline"), .int(3), file],
      [.string("3"), .null, .int(6), file],
    ]))
    // Outside LOAD CSV both functions are null.
    #expect(try canon(f.rows("RETURN linenumber(), file()")) == canon([[.null, .null]]))
  }

  @Test func lineNumberAndFileFollowTheRowThroughWithAndSubqueries() throws {
    let f = try ImportFixture()
    try f.file("q.csv", "id\n1\n2\n")
    let load = "LOAD CSV WITH HEADERS FROM 'file:///q.csv' AS r "
    let expected = canon([[.string("1"), .int(2)], [.string("2"), .int(3)]])
    #expect(try canon(f.rows(load + "WITH r WHERE r.id <> '0' RETURN r.id, linenumber()")) == expected)
    #expect(try canon(f.rows(load + "CALL { WITH r RETURN linenumber() AS l } RETURN r.id, l")) == expected)
    #expect(try canon(f.rows(load + "CALL { RETURN linenumber() AS l } RETURN r.id, l")) == expected)
    #expect(try canon(f.rows(load + "CALL (r) { RETURN linenumber() AS l } RETURN r.id, l")) == expected)
    // Batches committed one by one see the line of the row they write.
    try f.database.execute(load + "CALL { WITH r CREATE (:Line {id: r.id, line: linenumber()}) } IN TRANSACTIONS OF 1 ROW")
    #expect(try canon(f.rows("MATCH (n:Line) RETURN n.id, n.line ORDER BY n.id")) == expected)
    // After aggregating, rows are groups, not lines.
    #expect(try canon(f.rows(load + "WITH count(*) AS c RETURN c, linenumber()")) == canon([[.int(2), .null]]))
  }

  @Test func byteOrderMarkCRLFAndFieldTerminator() throws {
    let f = try ImportFixture()
    try f.file("b.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("k;v\r\nä;\"1;2\"\r\n".utf8))
    let rows = try f.rows("LOAD CSV WITH HEADERS FROM 'file:///b.csv' AS r FIELDTERMINATOR ';' RETURN r.k, r.v")
    #expect(canon(rows) == canon([[.string("ä"), .string("1;2")]]))
    let tabs = try f.file("t.tsv", "a\tb\n")
    _ = tabs
    #expect(try canon(f.rows("LOAD CSV FROM 'file:///t.tsv' AS r FIELDTERMINATOR '\\t' RETURN r")) == canon([[.list([.string("a"), .string("b")])]]))
  }

  @Test func gzipFilesAreDecompressed() throws {
    let f = try ImportFixture()
    let path = try f.file("g.csv", (1...5000).map { "\($0),name \($0)" }.joined(separator: "\n"))
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    gzip.arguments = ["gzip", "-f", path]
    try gzip.run()
    gzip.waitUntilExit()
    let rows = try f.rows("LOAD CSV FROM 'file:///g.csv.gz' AS r RETURN count(*), sum(toInteger(r[0])), max(linenumber())")
    #expect(canon(rows) == canon([[.int(5000), .int(12_502_500), .int(5000)]]))
  }

  @Test func createsNodesFromRows() throws {
    let f = try ImportFixture()
    try f.file("people.csv", "id,name,age\n1,Ann,30\n2,Bob,\n")
    let result = try f.database.execute(
      "LOAD CSV WITH HEADERS FROM 'file:///people.csv' AS r CREATE (:Person {id: toInteger(r.id), name: r.name, age: toInteger(r.age)})")
    #expect(result.statistics.nodesCreated == 2)
    let rows = try f.rows("MATCH (p:Person) RETURN p.id, p.name, p.age ORDER BY p.id")
    #expect(canon(rows) == canon([[.int(1), .string("Ann"), .int(30)], [.int(2), .string("Bob"), .null]]))
  }

  @Test func urlFromAParameterAndOnePerInputRow() throws {
    let f = try ImportFixture()
    try f.file("x.csv", "1\n2\n")
    try f.file("y.csv", "3\n")
    let rows = try f.rows("UNWIND $files AS name LOAD CSV FROM 'file:///' + name AS r RETURN name, r[0]", [
      "files": .list([.string("x.csv"), .string("y.csv")])
    ])
    #expect(canon(rows) == canon([[.string("x.csv"), .string("1")], [.string("x.csv"), .string("2")], [.string("y.csv"), .string("3")]]))
  }

  /// Malformed files fail with InvalidCSV naming the file and the line.
  @Test(arguments: [
    ("open.csv", Array("a,b\n1,\"never closed\n2,3\n".utf8), "open.csv:2: a quoted field is never closed"),
    ("utf.csv", Array("a\n".utf8) + [0xFF, 0xFE, 0x0A], "utf.csv:2: field 1 is not valid UTF-8 (its byte 1 is 0xFF)"),
    ("cols.csv", Array("a,b\n1,2\n3\n".utf8), "cols.csv:3: the record has 1 field but the header has 2"),
    ("junk.csv", Array("a,b\n\"x\"y,2\n".utf8), "junk.csv:2: a quoted field is followed by text before the next delimiter"),
  ])
  func malformedFilesNameFileAndLine(name: String, bytes: [UInt8], message: String) throws {
    let f = try ImportFixture()
    try f.file(name, bytes: bytes)
    let error = try #require(throws: QuiverError.self) {
      try f.database.execute("LOAD CSV WITH HEADERS FROM 'file:///\(name)' AS r RETURN r")
    }
    #expect(error.code == .invalidCSV)
    #expect(error.message == "file:///\(message)")
  }

  @Test func missingFileIsNotReadable() throws {
    let f = try ImportFixture()
    #expect(thrown { try f.database.execute("LOAD CSV FROM 'file:///none.csv' AS r RETURN r") } == "FileNotReadable")
    // An in-memory database has no import directory until one is set.
    #expect(thrown { try Database().execute("LOAD CSV FROM 'file:///none.csv' AS r RETURN r") } == "FileNotReadable")
  }

  /// Paths that leave the import directory are refused, whatever the spelling.
  @Test(arguments: [
    "../secret.csv", "file:///../secret.csv", "file:///%2e%2e/secret.csv", "file:///a/%2E%2E/%2e%2e/secret.csv",
    "/etc/passwd", "file:///link/secret.csv", "file:///filelink.csv",
  ])
  func pathsLeavingTheImportDirectoryAreRefused(url: String) throws {
    let f = try ImportFixture()
    try "s\n".write(toFile: f.scratch.path + "/secret.csv", atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(atPath: f.directory + "/a", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: f.directory + "/link", withDestinationPath: f.scratch.path)
    try FileManager.default.createSymbolicLink(atPath: f.directory + "/filelink.csv", withDestinationPath: f.scratch.path + "/secret.csv")
    let error = try #require(throws: QuiverError.self) {
      try f.database.execute("LOAD CSV FROM $url AS r RETURN r", parameters: ["url": .string(url)])
    }
    #expect(error.code == .pathOutsideImportDirectory)
    #expect(error.message.hasPrefix("cannot load `\(url)`: "))
  }

  @Test(arguments: ["http://example.com/a.csv", "https://example.com/a.csv", "ftp://example.com/a.csv", "file://otherhost/a.csv"])
  func remoteURLsAreRefused(url: String) throws {
    let f = try ImportFixture()
    let error = try #require(throws: QuiverError.self) {
      try f.database.execute("LOAD CSV FROM $url AS r RETURN r", parameters: ["url": .string(url)])
    }
    #expect(error.code == .remoteURLNotAllowed)
  }

  @Test func linksInsideTheDirectoryAreFollowed() throws {
    let f = try ImportFixture()
    try FileManager.default.createDirectory(atPath: f.directory + "/sub", withIntermediateDirectories: true)
    try "1\n".write(toFile: f.directory + "/sub/in.csv", atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: f.directory + "/alias.csv", withDestinationPath: f.directory + "/sub/in.csv")
    #expect(try canon(f.rows("LOAD CSV FROM 'file:///alias.csv' AS r RETURN r[0]")) == canon([[.string("1")]]))
    #expect(try canon(f.rows("LOAD CSV FROM 'file://localhost/sub/in.csv' AS r RETURN r[0]")) == canon([[.string("1")]]))
    #expect(try canon(f.rows("LOAD CSV FROM 'sub/in.csv' AS r RETURN r[0]")) == canon([[.string("1")]]))
  }

  @Test func durableDatabaseReadsItsImportFolderByDefault() throws {
    let scratch = try ScratchDirectory()
    let db = try Database(path: scratch.path + "/db")
    #expect(db.importDirectory == scratch.path + "/db/import")
    try FileManager.default.createDirectory(atPath: scratch.path + "/db/import", withIntermediateDirectories: true)
    try "7\n".write(toFile: scratch.path + "/db/import/n.csv", atomically: true, encoding: .utf8)
    #expect(try canon(db.execute("LOAD CSV FROM 'file:///n.csv' AS r RETURN r[0]").rows) == canon([[.string("7")]]))
  }

  @Test func compileTimeChecks() throws {
    let db = try Database()
    #expect(thrown { try db.execute("LOAD CSV FROM 'a.csv' AS r FIELDTERMINATOR ';;' RETURN r") } == "InvalidArgumentValue at 1:1")
    #expect(thrown { try db.execute("WITH 1 AS r LOAD CSV FROM 'a.csv' AS r RETURN r") } == "VariableAlreadyBound at 1:13")
    #expect(thrown { try db.execute("LOAD CSV FROM 'a.csv' AS r") } == "InvalidClauseComposition at 1:1")
    #expect(thrown { try db.execute("LOAD CSV FROM 1 AS r RETURN r") } == "InvalidArgumentType")
  }

  @Test func explainNamesTheOperator() throws {
    let db = try Database()
    let plan = try db.execute("EXPLAIN LOAD CSV WITH HEADERS FROM 'file:///a.csv' AS row RETURN row").plan ?? ""
    #expect(plan.contains("LoadCSV row (with headers)"))
  }
}
