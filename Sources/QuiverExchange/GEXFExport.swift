// `quiver export --format gexf`: GEXF 1.3 for Gephi. Nodes carry their labels as `label` (`:A:B`)
// and as a `labels` attribute; edges their type as `label` and as a `type` attribute. Each
// property key gets one attribute per type it takes, typed boolean, long, double or string
// (lists as `liststring`, `listlong`, … in GEXF 1.3's list syntax `[a, b]`; temporals as ISO
// strings).
import Quiver

/// Writes a graph as GEXF 1.3.
package enum GEXFExport {
  /// Writes `source` to `output`.
  @discardableResult
  package static func write(_ source: GraphSource, to output: TextOutput) throws -> ExportSummary {
    var nodeAttributes: [GraphMLExport.Key: Int] = [:]
    var edgeAttributes: [GraphMLExport.Key: Int] = [:]
    func declare(_ key: GraphMLExport.Key, in table: inout [GraphMLExport.Key: Int]) {
      if table[key] == nil { table[key] = table.count }
    }
    declare(GraphMLExport.Key(forEdges: false, name: "labels", kind: PropertyKind(.string)), in: &nodeAttributes)
    declare(GraphMLExport.Key(forEdges: true, name: "type", kind: PropertyKind(.string)), in: &edgeAttributes)
    source.forEachNode { node in
      for (name, value) in node.properties.sorted(by: { $0.key < $1.key }) { declare(.init(forEdges: false, name: name, kind: PropertyKind(of: value)), in: &nodeAttributes) }
    }
    source.forEachRelationship { relationship in
      for (name, value) in relationship.properties.sorted(by: { $0.key < $1.key }) {
        declare(.init(forEdges: true, name: name, kind: PropertyKind(of: value)), in: &edgeAttributes)
      }
    }
    try output.write(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
      <meta><creator>Quiver</creator></meta>
      <graph defaultedgetype="directed" mode="static">

      """)
    for (table, name) in [(nodeAttributes, "node"), (edgeAttributes, "edge")] {
      try output.write("<attributes class=\"\(name)\">\n")
      for (key, id) in table.sorted(by: { $0.value < $1.value }) {
        try output.write("<attribute id=\"\(id)\" title=\"\(MarkupText.escape(key.name, lineBreaksAsReferences: true))\" type=\"\(attributeType(key.kind))\"/>\n")
      }
      try output.write("</attributes>\n")
    }
    var summary = ExportSummary()
    try output.write("<nodes>\n")
    try source.forEachNode { node in
      let labels = MarkupText.escape(node.labels.map { ":" + $0 }.joined(), lineBreaksAsReferences: true)
      var line = "<node id=\"\(node.id)\" label=\"\(labels)\"><attvalues>"
      line += "<attvalue for=\"0\" value=\"\(labels)\"/>"
      line += values(node.properties, forEdges: false, nodeAttributes)
      try output.write(line + "</attvalues></node>\n")
      summary.count(node)
    }
    try output.write("</nodes>\n<edges>\n")
    try source.forEachRelationship { relationship in
      let type = MarkupText.escape(relationship.type, lineBreaksAsReferences: true)
      var line = "<edge id=\"\(relationship.id)\" source=\"\(relationship.startID)\" target=\"\(relationship.endID)\" label=\"\(type)\"><attvalues>"
      line += "<attvalue for=\"0\" value=\"\(type)\"/>"
      line += values(relationship.properties, forEdges: true, edgeAttributes)
      try output.write(line + "</attvalues></edge>\n")
      summary.count(relationship)
    }
    try output.write("</edges>\n</graph>\n</gexf>\n")
    summary.bytes = output.byteCount
    return summary
  }

  /// The GEXF attribute type of a kind: GraphML's scalar types, `list…` for arrays.
  static func attributeType(_ kind: PropertyKind?) -> String {
    guard let kind else { return "string" }
    let scalar = GraphMLExport.attributeType(PropertyKind(kind.scalar))
    return kind.isArray ? "list" + scalar : scalar
  }

  private static func values(_ properties: [String: Value], forEdges: Bool, _ table: [GraphMLExport.Key: Int]) -> String {
    GraphMLExport.declared(properties, forEdges: forEdges, table).map {
      "<attvalue for=\"\($0.id)\" value=\"\(MarkupText.escape(text($0.value), lineBreaksAsReferences: true))\"/>"
    }.joined()
  }

  /// A value's text: floats in XML Schema's spelling, lists as `[a, b]`.
  static func text(_ value: Value) -> String {
    switch value {
    case .float(let number) where number.isInfinite: return number < 0 ? "-INF" : "INF"
    case .list(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
    case .bool, .int, .float, .string, .temporal, .point: return PropertyKind.text(value)
    default: return value.cypherText
    }
  }
}
