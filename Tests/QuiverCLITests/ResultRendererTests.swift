// Exact text printed for one statement's result: table plus row count, timing, statistics
// after writes, "No changes", plans, and the CSV and JSON Lines formats.
import Quiver
import QuiverShellSupport
import Testing

@Suite("Result rendering")
struct ResultRendererTests {
  static let created: QueryStatistics = {
    var statistics = QueryStatistics()
    statistics.nodesCreated = 2
    statistics.relationshipsCreated = 1
    statistics.propertiesSet = 6
    return statistics
  }()
  static let table = ResultRenderer(format: .table, tableStyle: .ascii, showsTiming: false)
  static let timed = ResultRenderer(format: .table, tableStyle: .ascii, showsTiming: true)

  @Test("rows are followed by their count")
  func rows() {
    let result = QueryResult(columns: ["x"], rows: [[1], [2]])
    #expect(
      Self.table.render(result, elapsed: .zero) == """
        +---+
        | x |
        +---+
        | 1 |
        | 2 |
        +---+
        2 rows

        """)
  }

  @Test("the count ends with the elapsed time when timing is on")
  func timing() {
    let result = QueryResult(columns: ["x"], rows: [[1]])
    let text = Self.timed.render(result, elapsed: .microseconds(400))
    #expect(text.hasSuffix("+---+\n1 row (0.4 ms)\n"))
    let empty = Self.timed.render(QueryResult(columns: ["x"], rows: []), elapsed: .milliseconds(3))
    #expect(empty.hasSuffix("+---+\n0 rows (3.0 ms)\n"))
  }

  @Test("a write without RETURN prints its statistics")
  func writeWithoutColumns() {
    let result = QueryResult(columns: [], rows: [], statistics: Self.created)
    #expect(
      Self.table.render(result, elapsed: .zero)
        == "Created 2 nodes, created 1 relationship, set 6 properties\n")
    #expect(
      Self.timed.render(result, elapsed: .microseconds(1_250))
        == "Created 2 nodes, created 1 relationship, set 6 properties (1.3 ms)\n")
  }

  @Test("a write with RETURN prints the table, the count, then the statistics")
  func writeWithColumns() {
    let result = QueryResult(columns: ["n"], rows: [[1]], statistics: Self.created)
    #expect(
      Self.timed.render(result, elapsed: .microseconds(400)) == """
        +---+
        | n |
        +---+
        | 1 |
        +---+
        1 row (0.4 ms)
        Created 2 nodes, created 1 relationship, set 6 properties

        """)
  }

  @Test("a statement that returns and changes nothing says so")
  func noChanges() {
    let result = QueryResult(columns: [], rows: [])
    #expect(Self.table.render(result, elapsed: .zero) == "No changes\n")
    #expect(Self.timed.render(result, elapsed: .zero) == "No changes (0.0 ms)\n")
  }

  @Test("an EXPLAIN plan replaces the table")
  func plan() {
    let result = QueryResult(columns: ["x"], rows: [], plan: "ProduceResults\n  Projection")
    #expect(Self.table.render(result, elapsed: .zero) == "ProduceResults\n  Projection\n")
    #expect(
      Self.timed.render(result, elapsed: .microseconds(100))
        == "ProduceResults\n  Projection\nPlanned in 0.1 ms\n")
  }

  @Test(
    "durations",
    arguments: [
      (Duration.zero, "0.0 ms"), (.nanoseconds(40_000), "0.0 ms"), (.microseconds(50), "0.1 ms"),
      (.microseconds(12_345), "12.3 ms"), (.milliseconds(999), "999.0 ms"),
      (.milliseconds(1_250), "1.25 s"), (.milliseconds(1_001), "1.00 s"), (.seconds(61), "61.00 s"),
    ])
  func durations(elapsed: Duration, expected: String) {
    #expect(ResultRenderer.duration(elapsed) == expected)
  }

  @Test("row counts")
  func rowCounts() {
    #expect(ResultRenderer.rowCount(0) == "0 rows")
    #expect(ResultRenderer.rowCount(1) == "1 row")
    #expect(ResultRenderer.rowCount(2) == "2 rows")
  }

  @Test("CSV: header, raw strings, empty nulls, quoted fields, no summary")
  func csv() {
    let renderer = ResultRenderer(format: .csv, tableStyle: .ascii, showsTiming: true)
    let result = QueryResult(
      columns: ["name", "n", "tags", "note"],
      rows: [["Alice", 1, ["a", "b"], nil], ["Bob, Jr.", 2.5, [], "say \"hi\"\nbye"]],
      statistics: Self.created)
    #expect(
      renderer.render(result, elapsed: .seconds(1)) == """
        name,n,tags,note
        Alice,1,"['a', 'b']",
        "Bob, Jr.",2.5,[],"say ""hi""
        bye"

        """)
    #expect(renderer.render(QueryResult(columns: [], rows: []), elapsed: .zero) == "")
  }

  @Test("JSON Lines: one object per row, keys in column order")
  func jsonLines() {
    let renderer = ResultRenderer(format: .jsonl, tableStyle: .ascii, showsTiming: true)
    let node = Node(id: 7, labels: ["Person"], properties: ["name": "Alice"])
    let knows = Relationship(id: 8, type: "KNOWS", startID: 7, endID: 9, properties: ["w": 0.5])
    let result = QueryResult(
      columns: ["z", "a", "n", "r"],
      rows: [
        ["q\"\n\u{01}", [1, nil, true], .node(node), .relationship(knows)],
        [.float(.nan), ["k": 1.0], nil, .path(Path(nodes: [node], relationships: []))],
      ])
    #expect(
      renderer.render(result, elapsed: .zero) == #"""
        {"z":"q\"\n\u0001","a":[1,null,true],"n":{"id":7,"labels":["Person"],"properties":{"name":"Alice"}},"r":{"id":8,"type":"KNOWS","start":7,"end":9,"properties":{"w":0.5}}}
        {"z":"NaN","a":{"k":1.0},"n":null,"r":{"nodes":[{"id":7,"labels":["Person"],"properties":{"name":"Alice"}}],"relationships":[]}}

        """#)
  }
}

@Suite("Progress line")
struct ProgressLineTests {
  @Test func showsElapsedTimeAndRowsSoFar() {
    #expect(ProgressLine.frame(elapsed: .milliseconds(2300)) == "\r⠸ Running… 2.3 s (Ctrl-C cancels)\u{1B}[K")
    #expect(ProgressLine.frame(elapsed: .milliseconds(1000), rows: 1) == "\r⠋ Running… 1.0 s, 1 row so far (Ctrl-C cancels)\u{1B}[K")
    #expect(ProgressLine.frame(elapsed: .milliseconds(1500), rows: 42).contains("42 rows so far"))
  }
}
