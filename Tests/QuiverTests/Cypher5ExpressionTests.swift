// Neo4j 5 expression forms: `||` concatenation, `IS [NOT] [form] NORMALIZED`, the extended
// simple CASE (comparison operators, predicates and several operands per WHEN), and the
// column name of an unaliased map projection.
import Quiver
import Testing

@Suite struct Cypher5ExpressionTests {
  @Test(arguments: [
    ("'Alpha' || 'Beta'", "AlphaBeta" as Value), ("'a' || 'b' || 'c'", "abc"), ("[1, 2] || [3]", .list([1, 2, 3])),
    ("[] || []", .list([])), ("'a' || null", .null), ("null || [1]", .null), ("'a' || 'b' = 'ab'", true),
    ("'x' + 'y' || 'z'", "xyz"),
  ])
  func concatenation(_ expression: String, _ expected: Value) throws {
    #expect(lit(try value(expression)) == lit(expected), "\(expression)")
  }

  @Test func concatenationOfNonStringsFails() throws {
    let db = try Database()
    #expect(errorCode { _ = try db.execute("RETURN 1 || 2 AS v") } == "InvalidArgumentType")
    #expect(errorCode { _ = try db.execute("RETURN 1 + 2 || '' AS v") } == "InvalidArgumentType")
    #expect(errorCode { _ = try db.execute("WITH 1 AS x RETURN x || 'a' AS v") } == "InvalidArgumentType")
    #expect(errorCode { _ = try db.execute("UNWIND [1] AS x RETURN x || 'a' AS v") } == "InvalidArgumentType")
  }

  @Test(arguments: [
    ("'\\u00C5' IS NORMALIZED", true as Value), ("'A\\u030A' IS NORMALIZED", false), ("'A\\u030A' IS NFD NORMALIZED", true),
    ("'A\\u030A' IS NOT NFC NORMALIZED", true), ("'\\uFB01' IS NFKC NORMALIZED", false), ("'\\uFB01' IS NFC NORMALIZED", true),
    ("null IS NORMALIZED", .null), ("null IS NOT NORMALIZED", .null),
  ])
  func normalized(_ expression: String, _ expected: Value) throws {
    #expect(lit(try value(expression)) == lit(expected), "\(expression)")
  }

  @Test func extendedSimpleCase() throws {
    let db = try Database()
    let query = """
      UNWIND [null, -3, 0, 2, 7, 'x'] AS n
      RETURN CASE n
        WHEN IS NULL THEN 'none'
        WHEN IS :: STRING THEN 'text'
        WHEN < 0 THEN 'negative'
        WHEN 0, 1, 2 THEN 'small'
        WHEN > 5 THEN 'large'
        ELSE 'other' END AS c
      """
    #expect(lit(try rows(db, query).map { $0[0] }) == lit(["none", "negative", "small", "small", "large", "text"]))
    #expect(lit(try rows(db, "RETURN CASE 3 WHEN 3 THEN 'a' ELSE 'b' END AS c")) == lit([["a"]]))
    #expect(lit(try rows(db, "RETURN CASE 'abc' WHEN STARTS WITH 'a' THEN 1 ELSE 0 END AS c")) == lit([[1]]))
    #expect(lit(try rows(db, "RETURN CASE 4 WHEN IN [1, 4] THEN 'in' END AS c")) == lit([["in"]]))
    #expect(lit(try rows(db, "RETURN CASE null WHEN null THEN 'eq' ELSE 'ne' END AS c")) == lit([["ne"]]))
  }

  @Test func mapProjectionColumnIsItsVariable() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:P {name: 'Ann', age: 3})")
    let r = try db.execute("MATCH (p:P) RETURN p {.name}, p.age")
    #expect(r.columns == ["p", "p.age"])
    #expect(lit(r.rows) == lit([[["name": "Ann"], 3]]))
    #expect(try db.execute("MATCH (p:P) RETURN p {.name} AS q").columns == ["q"])
  }
}
