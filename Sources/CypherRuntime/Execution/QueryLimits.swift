// The resource limits one statement runs under, and the running counts checked against them:
// sizes of lists and strings built at run time, rows and (approximate) bytes held by the
// operators that materialise their input (sort, aggregation, DISTINCT, collect()), and steps of
// variable-length and shortest-path expansion. Exceeding one stops the statement with a
// ResourceLimitExceeded error before the memory is taken; the graph is left as it was.
import GraphCore

/// Bounds on what one statement may build and hold; the facade's `ResourceLimits` fills them.
package struct QueryLimits: Sendable, Hashable {
  /// Elements of one list built at run time (range(), list concatenation, collect()).
  package var maxListSize: Int
  /// UTF-8 bytes of one string built at run time (concatenation, replace()).
  package var maxStringSize: Int
  /// Rows (and collected values) held at once by sort, aggregation, DISTINCT and collect().
  package var maxMaterializedRows: Int
  /// Approximate bytes of the rows and values counted in `maxMaterializedRows`.
  package var maxMemoryBytes: Int
  /// Relationships tried by variable-length and shortest-path expansion.
  package var maxExpansionSteps: Int

  package init(
    maxListSize: Int = 10_000_000, maxStringSize: Int = 256 << 20, maxMaterializedRows: Int = 50_000_000,
    maxMemoryBytes: Int = 4 << 30, maxExpansionSteps: Int = 1_000_000_000
  ) {
    self.maxListSize = maxListSize
    self.maxStringSize = maxStringSize
    self.maxMaterializedRows = maxMaterializedRows
    self.maxMemoryBytes = maxMemoryBytes
    self.maxExpansionSteps = maxExpansionSteps
  }
}

extension ExecutionContext {
  /// Throws `ValueTooLarge` when a list of `count` elements, about to be built by `what`, would
  /// exceed the limit: checked before allocating, so `range(1, 100000000)` fails at once.
  package func checkListSize(_ count: Int, _ what: String) throws {
    guard count > limits.maxListSize else { return }
    throw QuiverError.runtime(
      .resourceLimit, .valueTooLarge,
      "\(what) would build a list of \(count) elements, more than the limit of \(limits.maxListSize) (ResourceLimits.maxListSize)")
  }

  /// Throws `ValueTooLarge` when a string of `bytes` UTF-8 bytes built by `what` exceeds the limit.
  package func checkStringSize(_ bytes: Int, _ what: String) throws {
    guard bytes > limits.maxStringSize else { return }
    throw QuiverError.runtime(
      .resourceLimit, .valueTooLarge,
      "\(what) would build a string of \(bytes) bytes, more than the limit of \(limits.maxStringSize) (ResourceLimits.maxStringSize)")
  }

  /// Counts `rows` more rows or values of about `bytes` bytes held by `what`; throws
  /// `RowLimitExceeded` or `MemoryLimitExceeded` past the limits.
  package func materialize(rows: Int = 1, bytes: Int, _ what: String) throws {
    materializedRows &+= rows
    materializedBytes &+= bytes
    if materializedRows > limits.maxMaterializedRows {
      throw QuiverError.runtime(
        .resourceLimit, .rowLimitExceeded,
        "\(what) would hold more than \(limits.maxMaterializedRows) rows (ResourceLimits.maxMaterializedRows)")
    }
    if materializedBytes > limits.maxMemoryBytes {
      throw QuiverError.runtime(
        .resourceLimit, .memoryLimitExceeded,
        "\(what) would hold more than \(limits.maxMemoryBytes) bytes of rows and values, the query's memory budget (ResourceLimits.maxMemoryBytes)")
    }
  }

  /// Counts one relationship tried by `what`; throws `ExpansionLimitExceeded` past the limit.
  package func countExpansionStep(_ what: String) throws {
    expansionSteps &+= 1
    guard expansionSteps > limits.maxExpansionSteps else { return }
    throw QuiverError.runtime(
      .resourceLimit, .expansionLimitExceeded,
      "\(what) tried more than \(limits.maxExpansionSteps) relationships (ResourceLimits.maxExpansionSteps)")
  }
}

extension Value {
  /// About how many bytes the value takes in memory: 16 per value, plus the UTF-8 bytes of
  /// strings and map keys and the elements of lists, maps and paths. An estimate for the memory
  /// budget, not an exact measure (it leaves out allocator overhead and shared storage).
  package var estimatedBytes: Int {
    switch self {
    case .null, .bool, .int, .float, .node, .relationship: return 16
    case .temporal, .point: return 48
    case .string(let s): return 16 + s.utf8.count
    case .list(let items): return items.reduce(16) { $0 + $1.estimatedBytes }
    case .map(let m): return m.reduce(16) { $0 + 16 + $1.key.utf8.count + $1.value.estimatedBytes }
    case .path(let p): return 16 + 16 * (p.nodes.count + p.relationships.count)
    }
  }
}

extension Array where Element == Value {
  /// The estimated bytes of a row (see `Value.estimatedBytes`).
  package var estimatedBytes: Int { reduce(16) { $0 + $1.estimatedBytes } }
}
