// Exact layouts of result tables in both border styles, including empty results, wide
// characters, escaped line breaks and ragged rows.
import Quiver
import QuiverShellSupport
import Testing

@Suite("Table layout")
struct TableFormatterTests {
  static let columns = ["a.name", "k.weight", "b.name"]
  static let rows: [[Value]] = [["Alice", 5, "Bob"]]

  @Test("ASCII borders")
  func ascii() {
    let table = TableFormatter(style: .ascii).format(columns: Self.columns, rows: Self.rows)
    #expect(
      table == """
        +--------+----------+--------+
        | a.name | k.weight | b.name |
        +--------+----------+--------+
        | Alice  | 5        | Bob    |
        +--------+----------+--------+

        """)
  }

  @Test("Unicode box drawing")
  func unicode() {
    let table = TableFormatter(style: .unicode).format(columns: Self.columns, rows: Self.rows)
    #expect(
      table == """
        ┌────────┬──────────┬────────┐
        │ a.name │ k.weight │ b.name │
        ├────────┼──────────┼────────┤
        │ Alice  │ 5        │ Bob    │
        └────────┴──────────┴────────┘

        """)
  }

  @Test("cells wider than their header widen the column")
  func widths() {
    let rows: [[Value]] = [[1, ["a", "b"]], [22222, nil]]
    #expect(
      TableFormatter(style: .ascii).format(columns: ["n", "list"], rows: rows) == """
        +-------+------------+
        | n     | list       |
        +-------+------------+
        | 1     | ['a', 'b'] |
        | 22222 | null       |
        +-------+------------+

        """)
  }

  @Test("a result without rows shows only its header")
  func noRows() {
    #expect(
      TableFormatter(style: .ascii).format(columns: ["x"], rows: []) == """
        +---+
        | x |
        +---+

        """)
    #expect(
      TableFormatter(style: .unicode).format(columns: ["x"], rows: []) == """
        ┌───┐
        │ x │
        └───┘

        """)
  }

  @Test("no columns, no table")
  func noColumns() {
    #expect(TableFormatter(style: .ascii).format(columns: [], rows: [[]]) == "")
  }

  @Test("wide characters take two columns")
  func wideCharacters() {
    #expect("名前".displayWidth == 4)
    #expect("é".displayWidth == 1)
    #expect("e\u{301}".displayWidth == 1)
    #expect(
      TableFormatter(style: .ascii).format(columns: ["name"], rows: [["名前"], ["ab"]]) == """
        +------+
        | name |
        +------+
        | 名前 |
        | ab   |
        +------+

        """)
  }

  @Test("line breaks and tabs in cells are escaped so rows stay on one line")
  func controlCharacters() {
    #expect(
      TableFormatter(style: .ascii).format(columns: ["s"], rows: [["one\ntwo\tthree"]]) == """
        +-----------------+
        | s               |
        +-----------------+
        | one\\ntwo\\tthree |
        +-----------------+

        """)
  }

  @Test("short rows are padded with empty cells")
  func raggedRows() {
    #expect(
      TableFormatter(style: .ascii).format(columns: ["a", "b"], cells: [["1"]]) == """
        +---+---+
        | a | b |
        +---+---+
        | 1 |   |
        +---+---+

        """)
  }
}
