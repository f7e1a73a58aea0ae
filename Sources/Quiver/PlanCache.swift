// Compiled plans by query text, so a statement run many times with different parameters is
// parsed and planned once. Invalidated when the procedure catalog changes.
import CypherPlanner
import CypherRuntime
import Synchronization

/// A bounded cache of compiled statements.
final class PlanCache: Sendable {
  private struct Entries: Sendable {
    var plans: [String: CompiledQuery] = [:]
    var catalogVersion = 0
  }

  private let entries = Mutex(Entries())
  private let capacity = 1000

  /// The cached plan of `query`, or the one `make` builds (then cached).
  func plan(_ query: String, procedures: ProcedureRegistry, make: () throws -> CompiledQuery) throws -> CompiledQuery {
    if let hit = entries.withLock({ e -> CompiledQuery? in
      if e.catalogVersion != procedures.version {
        e.plans.removeAll()
        e.catalogVersion = procedures.version
      }
      return e.plans[query]
    }) {
      return hit
    }
    let compiled = try make()
    entries.withLock { e in
      if e.plans.count >= capacity { e.plans.removeAll() }
      if e.catalogVersion == procedures.version { e.plans[query] = compiled }
    }
    return compiled
  }
}
