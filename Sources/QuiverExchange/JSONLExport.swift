// `quiver export --format jsonl`: one JSON object per line for each node, then each relationship,
// in the layout of APOC's `apoc.export.json` (`type`, `id`, `labels` / `label`, `properties`,
// `start` and `end` with their ids and labels). Integers are JSON integers, floats always carry a
// `.` or an exponent; NaN and the infinities are the strings "NaN", "Infinity", "-Infinity", and
// temporals their ISO text, as APOC writes them.
import Quiver

/// Writes a graph as JSON lines.
package enum JSONLExport {
  /// Writes `source` to `output`.
  @discardableResult
  package static func write(_ source: GraphSource, to output: TextOutput) throws -> ExportSummary {
    var summary = ExportSummary()
    let labels = source.labelsByNode()
    try source.forEachNode { node in
      var line = "{\"type\":\"node\",\"id\":\"\(node.id)\",\"labels\":["
      line += node.labels.map { JSONText.string($0) }.joined(separator: ",")
      line += "],\"properties\":"
      writeObject(node.properties, to: &line)
      try output.write(line + "}\n")
      summary.count(node)
    }
    try source.forEachRelationship { relationship in
      var line = "{\"type\":\"relationship\",\"id\":\"\(relationship.id)\",\"label\":" + JSONText.string(relationship.type)
      line += ",\"properties\":"
      writeObject(relationship.properties, to: &line)
      line += ",\"start\":" + endpoint(relationship.startID, labels) + ",\"end\":" + endpoint(relationship.endID, labels)
      try output.write(line + "}\n")
      summary.count(relationship)
    }
    summary.bytes = output.byteCount
    return summary
  }

  private static func endpoint(_ id: Int64, _ labels: [Int64: [String]]) -> String {
    "{\"id\":\"\(id)\",\"labels\":[" + (labels[id] ?? []).map { JSONText.string($0) }.joined(separator: ",") + "]}"
  }

  /// `{"key":value,…}` with keys sorted.
  static func writeObject(_ entries: [String: Value], to out: inout String) {
    out += "{"
    for (index, key) in entries.keys.sorted().enumerated() {
      if index > 0 { out += "," }
      out += JSONText.string(key) + ":"
      writeValue(entries[key] ?? .null, to: &out)
    }
    out += "}"
  }

  /// A property value as JSON.
  static func writeValue(_ value: Value, to out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .int(let number): out += String(number)
    case .float(let number): out += Escaping.jsonFloat(number)
    case .string(let text): out += JSONText.string(text)
    case .temporal(let temporal): out += JSONText.string(temporal.description)
    case .point(let point): out += JSONText.string(point.description)
    case .list(let items):
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += "," }
        writeValue(item, to: &out)
      }
      out += "]"
    case .map(let entries): writeObject(entries, to: &out)
    // JSON has no vector: its coordinates, as a list (which reads back as one).
    case .vector(let vector): writeValue(.list(vector.elements), to: &out)
    case .node, .relationship, .path: out += JSONText.string(value.cypherText)
    }
  }
}
