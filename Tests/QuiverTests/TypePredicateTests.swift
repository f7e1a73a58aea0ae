// Type predicates (`x IS :: INTEGER`, `IS NOT ::`, `::`, `IS TYPED`, NOT NULL, closed dynamic
// unions, list types, the synonyms), `valueType()` in Neo4j's form and the list casting
// functions, each against the values the Neo4j manual gives, plus the errors.
import Quiver
import Testing

@Suite struct TypePredicateTests {
  @Test(arguments: [
    ("42 IS :: INTEGER", true), ("true IS :: INTEGER", false), ("'abc' IS :: INTEGER", false),
    ("null IS :: INTEGER", true), ("42 IS NOT :: STRING", true), ("'abc' IS NOT :: STRING", false),
    ("null IS NOT :: STRING", false), ("null IS :: BOOLEAN NOT NULL", false),
    ("null IS NOT :: DATE NOT NULL", true), ("null IS :: NULL", true), ("1 IS :: NULL", false),
    ("42 IS :: ANY", true), ("42 IS :: NOTHING", false), ("42 :: INTEGER", true),
    ("42 IS TYPED INT", true), ("42 IS NOT TYPED SIGNED INTEGER", false),
    ("42 IS :: INTEGER | FLOAT", true), ("42.0 IS :: INTEGER | FLOAT", true), ("'42' IS :: INTEGER | FLOAT", false),
    ("42.0 IS :: ANY<INTEGER | FLOAT>", true), ("[42] IS :: LIST<INTEGER>", true),
    ("[42, null] IS :: LIST<INTEGER>", true), ("[42, null] IS :: LIST<INTEGER NOT NULL>", false),
    ("[42, 42.0] IS :: LIST<INTEGER>", false), ("[] IS :: LIST<NOTHING>", true),
    ("[] IS :: LIST<FLOAT NOT NULL>", true), ("[1, 0, true, false] IS :: LIST<BOOLEAN | INTEGER>", true),
    ("['a'] IS :: ARRAY<VARCHAR>", true), ("['a'] IS :: STRING LIST", true), ("[[1]] IS :: LIST<LIST<INT>>", true),
    ("{a: 1} IS :: MAP", true), ("{a: 1} IS :: PROPERTY VALUE", false), ("[1, 2] IS :: ANY PROPERTY VALUE", true),
    ("[1, 'a'] IS :: PROPERTY VALUE", false), ("true IS :: BOOL", true),
    ("date('2024-01-01') IS :: DATE", true), ("localtime('12:00') IS :: TIME WITHOUT TIME ZONE", true),
    ("time('12:00Z') IS :: ZONED TIME", true), ("localdatetime('2024-01-01T12:00') IS :: LOCAL DATETIME", true),
    ("datetime('2024-01-01T12:00Z') IS :: TIMESTAMP WITH TIME ZONE", true),
    ("datetime('2024-01-01T12:00Z') IS :: TIMESTAMP WITHOUT TIMEZONE", false),
    ("duration('P1D') IS :: DURATION", true), ("1 IS :: INTEGER AND 2 > 1", true),
    ("NOT 1 IS :: STRING", true),
  ])
  func predicate(_ expression: String, _ expected: Bool) throws {
    #expect(lit(try value(expression)) == lit(.bool(expected)), "\(expression)")
  }

  @Test func filtersPropertiesByType() throws {
    let db = try Database()
    _ = try db.execute("CREATE (:Person {name: 'Alice', age: 18}), (:Person {name: 'Bob', age: '20'}), (:Person {name: 'Charlie', age: 21})")
    let r = try rows(db, "MATCH (n:Person) WHERE n.age IS :: INTEGER AND n.age > 18 RETURN n.name AS name, n.age AS age")
    #expect(lit(r) == lit([["Charlie", 21]]))
    let nodes = try rows(db, "MATCH (n) RETURN n IS :: NODE NOT NULL AS a, n IS :: ANY NODE AS b, n IS :: RELATIONSHIP AS c LIMIT 1")
    #expect(lit(nodes) == lit([[true, true, false]]))
  }

