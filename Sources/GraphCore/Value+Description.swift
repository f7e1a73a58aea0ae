// The Cypher-literal text of values — `'text'`, `1.0`, `[1, 2]`, `{k: 'v'}`,
// `(:Label {k: 1})`, `[:TYPE {k: 1}]`, `<(:A)-[:T]->(:B)>` — used by the shell, the examples and
// error messages. Map keys and properties print sorted so output is stable.

/// Renders values as Cypher literals. Map and property keys are sorted so output is stable.
package enum CypherText {
  /// `value` in Cypher notation, strings single-quoted (`'Alice'`).
  package static func literal(_ value: Value) -> String {
    var out = ""
    write(value, to: &out)
    return out
  }

  /// A float that always reads as one: `1.0`, `2.5e-07`, `NaN`, `Infinity`.
  package static func float(_ number: Double) -> String {
    if number.isNaN { return "NaN" }
    if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
    let text = String(number)
    if text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return text }
    return text + ".0"
  }

  private static func write(_ value: Value, to out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .int(let number): out += String(number)
    case .float(let number): out += float(number)
    case .string(let text): out += quoted(text)
    case .list(let items):
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += ", " }
        write(item, to: &out)
      }
      out += "]"
    case .map(let entries): writeMap(entries, to: &out)
    case .node(let node): writeNode(node, to: &out)
    case .relationship(let relationship):
      out += "["
      writeRelationshipBody(relationship, to: &out)
      out += "]"
    case .path(let path): writePath(path, to: &out)
    case .temporal(let temporal): out += temporal.description
    case .point(let point): out += point.description
    case .vector(let vector): out += vector.description
    }
  }

  private static func writeMap(_ entries: [String: Value], to out: inout String) {
    out += "{"
    for (index, key) in entries.keys.sorted().enumerated() {
      if index > 0 { out += ", " }
      out += name(key) + ": "
      write(entries[key] ?? .null, to: &out)
    }
    out += "}"
  }

  private static func writeNode(_ node: Node, to out: inout String) {
    out += "("
    for label in node.labels { out += ":" + name(label) }
    if !node.properties.isEmpty {
      if !node.labels.isEmpty { out += " " }
      writeMap(node.properties, to: &out)
    }
    out += ")"
  }

  private static func writeRelationshipBody(_ relationship: Relationship, to out: inout String) {
    if !relationship.type.isEmpty { out += ":" + name(relationship.type) }
    if !relationship.properties.isEmpty {
      if !relationship.type.isEmpty { out += " " }
      writeMap(relationship.properties, to: &out)
    }
  }

  /// `<(a)-[r]->(b)<-[s]-(c)>`: each arrow points the way its relationship goes.
  private static func writePath(_ path: Path, to out: inout String) {
    out += "<"
    for (index, node) in path.nodes.enumerated() {
      if index > 0, index - 1 < path.relationships.count {
        let relationship = path.relationships[index - 1]
        let forward = relationship.startID == path.nodes[index - 1].id
        out += forward ? "-[" : "<-["
        writeRelationshipBody(relationship, to: &out)
        out += forward ? "]->" : "]-"
      }
      writeNode(node, to: &out)
    }
    out += ">"
  }
}

extension Value: CustomStringConvertible {
  public var description: String { cypherText }

  /// The value as a Cypher literal.
  public var cypherText: String { CypherText.literal(self) }
}

extension Node: CustomStringConvertible {
  public var description: String { CypherText.literal(.node(self)) }
}

extension Relationship: CustomStringConvertible {
  public var description: String { CypherText.literal(.relationship(self)) }
}

extension Path: CustomStringConvertible {
  public var description: String { CypherText.literal(.path(self)) }
}
