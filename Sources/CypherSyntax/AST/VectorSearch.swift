// The SEARCH subclause of MATCH and OPTIONAL MATCH (Cypher 25): `SEARCH v IN (VECTOR INDEX name
// FOR query [WHERE filter] LIMIT k) [SCORE AS alias]`. The parser builds it; the binder checks
// its rules and the planner turns it into a vector index search that binds `v` before the
// MATCH pattern is matched.

/// A SEARCH subclause: which pattern variable the vector index search binds, and how.
package struct VectorSearch: Sendable, Hashable {
  /// The binding variable: a node or relationship variable of the enclosing MATCH's pattern.
  package var variable: String
  /// The vector index's name (an identifier, never a parameter).
  package var index: String
  /// The query vector.
  package var query: Expression
  /// The WHERE of vector search with filters (property predicates joined by AND).
  package var filter: Expression?
  /// How many nearest neighbours the search yields.
  package var limit: Expression
  /// The variable `SCORE AS` binds to each neighbour's similarity score.
  package var scoreAlias: String?
  /// Where SEARCH is written.
  package var loc: Loc
  /// Where the binding variable is written.
  package var variableLoc: Loc

  package init(
    variable: String, index: String, query: Expression, filter: Expression?, limit: Expression, scoreAlias: String?, loc: Loc,
    variableLoc: Loc
  ) {
    self.variable = variable
    self.index = index
    self.query = query
    self.filter = filter
    self.limit = limit
    self.scoreAlias = scoreAlias
    self.loc = loc
    self.variableLoc = variableLoc
  }
}
