// Cypher's keywords as one enum: the lexer classifies each bare identifier once (`Token.keyword`)
// and the parser checks `at(.match)` against it instead of comparing spellings. Reserved words
// cannot stand as bare variable names; the others stay usable as names wherever a name may
// appear. grammar/keywords.txt lists the reserved ones for readers.

/// A word the parser treats specially. The raw value is its upper-case spelling.
package enum Keyword: String, CaseIterable, Sendable {
  // Reserved: never a bare variable.
  case all = "ALL", and = "AND", `as` = "AS", asc = "ASC", ascending = "ASCENDING", by = "BY"
  case call = "CALL", `case` = "CASE", contains = "CONTAINS", create = "CREATE", delete = "DELETE"
  case desc = "DESC", descending = "DESCENDING", detach = "DETACH", distinct = "DISTINCT"
  case `else` = "ELSE", end = "END", ends = "ENDS", exists = "EXISTS", `false` = "FALSE"
  case foreach = "FOREACH", `in` = "IN", `is` = "IS", limit = "LIMIT", match = "MATCH"
  case merge = "MERGE", not = "NOT", null = "NULL", on = "ON", optional = "OPTIONAL", or = "OR"
  case order = "ORDER", remove = "REMOVE", `return` = "RETURN", set = "SET", skip = "SKIP"
  case starts = "STARTS", then = "THEN", `true` = "TRUE", union = "UNION", unwind = "UNWIND"
  case when = "WHEN", `where` = "WHERE", with = "WITH", xor = "XOR", yield = "YIELD"
  // Not reserved: keywords only where the grammar expects them, names everywhere else.
  case allShortestPaths = "ALLSHORTESTPATHS", any = "ANY", collect = "COLLECT"
  case constraint = "CONSTRAINT", constraints = "CONSTRAINTS", count = "COUNT", drop = "DROP"
  case explain = "EXPLAIN", `for` = "FOR", function = "FUNCTION", functions = "FUNCTIONS"
  case `if` = "IF", index = "INDEX", indexes = "INDEXES", none = "NONE", procedure = "PROCEDURE"
  case procedures = "PROCEDURES", profile = "PROFILE", reduce = "REDUCE", require = "REQUIRE"
  case shortestPath = "SHORTESTPATH", show = "SHOW", single = "SINGLE", unique = "UNIQUE"
  // LOAD CSV and CALL { … } IN TRANSACTIONS.
  case load = "LOAD", csv = "CSV", headers = "HEADERS", from = "FROM", fieldTerminator = "FIELDTERMINATOR"
  case transactions = "TRANSACTIONS", of = "OF", rows = "ROWS", row = "ROW", error = "ERROR"
  case `continue` = "CONTINUE", `break` = "BREAK", fail = "FAIL", report = "REPORT", status = "STATUS"
  // GQL path selectors and match modes.
  case shortest = "SHORTEST", groups = "GROUPS", repeatable = "REPEATABLE", elements = "ELEMENTS"
  case element = "ELEMENT", different = "DIFFERENT", relationships = "RELATIONSHIPS", relationship = "RELATIONSHIP"

  /// The longest spelling, so that the lexer can skip the lookup for longer identifiers.
  static let maxLength = allCases.map(\.rawValue.utf8.count).max() ?? 0

  /// Whether the word never parses as a bare variable.
  package var isReserved: Bool {
    switch self {
    case .allShortestPaths, .any, .collect, .constraint, .constraints, .count, .drop, .explain,
      .for, .function, .functions, .if, .index, .indexes, .none, .procedure, .procedures, .profile,
      .reduce, .require, .shortestPath, .show, .single, .unique, .load, .csv, .headers, .from,
      .fieldTerminator, .transactions, .of, .rows, .row, .error, .continue, .break, .fail, .report, .status,
      .shortest, .groups, .repeatable, .elements, .element, .different, .relationships, .relationship:
      return false
    default:
      return true
    }
  }

  /// The keyword spelled `text` in any case, or nil.
  package init?(spelling text: Substring) {
    guard text.utf8.count <= Keyword.maxLength else { return nil }
    self.init(rawValue: text.uppercased())
  }
}

/// Words that never parse as a bare variable, by spelling (grammar/keywords.txt lists them).
package enum Keywords {
  package static let reserved: Set<String> = Set(Keyword.allCases.filter(\.isReserved).map(\.rawValue))
}
