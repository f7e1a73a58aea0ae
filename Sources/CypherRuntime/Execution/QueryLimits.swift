// The resource limits one statement runs under, and the running counts checked against them:
// sizes of lists and strings built at run time, rows and (approximate) bytes held by the
// operators that materialise their input (sort, aggregation, DISTINCT, collect(), hash joins,
// path selectors, eager and batch buffers, an updating statement's result), and steps of
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
  /// exceed the limit, and `MemoryLimitExceeded` when its 16 bytes an element would not fit in
  /// the memory budget beside what the statement's operators hold: checked before allocating,
  /// so `range(1, 100000000)` fails at once.
  package func checkListSize(_ count: Int, _ what: String) throws {
    if count > limits.maxListSize {
      throw QuiverError.runtime(
        .resourceLimit, .valueTooLarge,
        "\(what) would build a list of \(count) elements, more than the limit of \(limits.maxListSize) (ResourceLimits.maxListSize)")
    }
    try checkMemory(16 &* count, what)
  }

  /// Throws `ValueTooLarge` when a string of `bytes` UTF-8 bytes built by `what` exceeds the
  /// limit, and `MemoryLimitExceeded` when it would not fit in the memory budget.
  package func checkStringSize(_ bytes: Int, _ what: String) throws {
    if bytes > limits.maxStringSize {
      throw QuiverError.runtime(
        .resourceLimit, .valueTooLarge,
        "\(what) would build a string of \(bytes) bytes, more than the limit of \(limits.maxStringSize) (ResourceLimits.maxStringSize)")
    }
    try checkMemory(bytes, what)
  }

  /// Throws `MemoryLimitExceeded` when `bytes` more, beside what the statement's operators hold,
  /// would pass the memory budget; counts nothing, for a value or a buffer that lives briefly
  /// (a list being built, a shortest-path frontier).
  package func checkMemory(_ bytes: Int, _ what: String) throws {
    guard materializedBytes &+ bytes > limits.maxMemoryBytes else { return }
    throw QuiverError.runtime(
      .resourceLimit, .memoryLimitExceeded,
      "\(what) would take more than \(limits.maxMemoryBytes) bytes with what the query holds, the query's memory budget (ResourceLimits.maxMemoryBytes)")
  }

  /// Gives back rows and bytes that `materialize` counted, when an operator lets them go (a
  /// finished batch of CALL … IN TRANSACTIONS).
  package func release(rows: Int, bytes: Int) {
    materializedRows = max(0, materializedRows &- rows)
    materializedBytes = max(0, materializedBytes &- bytes)
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
    case .vector(let v): return 32 + 8 * v.dimension
    }
  }
}

extension Array where Element == Value {
  /// The estimated bytes of a row (see `Value.estimatedBytes`).
  package var estimatedBytes: Int { reduce(16) { $0 + $1.estimatedBytes } }
}
