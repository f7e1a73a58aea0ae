// Compiled plans by query text, so a statement run many times with different parameters is
// parsed and planned once. Invalidated when the procedure catalog or the schema changes.
import CypherPlanner
import CypherRuntime
import GraphCore

/// A bounded cache of compiled statements.
final class PlanCache: Sendable {
  private struct Entries: Sendable {
    var plans: [String: Database.Prepared] = [:]
    var catalogVersion = 0
    var schemaVersion = 0
    /// Plans are chosen by counts; a graph that grew or shrank by an order of two gets new plans.
    var sizeClass = 0
  }

  private let entries = Locked(Entries())
  private let capacity = 1000
  /// Longer statements (a dump's `UNWIND` of a thousand literal rows, a generated script) are
  /// planned each time and not kept: they are rarely run twice, and a full cache of them held
  /// hundreds of megabytes.
  static let longestCached = 16_384

  /// The cached plan of `query`, or the one `make` builds (then cached).
  func plan(
    _ query: String, procedures: ProcedureRegistry, schemaVersion: Int, nodeCount: Int,
    make: () throws -> Database.Prepared
  ) throws -> Database.Prepared {
    guard query.utf8.count <= Self.longestCached else { return try make() }
    let sizeClass = Self.sizeClass(nodeCount)
    if let hit = entries.withLock({ e -> Database.Prepared? in
      if e.catalogVersion != procedures.version || e.schemaVersion != schemaVersion || e.sizeClass != sizeClass {
        e.plans.removeAll()
        e.catalogVersion = procedures.version
        e.schemaVersion = schemaVersion
        e.sizeClass = sizeClass
      }
      return e.plans[query]
    }) {
      return hit
    }
    let compiled = try make()
    entries.withLock { e in
      if e.plans.count >= capacity { e.plans.removeAll() }
      if e.catalogVersion == procedures.version && e.schemaVersion == schemaVersion { e.plans[query] = compiled }
    }
    return compiled
  }

  /// Number of plans held.
  var count: Int { entries.withLock { $0.plans.count } }

  /// The size class plans are chosen for: the bit width of the node count, so a graph that
  /// doubled or halved gets new plans.
  static func sizeClass(_ nodeCount: Int) -> Int { Int.bitWidth - nodeCount.leadingZeroBitCount }
}
