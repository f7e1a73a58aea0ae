// Turns the value tables of steps (result tables, `parameters are:` tables, procedure tables)
// into values, naming the row and column of any cell that is not valid TCK notation.
import Quiver

/// Readers for the value tables of steps.
enum StepTables {
  /// The cells of one row as values; `row` (1-based) and `columns` only serve error messages.
  static func values(_ cells: [String], row: Int, columns: [String]) throws(StepFailure) -> [Value] {
    var values: [Value] = []
    for (i, cell) in cells.enumerated() {
      do {
        values.append(try TCKValueParser.parse(cell))
      } catch {
        let column = i < columns.count ? "`\(columns[i])`" : "\(i + 1)"
        throw StepFailure("bad expected value in row \(row), column \(column): \(error)")
      }
    }
    return values
  }

  /// A result table: the header row names the columns, each further row is a row of values.
  static func result(_ table: DataTable?, ordered: Bool, ignoresListOrder: Bool) throws(StepFailure)
    -> ResultExpectation
  {
    guard let table, !table.rows.isEmpty else { throw StepFailure("result step needs a table") }
    let columns = table.header
    var rows: [[Value]] = []
    for (r, cells) in table.body.enumerated() {
      guard cells.count == columns.count else {
        throw StepFailure("result table row \(r + 1) has \(cells.count) cells for \(columns.count) columns")
      }
      rows.append(try values(cells, row: r + 1, columns: columns))
    }
    return ResultExpectation(
      columns: columns, rows: rows, ordered: ordered, ignoresListOrder: ignoresListOrder)
  }

  /// A `| name | value |` table without header.
  static func parameters(_ table: DataTable?) throws(StepFailure) -> [String: Value] {
    guard let table else { throw StepFailure("`parameters are:` needs a table") }
    var result: [String: Value] = [:]
    for (r, cells) in table.rows.enumerated() {
      guard cells.count == 2 else { throw StepFailure("parameter row \(r + 1) needs a name and a value") }
      let value = try values([cells[1]], row: r + 1, columns: [cells[0]])
      result[cells[0]] = value.first ?? .null
    }
    return result
  }
}
