// Every production of grammar/cypher.ebnf has an example here, and every example parses; a
// production added to the grammar without an example fails the first test.
import Foundation
import Testing

@testable import CypherSyntax

@Suite struct GrammarTests {
  /// Whole statements exercising each production (`q:`) or expressions (`e:`).
  static let examples: [String: [String]] = [
    "statement": ["q:EXPLAIN MATCH (n) RETURN n;", "q:PROFILE RETURN 1"],
    "query": ["q:RETURN 1 AS x UNION RETURN 2 AS x", "q:RETURN 1 AS x NEXT RETURN x + 1 AS y"],
    "queryPart": [
      "q:WHEN true THEN RETURN 1 AS x NEXT RETURN x", "q:RETURN 1 AS x NEXT RETURN x AS y UNION RETURN x + 1 AS y",
      "q:RETURN 1 AS x NEXT WHEN x > 0 THEN RETURN x AS y ELSE RETURN 0 AS y",
    ],
    "unionQuery": ["q:RETURN 1 AS x UNION ALL RETURN 1 AS x"],
    "conditionalQuery": ["q:WHEN $a THEN RETURN 1 AS x WHEN $b THEN RETURN 2 AS x ELSE RETURN 3 AS x"],
    "singleQuery": ["q:MATCH (n) WITH n RETURN n"],
    "clause": ["q:MATCH (n) SET n.x = 1 REMOVE n.y DELETE n"],
    "match": [
      "q:OPTIONAL MATCH (n:A) WHERE n.x > 1 RETURN n",
      "q:MATCH (n) WHERE n.x > 1 SEARCH n IN (VECTOR INDEX v FOR [1, 2] LIMIT 3) RETURN n",
      "q:MATCH (n) SEARCH n IN (VECTOR INDEX v FOR [1, 2] LIMIT 3) WHERE n.x > 1 RETURN n",
    ],
    "search": [
      "q:MATCH ()-[r]->() SEARCH r IN (VECTOR INDEX v FOR $q WHERE r.x >= 1 AND r.y = 'a' LIMIT $k) SCORE AS s RETURN r, s"
    ],
    "matchMode": ["q:MATCH REPEATABLE ELEMENTS (a)-->{1,3}(b) RETURN b", "q:MATCH DIFFERENT RELATIONSHIP (a)-->(b) RETURN b"],
    "unwind": ["q:UNWIND [1, 2] AS x RETURN x"],
    "with": ["q:MATCH (n) WITH DISTINCT n.x AS x WHERE x > 1 RETURN x"],
    "return": ["q:RETURN *", "q:MATCH (n) RETURN n, n.x AS y"],
    "projection": ["q:MATCH (n) RETURN DISTINCT n.x AS x ORDER BY x DESC SKIP 1 LIMIT 2"],
    "projectionItems": ["q:RETURN 1 AS a, 2 AS b"],
    "projectionItem": ["q:RETURN 1 + 2 AS three"],
    "sortItem": ["q:MATCH (n) RETURN n ORDER BY n.a ASCENDING, n.b DESCENDING"],
    "create": ["q:CREATE (a:A {x: 1})-[:T]->(b), (c)"],
    "merge": ["q:MERGE (n:A {id: 1}) ON CREATE SET n.new = true ON MATCH SET n.seen = true"],
    "set": ["q:MATCH (n) SET n.x = 1, n += {y: 2}, n:B"],
    "setItems": ["q:MATCH (n) SET n.x = 1, n.y = 2"],
    "setItem": ["q:MATCH (n) SET n = {x: 1}", "q:MATCH (n) SET n:A:B", "q:MATCH (n) SET n[$k] = 1, n:$(n.kind):B"],
    "remove": ["q:MATCH (n) REMOVE n.x, n:A"],
    "removeItem": ["q:MATCH (n) REMOVE n:A:B", "q:MATCH (n) REMOVE n['k'], n:$(['A', 'B'])"],
    "dynamicProperty": ["q:MATCH (n) SET n['a' + 'b'] = 2"],
    "updateLabels": ["q:MATCH (n) SET n:A:$($label)"],
    "dynamicLabels": ["q:MATCH (n:A:$($b)) RETURN n", "q:CREATE (n:$($label) {x: 1})"],
    "dynamicLabel": ["q:MATCH (n:$any(['A', 'B'])) RETURN n", "q:MATCH (n:$all($ls)) RETURN n", "q:MATCH ()-[r:$($t)]->() RETURN r"],
    "delete": ["q:MATCH (n) DETACH DELETE n", "q:MATCH ()-[r]->() DELETE r"],
    "projectionTail": ["q:UNWIND [3, 1] AS x RETURN x ORDER BY x OFFSET 1 LIMIT 1"],
    "shorthandClause": [
      "q:FOR x IN [1, 2] RETURN x",
      "q:UNWIND [1, 2] AS x FILTER x > 1 RETURN x", "q:UNWIND [1] AS x FILTER WHERE x > 0 RETURN x",
      "q:UNWIND [1] AS x LET y = x + 1, z = 2 RETURN y, z", "q:UNWIND [3, 1] AS x ORDER BY x DESC OFFSET 1 LIMIT 1 RETURN x",
      "q:UNWIND [1] AS x SKIP 0 RETURN x", "q:MATCH (n) FINISH", "q:MATCH (n) NODETACH DELETE n",
    ],
    "foreach": ["q:FOREACH (x IN [1, 2] | CREATE ({v: x}))"],
    "call": ["q:CALL db.labels() YIELD label AS l WHERE l <> 'x' RETURN l", "q:CALL db.labels"],
    "subqueryCall": [
      "q:UNWIND [1, 2] AS x CALL { RETURN 3 AS y } RETURN x, y", "q:UNWIND [1] AS x CALL (x) { RETURN x + 1 AS y } RETURN y",
      "q:UNWIND [1] AS x CALL (*) { RETURN x + 1 AS y } RETURN y", "q:CALL () { RETURN 1 AS y } RETURN y",
    ],
    "inTransactions": [
      "q:UNWIND [1] AS x CALL (x) { CREATE ({v: x}) } IN TRANSACTIONS",
      "q:UNWIND [1] AS x CALL { WITH x CREATE ({v: x}) } IN TRANSACTIONS OF 10 ROWS ON ERROR BREAK REPORT STATUS AS s RETURN s",
      "q:UNWIND [1] AS x CALL { WITH x RETURN x AS y } IN TRANSACTIONS OF $n ROW ON ERROR FAIL RETURN y",
    ],
    "loadCSV": [
      "q:LOAD CSV FROM 'file:///a.csv' AS row RETURN row",
      "q:LOAD CSV WITH HEADERS FROM $url AS row FIELDTERMINATOR ';' RETURN row.name, linenumber(), file()",
    ],
    "yieldItem": ["q:CALL db.labels() YIELD label RETURN label"],
    "procedureName": ["q:CALL db.propertyKeys()"],
    "showCommand": [
      "q:SHOW FUNCTIONS", "q:SHOW ALL INDEXES", "q:SHOW RANGE INDEXES YIELD name",
      "q:SHOW PROCEDURES EXECUTABLE BY CURRENT USER", "q:SHOW FUNCTIONS EXECUTABLE BY admin",
      "q:SHOW TRANSACTIONS", "q:SHOW TRANSACTION 'neo4j-transaction-1', 'neo4j-transaction-2' YIELD *",
    ],
    "terminateCommand": [
      "q:TERMINATE TRANSACTION 'neo4j-transaction-1'",
      "q:TERMINATE TRANSACTIONS 'neo4j-transaction-1', 'neo4j-transaction-2' YIELD message RETURN message",
    ],
    "showKind": [
      "q:SHOW TEXT INDEXES", "q:SHOW NODE UNIQUENESS CONSTRAINTS", "q:SHOW REL PROPERTY EXISTENCE CONSTRAINTS",
      "q:SHOW KEY CONSTRAINTS", "q:SHOW BUILT IN FUNCTIONS", "q:SHOW USER DEFINED FUNCTIONS",
      "q:SHOW REL PROPERTY TYPE CONSTRAINTS",
    ],
    "showClauses": [
      "q:SHOW FUNCTIONS YIELD name, category AS c ORDER BY name SKIP 1 LIMIT 5 WHERE c = 'String' RETURN name",
      "q:SHOW PROCEDURES WHERE name STARTS WITH 'db.'", "q:SHOW INDEXES YIELD *", "q:SHOW CONSTRAINTS RETURN name",
    ],
    "createIndex": [
      "q:CREATE INDEX i FOR (n:A) ON (n.x)", "q:CREATE RANGE INDEX IF NOT EXISTS FOR (n:A) ON (n.x, n.y)",
      "q:CREATE TEXT INDEX t FOR ()-[r:R]-() ON (r.name)", "q:CREATE POINT INDEX p IF NOT EXISTS FOR (n:Place) ON (n.loc)",
      "q:CREATE VECTOR INDEX v IF NOT EXISTS FOR (n:Doc) ON n.embedding",
    ],
    "createFulltextIndex": [
      "q:CREATE FULLTEXT INDEX titles IF NOT EXISTS FOR (n:Movie|Book) ON EACH [n.title, n.plot]",
      "q:CREATE FULLTEXT INDEX FOR ()-[r:R|S]-() ON EACH [r.note] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}",
    ],
    "createLookupIndex": [
      "q:CREATE LOOKUP INDEX node_labels IF NOT EXISTS FOR (n) ON EACH labels(n)",
      "q:CREATE LOOKUP INDEX FOR ()-[r]-() ON type(r) OPTIONS {indexProvider: 'token-lookup-1.0'}",
    ],
    "vectorOptions": [
      "q:CREATE VECTOR INDEX v FOR (n:Doc) ON (n.e) OPTIONS {indexConfig: {`vector.dimensions`: 3, `vector.similarity_function`: 'euclidean'}}",
      "q:CREATE VECTOR INDEX FOR ()-[r:R]-() ON r.e OPTIONS {indexProvider: 'vector-2.0', indexConfig: {}}",
    ],
    "createConstraint": [
      "q:CREATE CONSTRAINT c FOR (n:A) REQUIRE n.x IS UNIQUE", "q:CREATE CONSTRAINT IF NOT EXISTS FOR (n:A) REQUIRE n.x IS NOT NULL",
      "q:CREATE CONSTRAINT k FOR (n:A) REQUIRE (n.x, n.y) IS NODE KEY", "q:CREATE CONSTRAINT FOR ()-[r:R]-() REQUIRE r.x IS REL UNIQUE",
    ],
    "constraintRule": [
      "q:CREATE CONSTRAINT FOR ()-[r:R]-() REQUIRE (r.x) IS RELATIONSHIP KEY", "q:CREATE CONSTRAINT FOR (n:A) REQUIRE n.x IS KEY",
      "q:CREATE CONSTRAINT FOR (n:A) REQUIRE n.x IS :: INTEGER | FLOAT", "q:CREATE CONSTRAINT FOR (n:A) REQUIRE n.x :: LIST<STRING NOT NULL>",
      "q:CREATE CONSTRAINT FOR ()-[r:R]-() REQUIRE r.x IS TYPED ZONED DATETIME",
    ],
    "patternList": ["q:MATCH (a), (b)-->(c) RETURN a"],
    "patternPart": ["q:MATCH p = (a)-->(b) RETURN p", "q:MATCH p = SHORTEST 1 (a)-->+(b) RETURN p"],
    "pathSelector": [
      "q:MATCH p = ANY SHORTEST (a)-->+(b) RETURN p", "q:MATCH p = ALL SHORTEST (a)-->+(b) RETURN p",
      "q:MATCH p = SHORTEST 2 GROUPS (a)-->+(b) RETURN p", "q:MATCH p = ANY 2 (a)-->+(b) RETURN p",
      "q:MATCH p = ANY (a)-->+(b) RETURN p", "q:MATCH p = ALL SHORTEST PATHS (a)-->+(b) RETURN p",
      "q:MATCH p = SHORTEST GROUPS (a)-->+(b) RETURN p", "q:MATCH p = ANY 2 PATHS (a)-->+(b) RETURN p",
      "q:MATCH p = ALL PATHS (a)-->{1,2}(b) RETURN p", "q:MATCH p = SHORTEST 1 PATH (a)-->+(b) RETURN p",
    ],
    "parenthesizedPath": [
      "q:MATCH ((a)-->(b) WHERE a.x < b.x) RETURN a", "q:MATCH p = (q = (a)-->(b)) RETURN p, q",
      "q:MATCH SHORTEST 1 (q = (a)-->+(b) WHERE length(q) > 1) RETURN q",
    ],
    "selectorCount": [
      "q:MATCH p = SHORTEST $k (a)-->+(b) RETURN p", "q:MATCH p = SHORTEST $k GROUPS (a)-->+(b) RETURN p",
      "q:MATCH p = ANY $k PATHS (a)-->+(b) RETURN p", "q:MATCH p = SHORTEST 3 (a)-->+(b) RETURN p",
    ],
    "quantifiedPathPattern": [
      "q:MATCH (a) ((x:A)-[r:R]->(y {v: 1}) WHERE x.v < y.v){1,3} (b) RETURN x, r, y", "q:MATCH ((x)-->(y))+ RETURN x",
      "q:MATCH (a) ((x)-[:R]->(y:B)<-[s:S]-(z) WHERE s.w > 1){2} (b)-->(c) RETURN x, y, z, s",
    ],
    "pathQuantifier": ["q:MATCH (a)-->{2}(b)-->{1,}(c)-->{,3}(d)-->+(e)-->*(f) RETURN a"],
    "labelExpression": ["q:MATCH (n IS A|B)-[r IS R]->(m:A:B) RETURN n"],
    "labelOr": ["q:MATCH (n:A|B)-[:R|:S]->() RETURN n"],
    "labelAnd": ["q:MATCH (n:A&B) RETURN n"],
    "labelNot": ["q:MATCH (n:!(A|%)&!`B C`) RETURN n"],
    "shortestPath": ["q:MATCH p = shortestPath((a)-[*]-(b)) RETURN p", "q:MATCH p = allShortestPaths((a)-[*..3]->(b)) RETURN p"],
    "patternChain": ["q:MATCH (a)-->(b)<--(c)--(d) RETURN a"],
    "nodePattern": ["q:MATCH (n:A:B {x: 1}) RETURN n", "q:MATCH () RETURN 1", "q:MATCH (n:A WHERE n.x > 1) RETURN n"],
    "nodeLabels": ["q:MATCH (n:A:`B C`) RETURN n"],
    "relationshipPattern": ["q:MATCH (a)<-[r:T|:U *1..2 {x: 1}]-(b) RETURN r", "q:MATCH (a)-[]-(b) RETURN a", "q:MATCH (a)-[r:R WHERE r.w > 1]->{1,2}(b) RETURN r"],
    "lengthRange": ["q:MATCH (a)-[*]->(b), (a)-[*2]->(b), (a)-[*..3]->(b), (a)-[*1..]->(b) RETURN a"],
    "properties": ["q:CREATE (n $props)", "q:MATCH (n {x: 1}) RETURN n"],
    "expression": ["e:1 + 2 * 3"],
    "orExpression": ["e:true OR false"],
    "xorExpression": ["e:true XOR false"],
    "andExpression": ["e:true AND false"],
    "notExpression": ["e:NOT NOT true"],
    "comparison": ["e:1 < 2 <= 3 <> 4 = 4 >= 3 > 2 != 5"],
    "predicate": ["e:'abc' STARTS WITH 'a' AND 'abc' ENDS WITH 'c' AND 'abc' CONTAINS 'b' AND 1 IN [1] AND 'a' =~ '.' AND null IS NULL AND 1 IS NOT NULL"],
    "predicateSuffix": ["e:x IS NOT NULL", "e:x IN [1]", "e:n IS A|B", "e:n IS LABELED A&B", "e:n IS NOT LABELED !A"],
    "typePredicate": ["e:x IS :: INTEGER", "e:x IS NOT :: STRING", "e:x :: FLOAT", "e:x IS TYPED BOOL", "e:x IS NOT TYPED INT"],
    "normalizedPredicate": ["e:s IS NORMALIZED", "e:s IS NOT NFKD NORMALIZED"],
    "type": ["e:x :: INTEGER | FLOAT", "e:x :: INTEGER NOT NULL | FLOAT NOT NULL"],
    "typeMember": ["e:x :: STRING NOT NULL LIST NOT NULL", "e:x :: INT ARRAY"],
    "simpleType": [
      "e:x :: ANY", "e:x :: ANY VALUE", "e:x :: ANY NODE", "e:x :: ANY PROPERTY VALUE", "e:x :: ANY<INTEGER | STRING>",
      "e:x :: NOTHING", "e:x :: NULL", "e:x :: SIGNED INTEGER", "e:x :: LOCAL DATETIME", "e:x :: ZONED TIME",
      "e:x :: TIMESTAMP WITH TIME ZONE", "e:x :: TIME WITHOUT TIMEZONE", "e:x :: VERTEX", "e:x :: EDGE",
      "e:x :: PROPERTY VALUE", "e:x :: LIST<LIST<ANY>>", "e:x :: ARRAY<VARCHAR>", "e:x :: DURATION", "e:x :: POINT",
      "e:x :: VECTOR", "e:x :: VECTOR<FLOAT32>(3)", "e:x :: VECTOR(1536)",
    ],
    "coordinateType": ["e:x :: VECTOR<INT8> | VECTOR<INTEGER16> | VECTOR<SIGNED INTEGER> | VECTOR<FLOAT64>"],
    "additive": ["e:1 + 2 - 3", "e:'a' || 'b' || 'c'"],
    "multiplicative": ["e:6 * 2 / 3 % 4"],
    "power": ["e:2 ^ 3 ^ 2"],
    "unary": ["e:-+-1"],
    "postfix": ["e:n.a[0][1..2].b:Label", "e:n:A&!B", "e:n:A:B"],
    "propertyExpression": ["q:MATCH (n) SET n.a.b = 1"],
    "atom": ["e:(1 + 2)", "e:count(*)", "e:n"],
    "literal": ["e:[1, 1.5, 'a', true, false, null, {k: 1}]"],
    "listLiteral": ["e:[]", "e:[1, [2]]"],
    "mapLiteral": ["e:{}", "e:{a: 1, `b c`: 2}"],
    "parameter": ["e:$name", "e:$0"],
    "caseExpression": ["e:CASE x WHEN 1 THEN 'a' ELSE 'b' END", "e:CASE WHEN x > 1 THEN 'a' END"],
    "caseWhen": ["e:CASE WHEN x THEN 1 WHEN y THEN 2 END"],
    "simpleWhen": ["e:CASE x WHEN 1, 2 THEN 'low' WHEN > 5 THEN 'high' END"],
    "whenOperand": ["e:CASE x WHEN IS NULL THEN 0 WHEN < 0, = 0 THEN 1 WHEN IS :: STRING THEN 2 WHEN STARTS WITH 'a' THEN 3 END"],
    "quantifier": ["e:all(x IN l WHERE x > 1) AND any(x IN l WHERE x) AND none(x IN l WHERE x) AND single(x IN l WHERE x)"],
    "reduce": ["e:reduce(acc = 0, x IN [1, 2] | acc + x)"],
    "existsSubquery": ["e:EXISTS { (n)-->() WHERE n.x > 1 }", "e:EXISTS { MATCH (n)-->(m) RETURN m }"],
    "countSubquery": ["e:COUNT { (n)-->() WHERE n.x > 1 }", "e:COUNT { MATCH (n)-->(m) RETURN m UNION MATCH (m) RETURN m }"],
    "collectSubquery": ["e:COLLECT { MATCH (n)-->(m) RETURN m.x ORDER BY m.x }"],
    "listComprehension": ["e:[x IN range(1, 10) WHERE x % 2 = 0 | x * x]"],
    "patternComprehension": ["e:[(a)-->(b) WHERE b.x > 1 | b.name]", "e:[p = (a)-->() | p]"],
    "patternPredicate": ["q:MATCH (a) WHERE (a)-[:T]->() RETURN a"],
    "functionCall": [
      "e:count(DISTINCT x)", "e:date.truncate('day', d)", "e:toUpper('a')", "e:count(ALL x)",
      "e:trim(BOTH 'x' FROM s)", "e:trim(LEADING FROM s)", "e:trim('x' FROM s)", "e:normalize(s, NFKC)",
      "e:vector([1, 2], 2, INTEGER8)", "e:vector_distance(a, b, COSINE)", "e:vector_norm(v, EUCLIDEAN)",
    ],
    "mapProjection": ["e:n {.name, .*, answer: 42, x}"],
    "mapProjectionItem": ["e:n {.a}", "e:n {b: 1}"],
    "name": ["q:MATCH (`weird name`) RETURN `weird name`"],
    "integer": ["e:42", "e:0x2A", "e:0o52"],
    "float": ["e:1.5", "e:.5", "e:1e3", "e:2.5E-3"],
    "string": ["e:'single' + \"double\""],
    "escape": ["e:'\\\\ \\' \\\" \\n \\t \\r \\b \\f \\u00e9 \\U0001F600'"],
    "comment": ["q:MATCH (n) // trailing\n/* block */ RETURN n"],
  ]

  static var productions: [String] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("grammar/cypher.ebnf")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: "=", maxSplits: 1)
      guard parts.count == 2 else { return nil }
      let name = parts[0].trimmingCharacters(in: .whitespaces)
      return name.allSatisfy({ $0.isLetter }) && !name.isEmpty ? name : nil
    }
  }

  @Test func everyProductionHasAnExample() {
    let productions = Self.productions
    #expect(productions.count > 60)
    for p in productions {
      #expect(Self.examples[p] != nil, "no example for production \(p)")
    }
    for name in Self.examples.keys {
      #expect(productions.contains(name), "example for unknown production \(name)")
    }
  }

  @Test(arguments: examples.keys.sorted())
  func examplesParse(_ production: String) throws {
    for example in Self.examples[production] ?? [] {
      let text = String(example.dropFirst(2))
      if example.hasPrefix("q:") {
        _ = try Parser.parse(text)
      } else {
        _ = try Parser.parseExpression(text)
      }
    }
  }
}
