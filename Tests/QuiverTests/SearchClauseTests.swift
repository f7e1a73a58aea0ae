// The SEARCH subclause of MATCH (Cypher 25): the manual's movie examples row by row with their
// scores, SCORE AS, pattern and WHERE post-filters, OPTIONAL MATCH, relationships, per-row query
// vectors, LIMIT edge cases, and every rule the manual lists with its error code and message.
import Foundation
import Quiver
import Testing

@Suite struct SearchClauseTests {
  /// The manual's example graph (list embeddings in place of VECTOR values) and its cosine index.
  private func movies() throws -> Database {
    let db = try Database()
    _ = try db.execute(
      """
      CREATE (:Movie {title: 'Aladdin', releaseDate: date('1992-11-08'), rating: 8.0}),
        (:Movie {title: 'Cinderella', embedding: [1, 3, 4], releaseDate: date('1950-02-15'), rating: 7.3}),
        (:Movie:Favorite {title: 'Frozen', embedding: [1, 3, 3], releaseDate: date('2013-11-10'), rating: 7.4}),
        (:Movie {title: 'Lilo & Stitch', embedding: [1, 1, 3], releaseDate: date('2002-06-16'), rating: 7.4}),
        (:Movie:Favorite {title: 'Lion King', embedding: [2, 5, 2], releaseDate: date('1994-06-12'), rating: 8.5}),
        (:Movie:Favorite {title: 'Mulan', embedding: [2, 3, 3], releaseDate: date('1998-06-05'), rating: 7.7}),
        (:Movie {title: 'Snow White', embedding: [1, 2, 3], releaseDate: date('1937-12-21'), rating: 7.6})
      """)
    _ = try db.execute(
      """
      CREATE VECTOR INDEX moviePlots IF NOT EXISTS FOR (m:Movie) ON m.embedding
      OPTIONS {indexConfig: {`vector.similarity_function`: 'cosine', `vector.dimensions`: 3}}
      """)
    return db
  }

  /// Neo4j's cosine score of two vectors: (1 + cos) / 2.
  private func cosine(_ a: [Double], _ b: [Double]) -> Double {
    let dot = zip(a, b).map(*).reduce(0, +)
    let na = a.map { $0 * $0 }.reduce(0, +).squareRoot()
    let nb = b.map { $0 * $0 }.reduce(0, +).squareRoot()
    return (1 + dot / (na * nb)) / 2
  }

  private func texts(_ db: Database, _ query: String, _ parameters: [String: Value] = [:]) throws -> [[String]] {
    try db.execute(query, parameters: parameters).rows.map { $0.map(\.cypherText) }
  }

  private func error(_ db: Database, _ query: String) -> String {
    do {
      _ = try db.execute(query)
      return "no error"
    } catch let e as QuiverError {
      return "\(e.code.rawValue)\(e.position.map { " at \($0.line):\($0.column)" } ?? ""): \(e.message)"
    } catch {
      return "\(error)"
    }
  }

  private static let top4 = [["'Snow White'"], ["'Cinderella'"], ["'Frozen'"], ["'Mulan'"]]

  @Test(arguments: [
    "MATCH (movie:Movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) RETURN movie.title AS title",
    "MATCH (movie:Movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR $q LIMIT 4) RETURN movie.title AS title",
    "MATCH (movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1.0, 2.0, 3.0] LIMIT $k) RETURN movie.title AS title",
    """
    MATCH (snowWhite:Movie {title: 'Snow White'})
    MATCH (movie:Movie)
      SEARCH movie IN (
        VECTOR INDEX moviePlots
        FOR snowWhite.embedding
        LIMIT 4
      )
    RETURN movie.title AS title
    """,
  ])
  func theFourNearest(query: String) throws {
    let rows = try texts(try movies(), query, ["q": .list([.int(1), .int(2), .int(3)]), "k": .int(4)])
    #expect(rows == Self.top4)
  }

  @Test func scoreAs() throws {
    let rows = try movies().execute(
      """
      MATCH (snowWhite:Movie {title: 'Snow White'})
      MATCH (movie:Movie)
        SEARCH movie IN (VECTOR INDEX moviePlots FOR snowWhite.embedding LIMIT 4) SCORE AS similarityScore
      RETURN movie.title AS title, similarityScore
      """)
    #expect(rows.columns == ["title", "similarityScore"])
    let expected: [(String, [Double])] = [
      ("Snow White", [1, 2, 3]), ("Cinderella", [1, 3, 4]), ("Frozen", [1, 3, 3]), ("Mulan", [2, 3, 3]),
    ]
    #expect(rows.rows.map { $0[0].stringValue } == expected.map(\.0))
    for (row, (title, embedding)) in zip(rows.rows, expected) {
      let score = row[1].doubleValue ?? .nan
      #expect(abs(score - cosine([1, 2, 3], embedding)) < 1e-12, "\(title): \(score)")
    }
    // The manual's values, which Neo4j computes in single precision.
    #expect(abs((rows.rows[1][1].doubleValue ?? 0) - 0.9979352951049805) < 1e-6)
    #expect(abs((rows.rows[3][1].doubleValue ?? 0) - 0.9843324422836304) < 1e-6)
  }

