// The SEARCH subclause of MATCH (Cypher 25): vector search over a vector index, written after
// the pattern (before or after the MATCH's WHERE). See AST/VectorSearch.swift.
import GraphCore

extension Parser {
  /// search := "SEARCH" , variable , "IN" , "(" , "VECTOR" , "INDEX" , indexName ,
  ///   "FOR" , expression , [ "WHERE" , expression ] , "LIMIT" , expression , ")" ,
  ///   [ "SCORE" , "AS" , variable ]
  /// Nil when the next token is not SEARCH.
  mutating func vectorSearch() throws -> VectorSearch? {
    guard atWord("SEARCH") else { return nil }
    let loc = Loc(current.position)
    advance()
    let variableLoc = Loc(current.position)
    let variable = try symbolicName("a variable name")
    try expect(.in)
    try expectSymbol("(")
    guard eatWord("VECTOR") else { throw unexpected(expected: "VECTOR") }
    try expect(.index)
    if current.kind == .parameter {
      throw QuiverError.syntax(
        .unexpectedSyntax, "the index name of SEARCH must be written as a name, not a parameter", at: current.position)
    }
    let index = try symbolicName("an index name")
    try expect(.for)
    let query = try expression()
    let filter = try eat(.where) ? expression() : nil
    try expect(.limit)
    let limit = try expression()
    try expectSymbol(")")
    var scoreAlias: String?
    if eatWord("SCORE") {
      try expect(.as)
      scoreAlias = try symbolicName("a variable name")
    }
    return VectorSearch(
      variable: variable, index: index, query: query, filter: filter, limit: limit, scoreAlias: scoreAlias, loc: loc,
      variableLoc: variableLoc)
  }
}