  @Test func listComprehensionBarStillEndsThePredicate() throws {
    #expect(lit(try value("[x IN [1, 'a', 2] WHERE x IS :: INTEGER | x * 10]")) == lit([10, 20]))
  }

  @Test(arguments: [
    ("RETURN 1 IS :: INTEGER NOT NULL | FLOAT", "InvalidTypeExpression", 1, 16),
    ("RETURN 1 IS :: WIDGET", "UnexpectedSyntax", 1, 16),
    ("RETURN 1 IS :: LIST<INTEGER", "UnexpectedSyntax", 1, 28),
  ])
  func errors(_ query: String, _ code: String, _ line: Int, _ column: Int) throws {
    let db = try Database()
    do {
      _ = try db.execute(query)
      Issue.record("\(query) ran")
    } catch let e as QuiverError {
      #expect(e.code.rawValue == code, "\(query)")
      #expect(e.position?.line == line && e.position?.column == column, "\(query): \(String(describing: e.position))")
    }
  }

  @Test(arguments: [
    ("1", "INTEGER NOT NULL"), ("'Michael'", "STRING NOT NULL"), ("true", "BOOLEAN NOT NULL"),
    ("1.5", "FLOAT NOT NULL"), ("null", "NULL"), ("[1, 2]", "LIST<INTEGER NOT NULL> NOT NULL"),
    ("[1, null]", "LIST<INTEGER> NOT NULL"), ("[]", "LIST<NOTHING> NOT NULL"), ("[null]", "LIST<NULL> NOT NULL"),
    ("[1, 'a', 2.5]", "LIST<STRING NOT NULL | INTEGER NOT NULL | FLOAT NOT NULL> NOT NULL"),
    ("{a: 1}", "MAP NOT NULL"), ("date('2024-01-01')", "DATE NOT NULL"), ("duration('P1D')", "DURATION NOT NULL"),
    ("[[1], ['a']]", "LIST<LIST<INTEGER NOT NULL> NOT NULL | LIST<STRING NOT NULL> NOT NULL> NOT NULL"),
  ])
  func valueType(_ expression: String, _ expected: String) throws {
    #expect(lit(try value("valueType(\(expression))")) == lit(.string(expected)), "\(expression)")
  }

  @Test(arguments: [
    ("toBooleanList([true, 'false', 0, 1.5, null, 'x'])", [true, false, false, nil, nil, nil] as [Bool?]),
  ])
  func booleanList(_ expression: String, _ expected: [Bool?]) throws {
    #expect(lit(try value(expression)) == lit(.list(expected.map { $0.map(Value.bool) ?? .null })))
  }

  @Test func listCasts() throws {
    #expect(lit(try value("toFloatList([1, '2.5', 'x', true, null, [1]])")) == lit([1.0, 2.5, .null, .null, .null, .null]))
    #expect(lit(try value("toIntegerList([1.9, '7', 'x', true, null])")) == lit([1, 7, .null, 1, .null]))
    #expect(lit(try value("toStringList([1, 2.5, true, 'a', null, [1], {a: 1}])")) == lit(["1", "2.5", "true", "a", .null, .null, .null]))
    #expect(lit(try value("toIntegerList(null)")) == lit(.null))
    #expect(lit(try value("toStringList([])")) == lit([]))
    #expect(errorCode { _ = try value("toIntegerList(1)") } == "InvalidArgumentValue")
    #expect(lit(try value("toIntegerOrNull('x')")) == lit(.null))
    #expect(lit(try value("toFloatOrNull(date('2024-01-01'))")) == lit(.null))
    #expect(lit(try value("toBooleanOrNull(1.5)")) == lit(.null))
    #expect(lit(try value("toStringOrNull([1])")) == lit(.null))
  }
}
