// User-defined aggregating functions written in Swift: folded per group like count() or sum(),
// with DISTINCT, null skipping by declared type, checks at plan time (placement, nesting, argument
// count and literal types) and at run time (argument and result types), a throwing fold reported
// as FunctionCallFailed, and listing by SHOW FUNCTIONS.
import Foundation
import Quiver
import Testing

private struct Negative: Error, CustomStringConvertible {
  var description: String { "a geometric mean needs positive numbers" }
}

/// A database with `stats.geomean(x :: FLOAT)` (not nullable, so null rows are skipped),
/// `text.joined(s :: STRING?, sep :: STRING?)` (nulls folded in as "-") and six people in two cities.
private func withAggregates() throws -> Database {
  let db = try Database()
  db.registerAggregateFunction(
    "stats.geomean", parameters: [("x", CypherType("FLOAT", nullable: false))], returns: "FLOAT?", description: "geometric mean",
    initial: (logSum: 0.0, count: 0)
  ) { state, args in
    guard let x = args[0].doubleValue, x > 0 else { throw Negative() }
    state.logSum += log(x)
    state.count += 1
  } result: { state in
    state.count == 0 ? .null : .float((exp(state.logSum / Double(state.count)) * 1000).rounded() / 1000)
  }
  db.register(
    UserAggregateFunction(
      name: "text.joined", parameters: [ProcedureField("s", "STRING?"), ProcedureField("sep", "STRING")],
      returns: "STRING", initial: (parts: [String](), separator: "")
    ) { state, args in
      state.parts.append(args[0].stringValue ?? "-")
      state.separator = args[1].stringValue ?? ""
    } result: { state in
      .string(state.parts.joined(separator: state.separator))
    })
  try db.execute(
    """
    CREATE (:P {name: 'a', city: 'x', score: 2.0}), (:P {name: 'b', city: 'x', score: 8.0}),
           (:P {name: 'c', city: 'x'}), (:P {name: 'd', city: 'y', score: 3.0}),
           (:P {name: 'e', city: 'y', score: 3.0}), (:P {name: 'f', city: 'y', score: 9.0})
    """)
  return db
}

@Suite struct UserAggregateTests {
  @Test func foldsEachGroup() throws {
    let db = try withAggregates()
    let rows = try db.execute(
      """
      MATCH (p:P) WITH p ORDER BY p.name
      RETURN p.city AS city, stats.geomean(p.score) AS g, text.joined(p.name, '+') AS names, count(*) AS n
      ORDER BY city
      """)
    #expect(
      rows.rows.map { $0.map(\.cypherText) } == [
        ["'x'", "4.0", "'a+b+c'", "3"],
        ["'y'", "4.327", "'d+e+f'", "3"],
      ])
  }

  @Test func distinctNullsAndEmptyInput() throws {
    let db = try withAggregates()
    // DISTINCT folds the two 3.0 scores once: (3 * 9) ^ (1/2).
    #expect(
      try db.query(Double.self, "MATCH (p:P {city: 'y'}) RETURN stats.geomean(DISTINCT p.score)") == [5.196])
    // A null where the declared type admits it is folded in; where it does not, the row is skipped.
    #expect(
      try db.query(String.self, "MATCH (p:P {city: 'x'}) WITH p ORDER BY p.name RETURN text.joined(p.nick, ',')")
        == ["-,-,-"])
    // No rows, no grouping key: one row with the function's value for an empty group.
    let empty = try db.execute("MATCH (p:Nobody) RETURN stats.geomean(p.score) AS g, text.joined('a', ',') AS j")
    #expect(empty.rows.map { $0.map(\.cypherText) } == [["null", "''"]])
    // Used inside an expression: (2 * 8 * 3 * 3 * 9) ^ (1/5) = 4.19…
    #expect(
      try db.query(
        Double.self, "MATCH (p:P) WHERE p.score IS NOT NULL RETURN round(stats.geomean(p.score) * 10) / 10 AS g")
        == [4.2])
  }

  @Test func checkedAtPlanTime() throws {
    let db = try withAggregates()
    #expect(thrown { try db.execute("MATCH (p:P) WHERE stats.geomean(p.score) > 1 RETURN p") } == "InvalidAggregation at 1:42")
    #expect(thrown { try db.execute("MATCH (p:P) RETURN stats.geomean(count(*))") } == "NestedAggregation at 1:20")
    #expect(thrown { try db.execute("MATCH (p:P) RETURN count(stats.geomean(p.score))") } == "NestedAggregation at 1:20")
    #expect(thrown { try db.execute("MATCH (p:P) RETURN stats.geomean(p.score, 2)") } == "InvalidNumberOfArguments at 1:20")
    #expect(thrown { try db.execute("RETURN text.joined('a', 3)") } == "InvalidArgumentType at 1:8")
    #expect(thrown { try db.execute("MATCH (p:P) RETURN p.name, stats.geomean(rand())") } == "NonConstantExpression at 1:28")
    // Grouping: a variable outside the aggregate must be a grouping key.
    #expect(
      thrown { try db.execute("MATCH (p:P) RETURN p.city AS c, stats.geomean(p.score) + p.score AS g") }
        == "AmbiguousAggregationExpression at 1:33")
  }

  @Test func runTimeErrors() throws {
    let db = try withAggregates()
    db.registerAggregateFunction(
      "bad.result", parameters: [("x", "ANY")], returns: "INTEGER", initial: 0
    ) { _, _ in } result: { _ in .string("no") }
    do {
      try db.execute("UNWIND [4.0, -1.0] AS x RETURN stats.geomean(x)")
      Issue.record("expected the function's error")
    } catch let error as QuiverError {
      #expect(error.code == .functionCallFailed)
      #expect(error.name == "stats.geomean")
      #expect(error.message == "stats.geomean() failed: a geometric mean needs positive numbers")
    }
    do {
      try db.execute("UNWIND ['a'] AS x RETURN stats.geomean(x)")
      Issue.record("expected a type error")
    } catch let error as QuiverError {
      #expect(error.code == .invalidArgumentType)
      #expect(error.message == "stats.geomean() argument `x` must be FLOAT, not STRING")
    }
    #expect(thrown { try db.execute("UNWIND [1] AS x RETURN bad.result(x)") } == "InvalidArgumentType")
    // The database is intact after the failures.
    #expect(try db.query(Int.self, "MATCH (p:P) RETURN count(*)") == [6])
  }

  @Test func listedAndReplacedByName() throws {
    let db = try withAggregates()
    let listed = try db.execute("SHOW FUNCTIONS").filter {
      $0["category"]?.stringValue == "user-defined" && $0["aggregating"]?.boolValue == true
    }
    #expect(
      listed.map { $0["signature"]?.stringValue ?? "" } == [
        "stats.geomean(x :: FLOAT) :: FLOAT?", "text.joined(s :: STRING?, sep :: STRING?) :: STRING?",
      ])
    #expect(db.userAggregateFunctions.map(\.name) == ["stats.geomean", "text.joined"])
    // A scalar function of the same name replaces the aggregate, and plans are made again.
    #expect(try db.query(Double.self, "UNWIND [2.0, 8.0] AS x RETURN stats.geomean(x)") == [4.0])
    db.registerFunction("stats.geomean", parameters: [("x", CypherType("FLOAT", nullable: false))], returns: "FLOAT") { args in args[0] }
    #expect(try db.query(Double.self, "UNWIND [2.0, 8.0] AS x RETURN stats.geomean(x)") == [2.0, 8.0])
    #expect(db.userAggregateFunctions.map(\.name) == ["text.joined"])
  }
}
