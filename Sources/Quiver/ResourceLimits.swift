// The resource limits of a database's statements: query text size, sizes of lists and strings
// built at run time, rows and bytes held by sort, aggregation, DISTINCT and collect(), and
// steps of variable-length and shortest-path expansion. A statement past one stops with a
// ResourceLimitExceeded error and changes nothing. See docs/limits.md for what each counts.
import CypherRuntime

/// Bounds on what one statement may use; set per database (`DatabaseOptions.limits`,
/// `Database.limits`). The defaults are far above what ordinary queries need and stop only
/// runaway ones (`RETURN size(range(1, 100000000))`) before they take the machine's memory.
public struct ResourceLimits: Sendable, Hashable {
  /// UTF-8 bytes of one statement's text (code `QueryTooLarge`). Default 64 MiB.
  public var maxQueryLength: Int
  /// Elements of one list built at run time: range(), list concatenation, collect() (code
  /// `ValueTooLarge`, checked before the list is allocated). Default 10,000,000.
  public var maxListSize: Int
  /// UTF-8 bytes of one string built at run time: concatenation, replace() (code
  /// `ValueTooLarge`). Default 256 MiB.
  public var maxStringSize: Int
  /// Rows and values held at once by ORDER BY, aggregation groups, DISTINCT and the values kept
  /// by collect(), percentiles, stDev() and DISTINCT aggregates (code `RowLimitExceeded`).
  /// Default 50,000,000.
  public var maxMaterializedRows: Int
  /// The per-statement memory budget: an estimate of the bytes of the rows and values counted in
  /// `maxMaterializedRows` (16 bytes per value plus string bytes and nested elements; code
  /// `MemoryLimitExceeded`). Default 4 GiB.
  public var maxMemoryBytes: Int
  /// Relationships tried by variable-length expansion and shortest-path searches in one
  /// statement (code `ExpansionLimitExceeded`). Default 1,000,000,000.
  public var maxExpansionSteps: Int

  public init(
    maxQueryLength: Int = 64 << 20, maxListSize: Int = 10_000_000, maxStringSize: Int = 256 << 20,
    maxMaterializedRows: Int = 50_000_000, maxMemoryBytes: Int = 4 << 30, maxExpansionSteps: Int = 1_000_000_000
  ) {
    self.maxQueryLength = maxQueryLength
    self.maxListSize = maxListSize
    self.maxStringSize = maxStringSize
    self.maxMaterializedRows = maxMaterializedRows
    self.maxMemoryBytes = maxMemoryBytes
    self.maxExpansionSteps = maxExpansionSteps
  }

  /// The limits the runtime checks while a statement runs.
  var query: QueryLimits {
    QueryLimits(
      maxListSize: maxListSize, maxStringSize: maxStringSize, maxMaterializedRows: maxMaterializedRows,
      maxMemoryBytes: maxMemoryBytes, maxExpansionSteps: maxExpansionSteps)
  }

  /// Throws `QueryTooLarge` when `query` is longer than `maxQueryLength`.
  func check(query: String) throws {
    let length = query.utf8.count
    guard length > maxQueryLength else { return }
    throw QuiverError(
      .resourceLimit, .queryTooLarge,
      "the query is \(length) bytes long, more than the limit of \(maxQueryLength) (ResourceLimits.maxQueryLength)",
      phase: .compile)
  }
}
