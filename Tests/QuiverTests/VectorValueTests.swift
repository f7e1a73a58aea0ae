// VECTOR values as the Cypher 25 manual gives them: vector() with its coercions, null handling
// and errors, vector_dimension_count(), vector_distance() and vector_norm() to the manual's
// digits (float32 arithmetic), valueType(), the VECTOR type predicates, equality and ORDER BY,
// property storage with vector indexes, and survival of a reopen.
import Foundation
import Quiver
import Testing

@Suite struct VectorValueTests {
  @Test(arguments: [
    // The manual's examples.
    ("vector([1, 2, 3], 3, INTEGER)", "vector([1, 2, 3], 3, INTEGER NOT NULL)"),
    ("vector(\"[1.05000e+00, 0.123, 5]\", 3, FLOAT)", "vector([1.05, 0.123, 5.0], 3, FLOAT NOT NULL)"),
    ("vector(null, 3, FLOAT32)", "null"), ("vector([1, 2, 3], null, INTEGER8)", "null"),
    ("vector([1.0, 4.0, 2.0], 3, FLOAT32)", "vector([1.0, 4.0, 2.0], 3, FLOAT32 NOT NULL)"),
    // Aliases, coercion and the edges of each coordinate type.
    ("vector([1.9, -1.9], 2, INT8)", "vector([1, -1], 2, INTEGER8 NOT NULL)"),
    ("vector([-128, 127], 2, INTEGER8)", "vector([-128, 127], 2, INTEGER8 NOT NULL)"),
    ("vector([-32768, 32767], 2, INT16)", "vector([-32768, 32767], 2, INTEGER16 NOT NULL)"),
    ("vector([2147483647], 1, INTEGER32)", "vector([2147483647], 1, INTEGER32 NOT NULL)"),
    ("vector([9223372036854775807], 1, INT64)", "vector([9223372036854775807], 1, INTEGER NOT NULL)"),
    ("vector([7], 1, SIGNED INTEGER)", "vector([7], 1, INTEGER NOT NULL)"),
    ("vector([1, 2], 2, FLOAT32)", "vector([1.0, 2.0], 2, FLOAT32 NOT NULL)"),
    ("vector([0.1], 1, FLOAT32)", "vector([0.1], 1, FLOAT32 NOT NULL)"),
    ("vector([0.1], 1, FLOAT64)", "vector([0.1], 1, FLOAT NOT NULL)"),
    ("vector('[ 1 , -2.5e1 ]', 2, float32)", "vector([1.0, -25.0], 2, FLOAT32 NOT NULL)"),
    // The functions.
    ("vector_dimension_count(vector([1, 2, 3], 3, INTEGER8))", "3"),
    ("vector_dimension_count(null)", "null"),
    ("size(vector([1, 2, 3], 3, INTEGER8))", "3"),
    ("vector_distance(vector([1, 2, 3], 3, INTEGER8), vector([1, 2, 4], 3, INTEGER8), COSINE)", "0.008539855480194092"),
    ("vector_distance(vector([1.0, 5.0, 3.0, 6.7], 4, FLOAT32), vector([5.0, 2.5, 3.1, 9.0], 4, FLOAT32), EUCLIDEAN)", "5.248809337615967"),
    ("vector_distance(vector([1, 2, 3], 3, INTEGER8), vector([1, 2, 5], 3, INTEGER8), EUCLIDEAN_SQUARED)", "4.0"),
    ("vector_distance(vector([1, 2, 3], 3, INTEGER8), vector([0, 2, 5], 3, INTEGER8), MANHATTAN)", "3.0"),
    ("vector_distance(vector([1, 2, 3], 3, INTEGER8), vector([1, 2, 4], 3, INTEGER8), DOT)", "-17.0"),
    ("vector_distance(vector([1, 2, 3], 3, INTEGER8), vector([1, 0, 4], 3, INTEGER8), HAMMING)", "2.0"),
    ("vector_distance(vector([1, 2], 2, INTEGER8), vector([1, 2], 2, FLOAT), euclidean)", "0.0"),
    ("vector_distance(null, vector([1], 1, INTEGER8), COSINE)", "null"),
    ("vector_norm(vector([1.0, 5.0, 3.0, 6.7], 4, FLOAT32), EUCLIDEAN)", "8.93812084197998"),
    ("vector_norm(vector([1.0, 5.0, 3.0, 6.7], 4, FLOAT32), MANHATTAN)", "15.699999809265137"),
    ("vector_norm(null, EUCLIDEAN)", "null"),
    ("vector.similarity.cosine(vector([1, 0], 2, FLOAT32), vector([1, 0], 2, INTEGER8))", "1.0"),
    ("vector.similarity.euclidean(vector([1, 0], 2, FLOAT32), [1, 1])", "0.5"),
    // valueType() and the type predicates.
    ("valueType(vector([1, 2, 3], 3, INTEGER8))", "'VECTOR<INTEGER8>(3) NOT NULL'"),
    ("valueType(vector([1.5, 2.5], 2, FLOAT))", "'VECTOR<FLOAT64>(2) NOT NULL'"),
    ("valueType(vector('[1, 2, 3, 4]', 4, INTEGER))", "'VECTOR<INTEGER64>(4) NOT NULL'"),
    ("vector([1, 2, 3], 3, INTEGER8) IS :: VECTOR<INTEGER8>(3)", "true"),
    ("vector([1, 2, 3], 3, INTEGER8) IS :: VECTOR", "true"),
    ("vector([1, 2, 3], 3, INTEGER8) IS :: VECTOR<INTEGER8>", "true"),
    ("vector([1, 2, 3], 3, INTEGER8) IS :: VECTOR(3)", "true"),
    ("vector([1, 2, 3], 3, INTEGER8) IS :: VECTOR(5)", "false"),
    ("vector([1, 2, 3], 3, INTEGER8) IS :: VECTOR<INTEGER16>", "false"),
    ("vector([1, 2, 3], 3, INTEGER8) IS :: VECTOR<INT8>(3) NOT NULL", "true"),
    ("vector([1], 1, INTEGER) IS :: VECTOR<SIGNED INTEGER>", "true"),
    ("vector([1], 1, FLOAT) :: VECTOR<FLOAT64> | INTEGER", "true"),
    ("vector([1], 1, FLOAT) IS :: PROPERTY VALUE", "true"),
    ("vector([1], 1, FLOAT) IS :: LIST<ANY>", "false"),
    ("[1, 2, 3] IS :: VECTOR", "false"), ("null IS :: VECTOR", "true"), ("null IS :: VECTOR NOT NULL", "false"),
    ("[vector([1], 1, FLOAT)] IS :: PROPERTY VALUE", "false"),
    // Equality: same coordinate type, dimension and coordinates; never equal to a list.
    ("vector([1, 2], 2, INT8) = vector([1.0, 2.0], 2, INTEGER8)", "true"),
    ("vector([1, 2], 2, INT8) = vector([1, 2], 2, INT16)", "false"),
    ("vector([1, 2], 2, INT8) = vector([1, 3], 2, INT8)", "false"),
    ("vector([1, 2], 2, INT8) = [1, 2]", "false"),
    ("vector([1, 2], 2, INT8) <> vector([1, 2], 2, INT8)", "false"),
    ("vector([1, 2], 2, INT8) < vector([1, 3], 2, INT8)", "null"),
    ("vector([1, 2], 2, INT8) IN [vector([1, 2], 2, INT8)]", "true"),
  ])
  func expression(_ expression: String, _ expected: String) throws {
    #expect(lit(try value(expression)) == expected, "\(expression)")
  }

