// Questionable input to the CSV importer in Quiver's layout, each refused with file, line and the
// field or column it is about, the graph unchanged: a repeated header column, bytes that are not
// UTF-8, float values out of range (`1e999`) or spelling NaN loosely (`nan`). The exact spellings
// Quiver's exports write (`NaN`, `Infinity`, `-Infinity`) still load.
import Foundation
import Quiver
import Testing

@Suite struct ImportValidationTests {
  /// Each input file and the error message it must give.
  private static let cases: [(bytes: [UInt8], message: String)] = {
    let u: (String) -> [UInt8] = { Array($0.utf8) }
    var cases: [(bytes: [UInt8], message: String)] = []
    cases.append((u("id,name,name\n1,A,B\n"), "a.csv:1: column 3 `name` repeats the name of column 2; column names must differ"))
    cases.append((u("id,name:string,name:int\n1,A,2\n"), "a.csv:1: column 3 `name` repeats the name of column 2; column names must differ"))
    cases.append((u("id,name\n1,") + [0x41, 0xC3, 0x28] + u("\n"), "a.csv:2: field 2 is not valid UTF-8 (its byte 2 is 0xC3)"))
    // Overlong forms, a surrogate, a code point above U+10FFFF and a sequence cut short are
    // refused at their first byte.
    cases.append((u("id,name\n1,a") + [0xC0, 0x80] + u("\n"), "a.csv:2: field 2 is not valid UTF-8 (its byte 2 is 0xC0)"))
    cases.append((u("id,name\n1,") + [0xE0, 0x80, 0x80] + u("\n"), "a.csv:2: field 2 is not valid UTF-8 (its byte 1 is 0xE0)"))
    cases.append((u("id,name\n1,ok") + [0xED, 0xA0, 0x80] + u("\n"), "a.csv:2: field 2 is not valid UTF-8 (its byte 3 is 0xED)"))
    cases.append((u("id,name\n1,") + [0xF4, 0x90, 0x80, 0x80] + u("\n"), "a.csv:2: field 2 is not valid UTF-8 (its byte 1 is 0xF4)"))
    cases.append((u("id,name\n1,\u{E9}") + [0xE2, 0x82] + u(",\n"), "a.csv:2: field 2 is not valid UTF-8 (its byte 3 is 0xE2)"))
    cases.append((u("id,score:float\n1,1e999\n"), "a.csv:2: `1e999` in column `score` is out of range for a float (at most ±1.7976931348623157e308)"))
    cases.append((u("id,score:float\n1,-1e999\n"), "a.csv:2: `-1e999` in column `score` is out of range for a float (at most ±1.7976931348623157e308)"))
    cases.append((u("id,score:float\n1,nan\n"), "a.csv:2: `nan` in column `score` is not a float (write NaN, Infinity or -Infinity exactly so)"))
    cases.append((u("id,score:float\n1,inf\n"), "a.csv:2: `inf` in column `score` is not a float (write NaN, Infinity or -Infinity exactly so)"))
    cases.append((u("id,score:float\n1,many\n"), "a.csv:2: `many` in column `score` is not a float"))
    return cases
  }()

  @Test(arguments: 0..<13)
  func questionableNodeFilesAreRefused(_ index: Int) throws {
    let (contents, message) = Self.cases[index]
    let dir = try ScratchDirectory()
    try dir.write("a.csv", contents)
    let db = try Database()
    _ = try db.execute("CREATE (:Kept)")
    let error = try #require(throws: QuiverError.self) { try db.importCSV(nodes: [CSVNodeFile(path: dir.file("a.csv"), labels: ["N"])]) }
    #expect(error.message == dir.path + "/" + message)
    #expect(error.code == .invalidCSV)
    #expect(try db.execute("MATCH (n) RETURN count(n)").rows.first?.first?.intValue == 1)
  }

  @Test func wellFormedTextOfEveryLengthLoads() throws {
    let dir = try ScratchDirectory()
    let names = ["plain", "Zo\u{EB}", "\u{65E5}\u{672C}", "\u{1F600}", "\u{10FFFF}\u{D7FF}\u{E000}", "\u{FFFD}"]
    let lines = names.enumerated().map { "\($0.offset),\($0.element)" }
    try dir.write("a.csv", Array(("id,name\n" + lines.joined(separator: "\n") + "\n").utf8))
    let db = try Database()
    try db.importCSV(nodes: [CSVNodeFile(path: dir.file("a.csv"), labels: ["N"])])
    let read = try db.execute("MATCH (n:N) RETURN n.name ORDER BY n.id").rows.map { $0.first?.stringValue }
    #expect(read == names)
  }

  @Test func exactSpellingsOfNaNAndTheInfinitiesLoad() throws {
    let dir = try ScratchDirectory()
    try dir.write("a.csv", Array("id,score:float\n1,NaN\n2,Infinity\n3,-Infinity\n4, 1e308\n".utf8))
    let db = try Database()
    try db.importCSV(nodes: [CSVNodeFile(path: dir.file("a.csv"), labels: ["N"])])
    let scores = try db.execute("MATCH (n:N) RETURN n.score ORDER BY n.id").rows.map { $0.first?.doubleValue }
    #expect(scores.count == 4)
    #expect(scores[0]?.isNaN == true)
    #expect(Array(scores.dropFirst()) == [.infinity, -.infinity, 1e308])
  }

  @Test func aRepeatedColumnInARelationshipFileIsRefused() throws {
    let dir = try ScratchDirectory()
    try dir.write("n.csv", Array("id\n1\n2\n".utf8))
    try dir.write("r.csv", Array("src,dst,w,w\n1,2,3,4\n".utf8))
    let db = try Database()
    let error = try #require(throws: QuiverError.self) {
      try db.importCSV(
        nodes: [CSVNodeFile(path: dir.file("n.csv"), labels: ["N"])], relationships: [CSVRelationshipFile(path: dir.file("r.csv"), type: "R")])
    }
    #expect(error.message == dir.file("r.csv") + ":1: column 4 `w` repeats the name of column 3; column names must differ")
    #expect(try db.execute("MATCH (n) RETURN count(n)").rows.first?.first?.intValue == 0)
  }
}