  @Test(arguments: [
    // Pattern labels and properties filter after the search: Lion King is a favourite, not in the top 4.
    ("MATCH (movie:Movie&Favorite) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) RETURN movie.title", [
      ["'Frozen'"], ["'Mulan'"],
    ]),
    ("MATCH (movie:Movie {releaseDate: date('2013-11-10')}) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) RETURN movie.title", [
      ["'Frozen'"]
    ]),
    // WHERE before or after SEARCH filters its results.
    (
      "MATCH (movie:Movie) WHERE movie.releaseDate > date('1990') SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) RETURN movie.title, movie.releaseDate.year",
      [["'Frozen'", "2013"], ["'Mulan'", "1998"]]
    ),
    (
      "MATCH (movie:Movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) WHERE movie.releaseDate > date('1990') RETURN movie.title, movie.releaseDate.year",
      [["'Frozen'", "2013"], ["'Mulan'", "1998"]]
    ),
    // The score is visible to the MATCH's WHERE.
    (
      "MATCH (movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 6) SCORE AS s WHERE s > 0.99 RETURN movie.title",
      [["'Snow White'"], ["'Cinderella'"], ["'Frozen'"]]
    ),
    ("MATCH (movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 0) RETURN movie.title", []),
    // Only the six movies with an embedding are in the index.
    ("MATCH (movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 100) RETURN count(*)", [["6"]]),
    // A null query vector finds nothing; in OPTIONAL MATCH that is one row of nulls.
    (
      "MATCH (s:Movie {title: 'Snow White'}) MATCH (movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR s.prop LIMIT 4) RETURN movie.title",
      []
    ),
    (
      "MATCH (s:Movie {title: 'Snow White'}) OPTIONAL MATCH (movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR s.prop LIMIT 4) SCORE AS x RETURN movie.title, x",
      [["null", "null"]]
    ),
    (
      "OPTIONAL MATCH (movie:Favorite) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) RETURN movie.title",
      [["'Frozen'"], ["'Mulan'"]]
    ),
    // One search per input row, each with its own query vector.
    (
      "UNWIND [[2, 5, 2], [1, 1, 3]] AS q MATCH (movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR q LIMIT 1) RETURN q, movie.title",
      [["[2, 5, 2]", "'Lion King'"], ["[1, 1, 3]", "'Lilo & Stitch'"]]
    ),
    // A one-hop pattern expands from the entity found (anonymous, unconstrained other elements).
    (
      "MATCH (movie)-->() SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) RETURN movie.title",
      [["'Frozen'"]]
    ),
  ] as [(String, [[String]])])
  func filtersAndEdgeCases(query: String, expected: [[String]]) throws {
    let db = try movies()
    _ = try db.execute("MATCH (a {title: 'Frozen'}), (b {title: 'Aladdin'}) CREATE (a)-[:SEQUEL]->(b)")
    #expect(try texts(db, query) == expected)
  }

  @Test func explainShowsTheSearchBeforeThePattern() throws {
    let plan = try movies().execute(
      "EXPLAIN MATCH (movie:Favorite) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) RETURN movie"
    ).plan ?? ""
    let operators = plan.split(separator: "\n").dropFirst().map { line in
      String(line.drop { !$0.isLetter }.prefix { $0 != "(" && $0 != "{" }).trimmingCharacters(in: .whitespaces)
    }
    #expect(operators.contains("VectorSearch movie IN moviePlots"), "\(plan)")
    #expect(!plan.contains("NodeByLabelScan"), "\(plan)")
    #expect(!plan.contains("AllNodesScan"), "\(plan)")
  }

