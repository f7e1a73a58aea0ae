// The resource limits of a database's statements: query text size and nesting depth, sizes of
// lists and strings built at run time, rows and bytes held by the operators that materialise
// (sort, aggregation, DISTINCT, collect() and the rest docs/limits.md lists), and steps of
// variable-length and shortest-path expansion. A statement past one stops with a
// ResourceLimitExceeded error and changes nothing. See docs/limits.md for what each counts.
import CypherRuntime
import CypherSyntax

/// Bounds on what one statement may use; set per database (`DatabaseOptions.limits`,
/// `Database.limits`). The defaults are far above what ordinary queries need and stop only
/// runaway ones (`RETURN size(range(1, 100000000))`) before they take the machine's memory.
public struct ResourceLimits: Sendable, Hashable {
  /// UTF-8 bytes of one statement's text (code `QueryTooLarge`). Default 64 MiB.
  public var maxQueryLength: Int
  /// Levels of nested expressions, patterns and subqueries in one statement's text (code
  /// `NestingTooDeep`, at the token that goes one level too deep). Default and ceiling 200: a
  /// higher value has no effect, since deeper trees would overflow the stack of later stages.
  public var maxNestingDepth: Int
  /// Elements of one list built at run time: range(), list concatenation, collect(), COLLECT
  /// subqueries, the relationships of a variable-length path (code `ValueTooLarge`, checked
  /// before the list is allocated). Default 10,000,000.
  public var maxListSize: Int
  /// UTF-8 bytes of one string built at run time: concatenation, replace() (code
  /// `ValueTooLarge`). Default 256 MiB.
  public var maxStringSize: Int
  /// Rows and values held at once by ORDER BY, aggregation groups, DISTINCT, the values kept
  /// by collect(), percentiles, stDev() and DISTINCT aggregates, the build side of a hash join,
  /// path selectors (SHORTEST k), the eager buffer before a write, an updating statement's
  /// result and the batch CALL … IN TRANSACTIONS holds (code `RowLimitExceeded`).
  /// Default 50,000,000.
  public var maxMaterializedRows: Int
  /// The per-statement memory budget: an estimate of the bytes of the rows and values counted in
  /// `maxMaterializedRows` (16 bytes per value plus string bytes and nested elements), which a
  /// list or string being built, a list comprehension, a shortest-path search's arrays and the
  /// paths of allShortestPaths must also fit beside (code `MemoryLimitExceeded`). Default 4 GiB.
  public var maxMemoryBytes: Int
  /// Relationships tried by variable-length expansion and shortest-path searches in one
  /// statement (code `ExpansionLimitExceeded`). Default 1,000,000,000.
  public var maxExpansionSteps: Int

  public init(
    maxQueryLength: Int = 64 << 20, maxListSize: Int = 10_000_000, maxStringSize: Int = 256 << 20,
    maxMaterializedRows: Int = 50_000_000, maxMemoryBytes: Int = 4 << 30, maxExpansionSteps: Int = 1_000_000_000,
    maxNestingDepth: Int = 200
  ) {
    self.maxQueryLength = maxQueryLength
    self.maxNestingDepth = maxNestingDepth
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

  /// Throws `NestingTooDeep` when the compiled `query` nests deeper than `maxNestingDepth`: the
  /// plan (cached for any limit) records its depth, and only a statement past the limit is parsed
  /// again, under the limit, for the error and its position.
  func check(_ prepared: Database.Prepared, query: String) throws {
    guard case .query(let compiled) = prepared, compiled.nestingDepth > maxNestingDepth else { return }
    _ = try Parser.parse(query, maxDepth: max(0, maxNestingDepth))
    throw QuiverError.syntax(.nestingTooDeep, "query nests deeper than \(maxNestingDepth) levels", at: nil)
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
