// The functions of the Neo4j 5 / Cypher 25 manual that openCypher lacks: isNaN, btrim and
// ltrim/rtrim with characters, trim(BOTH|LEADING|TRAILING … FROM …), lower/upper, normalize,
// char_length, nullIf, randomUUID, round with precision and mode, vector similarity,
// count(ALL x), sum/avg over durations; values as the manual gives them, and the errors.
import Foundation
import Quiver
import Testing

@Suite struct Cypher5FunctionTests {
  @Test(arguments: [
    ("isNaN(0.0 / 0.0)", true as Value), ("isNaN(1.5)", false), ("isNaN(1)", false), ("isNaN(null)", .null),
    ("btrim('  hello  ')", "hello"), ("btrim('xxhixx', 'x')", "hi"), ("ltrim('xxhixx', 'x')", "hixx"),
    ("rtrim('xxhixx', 'x')", "xxhi"), ("ltrim('  a  ')", "a  "), ("rtrim('  a  ')", "  a"),
    ("trim(BOTH 'x' FROM 'xxhixx')", "hi"), ("trim(LEADING 'x' FROM 'xxhixx')", "hixx"),
    ("trim(TRAILING 'x' FROM 'xxhixx')", "xxhi"), ("trim(LEADING FROM '  a  ')", "a  "),
    ("trim(' ' FROM '  a  ')", "a"), ("trim(FROM '  a  ')", "a"), ("trim('  a  ')", "a"),
    ("btrim(null, 'x')", .null), ("btrim('x', null)", .null),
    ("lower('AbC')", "abc"), ("upper('AbC')", "ABC"),
    ("char_length('héllo')", 5), ("character_length('')", 0),
    ("normalize('\\u212B') = '\\u00C5'", true), ("normalize('\\u00C5', NFD) = 'A\\u030A'", true),
    ("normalize('\\uFB01', NFKC)", "fi"), ("normalize('\\uFB01', NFC)", "\u{FB01}"), ("normalize(null)", .null),
    ("nullIf(4, 4)", .null), ("nullIf('abc', 'def')", "abc"), ("nullIf(null, 1)", .null), ("nullIf(1, null)", 1),
    ("round(3.141592, 3)", 3.142), ("round(2.675, 2)", 2.68), ("round(-1.5, 0)", -2.0),
    ("round(1.249, 1, 'UP')", 1.3), ("round(-1.241, 1, 'UP')", -1.3), ("round(1.25, 1, 'DOWN')", 1.2),
    ("round(1.25, 1, 'HALF_EVEN')", 1.2), ("round(1.35, 1, 'HALF_EVEN')", 1.4), ("round(1.25, 1, 'HALF_DOWN')", 1.2),
    ("round(1.251, 1, 'HALF_DOWN')", 1.3), ("round(-1.21, 1, 'CEILING')", -1.2), ("round(-1.21, 1, 'FLOOR')", -1.3),
    ("round(1234.5, -2)", 1200.0), ("round(null, 2)", .null), ("round(2.5)", 3.0),
    // The result is the double nearest the rounded decimal, not one step off it.
    ("round(0.99690, 4)", 0.9969), ("round(0.123456789, 7)", 0.1234568), ("round(1.005, 2)", 1.01),
    ("round(-0.99695, 4, 'HALF_EVEN')", -0.997),
    // Precisions past any double's digits (found by the engine fuzzer: a float precision of
    // 1.5e308 and the least Int64 both trapped) leave the value as it is.
    ("round(2.5, 1.5e308, 'HALF_EVEN')", 2.5), ("round(2.5, -1.5e308)", 2.5), ("round(2.5, 2.9)", 2.5),
    ("round(1.5, -9223372036854775808)", 1.5), ("round(1.5, 9223372036854775807)", 1.5),
    ("vector.similarity.cosine([1, 0], [0, 1])", 0.5), ("vector.similarity.cosine([1, 2], [2, 4])", 1.0),
    ("vector.similarity.euclidean([0, 0], [3, 4])", .float(1.0 / 26.0)), ("vector.similarity.euclidean([1, 2], null)", .null),
    ("datetime({epochSeconds: 0}) = datetime('1970-01-01T00:00Z')", true),
    ("datetime({epochMillis: 1500}) = datetime('1970-01-01T00:00:01.5Z')", true),
    ("datetime({epochSeconds: 1, nanosecond: 5, timezone: '+01:00'}) = datetime('1970-01-01T01:00:01.000000005+01:00')", true),
    ("datetime({epochMillis: -1}) = datetime('1969-12-31T23:59:59.999Z')", true),
    ("size(randomUUID())", 36), ("split('a,b;c', [',', ';'])", .list(["a", "b", "c"])), ("split('a,,b', [','])", .list(["a", "", "b"])),
  ])
  func function(_ expression: String, _ expected: Value) throws {
    #expect(lit(try value(expression)) == lit(expected), "\(expression)")
  }

