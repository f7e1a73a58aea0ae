// The fixed words Tab completion offers: Cypher keywords, multi-word clause snippets, the
// functions Quiver evaluates, and the shell's own commands with their arguments.

/// Words that do not depend on the graph.
package enum CypherVocabulary {
  /// Keywords, upper case.
  package static let keywords = [
    "MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "CREATE", "MERGE", "DELETE", "DETACH",
    "SET", "REMOVE", "CALL", "YIELD", "ORDER", "BY", "SKIP", "LIMIT", "ASC", "ASCENDING", "DESC",
    "DESCENDING", "DISTINCT", "AS", "AND", "OR", "XOR", "NOT", "IN", "IS", "NULL", "TRUE", "FALSE",
    "STARTS", "ENDS", "CONTAINS", "CASE", "WHEN", "THEN", "ELSE", "END", "UNION", "ALL", "ON",
    "EXPLAIN", "PROFILE", "EXISTS", "COUNT",
  ]

  /// Clause snippets offered along with keywords.
  package static let snippets = [
    "OPTIONAL MATCH", "ORDER BY", "DETACH DELETE", "UNION ALL", "ON CREATE SET", "ON MATCH SET",
    "IS NOT NULL", "IS NULL", "STARTS WITH", "ENDS WITH",
  ]

  /// Function names as Quiver spells them, scalar and aggregating.
  package static let functions = [
    "abs", "acos", "asin", "atan", "atan2", "avg", "ceil", "coalesce", "collect", "cos", "cot", "count",
    "degrees", "e", "elementId", "endNode", "exists", "exp", "floor", "haversin", "head", "id", "isEmpty",
    "keys", "labels", "last", "left", "length", "log", "log10", "ltrim", "max", "min", "nodes",
    "percentileCont", "percentileDisc", "pi", "properties", "radians", "rand", "range", "relationships",
    "replace", "reverse", "right", "round", "rtrim", "sign", "sin", "size", "split", "sqrt", "startNode",
    "stDev", "stDevP", "substring", "sum", "tail", "tan", "timestamp", "toBoolean", "toBooleanOrNull",
    "toFloat", "toFloatOrNull", "toInteger", "toIntegerOrNull", "toLower", "toString", "toStringOrNull",
    "toUpper", "trim", "type", "valueType",
  ]

  /// The shell's commands, with their colon.
  package static let commands = [
    ":begin", ":checkpoint", ":clear", ":commit", ":exit", ":explain", ":export", ":format", ":help", ":history",
    ":param", ":params", ":profile", ":quit", ":rollback", ":schema", ":source", ":timeout", ":timing", ":notifications",
  ]

  /// The words that may follow a command.
  package static let commandArguments: [String: [String]] = [
    ":format": OutputFormat.allCases.map(\.rawValue),
    ":timing": ["on", "off"],
    ":notifications": ["on", "off"],
    ":explain": ["on", "off"],
    ":profile": ["on", "off"],
    ":timeout": ["off"],
    ":clear": ["params"],
    ":export": GraphExportFormat.allCases.map(\.rawValue),
    ":help": commands.map { String($0.dropFirst()) },
  ]
}
