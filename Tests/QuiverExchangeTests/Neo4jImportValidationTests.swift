// Questionable input in neo4j-admin's layout, refused with file, line and column: two columns
// storing one property, bytes that are not UTF-8, doubles out of range or spelling NaN loosely.
// Exported spellings (`NaN`, `Infinity`) still load, so exports keep round-tripping.
import Foundation
import Quiver
import Testing

@testable import QuiverExchange

@Suite struct Neo4jImportValidationTests {
  private let directory = ExchangeFixture.temporaryDirectory()

  private func failure(_ bytes: [UInt8]) throws -> (String, QuiverError?) {
    let path = directory + "/nodes.csv"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let db = try Database()
    do {
      _ = try Neo4jAdminImport.run(
        nodes: [Neo4jInput(names: ["P"], files: [path])], relationships: [], options: Neo4jImportOptions(), into: db)
      return (path, nil)
    } catch {
      #expect(try db.execute("MATCH (n) RETURN count(n)").rows.first?.first?.intValue == 0)
      return (path, error as? QuiverError)
    }
  }

  /// Each input file and the error message it must give.
  private static let cases: [(bytes: [UInt8], message: String)] = {
    let u: (String) -> [UInt8] = { Array($0.utf8) }
    var cases: [(bytes: [UInt8], message: String)] = []
    cases.append((u("id:ID,name,name:int\n1,a,2\n"), ":1: column 3 `name` repeats the property of column 2; column names must differ"))
    cases.append((u("name:ID,name\n1,a\n"), ":1: column 2 `name` repeats the property of column 1; column names must differ"))
    cases.append((u("id:ID,name\n1,") + [0xFF] + u("\n"), ":2: field 2 is not valid UTF-8 (its byte 1 is 0xFF)"))
    cases.append((u("id:ID,score:float\n1,1e999\n"), ":2: `1e999` in column `score` is out of range for a double (at most ±1.7976931348623157e308)"))
    cases.append((u("id:ID,score:double\n1,nan\n"), ":2: `nan` in column `score` is not a double (write NaN, Infinity or -Infinity exactly so)"))
    cases.append((u("id:ID,scores:double[]\n1,1;1e999\n"), ":2: `1e999` in column `scores` is out of range for a double (at most ±1.7976931348623157e308)"))
    return cases
  }()

  @Test(arguments: 0..<6)
  func questionableFilesAreRefused(_ index: Int) throws {
    let (bytes, message) = Self.cases[index]
    let (path, error) = try failure(bytes)
    #expect(error?.code == .invalidCSV)
    #expect(error?.message == path + message)
  }

  @Test func exportedSpellingsLoad() throws {
    let path = directory + "/nodes.csv"
    try Data("id:ID,score:double\n1,NaN\n2,-Infinity\n".utf8).write(to: URL(fileURLWithPath: path))
    let db = try Database()
    _ = try Neo4jAdminImport.run(
      nodes: [Neo4jInput(names: ["P"], files: [path])], relationships: [], options: Neo4jImportOptions(), into: db)
    let scores = try db.execute("MATCH (n:P) RETURN n.score ORDER BY n.id").rows.compactMap { $0.first?.doubleValue }
    #expect(scores.count == 2 && scores[0].isNaN && scores[1] == -.infinity)
  }
}