  @Test func roundRefusesANonFinitePrecision() throws {
    let db = try Database()
    for precision in ["0.0 / 0.0", "1.0 / 0.0", "-1.0 / 0.0"] {
      #expect(errorCode { _ = try rows(db, "RETURN round(2.5, \(precision))") } == "InvalidArgumentValue", "\(precision)")
    }
  }

  @Test func randomUUIDsAreFreshAndWellFormed() throws {
    let db = try Database()
    let r = try rows(db, "UNWIND range(1, 3) AS i RETURN randomUUID() AS u")
    let ids = r.compactMap { $0[0].stringValue }
    #expect(Set(ids).count == 3)
    #expect(ids.allSatisfy { UUID(uuidString: $0) != nil && $0 == $0.lowercased() })
  }

  @Test func countAllAndDurationAggregates() throws {
    let db = try Database()
    #expect(lit(try rows(db, "UNWIND [1, null, 1, 2] AS x RETURN count(ALL x) AS a, count(DISTINCT x) AS d")) == lit([[3, 2]]))
    let d = try rows(db, "UNWIND [duration('P1D'), duration('PT12H'), null] AS x RETURN sum(x) AS s, avg(x) AS a")
    #expect(d.count == 1)
    if case .temporal(let s) = d[0][0], case .temporal(let a) = d[0][1] {
      #expect(s.description == "P1DT12H")
      #expect(a.description == "PT18H")
    } else {
      Issue.record("not durations: \(d)")
    }
    #expect(errorCode { _ = try rows(db, "UNWIND [duration('P1D'), 1] AS x RETURN sum(x)") } == "InvalidArgumentType")
  }

  @Test(arguments: [
    ("RETURN round(1.25, 1, 'SIDEWAYS')", "InvalidArgumentValue"),
    ("RETURN round(1.25, 1, 'UNNECESSARY')", "InvalidArgumentValue"),
    ("RETURN normalize('a', 'NFX')", "InvalidArgumentValue"),
    ("RETURN vector.similarity.cosine([1, 2], [1])", "InvalidArgumentValue"),
    ("RETURN btrim(1)", "InvalidArgumentValue"),
    ("RETURN nullIf(1)", "InvalidNumberOfArguments"),
    ("RETURN randomUUID(1)", "InvalidNumberOfArguments"),
    ("RETURN isNaN('a')", "InvalidArgumentValue"),
    ("RETURN datetime({epochSeconds: 1, year: 2000})", "InvalidArgumentValue"),
  ])
  func errors(_ query: String, _ code: String) throws {
    let db = try Database()
    #expect(errorCode { _ = try db.execute(query) } == code, "\(query)")
  }

  @Test func showFunctionsDescribesEveryBuiltin() throws {
    let db = try Database()
    let r = try db.execute("SHOW FUNCTIONS")
    #expect(r.columns == ["name", "category", "description", "signature", "aggregating"])
    let byName = Dictionary(r.rows.map { ($0[0].stringValue ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    for name in ["isNaN", "btrim", "normalize", "nullIf", "toIntegerList", "valueType", "vector.similarity.cosine", "date.truncate", "datetime.statement"] {
      #expect(byName[name] != nil, "\(name) missing")
      #expect(byName[name]?[2].stringValue?.isEmpty == false, "\(name) has no description")
    }
    #expect(byName["sum"]?[4].cypherText == "true")
    #expect(byName["round"]?[1].stringValue == "Numeric")
  }
}
