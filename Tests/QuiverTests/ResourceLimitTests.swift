// Resource limits: each stops the statement with a ResourceLimitExceeded error naming the limit,
// before the memory is taken, and leaves the graph unchanged; values just under a limit pass.
// `RETURN size(range(1, 100000000))` fails at once under the defaults (it used to allocate GBs).
import Foundation
import Quiver
import Testing

/// An in-memory database whose limits are the defaults with `change` applied.
func limitedDatabase(_ change: (inout ResourceLimits) -> Void) throws -> Database {
  let db = try Database()
  var limits = ResourceLimits()
  change(&limits)
  db.limits = limits
  return db
}

@Suite struct ResourceLimitTests {
  /// The error running `query` on `db` throws.
  private func failure(_ db: Database, _ query: String) -> QuiverError? {
    do {
      _ = try db.execute(query)
      return nil
    } catch {
      return error as? QuiverError
    }
  }

  /// The rows of `query` as canonical text (Value is not Equatable).
  private func rows(_ db: Database, _ query: String, _ parameters: [String: Value] = [:]) throws -> [[String]] {
    try db.execute(query, parameters: parameters).rows.map { $0.map(canonical) }
  }

  /// Expected rows as canonical text.
  private func text(_ rows: [[Value]]) -> [[String]] { rows.map { $0.map(canonical) } }

  private func limited(_ change: (inout ResourceLimits) -> Void) throws -> Database {
    try limitedDatabase(change)
  }

