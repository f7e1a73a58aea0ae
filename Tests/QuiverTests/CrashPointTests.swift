// Inputs that once trapped the process (an integer overflow in 64-bit arithmetic on values a
// query supplies) and now end in a typed error or a value: temporal accessors and constructors
// at the edges of Int64, the negation of a duration holding Int64.min, and algorithm options far
// past any sensible setting. Each case is named after the input that found it.
import Quiver
import Testing

@Suite struct CrashPointTests {
  /// Expressions that trapped and now raise the error code given.
  @Test(arguments: [
    // Duration accessors scaled seconds by 1000, 10^6 or 10^9 without checking.
    ("duration({seconds: 9223372036854775807}).milliseconds", "IntegerOverflow"),
    ("duration({seconds: 9223372036854775807}).microseconds", "IntegerOverflow"),
    ("duration({seconds: 9223372036854775807}).nanoseconds", "IntegerOverflow"),
    ("duration({seconds: -9223372036854775807}).nanoseconds", "IntegerOverflow"),
    // epochMillis of an instant past year 292,277,026 does not fit in 64 bits.
    ("datetime({year: 999999999, month: 12, day: 31, timezone: '+18:00'}).epochMillis", "IntegerOverflow"),
    ("datetime({year: -999999999, timezone: '-18:00'}).epochMillis", "IntegerOverflow"),
    // Negating a duration component of exactly Int64.min.
    ("-duration({months: -9223372036854775808})", "DurationOverflow"),
    ("-duration({days: -9223372036854775808})", "DurationOverflow"),
    ("-duration({seconds: -9223372036854775808})", "DurationOverflow"),
    // The alternative ISO form multiplied its years by 12 unchecked.
    ("duration('P9223372036854775807-01-01')", "DurationOverflow"),
    ("duration('-P9223372036854775807-00-00')", "DurationOverflow"),
    // Epoch fields were summed and scaled unchecked, and far instants printed past year 10^9.
    ("datetime({epochSeconds: -9223372036854775808})", "InvalidArgumentValue"),
    ("datetime({epochSeconds: 1, millisecond: 9223372036854775807})", "InvalidArgumentValue"),
    ("datetime({epochSeconds: 1, nanosecond: -9223372036854775808})", "InvalidArgumentValue"),
    ("datetime({epochSeconds: 92233720368547758})", "InvalidArgumentValue"),
  ])
  func overflowIsAnError(_ expression: String, _ code: String) {
    #expect(errorCode { _ = try value(expression) } == code, "\(expression)")
  }

  /// The same accessors and constructors just inside the limits still give their values.
  @Test(arguments: [
    ("duration({seconds: 9223372036854775}).milliseconds", 9_223_372_036_854_775_000 as Value),
    // Found while fixing the above: -9223372037 s + 999999999 ns fits, its seconds × 10^9 alone does not.
    ("duration({seconds: -9223372036, nanoseconds: -1}).nanoseconds", -9_223_372_036_000_000_001),
    ("-duration({months: -9223372036854775807}).months", 9_223_372_036_854_775_807),
    ("datetime({epochSeconds: -62135596800}) = datetime('0001-01-01T00:00Z')", true),
    ("datetime({epochSeconds: 253402300799}).year", 9999),
    ("datetime({epochMillis: 9223372036854775807}).year", 292_278_994),
    // floorMod(-2^63, 1000) overflowed; the instant is in year -292,275,055 and round-trips.
    ("datetime({epochMillis: -9223372036854775808}).epochMillis", -9_223_372_036_854_775_808),
    ("datetime({year: 200000000}).epochMillis", 6_311_328_232_780_800_000),
    ("duration('P2-03-04')", .temporal(.duration(months: 27, days: 4, seconds: 0, nanoseconds: 0))),
  ])
  func valuesInsideTheLimits(_ expression: String, _ expected: Value) throws {
    #expect(lit(try value(expression)) == lit(expected), "\(expression)")
  }

  /// pageRank and louvain with iteration counts of 2^63 - 1 overflowed the progress meter
  /// (`done * 100`); they now stop at their tolerance, as with a large but ordinary count.
  @Test(arguments: [
    ("CALL algo.pageRank({maxIterations: 9223372036854775807}) YIELD node, score RETURN node.i, round(score, 6) ORDER BY node.i",
     "CALL algo.pageRank({maxIterations: 10000}) YIELD node, score RETURN node.i, round(score, 6) ORDER BY node.i"),
    ("CALL algo.louvain({maxLevels: 9223372036854775807}) YIELD node, communityId RETURN node.i, communityId ORDER BY node.i",
     "CALL algo.louvain({maxLevels: 10000}) YIELD node, communityId RETURN node.i, communityId ORDER BY node.i"),
  ])
  func hugeIterationCountsConverge(_ query: String, _ reference: String) throws {
    let db = try Database()
    _ = try db.execute("CREATE (a {i: 1})-[:R]->(b {i: 2})-[:R]->(c {i: 3})-[:R]->(a), (c)-[:R]->(d {i: 4})")
    let result = try rows(db, query)
    #expect(result.count == 4)
    #expect(lit(result) == lit(try rows(db, reference)))
  }

  /// node2vec and randomWalk options past their upper bounds (iterations × walks overflowed,
  /// a window of 2^63 - 1 overflowed its end, a walk of 2^63 - 1 steps could not be allocated).
  @Test(arguments: [
    "algo.node2vec({iterations: 9223372036854775807})", "algo.node2vec({negativeSamplingRate: 9223372036854775807})",
    "algo.node2vec({windowSize: 9223372036854775807})", "algo.node2vec({walkLength: 9223372036854775807})",
    "algo.node2vec({walksPerNode: 9223372036854775807})", "algo.randomWalk({walkLength: 9223372036854775807})",
    "algo.randomWalk({walksPerNode: 9223372036854775807})",
  ])
  func algorithmOptionsPastTheirBounds(_ call: String) throws {
    let db = try Database()
    _ = try db.execute("CREATE ({i: 1})-[:R]->({i: 2})")
    #expect(errorCode { _ = try db.execute("CALL " + call) } == "InvalidArgumentValue", "\(call)")
  }
}
