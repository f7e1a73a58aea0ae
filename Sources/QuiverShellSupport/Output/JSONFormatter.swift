// Writes query results as JSON: `--format json` prints one array of row objects per result,
// `--format jsonl` one object per line. Keys follow column order; nodes, relationships and paths
// become objects with their ids, labels or type, and properties; non-finite floats become the
// strings "NaN", "Infinity" and "-Infinity".
import Quiver
import QuiverExchange

/// Formats results as JSON objects, one per row.
package enum JSONFormatter {
  /// One line per row, `{"column":value,...}` (JSON Lines); "" when there are no columns.
  package static func format(columns: [String], rows: [[Value]]) -> String {
    guard !columns.isEmpty else { return "" }
    return rows.map { rowObject(columns: columns, row: $0) + "\n" }.joined()
  }

  /// One JSON array of row objects, one row per line, ending in `\n`; "" when there are no
  /// columns.
  package static func formatArray(columns: [String], rows: [[Value]]) -> String {
    guard !columns.isEmpty else { return "" }
    guard !rows.isEmpty else { return "[]\n" }
    return "[\n" + rows.map { "  " + rowObject(columns: columns, row: $0) }.joined(separator: ",\n") + "\n]\n"
  }

  /// `{"column":value,...}` for one row.
  package static func rowObject(columns: [String], row: [Value]) -> String {
    let members = columns.enumerated().map { index, column in
      JSONText.string(column) + ":" + json(index < row.count ? row[index] : .null)
    }
    return "{" + members.joined(separator: ",") + "}"
  }

  /// `value` as compact JSON.
  package static func json(_ value: Value) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .float(let number):
      return number.isFinite ? CypherText.float(number) : JSONText.string(CypherText.float(number))
    case .string(let text): return JSONText.string(text)
    case .list(let items): return "[" + items.map(json).joined(separator: ",") + "]"
    case .map(let entries): return object(entries)
    case .node(let node): return nodeObject(node)
    case .relationship(let relationship): return relationshipObject(relationship)
    case .path(let path):
      let nodes = path.nodes.map(nodeObject).joined(separator: ",")
      let relationships = path.relationships.map(relationshipObject).joined(separator: ",")
      return "{\"nodes\":[\(nodes)],\"relationships\":[\(relationships)]}"
    case .temporal(let temporal): return JSONText.string(temporal.description)
    case .point(let point): return JSONText.string(point.description)
    // JSON has no vector type: the coordinates as an array of numbers.
    case .vector(let vector): return json(.list(vector.elements))
    }
  }

  private static func object(_ entries: [String: Value]) -> String {
    "{" + entries.keys.sorted().map { JSONText.string($0) + ":" + json(entries[$0] ?? .null) }
      .joined(separator: ",") + "}"
  }

  private static func nodeObject(_ node: Node) -> String {
    let labels = node.labels.map(JSONText.string).joined(separator: ",")
    return "{\"id\":\(node.id),\"labels\":[\(labels)],\"properties\":\(object(node.properties))}"
  }

  private static func relationshipObject(_ relationship: Relationship) -> String {
    "{\"id\":\(relationship.id),\"type\":\(JSONText.string(relationship.type)),"
      + "\"start\":\(relationship.startID),\"end\":\(relationship.endID),"
      + "\"properties\":\(object(relationship.properties))}"
  }
}
