// `quiver export --format dot` and the shell's `:export dot`: Graphviz source with one `n<id>` node
// per node, captioned with its labels and properties in Cypher notation, and one `->` edge per
// relationship captioned with its type and properties.
import Quiver

/// Writes a graph as Graphviz DOT.
package enum DOTExport {
  /// Writes `source` to `output`.
  @discardableResult
  package static func write(_ source: GraphSource, to output: TextOutput) throws -> ExportSummary {
    var summary = ExportSummary()
    try output.write("digraph quiver {\n  node [shape=box];\n")
    try source.forEachNode { node in
      try output.write("  n\(node.id) [label=\(Escaping.dot(caption(node)))];\n")
      summary.count(node)
    }
    try source.forEachRelationship { relationship in
      try output.write("  n\(relationship.startID) -> n\(relationship.endID) [label=\(Escaping.dot(caption(relationship)))];\n")
      summary.count(relationship)
    }
    try output.write("}\n")
    summary.bytes = output.byteCount
    return summary
  }

  /// `:Label:Other {key: value}`, or `(id)` for a node without labels and properties.
  package static func caption(_ node: Node) -> String {
    let labels = node.labels.map { ":" + CypherText.name($0) }.joined()
    let properties = propertyText(node.properties)
    let text = [labels, properties].filter { !$0.isEmpty }.joined(separator: " ")
    return text.isEmpty ? "(\(node.id))" : text
  }

  /// `TYPE {key: value}`.
  package static func caption(_ relationship: Relationship) -> String {
    let properties = propertyText(relationship.properties)
    return CypherText.name(relationship.type) + (properties.isEmpty ? "" : " " + properties)
  }

  private static func propertyText(_ properties: [String: Value]) -> String {
    guard !properties.isEmpty else { return "" }
    return CypherText.literal(.map(properties))
  }
}
