// What `:schema` prints: the labels, relationship types and property keys of the graph with
// their counts, then its indexes and constraints (from SHOW INDEXES and SHOW CONSTRAINTS).
import Quiver

/// Renders a database's schema summary for the shell.
package enum SchemaReport {
  /// The statements that count, per property key, the nodes and the relationships having it;
  /// each returns `key` and `count` columns, and `propertyCounts(from:)` adds them up.
  package static let propertyCountQueries = [
    "MATCH (n) UNWIND keys(n) AS key RETURN key, count(*) AS count",
    "MATCH ()-[r]->() UNWIND keys(r) AS key RETURN key, count(*) AS count",
  ]

  /// Key → count, summed over the results of `propertyCountQueries`.
  package static func propertyCounts(from results: [QueryResult]) -> [String: Int] {
    var counts: [String: Int] = [:]
    for result in results {
      for row in result.rows where row.count == 2 {
        if case .string(let key) = row[0], case .int(let count) = row[1] { counts[key, default: 0] += Int(count) }
      }
    }
    return counts
  }

  /// The report for `schema`; `propertyCounts` gives how many nodes and relationships have
  /// each key, when they could be counted.
  package static func render(
    _ schema: Schema, propertyCounts: [String: Int]?, indexes: QueryResult? = nil, constraints: QueryResult? = nil
  ) -> String {
    var out = "Labels:\n"
    out += section(schema.labels.map { (":" + CypherText.name($0.name), $0.count) }, unit: ("node", "nodes"))
    out += "Relationship types:\n"
    out += section(
      schema.relationshipTypes.map { (":" + CypherText.name($0.name), $0.count) },
      unit: ("relationship", "relationships"))
    out += "Property keys:\n"
    if schema.propertyKeys.isEmpty {
      out += "  (none)\n"
    } else if let propertyCounts {
      out += section(schema.propertyKeys.map { (CypherText.name($0), propertyCounts[$0] ?? 0) }, unit: ("use", "uses"))
    } else {
      out += schema.propertyKeys.map { "  " + CypherText.name($0) + "\n" }.joined()
    }
    out += "Indexes:\n"
    out += lines(indexes) { row in
      guard row.count >= 7 else { return nil }
      let entries = row[6].intValue ?? 0
      // A lookup index has no labels or properties: it covers every label (or type).
      let on = row[3].isNull ? (text(row[2]) == "RELATIONSHIP" ? "type(r)" : "labels(n)") : target(row[3], row[4])
      return "\(text(row[0]))  \(on)  \(text(row[2]).lowercased())  \(entries) \(entries == 1 ? "entry" : "entries")"
        + (row[5].isNull ? "" : "  (for constraint \(text(row[5])))")
    }
    out += "Constraints:\n"
    out += lines(constraints) { row in
      guard row.count >= 5 else { return nil }
      return "\(text(row[0]))  \(target(row[3], row[4]))  \(rule(row))"
    }
    return out
  }

  /// What a SHOW CONSTRAINTS row requires, in a word or two (`unique`, `key`, `:: INTEGER`).
  private static func rule(_ row: [Value]) -> String {
    switch text(row[1]) {
    case "UNIQUENESS", "RELATIONSHIP_UNIQUENESS": return "unique"
    case "NODE_KEY", "RELATIONSHIP_KEY": return "key"
    case "NODE_PROPERTY_TYPE", "RELATIONSHIP_PROPERTY_TYPE": return ":: " + (row.count > 6 ? text(row[6]) : "")
    default: return "not null"
    }
  }

  /// One line per row, `(none)` when there are none or they could not be listed.
  private static func lines(_ result: QueryResult?, _ line: ([Value]) -> String?) -> String {
    let rendered = result?.rows.compactMap(line) ?? []
    return rendered.isEmpty ? "  (none)\n" : rendered.map { "  " + $0 + "\n" }.joined()
  }

  private static func text(_ v: Value) -> String { v.stringValue ?? v.cypherText }

  /// `:Label(a, b)` from SHOW's labelsOrTypes and properties columns.
  private static func target(_ labels: Value, _ properties: Value) -> String {
    let label = labels.listValue?.first.map(text) ?? "?"
    let keys = (properties.listValue ?? []).map(text).joined(separator: ", ")
    return ":" + CypherText.name(label) + "(" + keys + ")"
  }

  /// Names and counts aligned in two columns, `(none)` when empty.
  private static func section(_ entries: [(String, Int)], unit: (String, String)) -> String {
    guard !entries.isEmpty else { return "  (none)\n" }
    let width = entries.map(\.0.displayWidth).max() ?? 0
    return entries.map { name, count in
      "  " + name + String(repeating: " ", count: width - name.displayWidth) + "  "
        + "\(count) " + (count == 1 ? unit.0 : unit.1) + "\n"
    }.joined()
  }
}