  @Test(arguments: [
    ("RETURN vector([1, 2], 3, INTEGER)", "InvalidArgumentValue"),
    ("RETURN vector([1], 0, INTEGER)", "NumberOutOfRange"),
    ("RETURN vector([1], 4097, INTEGER)", "NumberOutOfRange"),
    ("RETURN vector([128], 1, INTEGER8)", "NumberOutOfRange"),
    ("RETURN vector([-129.5], 1, INTEGER8)", "NumberOutOfRange"),
    ("RETURN vector([40000], 1, INTEGER16)", "NumberOutOfRange"),
    ("RETURN vector([2147483648], 1, INTEGER32)", "NumberOutOfRange"),
    ("RETURN vector([1.0e19], 1, INTEGER)", "NumberOutOfRange"),
    ("RETURN vector([1.0e39], 1, FLOAT32)", "NumberOutOfRange"),
    ("RETURN vector([null], 1, FLOAT)", "InvalidArgumentValue"),
    ("RETURN vector([0.0 / 0.0], 1, FLOAT)", "InvalidArgumentValue"),
    ("RETURN vector([1.0 / 0.0], 1, FLOAT32)", "InvalidArgumentValue"),
    ("RETURN vector(['a'], 1, FLOAT)", "InvalidArgumentType"),
    ("RETURN vector('1, 2', 2, FLOAT)", "InvalidArgumentValue"),
    ("RETURN vector('[1, x]', 2, FLOAT)", "InvalidArgumentValue"),
    ("RETURN vector(1, 1, FLOAT)", "InvalidArgumentValue"),
    ("RETURN vector([1], '1', FLOAT)", "InvalidArgumentValue"),
    ("RETURN vector([1], 1, 'FLOAT16')", "InvalidArgumentValue"),
    ("RETURN vector([1], 1, FLOAT16)", "InvalidTypeExpression at 1:23"),
    ("RETURN vector([1], 1)", "InvalidNumberOfArguments at 1:8"),
    ("RETURN vector_dimension_count([1, 2])", "InvalidArgumentValue"),
    ("RETURN vector_distance(vector([1, 2], 2, INT8), vector([1, 2, 3], 3, INT8), EUCLIDEAN)", "InvalidArgumentValue"),
    ("RETURN vector_distance(vector([1], 1, INT8), vector([1], 1, INT8), CHEBYSHEV)", "InvalidArgumentValue"),
    ("RETURN vector_distance([1, 2], [1, 2], EUCLIDEAN)", "InvalidArgumentValue"),
    ("RETURN vector_distance(vector([0, 0], 2, INT8), vector([1, 2], 2, INT8), COSINE)", "InvalidArgumentValue"),
    ("RETURN vector_norm(vector([1], 1, INT8), COSINE)", "InvalidArgumentValue"),
    ("RETURN vector_norm(vector([1], 1, INT8))", "InvalidNumberOfArguments at 1:8"),
    ("RETURN 1 IS :: INTEGER8", "UnexpectedSyntax at 1:16"),
    ("RETURN 1 IS :: VECTOR(0)", "InvalidTypeExpression at 1:23"),
    ("RETURN 1 IS :: VECTOR<STRING>", "InvalidTypeExpression at 1:23"),
  ])
  func errors(_ query: String, _ code: String) throws {
    let db = try Database()
    #expect(thrown { try db.execute(query) } == code, "\(query)")
  }

