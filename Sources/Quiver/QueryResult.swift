// What a query hands back to an embedder: column names, rows of typed values, the statistics of
// what the query changed, and (for EXPLAIN/PROFILE) the plan.

/// The result of one Cypher statement.
public struct QueryResult: Sendable {
  /// Column names in RETURN order; empty for a statement that returns nothing.
  public let columns: [String]
  /// One array of values per row, aligned with `columns`.
  public let rows: [[Value]]
  /// What the statement changed.
  public let statistics: QueryStatistics
  /// The operator tree, for `EXPLAIN` and `PROFILE` statements.
  public let plan: String?

  public init(
    columns: [String], rows: [[Value]], statistics: QueryStatistics = QueryStatistics(),
    plan: String? = nil
  ) {
    self.columns = columns
    self.rows = rows
    self.statistics = statistics
    self.plan = plan
  }

  /// The rows as dictionaries keyed by column name.
  public var records: [[String: Value]] {
    rows.map { row in
      var record: [String: Value] = [:]
      for (name, value) in zip(columns, row) { record[name] = value }
      return record
    }
  }
}
