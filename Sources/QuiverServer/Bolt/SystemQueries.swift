// Statements about the server rather than the graph, which tools send on connect: SHOW
// DATABASES, SHOW DATABASE name, SHOW DEFAULT/HOME DATABASE. They become ordinary Cypher over
// a list parameter, so their rows stream like any result. Quiver serves one database, `neo4j`;
// `system` is listed because drivers and tools expect it.
import Quiver

/// Recognises the server's own SHOW commands.
enum SystemQueries {
  /// The columns of SHOW DATABASES, in Neo4j's order.
  static let columns = [
    "name", "type", "aliases", "access", "address", "role", "writer", "requestedStatus", "currentStatus", "statusMessage",
    "default", "home", "constituents",
  ]

  /// The SHOW DATABASES row of `name`.
  private static func row(_ name: String) -> Value {
    let isNeo4j = name == "neo4j"
    var row: [String: Value] = [:]
    row["name"] = .string(name)
    row["type"] = .string(isNeo4j ? "standard" : "system")
    row["aliases"] = .list([])
    row["access"] = .string("read-write")
    row["address"] = .string("localhost:7687")
    row["role"] = .string("primary")
    row["writer"] = .bool(true)
    row["requestedStatus"] = .string("online")
    row["currentStatus"] = .string("online")
    row["statusMessage"] = .string("")
    row["default"] = .bool(isNeo4j)
    row["home"] = .bool(isNeo4j)
    row["constituents"] = .list([])
    return .map(row)
  }

  /// The Cypher text and parameters that answer `query`, when it is one of the commands.
  static func rewrite(_ query: String, parameters: [String: Value]) -> (query: String, parameters: [String: Value])? {
    var words = query.split(whereSeparator: { $0.isWhitespace || $0 == ";" }).map { $0.uppercased() }
    guard words.first == "SHOW", words.count >= 2 else { return nil }
    words.removeFirst()
    let names: Set<String>
    switch words {
    case ["DATABASES"]: names = ["neo4j", "system"]
    case ["DEFAULT", "DATABASE"], ["HOME", "DATABASE"]: names = ["neo4j"]
    case let w where w.count == 2 && w[0] == "DATABASE":
      let raw = query.split(whereSeparator: { $0.isWhitespace || $0 == ";" })
      names = [String(raw[2].filter { $0 != "`" }).lowercased()]
    default: return nil
    }
    let rows: [Value] = ["neo4j", "system"].filter(names.contains).map(row)
    let projection = columns.map { "d.`\($0)` AS `\($0)`" }.joined(separator: ", ")
    var bound = parameters
    bound["__databases"] = .list(rows)
    return ("UNWIND $__databases AS d RETURN " + projection, bound)
  }
}