  /// Runtime errors say what is wrong with which coordinate.
  @Test func errorsNameTheProblem() throws {
    let db = try Database()
    do {
      _ = try db.execute("RETURN vector([1, 300], 2, INTEGER8)")
      Issue.record("no error")
    } catch let error as QuiverError {
      #expect(error.code == .numberOutOfRange)
      #expect(error.category == .argument)
      #expect(error.message == "vector() coordinate 300 does not fit the coordinate type INTEGER8")
    }
  }

  /// ORDER BY puts vectors after paths and lists and before points, by coordinate type, then
  /// dimension, then coordinates; DISTINCT and grouping treat equal vectors as one.
  @Test func orderingAndGrouping() throws {
    let db = try Database()
    let ordered = try rows(db, """
      UNWIND [point({x: 1, y: 2}), vector([1], 1, FLOAT32), vector([2], 1, INTEGER8), vector([1, 0], 2, INTEGER8),
              [1], vector([1], 1, INTEGER8), vector([5], 1, INTEGER)] AS v
      RETURN v ORDER BY v
      """)
    #expect(lit(ordered.map { $0[0] }) == [
      "[1]", "vector([1], 1, INTEGER8 NOT NULL)", "vector([2], 1, INTEGER8 NOT NULL)",
      "vector([1, 0], 2, INTEGER8 NOT NULL)", "vector([5], 1, INTEGER NOT NULL)", "vector([1.0], 1, FLOAT32 NOT NULL)",
      "point({x: 1.0, y: 2.0, crs: 'cartesian'})",
    ])
    let distinct = try rows(db, "UNWIND [vector([1], 1, INT8), vector([1.2], 1, INT8), vector([1], 1, INT16)] AS v RETURN count(DISTINCT v)")
    #expect(lit(distinct) == [["2"]])
  }

  /// Vectors are property values (not inside lists); vector indexes, db.index.vector.queryNodes
  /// and SEARCH read VECTOR properties and VECTOR query values as they read lists.
  @Test func storedAndIndexed() throws {
    let db = try Database()
    _ = try db.execute("""
      CREATE (:Doc {id: 1, emb: vector([1, 0], 2, FLOAT32)}), (:Doc {id: 2, emb: vector([0, 1], 2, INTEGER8)}),
             (:Doc {id: 3, emb: [1.0, 1.0]})
      """)
    _ = try db.execute("CREATE VECTOR INDEX doc_emb FOR (d:Doc) ON d.emb OPTIONS {indexConfig: {`vector.dimensions`: 2, `vector.similarity_function`: 'EUCLIDEAN'}}")
    let hits = try rows(db, "CALL db.index.vector.queryNodes('doc_emb', 3, vector([1, 0], 2, FLOAT)) YIELD node, score RETURN node.id, score")
    #expect(lit(hits) == [["1", "1.0"], ["3", "0.5"], ["2", "0.3333333333333333"]])
    let searched = try rows(db, "MATCH (d:Doc) SEARCH d IN (VECTOR INDEX doc_emb FOR vector([0, 1], 2, INT8) LIMIT 1) RETURN d.id")
    #expect(lit(searched) == [["2"]])
    #expect(lit(try rows(db, "MATCH (d:Doc {id: 2}) RETURN d.emb, valueType(d.emb)")) == [["vector([0, 1], 2, INTEGER8 NOT NULL)", "'VECTOR<INTEGER8>(2) NOT NULL'"]])
    #expect(thrown { try db.execute("CREATE (:Doc {embs: [vector([1], 1, INT8)]})") } == "InvalidPropertyType")
    #expect(db.consistencyViolations.isEmpty)
  }

  /// A vector property written to the log and to a snapshot reads back exactly.
  @Test func survivesReopen() throws {
    let dir = try ScratchDirectory()
    let created = """
      CREATE (:V {id: 1, v: vector([-128, 0, 127], 3, INTEGER8)}), (:V {id: 2, v: vector([0.1, -2.5], 2, FLOAT32)}),
             (:V {id: 3, v: vector([0.1, 1e300], 2, FLOAT)}), (:V {id: 4, v: vector([-9223372036854775808], 1, INTEGER)}),
             (:V {id: 5, v: vector([1, 2], 2, INTEGER16)}), (:V {id: 6, v: vector([3], 1, INTEGER32)})
      """
    let expected = [
      ["vector([-128, 0, 127], 3, INTEGER8 NOT NULL)", "'VECTOR<INTEGER8>(3) NOT NULL'"],
      ["vector([0.1, -2.5], 2, FLOAT32 NOT NULL)", "'VECTOR<FLOAT32>(2) NOT NULL'"],
      ["vector([0.1, 1e+300], 2, FLOAT NOT NULL)", "'VECTOR<FLOAT64>(2) NOT NULL'"],
      ["vector([-9223372036854775808], 1, INTEGER NOT NULL)", "'VECTOR<INTEGER64>(1) NOT NULL'"],
      ["vector([1, 2], 2, INTEGER16 NOT NULL)", "'VECTOR<INTEGER16>(2) NOT NULL'"],
      ["vector([3], 1, INTEGER32 NOT NULL)", "'VECTOR<INTEGER32>(1) NOT NULL'"],
    ]
    do {
      let db = try Database(path: dir.path)
      _ = try db.execute(created)
    }
    for pass in 0..<2 {
      let db = try Database(path: dir.path)
      let got = try rows(db, "MATCH (n:V) RETURN n.v, valueType(n.v) ORDER BY n.id")
      #expect(lit(got) == expected, "pass \(pass)")
      try db.checkpoint()
    }
  }

  /// The Swift API reads a vector's coordinate type, dimension and coordinates.
  @Test func swiftAPI() throws {
    let db = try Database()
    let v = try #require(try db.execute("RETURN vector([1, 2.5], 2, FLOAT32) AS v").rows[0][0].vectorValue)
    #expect(v.coordinateType == .float32 && v.dimension == 2 && v.coordinates == .floats([1, 2.5]))
    #expect(Vector(.integer8, integers: [1, 2]) == Vector(.integer8, integers: [1, 2]))
    #expect(Vector(.integer8, integers: [200]) == nil)
    #expect(Vector(.float32, integers: [1]) == nil)
    #expect(Vector(.float64, floats: []) == nil)
    #expect(Vector(.float32, floats: [.infinity]) == nil)
    #expect(VectorCoordinateType(name: "signed   integer") == .integer64)
    #expect(VectorCoordinateType(name: "float16") == nil)
    let back = try db.execute("RETURN $v AS v", parameters: ["v": .vector(v)]).rows[0][0]
    #expect(lit(back) == "vector([1.0, 2.5], 2, FLOAT32 NOT NULL)")
  }

  @Test func showFunctionsListsTheVectorFunctions() throws {
    let db = try Database()
    let r = try rows(db, "SHOW FUNCTIONS YIELD name, category, signature WHERE category = 'Vector' RETURN name, signature ORDER BY name")
    #expect(lit(r.map { $0[0] }) == [
      "'vector'", "'vector.similarity.cosine'", "'vector.similarity.euclidean'", "'vector_dimension_count'",
      "'vector_distance'", "'vector_norm'",
    ])
    #expect(lit(r[5][1]) == "'vector_norm(vector :: VECTOR, vectorDistanceMetric :: [EUCLIDEAN, MANHATTAN]) :: FLOAT'")
  }
}
