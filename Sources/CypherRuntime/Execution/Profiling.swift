// PROFILE support: a cursor wrapper that counts the rows each operator yields and the time spent
// in it, keyed by the operator's position in the plan tree (the child indexes from the root, in
// the order EXPLAIN prints children).

/// Rows and time of one operator, summed over every cursor built for it.
final class ProfileEntry {
  var rows = 0
  var time = Duration.zero
  var hits = 0
}

/// The profile of one statement run.
package final class ProfileRecorder {
  private var entries: [[Int]: ProfileEntry] = [:]

  package init() {}

  func entry(_ path: [Int]) -> ProfileEntry {
    if let e = entries[path] { return e }
    let e = ProfileEntry()
    entries[path] = e
    return e
  }

  /// Rows and inclusive time per operator path.
  package var measurements: [[Int]: (rows: Int, time: Duration, hits: Int)] {
    entries.mapValues { ($0.rows, $0.time, $0.hits) }
  }
}

/// Counts the rows and time of the cursor it wraps.
final class ProfilingCursor: Cursor {
  private let inner: Cursor
  private let entry: ProfileEntry
  private let ctx: ExecutionContext
  private let clock = ContinuousClock()

  init(_ inner: Cursor, _ entry: ProfileEntry, _ ctx: ExecutionContext) {
    self.inner = inner
    self.entry = entry
    self.ctx = ctx
  }

  func next() throws -> Row? {
    let start = clock.now
    let hits = ctx.dbHits
    defer {
      entry.time += clock.now - start
      entry.hits += ctx.dbHits - hits
    }
    let row = try inner.next()
    if row != nil { entry.rows += 1 }
    return row
  }
}
