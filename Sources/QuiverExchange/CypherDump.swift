// `quiver dump`: the whole database as a Cypher script that rebuilds it. Schema first (indexes
// and constraints as SHOW INDEXES / SHOW CONSTRAINTS describe them), then nodes grouped by label
// combination and relationships by type, `UNWIND`-batched. Nodes carry a helper label and
// property (`:__QuiverDump {__quiver_dump_id: <source id>}`, indexed) while loading, so that the
// relationship batches find their end nodes by index; the script's last statements remove both
// and drop the helper index.
import Quiver

/// Writes a database as a restoring Cypher script.
package struct CypherDump {
  /// The label every restored node carries while the script runs.
  package static let helperLabel = "__QuiverDump"
  /// The property holding a node's id in the dumped database while the script runs.
  package static let helperKey = "__quiver_dump_id"
  /// The index on the helper label and key.
  package static let helperIndex = "__quiver_dump_index"

  /// Rows per `UNWIND` statement.
  package var batchSize = 1000

  package init() {}

  /// Writes `database`'s committed graph and schema to `output`.
  @discardableResult
  package func write(_ database: Database, to output: TextOutput) throws -> ExportSummary {
    var summary = ExportSummary()
    try output.write("// Quiver dump: restore with `quiver restore FILE --db DIR` or `quiver run --db DIR FILE`.\n")
    try writeSchema(database, to: output)
    let source = GraphSource(database: database)
    let helperLabel = Escaping.cypherName(Self.helperLabel), helperKey = Escaping.cypherName(Self.helperKey)
    try output.write("CREATE INDEX \(Escaping.cypherName(Self.helperIndex)) FOR (n:\(helperLabel)) ON (n.\(helperKey));\n")

    // Nodes, one batch list per label combination (in order of first appearance).
    var groups: [[String]: [String]] = [:]
    var order: [[String]] = []
    func flush(_ labels: [String]) throws {
      guard let rows = groups[labels], !rows.isEmpty else { return }
      let names = ([Self.helperLabel] + labels).map { ":" + Escaping.cypherName($0) }.joined()
      try output.write("UNWIND [" + rows.joined(separator: ", ") + "] AS row CREATE (n\(names) {\(helperKey): row.i}) SET n += row.p;\n")
      groups[labels] = []
    }
    try source.forEachNode { node in
      let labels = node.labels
      if groups[labels] == nil {
        groups[labels] = []
        order.append(labels)
      }
      var row = "{i: \(node.id), p: "
      Escaping.writeCypherMap(node.properties, to: &row)
      groups[labels, default: []].append(row + "}")
      summary.nodes += 1
      summary.properties += node.properties.count
      if groups[labels]?.count ?? 0 >= batchSize { try flush(labels) }
    }
    for labels in order { try flush(labels) }

    // Relationships, one batch list per type.
    var byType: [String: [String]] = [:]
    var types: [String] = []
    func flush(type: String) throws {
      guard let rows = byType[type], !rows.isEmpty else { return }
      try output.write(
        "UNWIND [" + rows.joined(separator: ", ") + "] AS row MATCH (a:\(helperLabel) {\(helperKey): row.s}) "
          + "MATCH (b:\(helperLabel) {\(helperKey): row.e}) CREATE (a)-[r:\(Escaping.cypherName(type))]->(b) SET r += row.p;\n")
      byType[type] = []
    }
    try source.forEachRelationship { relationship in
      let type = relationship.type
      if byType[type] == nil {
        byType[type] = []
        types.append(type)
      }
      var row = "{s: \(relationship.startID), e: \(relationship.endID), p: "
      Escaping.writeCypherMap(relationship.properties, to: &row)
      byType[type, default: []].append(row + "}")
      summary.relationships += 1
      summary.properties += relationship.properties.count
      if byType[type]?.count ?? 0 >= batchSize { try flush(type: type) }
    }
    for type in types { try flush(type: type) }

    try output.write("MATCH (n:\(helperLabel)) REMOVE n:\(helperLabel), n.\(helperKey);\n")
    try output.write("DROP INDEX \(Escaping.cypherName(Self.helperIndex));\n")
    summary.bytes = output.byteCount
    return summary
  }

  /// `CREATE INDEX` and `CREATE CONSTRAINT` statements for the schema, constraints first (they
  /// bring their own indexes, which are not repeated).
  private func writeSchema(_ database: Database, to output: TextOutput) throws {
    let constraints = try database.execute("SHOW CONSTRAINTS").records
    for row in constraints {
      guard let name = row["name"]?.stringValue, let type = row["type"]?.stringValue,
        let label = row["labelsOrTypes"]?.listValue?.first?.stringValue,
        let properties = row["properties"]?.listValue?.compactMap(\.stringValue), !properties.isEmpty
      else { continue }
      let keys = properties.map { "n." + Escaping.cypherName($0) }
      let target = keys.count == 1 ? keys[0] : "(" + keys.joined(separator: ", ") + ")"
      let rule = type == "UNIQUENESS" ? "IS UNIQUE" : "IS NOT NULL"
      try output.write(
        "CREATE CONSTRAINT \(Escaping.cypherName(name)) FOR (n:\(Escaping.cypherName(label))) REQUIRE \(target) \(rule);\n")
    }
    for row in try database.execute("SHOW INDEXES").records {
      guard row["owningConstraint"]?.isNull ?? true, let name = row["name"]?.stringValue,
        let label = row["labelsOrTypes"]?.listValue?.first?.stringValue,
        let properties = row["properties"]?.listValue?.compactMap(\.stringValue), !properties.isEmpty
      else { continue }
      let variable = row["entityType"]?.stringValue == "RELATIONSHIP" ? "r" : "n"
      let pattern = variable == "r" ? "()-[r:\(Escaping.cypherName(label))]-()" : "(n:\(Escaping.cypherName(label)))"
      let keys = properties.map { variable + "." + Escaping.cypherName($0) }
      try output.write("CREATE INDEX \(Escaping.cypherName(name)) FOR \(pattern) ON (\(keys.joined(separator: ", ")));\n")
    }
  }
}
