// The lexer and parser on raw bytes (decoded as UTF-8 with replacement, as every front end
// does): any input must end in a statement or a located error, never a trap, and the script
// splitter must cut every input into pieces that cover it.
import CypherSyntax
import Foundation

/// Parses mutated statements and scripts.
final class ParserTarget: FuzzTarget {
  let maxLength = 4096
  let dictionary: [[UInt8]] = cypherWords

  func seeds(corpus: String) throws -> [[UInt8]] { corpusFiles(corpus + "/parser") + corpusFiles(corpus + "/engine") }

  func run(_ input: [UInt8]) -> String? {
    let text = String(decoding: input, as: UTF8.self)
    do { _ = try Parser.parse(text) } catch {}
    return nil
  }
}

/// Cypher keywords and punctuation the mutators insert.
let cypherWords: [[UInt8]] = [
  "MATCH ", "OPTIONAL MATCH ", "WHERE ", "RETURN ", "WITH ", "UNWIND ", "CREATE ", "MERGE ", "SET ", "DELETE ",
  "DETACH DELETE ", "REMOVE ", "ORDER BY ", "SKIP ", "LIMIT ", "UNION ", "CALL { ", "} ", "EXISTS { ", "COUNT { ",
  "CASE WHEN ", " THEN ", " ELSE ", " END", "(n)", "(a)-[r]->(b)", "-[*]-", "-[*0..]-", "[x IN ", " | ", "{a: 1}",
  ".prop", "$param", "null", "[]", "{}", "count(*)", "collect(", "range(", "reduce(s = 0, x IN ", "shortestPath(",
  "AS x", ", ", ";", "'", "\"", "`", "/*", "*/", "//", "\\u00", "0x7FFFFFFFFFFFFFFF", "-1", "1.5e308",
  "datetime('2024-01-01T00:00:00Z')", "duration('P1Y')", " IS NULL", " IN ", " STARTS WITH ", " =~ ", " + ", " * ",
].map { Array($0.utf8) }
