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

  /// Rows per `UNWIND` statement. Each statement is one line, so that line-by-line readers (the
  /// shell's script runner) see it whole at once. Each statement commits on its own and copies
  /// the parts of the store it changes, so fewer, larger statements restore faster (sf100k:
  /// 44 s at 10,000 rows, 53 s at 1,000).
  package var batchSize = 10_000

  package init() {}

  /// Writes `database`'s committed graph and schema to `output`.
  @discardableResult
  package func write(_ database: Database, to output: TextOutput) throws -> ExportSummary {
    var summary = ExportSummary()
    try output.write("// Quiver dump: restore with `quiver restore FILE --db DIR` or `quiver run --db DIR FILE`.\n")
    try writeSchema(database, to: output)
    let source = GraphSource(database: database)
    let helperLabel = CypherText.name(Self.helperLabel), helperKey = CypherText.name(Self.helperKey)
    try output.write("CREATE INDEX \(CypherText.name(Self.helperIndex)) FOR (n:\(helperLabel)) ON (n.\(helperKey));\n")

    // Nodes, one batch list per label combination (in order of first appearance).
    var nodes = Batches<[String]>(size: batchSize) { labels, rows in
      let names = ([Self.helperLabel] + labels).map { ":" + CypherText.name($0) }.joined()
      try output.write("UNWIND [" + rows.joined(separator: ", ") + "] AS row CREATE (n\(names) {\(helperKey): row.i}) SET n += row.p;\n")
    }
    try source.forEachNode { node in
      var row = "{i: \(node.id), p: "
      Escaping.writeCypherMap(node.properties, to: &row)
      try nodes.add(row + "}", to: node.labels)
      summary.count(node)
    }
    try nodes.flushAll()

    // Relationships, one batch list per type.
    var relationships = Batches<String>(size: batchSize) { type, rows in
      try output.write(
        "UNWIND [" + rows.joined(separator: ", ") + "] AS row MATCH (a:\(helperLabel) {\(helperKey): row.s}) "
          + "MATCH (b:\(helperLabel) {\(helperKey): row.e}) CREATE (a)-[r:\(CypherText.name(type))]->(b) SET r += row.p;\n")
    }
    try source.forEachRelationship { relationship in
      var row = "{s: \(relationship.startID), e: \(relationship.endID), p: "
      Escaping.writeCypherMap(relationship.properties, to: &row)
      try relationships.add(row + "}", to: relationship.type)
      summary.count(relationship)
    }
    try relationships.flushAll()

    try output.write("MATCH (n:\(helperLabel)) REMOVE n:\(helperLabel), n.\(helperKey);\n")
    try output.write("DROP INDEX \(CypherText.name(Self.helperIndex));\n")
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
      let relationship = row["entityType"]?.stringValue == "RELATIONSHIP"
      let variable = relationship ? "r" : "n"
      let keys = properties.map { variable + "." + CypherText.name($0) }
      let target = keys.count == 1 ? keys[0] : "(" + keys.joined(separator: ", ") + ")"
      let rule: String
      switch type {
      case "UNIQUENESS", "RELATIONSHIP_UNIQUENESS": rule = "IS UNIQUE"
      case "NODE_KEY": rule = "IS NODE KEY"
      case "RELATIONSHIP_KEY": rule = "IS RELATIONSHIP KEY"
      case "NODE_PROPERTY_TYPE", "RELATIONSHIP_PROPERTY_TYPE":
        guard let propertyType = row["propertyType"]?.stringValue else { continue }
        rule = "IS :: " + propertyType
      default: rule = "IS NOT NULL"
      }
      let pattern = relationship ? "()-[r:\(CypherText.name(label))]-()" : "(n:\(CypherText.name(label)))"
      try output.write("CREATE CONSTRAINT \(CypherText.name(name)) FOR \(pattern) REQUIRE \(target) \(rule);\n")
    }
    for row in try database.execute("SHOW INDEXES").records {
      if row["type"]?.stringValue == "LOOKUP", let name = row["name"]?.stringValue {
        let on = row["entityType"]?.stringValue == "RELATIONSHIP" ? "()-[r]-() ON EACH type(r)" : "(n) ON EACH labels(n)"
        try output.write("CREATE LOOKUP INDEX \(CypherText.name(name)) FOR \(on);\n")
        continue
      }
      guard row["owningConstraint"]?.isNull ?? true, let name = row["name"]?.stringValue,
        let label = row["labelsOrTypes"]?.listValue?.first?.stringValue,
        let properties = row["properties"]?.listValue?.compactMap(\.stringValue), !properties.isEmpty
      else { continue }
      let variable = row["entityType"]?.stringValue == "RELATIONSHIP" ? "r" : "n"
      let pattern = variable == "r" ? "()-[r:\(CypherText.name(label))]-()" : "(n:\(CypherText.name(label)))"
      let keys = properties.map { variable + "." + CypherText.name($0) }
      if row["type"]?.stringValue == "FULLTEXT", let labels = row["labelsOrTypes"]?.listValue?.compactMap(\.stringValue) {
        let alternatives = labels.map(CypherText.name).joined(separator: "|")
        let fulltextPattern = variable == "r" ? "()-[r:\(alternatives)]-()" : "(n:\(alternatives))"
        try output.write(
          "CREATE FULLTEXT INDEX \(CypherText.name(name)) FOR \(fulltextPattern) ON EACH [\(keys.joined(separator: ", "))];\n")
        continue
      }
      if row["type"]?.stringValue == "VECTOR" {
        // Its settings are in the options column: `{indexConfig: {…}}` says them again.
        var config = Value.map([:])
        if case .map(let options)? = row["options"], let c = options["indexConfig"] { config = c }
        try output.write(
          "CREATE VECTOR INDEX \(CypherText.name(name)) FOR \(pattern) ON (\(keys.joined(separator: ", "))) "
            + "OPTIONS {indexConfig: \(config.cypherText)};\n")
        continue
      }
      try output.write("CREATE INDEX \(CypherText.name(name)) FOR \(pattern) ON (\(keys.joined(separator: ", ")));\n")
    }
  }
}

/// Rows gathered per group (label combination or type) and handed to `write` in batches of
/// `size`, the remainders at the end in order of each group's first row.
private struct Batches<Group: Hashable> {
  let size: Int
  let write: (Group, [String]) throws -> Void
  private var rows: [Group: [String]] = [:]
  private var order: [Group] = []

  init(size: Int, write: @escaping (Group, [String]) throws -> Void) {
    self.size = size
    self.write = write
  }

  mutating func add(_ row: String, to group: Group) throws {
    if rows[group] == nil { order.append(group) }
    rows[group, default: []].append(row)
    if let batch = rows[group], batch.count >= size {
      try write(group, batch)
      rows[group] = []
    }
  }

  mutating func flushAll() throws {
    for group in order {
      if let batch = rows[group], !batch.isEmpty { try write(group, batch) }
      rows[group] = []
    }
  }
}