  @Test func hugeRangeFailsAtOnceUnderTheDefaults() throws {
    let db = try Database()
    let error = failure(db, "RETURN size(range(1, 100000000))")
    #expect(error?.category == .resourceLimit)
    #expect(error?.code == .valueTooLarge)
    #expect(
      error?.message == "range() would build a list of 100000000 elements, more than the limit of 10000000 (ResourceLimits.maxListSize)")
    #expect(try rows(db, "RETURN size(range(1, 1000000)) AS n") == text([[.int(1_000_000)]]))
  }

  @Test func listSizes() throws {
    let db = try limited { $0.maxListSize = 10 }
    #expect(try rows(db, "RETURN size(range(1, 10)), size(range(10, 1)), size(range(1, 100, 10)), size(range(5, -4, -1))") == text([[.int(10), .int(0), .int(10), .int(10)]]))
    #expect(
      failure(db, "RETURN range(1, 11)")?.message
        == "range() would build a list of 11 elements, more than the limit of 10 (ResourceLimits.maxListSize)")
    #expect(
      failure(db, "RETURN range(-9223372036854775808, 9223372036854775807)")?.message
        == "range() would build a list of \(Int.max) elements, more than the limit of 10 (ResourceLimits.maxListSize)")
    // Counts whose arithmetic would overflow Int64 are capped, not trapped on.
    for query in ["RETURN range(0, 9223372036854775807)", "RETURN range(0, -9223372036854775808, -1)"] {
      #expect(
        failure(db, query)?.message
          == "range() would build a list of \(Int.max) elements, more than the limit of 10 (ResourceLimits.maxListSize)")
    }
    #expect(
      failure(db, "RETURN [1, 2, 3, 4, 5, 6] + [7, 8, 9, 10, 11]")?.message
        == "list concatenation would build a list of 11 elements, more than the limit of 10 (ResourceLimits.maxListSize)")
    #expect(failure(db, "RETURN range(1, 10) + 11")?.code == .valueTooLarge)
    #expect(failure(db, "RETURN reduce(l = [], x IN range(1, 10) | l + [x, x])")?.code == .valueTooLarge)
  }

  @Test func unwindStreamsARangeInsteadOfBuildingIt() throws {
    let db = try limited { $0.maxListSize = 10 }
    #expect(try rows(db, "UNWIND range(1, 1000) AS x RETURN count(*) AS n, sum(x) AS s") == text([[.int(1000), .int(500_500)]]))
    #expect(try rows(db, "UNWIND range(10, 1, -3) AS x RETURN x") == text([[.int(10)], [.int(7)], [.int(4)], [.int(1)]]))
    #expect(try rows(db, "UNWIND range(5, 1) AS x RETURN x").isEmpty)
    #expect(
      try rows(db, "UNWIND range(9223372036854775806, 9223372036854775807) AS x RETURN x")
        == text([[.int(9_223_372_036_854_775_806)], [.int(9_223_372_036_854_775_807)]]))
    #expect(
      try rows(db, "UNWIND [1, 2] AS n UNWIND range(1, n) AS x RETURN n, x")
        == text([[.int(1), .int(1)], [.int(2), .int(1)], [.int(2), .int(2)]]))
    // Arguments range() refuses fail as before; a range used as a value is still bounded.
    #expect(failure(db, "UNWIND range(1, 5, 0) AS x RETURN x")?.message == "range() step cannot be zero")
    #expect(failure(db, "WITH range(1, 11) AS l UNWIND l AS x RETURN x")?.code == .valueTooLarge)
  }

  @Test func stringSizes() throws {
    let db = try limited { $0.maxStringSize = 8 }
    #expect(try rows(db, "RETURN 'abcd' + 'efgh' AS s") == text([[.string("abcdefgh")]]))
    let error = failure(db, "RETURN 'abcde' + 'fghij'")
    #expect(error?.code == .valueTooLarge)
    #expect(
      error?.message
        == "string concatenation would build a string of 10 bytes, more than the limit of 8 (ResourceLimits.maxStringSize)")
    #expect(failure(db, "RETURN 'abcdefg' + 42")?.message
        == "string concatenation would build a string of 9 bytes, more than the limit of 8 (ResourceLimits.maxStringSize)")
    #expect(failure(db, "RETURN 4.5 + 'abcdef'")?.code == .valueTooLarge)
    #expect(
      failure(db, "RETURN replace('aaa', 'a', 'xyz')")?.message
        == "replace() would build a string of 9 bytes, more than the limit of 8 (ResourceLimits.maxStringSize)")
  }

  @Test(arguments: [
    ("UNWIND range(1, 101) AS x RETURN x ORDER BY x", "ORDER BY"),
    ("UNWIND range(1, 101) AS x RETURN collect(x)", "collect()"),
    ("UNWIND range(1, 101) AS x RETURN DISTINCT x", "DISTINCT"),
    ("UNWIND range(1, 101) AS x RETURN x, count(*)", "aggregation"),
    ("UNWIND range(1, 101) AS x RETURN count(DISTINCT x)", "count()"),
  ])
  func materializedRows(_ query: String, _ operatorName: String) throws {
    let db = try limited { $0.maxMaterializedRows = 100 }
    let error = failure(db, query)
    #expect(error?.code == .rowLimitExceeded)
    #expect(error?.message == "\(operatorName) would hold more than 100 rows (ResourceLimits.maxMaterializedRows)")
    // 99 rows (with collect()'s group, 100) fit.
    #expect(try db.execute(query.replacingOccurrences(of: "101", with: "99")).rows.count >= 1)
  }

  @Test func memoryBudget() throws {
    let db = try limited { $0.maxMemoryBytes = 10_000 }
    // The one group is estimated at 32 bytes and each collected string at 16 + 12: 356 of them
    // take exactly 10,000 bytes and fit, 357 do not.
    let query = "UNWIND range(1, $n) AS x RETURN size(collect('abcdefghijkl')) AS n"
    #expect(try rows(db, query, ["n": .int(356)]) == text([[.int(356)]]))
    let error = try #require(throws: QuiverError.self) { try db.execute(query, parameters: ["n": .int(357)]) }
    #expect(error.category == .resourceLimit)
    #expect(error.code == .memoryLimitExceeded)
    #expect(
      error.message
        == "collect() would hold more than 10000 bytes of rows and values, the query's memory budget (ResourceLimits.maxMemoryBytes)")
  }

  @Test func aStoppedWriteChangesNothing() throws {
    let db = try limited { $0.maxMaterializedRows = 100 }
    _ = try db.execute("CREATE (:Kept)")
    let error = failure(db, "UNWIND range(1, 200) AS x CREATE (:N {x: x}) WITH x ORDER BY x RETURN x")
    #expect(error?.code == .rowLimitExceeded)
    #expect(try rows(db, "MATCH (n) RETURN labels(n) AS l") == text([[.list([.string("Kept")])]]))
    #expect(db.consistencyViolations.isEmpty)
  }

  @Test func expansionSteps() throws {
    let db = try limited { $0.maxExpansionSteps = 50 }
    _ = try db.execute("UNWIND range(1, 6) AS i CREATE (:C {i: i})")
    _ = try db.execute("MATCH (a:C), (b:C) WHERE a.i < b.i CREATE (a)-[:R]->(b)")
    #expect(try rows(db, "MATCH (a:C {i: 5})-[*]->(b) RETURN count(*) AS n") == text([[.int(1)]]))
    let error = failure(db, "MATCH p = (a:C)-[*]->(b) RETURN count(p)")
    #expect(error?.code == .expansionLimitExceeded)
    #expect(error?.message == "variable-length expansion tried more than 50 relationships (ResourceLimits.maxExpansionSteps)")
    db.limits.maxExpansionSteps = 3
    let shortest = failure(db, "MATCH (a:C {i: 1}), (b:C {i: 6}) MATCH p = shortestPath((a)-[*]-(b)) RETURN length(p)")
    #expect(shortest?.message == "shortest-path search tried more than 3 relationships (ResourceLimits.maxExpansionSteps)")
  }

  @Test func queryText() throws {
    let db = try limited { $0.maxQueryLength = 20 }
    #expect(try rows(db, "RETURN 1 AS abcdefgh") == text([[.int(1)]]))
    let error = failure(db, "RETURN 1 AS abcdefghi")
    #expect(error?.code == .queryTooLarge)
    #expect(error?.phase == .compile)
    #expect(error?.message == "the query is 21 bytes long, more than the limit of 20 (ResourceLimits.maxQueryLength)")
    #expect(throws: QuiverError.self) { try db.prepare("RETURN 1 AS abcdefghi") }
  }

  @Test func nestingDepth() throws {
    let db = try limited { $0.maxNestingDepth = 3 }
    #expect(try rows(db, "RETURN [[[1]]] AS l") == text([[.list([.list([.list([.int(1)])])])]]))
    // The plan of a statement is cached across limits; the depth it recorded is checked each run.
    let error = failure(db, "RETURN [[[[1]]]] AS l")
    #expect(error?.code == .nestingTooDeep)
    #expect(error?.message == "query nests deeper than 3 levels")
    #expect(error?.position?.column == 11)
    #expect(try db.execute("RETURN [[[[1]]]] AS l", limits: ResourceLimits()).rows.count == 1)
    #expect(failure(db, "RETURN [[[[1]]]] AS l")?.code == .nestingTooDeep)
    // The parser's ceiling of 200 stays whatever the limit says.
    db.limits.maxNestingDepth = 10_000
    let deep = String(repeating: "[", count: 201) + String(repeating: "]", count: 201)
    #expect(failure(db, "RETURN " + deep)?.message == "query nests deeper than 200 levels")
    #expect(try db.execute("RETURN size(" + String(repeating: "[", count: 199) + String(repeating: "]", count: 199) + ") AS n").rows.count == 1)
  }

  @Test func perStatementLimitsReplaceTheDatabases() throws {
    let db = try Database()
    let error = try #require(throws: QuiverError.self) {
      try db.execute("RETURN range(1, 6)", limits: ResourceLimits(maxListSize: 5))
    }
    #expect(error.message == "range() would build a list of 6 elements, more than the limit of 5 (ResourceLimits.maxListSize)")
    #expect(try rows(db, "RETURN size(range(1, 6)) AS n") == text([[.int(6)]]))
    // Looser than the database's, for one statement, also inside a transaction.
    db.limits.maxListSize = 5
    #expect(failure(db, "RETURN range(1, 6)")?.code == .valueTooLarge)
    #expect(try db.execute("RETURN size(range(1, 6)) AS n", limits: ResourceLimits()).rows.first?.first?.intValue == 6)
    let inTransaction = try db.transaction { tx in
      try tx.execute("RETURN size(range(1, 7)) AS n", limits: ResourceLimits()).rows.first?.first?.intValue
    }
    #expect(inTransaction == 7)
  }

  @Test func durableDatabasesTakeTheirLimitsFromTheOptions() throws {
    let dir = try ScratchDirectory()
    let db = try Database(path: dir.path, options: DatabaseOptions(limits: ResourceLimits(maxListSize: 3)))
    #expect(db.limits.maxListSize == 3)
    #expect(failure(db, "RETURN range(1, 4)")?.code == .valueTooLarge)
    #expect(ResourceLimits() == ResourceLimits(
      maxQueryLength: 64 << 20, maxListSize: 10_000_000, maxStringSize: 256 << 20, maxMaterializedRows: 50_000_000,
      maxMemoryBytes: 4 << 30, maxExpansionSteps: 1_000_000_000, maxNestingDepth: 200))
  }
}
