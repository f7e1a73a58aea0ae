// The row and memory limits beyond sort, aggregation, DISTINCT and collect(): lists built by
// range(), list comprehensions and COLLECT subqueries count against the memory budget; the eager
// buffer before a write, the result an updating statement holds and each batch of CALL … IN
// TRANSACTIONS count against the row limit (a batch only while it is held); variable-length
// paths against the list limit; allShortestPaths' paths against the memory budget.
import Quiver
import Testing

@Suite struct MaterializationLimitTests {
  private func limited(_ change: (inout ResourceLimits) -> Void) throws -> Database {
    try limitedDatabase(change)
  }

  /// The error `query` raises on `db`, as code and message.
  private func failure(_ db: Database, _ query: String, _ parameters: [String: Value] = [:]) -> (QuiverError.Code, String)? {
    do {
      _ = try db.execute(query, parameters: parameters)
      return nil
    } catch let error as QuiverError {
      return (error.code, error.message)
    } catch {
      return nil
    }
  }

  private func budget(_ what: String) -> String {
    "\(what) would take more than 10000 bytes with what the query holds, the query's memory budget (ResourceLimits.maxMemoryBytes)"
  }

  @Test func listsBuiltAtRunTimeCountAgainstTheMemoryBudget() throws {
    let db = try limited { $0.maxMemoryBytes = 10_000 }
    // 16 bytes an element: 625 fit in 10,000 bytes, 626 do not.
    #expect(try db.execute("RETURN size(range(1, 625)) AS n").rows[0][0].intValue == 625)
    #expect(failure(db, "RETURN size(range(1, 626))")?.0 == .memoryLimitExceeded)
    #expect(failure(db, "RETURN size(range(1, 626))")?.1 == budget("range()"))
    // A comprehension's list: 16 bytes, plus 16 + 12 for each string; 356 fit, 357 do not.
    let strings = "RETURN size([x IN $l | 'abcdefghijkl']) AS n"
    let list = { (n: Int) -> [String: Value] in ["l": .list((1...n).map { .int(Int64($0)) })] }
    #expect(try db.execute(strings, parameters: list(356)).rows[0][0].intValue == 356)
    #expect(failure(db, strings, list(357))?.0 == .memoryLimitExceeded)
    #expect(failure(db, strings, list(357))?.1 == budget("list comprehension"))
    let subquery = "RETURN size(COLLECT { UNWIND $l AS x RETURN 'abcdefghijkl' }) AS n"
    #expect(try db.execute(subquery, parameters: list(356)).rows[0][0].intValue == 356)
    #expect(failure(db, subquery, list(357))?.1 == budget("COLLECT subquery"))
  }

  @Test func eagerBuffersAndUpdatingResultsCountRows() throws {
    let db = try limited { $0.maxMaterializedRows = 100 }
    _ = try db.execute("CREATE (:Kept)")
    // The rows of UNWIND are read whole before the CREATE writes.
    let eager = failure(db, "UNWIND range(1, 101) AS x CREATE (:E {x: x}) RETURN x")
    #expect(eager?.0 == .rowLimitExceeded)
    #expect(eager?.1 == "an eager buffer of rows to write would hold more than 100 rows (ResourceLimits.maxMaterializedRows)")
    // An updating statement's rows are held until its writes are done.
    let result = failure(db, "CREATE (:E) WITH 1 AS one UNWIND range(1, 101) AS x RETURN x")
    #expect(result?.0 == .rowLimitExceeded)
    #expect(result?.1 == "the result of an updating statement would hold more than 100 rows (ResourceLimits.maxMaterializedRows)")
    // Both were rolled back; 99 rows fit beside the one row the eager buffer after CREATE holds.
    #expect(try db.execute("MATCH (n) RETURN count(n) AS n").rows[0][0].intValue == 1)
    #expect(try db.execute("CREATE (:E) WITH 1 AS one UNWIND range(1, 99) AS x RETURN x").rows.count == 99)
    #expect(try db.execute("MATCH (n) RETURN count(n) AS n").rows[0][0].intValue == 2)
    #expect(db.consistencyViolations.isEmpty)
  }

  @Test func aTransactionBatchCountsOnlyWhileItIsHeld() throws {
    let db = try limited { $0.maxMaterializedRows = 100 }
    // 1,000 rows in batches of 50: never more than 50 held at once.
    _ = try db.execute("UNWIND range(1, 1000) AS x CALL { WITH x CREATE (:T {x: x}) } IN TRANSACTIONS OF 50 ROWS")
    #expect(try db.execute("MATCH (t:T) RETURN count(t) AS n, sum(t.x) AS s").rows[0].map(\.intValue) == [1000, 500_500])
    let batch = failure(db, "UNWIND range(1, 1000) AS x CALL { WITH x CREATE (:U {x: x}) } IN TRANSACTIONS OF 200 ROWS")
    #expect(batch?.0 == .rowLimitExceeded)
    #expect(batch?.1 == "a batch of CALL … IN TRANSACTIONS would hold more than 100 rows (ResourceLimits.maxMaterializedRows)")
    #expect(try db.execute("MATCH (u:U) RETURN count(u) AS n").rows[0][0].intValue == 0)
  }

  @Test func variableLengthPathsAreListsOfTheirLength() throws {
    let db = try limited { $0.maxListSize = 3 }
    _ = try db.execute(
      "CREATE (:C {i: 1})-[:R]->(:C {i: 2})-[:R]->(:C {i: 3})-[:R]->(:C {i: 4})-[:R]->(:C {i: 5})-[:R]->(:C {i: 6})")
    #expect(try db.execute("MATCH p = (:C {i: 1})-[*..3]->() RETURN max(length(p)) AS n").rows[0][0].intValue == 3)
    let error = failure(db, "MATCH p = (:C {i: 1})-[*]->() RETURN max(length(p))")
    #expect(error?.0 == .valueTooLarge)
    #expect(error?.1 == "a variable-length path would build a list of 4 elements, more than the limit of 3 (ResourceLimits.maxListSize)")
  }

  @Test func allShortestPathsCountAgainstTheMemoryBudget() throws {
    let db = try Database()
    // k paths s -> m -> t of 80 estimated bytes each: 125 fit in 10,000 bytes, 126 do not.
    let query = "MATCH (s:S), (t:T) MATCH p = allShortestPaths((s)-[*]->(t)) RETURN count(p) AS n"
    _ = try db.execute("CREATE (s:S), (t:T) WITH s, t UNWIND range(1, 125) AS i CREATE (s)-[:R]->(:M)-[:R]->(t)")
    db.limits.maxMemoryBytes = 10_000
    #expect(try db.execute(query).rows[0][0].intValue == 125)
    _ = try db.execute("MATCH (s:S), (t:T) CREATE (s)-[:R]->(:M)-[:R]->(t)")
    #expect(failure(db, query)?.1 == budget("allShortestPaths"))
    #expect(try db.execute(query, limits: ResourceLimits()).rows[0][0].intValue == 126)
  }
}
