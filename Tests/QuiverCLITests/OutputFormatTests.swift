// Every output format parsed back: `quiver -c ... --format F` for csv, tsv, json, jsonl and
// markdown, read with a parser for that format and compared with the values the query made;
// plus TSV and Markdown escaping and tables cut to a terminal's width.
import Foundation
import Quiver
import QuiverShellSupport
import Testing

@Suite("Output formats")
struct OutputFormatTests {
  static let query = """
    UNWIND [['Alice', 1], ['Bob, Jr.', 2], ['tab\tand | pipe', 3], ['say "hi"', 4]] AS pair
    RETURN pair[0] AS name, pair[1] AS n
    """
  static let names = ["Alice", "Bob, Jr.", "tab\tand | pipe", "say \"hi\""]

  func run(_ format: String) throws -> String {
    let outcome = try QuiverExecutable.run(["-c", Self.query, "--format", format])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    return outcome.standardOutput
  }

  @Test("the pipeline example: csv parsed back", .tags(.engine))
  func pipeline() throws {
    let outcome = try QuiverExecutable.run(["-c", "UNWIND ['Alice','Bob'] AS n RETURN n", "--format", "csv"])
    #expect(outcome.status == 0)
    #expect(Self.parseCSV(outcome.standardOutput) == [["n"], ["Alice"], ["Bob"]])
  }

  @Test("csv", .tags(.engine))
  func csv() throws {
    let rows = Self.parseCSV(try run("csv"))
    #expect(rows.first == ["name", "n"])
    #expect(rows.dropFirst().map { $0[0] } == Self.names)
    #expect(rows.dropFirst().map { $0[1] } == ["1", "2", "3", "4"])
  }

  @Test("tsv", .tags(.engine))
  func tsv() throws {
    let lines = try run("tsv").split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    #expect(lines.first == ["name", "n"])
    #expect(lines.dropFirst().map { TSVText.unescape(String($0[0])) } == Self.names)
    #expect(lines.dropFirst().map { String($0[1]) } == ["1", "2", "3", "4"])
  }

  @Test("json: one array of row objects", .tags(.engine))
  func json() throws {
    let data = Data(try run("json").utf8)
    let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    #expect(rows.map { $0["name"] as? String } == Self.names)
    #expect(rows.map { $0["n"] as? Int } == [1, 2, 3, 4])
  }

  @Test("points in table, csv and json", .tags(.engine))
  func points() throws {
    let query = "RETURN point({x: 1, y: 2.5}) AS p, point({longitude: 12.5, latitude: 55.25, height: 3}) AS g"
    let table = try QuiverExecutable.run(["-c", query, "--format", "table"])
    #expect(table.standardOutput.contains("point({x: 1.0, y: 2.5, crs: 'cartesian'})"), "\(table.standardOutput)")
    let csv = Self.parseCSV(try QuiverExecutable.run(["-c", query, "--format", "csv"]).standardOutput)
    #expect(csv == [["p", "g"], ["point({x: 1.0, y: 2.5, crs: 'cartesian'})", "point({x: 12.5, y: 55.25, z: 3.0, crs: 'wgs-84-3d'})"]])
    let data = Data(try QuiverExecutable.run(["-c", query, "--format", "json"]).standardOutput.utf8)
    let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    #expect(rows.first?["p"] as? String == "point({x: 1.0, y: 2.5, crs: 'cartesian'})")
  }

  @Test("jsonl: one object per line", .tags(.engine))
  func jsonLines() throws {
    let lines = try run("jsonl").split(separator: "\n")
    #expect(lines.count == 4)
    let rows = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    #expect(rows.map { $0["name"] as? String } == Self.names)
    #expect(rows.map { $0["n"] as? Int } == [1, 2, 3, 4])
  }

  @Test("markdown", .tags(.engine))
  func markdown() throws {
    let lines = try run("markdown").split(separator: "\n").map(String.init)
    #expect(lines.count == 6)
    #expect(lines[0] == "| name | n |")
    #expect(lines[1] == "| --- | --- |")
    let cells = lines.dropFirst(2).map { GoldenFile.splitRow($0) }
    #expect(cells.map { $0[0].replacingOccurrences(of: "\\t", with: "\t") } == Self.names)
    #expect(cells.map { $0[1] } == ["1", "2", "3", "4"])
  }

  @Test("a statement without columns prints nothing in data formats", .tags(.engine))
  func noColumns() throws {
    for format in ["csv", "tsv", "json", "jsonl", "markdown"] {
      let outcome = try QuiverExecutable.run(["-c", "CREATE ()", "--format", format])
      #expect(outcome.standardOutput.isEmpty, "\(format)")
    }
  }

  @Test("TSV and Markdown escaping")
  func escaping() {
    #expect(TSVText.field("a\tb\nc\\d") == "a\\tb\\nc\\\\d")
    #expect(TSVText.unescape("a\\tb\\nc\\\\d") == "a\tb\nc\\d")
    #expect(MarkdownFormatter.cell("a|b\nc") == "a\\|b\\nc")
    #expect(JSONFormatter.formatArray(columns: ["x"], rows: []) == "[]\n")
  }

  @Test("wide tables are cut to the width with an ellipsis")
  func truncation() {
    let formatter = TableFormatter(style: .ascii, maxWidth: 20)
    let table = formatter.format(columns: ["id", "text"], cells: [["1", String(repeating: "x", count: 40)]])
    let lines = table.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 20 }, "\(table)")
    #expect(lines[3] == "| 1  | xxxxxxxxxx… |")
    #expect(TableFormatter.truncated("日本語テキスト", to: 6) == "日本…")
    #expect(TableFormatter.fitting([5, 5], into: 100) == [5, 5])
    let unlimited = TableFormatter(style: .ascii).format(columns: ["a"], cells: [[String(repeating: "y", count: 300)]])
    #expect(unlimited.contains(String(repeating: "y", count: 300)))
  }

  /// RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks.
  static func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "," {
        row.append(field)
        field = ""
      } else if character == "\n" {
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.append(character)
      }
    }
    return rows
  }
}
