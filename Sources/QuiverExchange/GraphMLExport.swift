// `quiver export --format graphml`: GraphML as APOC's `apoc.export.graphml` writes it, readable by
// networkx's `read_graphml`, Gephi and yEd. Labels are a `labels` attribute `:A:B` (on the
// element and as data), the relationship type a `label` attribute. Each property key gets one
// `<key>` per type it takes (ids `n0`, `n1`, … / `e0`, …), typed boolean, long, double or
// string; floats are written so that NaN and the infinities survive (`NaN`, `INF`, `-INF`).
// Lists are JSON text in a string key with `attr.list` naming the element type (as APOC does);
// temporals are ISO text in a string key with `quiver.type` naming their kind, which Quiver's
// importer reads back and other readers ignore.
import Quiver

/// Writes a graph as GraphML.
package enum GraphMLExport {
  /// One `<key>`: the element it is for, the property name and its kind.
  struct Key: Hashable {
    var forEdges: Bool
    var name: String
    var kind: PropertyKind?
  }

  /// Writes `source` to `output`.
  @discardableResult
  package static func write(_ source: GraphSource, to output: TextOutput) throws -> ExportSummary {
    var keys: [Key: String] = [:]
    var declarations = ""
    func declare(_ key: Key) {
      guard keys[key] == nil else { return }
      let id = (key.forEdges ? "e" : "n") + String(keys.count)
      keys[key] = id
      declarations += "<key id=\"\(id)\" for=\"\(key.forEdges ? "edge" : "node")\" attr.name=\"\(MarkupText.escape(key.name, lineBreaksAsReferences: true))\""
      declarations += " attr.type=\"\(attributeType(key.kind))\""
      if let kind = key.kind, kind.isArray { declarations += " attr.list=\"\(kind.scalar.rawValue)\"" }
      if let kind = key.kind, !kind.isArray, attributeType(kind) == "string", kind.scalar != .string {
        declarations += " quiver.type=\"\(kind.scalar.rawValue)\""
      }
      declarations += "/>\n"
    }
    declare(Key(forEdges: false, name: "labels", kind: PropertyKind(.string)))
    declare(Key(forEdges: true, name: "label", kind: PropertyKind(.string)))
    source.forEachNode { node in
      for (name, value) in node.properties.sorted(by: { $0.key < $1.key }) { declare(Key(forEdges: false, name: name, kind: PropertyKind(of: value))) }
    }
    source.forEachRelationship { relationship in
      for (name, value) in relationship.properties.sorted(by: { $0.key < $1.key }) { declare(Key(forEdges: true, name: name, kind: PropertyKind(of: value))) }
    }

    try output.write(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

      """)
    try output.write(declarations)
    try output.write("<graph id=\"G\" edgedefault=\"directed\">\n")
    var summary = ExportSummary()
    try source.forEachNode { node in
      let labels = MarkupText.escape(node.labels.map { ":" + $0 }.joined(), lineBreaksAsReferences: true)
      var line = "<node id=\"n\(node.id)\" labels=\"\(labels)\">"
      if !node.labels.isEmpty { line += "<data key=\"\(keys[Key(forEdges: false, name: "labels", kind: PropertyKind(.string))] ?? "")\">\(labels)</data>" }
      line += data(node.properties, forEdges: false, keys)
      try output.write(line + "</node>\n")
      summary.count(node)
    }
    try source.forEachRelationship { relationship in
      let type = MarkupText.escape(relationship.type, lineBreaksAsReferences: true)
      var line = "<edge id=\"e\(relationship.id)\" source=\"n\(relationship.startID)\" target=\"n\(relationship.endID)\" label=\"\(type)\">"
      line += "<data key=\"\(keys[Key(forEdges: true, name: "label", kind: PropertyKind(.string))] ?? "")\">\(type)</data>"
      line += data(relationship.properties, forEdges: true, keys)
      try output.write(line + "</edge>\n")
      summary.count(relationship)
    }
    try output.write("</graph>\n</graphml>\n")
    summary.bytes = output.byteCount
    return summary
  }

  /// The GraphML `attr.type` of a kind: lists, temporals and undeclarable values are strings.
  static func attributeType(_ kind: PropertyKind?) -> String {
    guard let kind, !kind.isArray else { return "string" }
    switch kind.scalar {
    case .boolean: return "boolean"
    case .long: return "long"
    case .double: return "double"
    default: return "string"
    }
  }

  private static func data(_ properties: [String: Value], forEdges: Bool, _ keys: [Key: String]) -> String {
    declared(properties, forEdges: forEdges, keys).map { "<data key=\"\($0.id)\">\(MarkupText.escape(text($0.value), lineBreaksAsReferences: true))</data>" }.joined()
  }

  /// The properties in name order with the id their key (name and kind) was declared under.
  static func declared<ID>(_ properties: [String: Value], forEdges: Bool, _ keys: [Key: ID]) -> [(id: ID, value: Value)] {
    properties.keys.sorted().compactMap { name in
      guard let value = properties[name], let id = keys[Key(forEdges: forEdges, name: name, kind: PropertyKind(of: value))] else { return nil }
      return (id, value)
    }
  }

  /// A value's text: lists as JSON, floats in XML Schema's spelling, the rest as neo4j-admin
  /// writes them.
  static func text(_ value: Value) -> String {
    switch value {
    case .list:
      var out = ""
      JSONLExport.writeValue(value, to: &out)
      return out
    case .float(let number) where number.isInfinite: return number < 0 ? "-INF" : "INF"
    case .bool, .int, .float, .string, .temporal, .point: return PropertyKind.text(value)
    default:
      var out = ""
      JSONLExport.writeValue(value, to: &out)
      return out
    }
  }
}
