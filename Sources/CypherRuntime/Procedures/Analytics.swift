// Typed entry points to the graph algorithms, shared by the `algo.*` procedures and the
// embedding API's `db.algorithms`: each checks its options, projects the graph (through the
// snapshot's projection cache when there is one), runs the algorithm and returns its typed result
// over the projection. The procedures read their configuration map into the options and turn the
// results into rows (AlgorithmProcedures+*.swift); the embedding API wraps them as NodeValues.
import GraphAlgorithms
import GraphCore
import GraphStorage

/// One store snapshot to run algorithms on, with its projection cache, the database's graph
/// catalog and the statement's cancellation flag (nil outside a statement).
package struct Analytics {
  let store: GraphStore
  let cache: ProjectionCache?
  let catalog: GraphCatalog?
  let cancellation: CancellationFlag?
  /// Where long algorithms count their work when a caller watches it; without one, they
  /// report to the statement's cancellation flag (for the shell's spinner).
  package var meter: WorkMeter?

  /// - Parameter cache: projections of `store`'s snapshot (it must belong to this very store).
  package init(store: GraphStore, cache: ProjectionCache?, catalog: GraphCatalog? = nil, cancellation: CancellationFlag? = nil) {
    self.store = store
    self.cache = cache
    self.catalog = catalog
    self.cancellation = cancellation
  }

  /// Polled by the long-running algorithms, which count their work on its meter.
  var stop: StopCheck {
    let meter = self.meter ?? cancellation.map { flag in WorkMeter { flag.record($0) } }
    guard let cancellation else { return meter == nil ? .never : StopCheck(meter: meter) { false } }
    return StopCheck(meter: meter) { cancellation.isCancelled }
  }

  /// Throws `Cancelled` (or `TimedOut`) when the statement was cancelled or timed out (the
  /// algorithm may then have returned early with partial results).
  func checkCancelled() throws { try cancellation?.check() }

  /// The projection `spec` describes: the named graph of the catalog it names, else from the
  /// cache when there is one.
  func project(_ spec: ProjectionSpec, _ check: OptionCheck) throws -> GraphProjection {
    if let name = spec.graphName { return try namedGraph(name).projection(weight: spec.weightProperty, check) }
    if spec.weightProperty != nil { try check.double(spec.defaultWeight, "defaultWeight") }
    guard let cache else { return try GraphProjection(store, spec) }
    return try cache.projection(spec, of: store)
  }

  /// The projection for a shortest-path based algorithm, which refuses negative weights.
  func projectNonNegative(_ spec: ProjectionSpec, _ check: OptionCheck) throws -> GraphProjection {
    let p = try project(spec, check)
    if p.graph.isWeighted { try WeightedPaths.requireNonNegative(p.graph, property: spec.weightProperty ?? "COUNT") }
    return p
  }

  /// The graph of the catalog called `name`.
  func namedGraph(_ name: String) throws -> NamedGraph {
    guard let catalog else {
      throw QuiverError.runtime(.argument, .graphNotFound, "there is no graph catalog here to find graph '\(name)' in")
    }
    return try catalog.graph(name)
  }
}

/// An algorithm's result with the projection it is over (which maps dense node indices back to
/// node ids).
package struct Projected<Result> {
  package let projection: GraphProjection
  package let result: Result
}

/// Checks option values, naming the procedure and the option's configuration key, so that
/// `db.algorithms` and the `algo.*` procedures refuse the same values with the same message.
package struct OptionCheck {
  let procedure: AlgorithmProcedure

  /// An error naming `key` and what was wrong with its value.
  func invalid(_ key: String, _ problem: String) -> QuiverError {
    QuiverError.runtime(.argument, .invalidArgumentValue, "\(procedure.rawValue): configuration key '\(key)' \(problem)")
  }

  /// `x` must be a finite number in `range`.
  func double(_ x: Double, _ key: String, in range: ClosedRange<Double> = -.infinity...(.infinity)) throws {
    guard x.isFinite else { throw invalid(key, "must be a number, got FLOAT") }
    guard range.contains(x) else { throw invalid(key, "must be between \(range.lowerBound) and \(range.upperBound), got \(x)") }
  }

  /// `x` must be at least `minimum` (and at most `maximum`).
  func int(_ x: Int, _ key: String, minimum: Int = 0, maximum: Int = .max) throws {
    guard x >= minimum, x <= maximum else {
      throw invalid(key, maximum == .max ? "must be at least \(minimum), got \(x)" : "must be between \(minimum) and \(maximum), got \(x)")
    }
  }

  /// The product of `sizes` (node count × walks per node × walk length, or nodes × dimensions)
  /// must stay within `limit`: options that each pass their own range can still ask for more
  /// memory than a machine has, and that is refused before any of it is allocated.
  func size(_ sizes: [Int], within limit: Int, _ keys: String, unit: String) throws {
    var total = 1
    for s in sizes {
      let (product, overflow) = total.multipliedReportingOverflow(by: s)
      guard !overflow, product <= limit else {
        throw invalid(keys, "ask for more than \(limit) \(unit) on this graph of \(sizes.first ?? 0) nodes; lower them")
      }
      total = product
    }
  }

  /// The dense index of node `id` in `p`, or an error naming `key` when it is not projected.
  func index(of id: Int64, in p: GraphProjection, _ key: String) throws -> Int {
    guard let i = p.index(of: id) else { throw invalid(key, "names node \(id), which is not in the projected graph") }
    return i
  }
}