  @Test func relationships() throws {
    let db = try Database()
    _ = try db.execute(
      """
      CREATE (a:P {name: 'a'}), (b:P {name: 'b'}),
        (a)-[:KNOWS {id: 1, v: [1, 0]}]->(b), (b)-[:KNOWS {id: 2, v: [0, 1]}]->(a), (a)-[:KNOWS {id: 3, v: [1, 1]}]->(a),
        (a)-[:LIKES {id: 4, v: [1, 0]}]->(b)
      """)
    _ = try db.execute("CREATE VECTOR INDEX knows FOR ()-[r:KNOWS]-() ON r.v OPTIONS {indexConfig: {`vector.similarity_function`: 'euclidean'}}")
    let rows = try texts(
      db,
      "MATCH ()-[r]->() SEARCH r IN (VECTOR INDEX knows FOR [1, 0] LIMIT 2) SCORE AS s RETURN r.id, startNode(r).name, endNode(r).name, s")
    #expect(rows == [["1", "'a'", "'b'", "1.0"], ["3", "'a'", "'a'", "0.5"]])
    #expect(try texts(db, "MATCH ()-[r:KNOWS]->() SEARCH r IN (VECTOR INDEX knows FOR [0, 1] LIMIT 1) RETURN r.id") == [["2"]])
    // An undirected pattern matches each relationship both ways round.
    #expect(try texts(db, "MATCH ()-[r]-() SEARCH r IN (VECTOR INDEX knows FOR [0, 1] LIMIT 1) RETURN r.id") == [["2"], ["2"]])
    #expect(
      error(db, "MATCH (n) SEARCH n IN (VECTOR INDEX knows FOR [1, 0] LIMIT 1) RETURN n")
        == "IndexNotFound: there is no vector index on nodes named `knows`")
  }

  @Test(arguments: [
    (
      "MATCH (movie:Movie) MATCH (m:Movie {title: 'Snow White'}) SEARCH movie IN (VECTOR INDEX moviePlots FOR m.embedding LIMIT 4) RETURN movie.title",
      "InvalidVectorSearch at 1:66: invalid search variable reference: `movie` must reference a variable from the same MATCH statement"
    ),
    (
      "MATCH (movie:Movie) SEARCH node IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) RETURN movie.title",
      "UndefinedVariable at 1:28: variable `node` not defined"
    ),
    (
      "MATCH (movie:Movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR movie.embedding LIMIT 4) RETURN movie.title",
      "InvalidVectorSearch at 1:21: self-referencing in vector search: the query vector and LIMIT of SEARCH may not depend on the binding variable `movie`"
    ),
    (
      "MATCH (movie:Movie)-[r]->() SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) RETURN movie",
      "InvalidVectorSearch at 1:29: the pattern of a MATCH with SEARCH cannot have more than one bound variable"
    ),
    (
      "MATCH (:Actor)-[]->(m:Movie) SEARCH m IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) RETURN m",
      "InvalidVectorSearch at 1:30: the pattern of a MATCH with SEARCH cannot have predicates on other elements than `m`"
    ),
    (
      "MATCH ()-[r:KNOWS]->()-[]->() SEARCH r IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) RETURN r",
      "InvalidVectorSearch at 1:31: the pattern of a MATCH with SEARCH cannot be longer than one relationship hop"
    ),
    (
      "MATCH (movie:Movie)-[*1..3]->() SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) RETURN movie",
      "InvalidVectorSearch at 1:33: the pattern of a MATCH with SEARCH cannot be longer than one relationship hop"
    ),
    (
      "MATCH (movie:Movie), () SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) RETURN movie",
      "InvalidVectorSearch at 1:25: the pattern of a MATCH with SEARCH cannot have multiple pattern parts"
    ),
    (
      "MATCH p = (movie:Movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) RETURN movie",
      "InvalidVectorSearch at 1:25: the pattern of a MATCH with SEARCH cannot have more than one bound variable"
    ),
    (
      "MATCH (m:Movie {title: 'Snow White'}) MATCH (movie:Movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] WHERE m.rating > 8 LIMIT 4) RETURN movie.title",
      "InvalidVectorSearch at 1:59: wrong variable for vector search with filters: the variable `m` in a vector search filter property predicate must be the same as the search clause binding variable `movie`"
    ),
    (
      "MATCH (movie:Movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] WHERE movie.rating > 8 LIMIT 4) SCORE AS movie RETURN 1",
      "VariableAlreadyBound at 1:21: variable `movie` is already defined"
    ),
    (
      "MATCH (movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) RETURN movie",
      "no error"
    ),
  ])
  func bindingErrors(query: String, expected: String) throws {
    #expect(error(try movies(), query) == expected)
  }

  private static let invalidFilter =
    "InvalidVectorSearch at 1:21: invalid predicate for vector search with filters: the filter must consist of one or more "
    + "property predicates of `movie` joined by AND, and the predicates on each property must give an exact value "
    + "(`movie.prop = 1`), a half-bounded range (`movie.prop >= 1`) or a bounded range (`movie.prop > 1 AND movie.prop < 100`)"

  @Test(arguments: [
    ("NOT movie.rating = 8", invalidFilter),
    ("movie.rating <> 7.5", invalidFilter),
    ("movie.rating > 8 OR movie.releaseDate <= date('2000')", invalidFilter),
    ("movie.title STARTS WITH 'L'", invalidFilter),
    ("movie.rating IS :: FLOAT", invalidFilter),
    ("movie.rating > movie.title", invalidFilter),
    ("movie.rating > 8.2 AND movie.rating >= 8.5", invalidFilter),
    ("movie.rating > 8.2 AND movie.rating = 8.5", invalidFilter),
    ("movie.rating = 8.2 AND movie.rating IN [8.5]", invalidFilter),
    // Well-formed filters reach the index, whose vectors carry no additional properties.
    (
      "movie.releaseDate > date('1948') AND date('2010') > movie.releaseDate",
      "InvalidArgumentValue: wrong property for vector search with filters: the property `releaseDate` is not an additional property for vector search with filters on the vector index `moviePlots`"
    ),
    (
      "movie.rating IN [7.4, 7.7] AND NOT movie.seen",
      "InvalidArgumentValue: wrong property for vector search with filters: the property `rating` is not an additional property for vector search with filters on the vector index `moviePlots`"
    ),
  ])
  func filterErrors(filter: String, expected: String) throws {
    let query = "MATCH (movie:Movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] WHERE \(filter) LIMIT 4) RETURN movie.title"
    #expect(error(try movies(), query) == expected)
  }

  @Test(arguments: [
    (
      "MATCH (movie:Movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2] LIMIT 4) RETURN movie.title",
      "InvalidArgumentValue: the query vector has 2 dimensions, but index `moviePlots` holds vectors of 3"
    ),
    (
      "MATCH (movie:Movie) SEARCH movie IN (VECTOR INDEX nope FOR [1, 2, 3] LIMIT 4) RETURN movie.title",
      "IndexNotFound: there is no vector index on nodes named `nope`"
    ),
    (
      "MATCH ()-[r]->() SEARCH r IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 4) RETURN r",
      "IndexNotFound: there is no vector index on relationships named `moviePlots`"
    ),
    (
      "MATCH (movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT -1) RETURN movie.title",
      "InvalidArgumentValue: the LIMIT of SEARCH must be between 0 and 2147483647, got -1"
    ),
    (
      "MATCH (movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 2147483648) RETURN movie.title",
      "InvalidArgumentValue: the LIMIT of SEARCH must be between 0 and 2147483647, got 2147483648"
    ),
    (
      "MATCH (movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT 1.5) RETURN movie.title",
      "InvalidArgumentType: the LIMIT of SEARCH must be an INTEGER, got FLOAT"
    ),
    (
      "MATCH (movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3] LIMIT null) RETURN movie.title",
      "InvalidArgumentType: the LIMIT of SEARCH must be an INTEGER, got NULL"
    ),
    (
      "MATCH (movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR 'plot' LIMIT 4) RETURN movie.title",
      "InvalidArgumentType: the query vector of SEARCH must be a LIST<INTEGER NOT NULL | FLOAT NOT NULL>, got 'plot'"
    ),
    (
      "MATCH (movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, null, 3] LIMIT 4) RETURN movie.title",
      "InvalidArgumentType: the query vector of SEARCH must be a LIST<INTEGER NOT NULL | FLOAT NOT NULL>, got [1, null, 3]"
    ),
    (
      "MATCH (movie) SEARCH movie IN (VECTOR INDEX $name FOR [1, 2, 3] LIMIT 4) RETURN movie.title",
      "UnexpectedSyntax at 1:45: the index name of SEARCH must be written as a name, not a parameter"
    ),
    (
      "MATCH (movie) SEARCH movie IN (VECTOR INDEX moviePlots FOR [1, 2, 3]) RETURN movie.title",
      "UnexpectedSyntax at 1:69: unexpected ')', expected LIMIT"
    ),
    (
      "MATCH (movie) SEARCH movie IN (FULLTEXT INDEX moviePlots FOR 'x' LIMIT 4) RETURN movie.title",
      "UnexpectedSyntax at 1:32: unexpected 'FULLTEXT', expected VECTOR"
    ),
  ])
  func runtimeAndSyntaxErrors(query: String, expected: String) throws {
    #expect(error(try movies(), query) == expected)
  }
}
