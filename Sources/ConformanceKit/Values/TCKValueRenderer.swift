// Renders values in the TCK's notation, so that failure reports show expected and actual values
// the way the feature files write them: `'text'`, `1.5`, `(:A {k: 1})`, `<(:A)-[:T]->(:B)>`.
import Quiver

/// Turns values into TCK notation; map keys are sorted so output is stable.
enum TCKValueRenderer {
  static func render(_ value: Value) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .float(let d): return render(float: d)
    case .string(let s): return CypherText.quoted(s)
    case .list(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
    case .map(let entries): return render(map: entries)
    case .node(let n): return render(node: n)
    case .relationship(let r): return render(relationship: r)
    case .path(let p): return render(path: p)
    case .temporal(let t): return CypherText.quoted(t.description)
    case .point(let p): return p.description
    case .vector(let v): return v.description
    }
  }

  /// A row as `| a | b |`.
  static func render(row: [Value]) -> String {
    "| " + row.map(render).joined(separator: " | ") + " |"
  }

  static func render(float d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Inf" : "Inf" }
    return d.description
  }

  static func render(map entries: [String: Value]) -> String {
    let parts = entries.keys.sorted().map { key in
      CypherText.name(key) + ": " + render(entries[key] ?? .null)
    }
    return "{" + parts.joined(separator: ", ") + "}"
  }

  static func render(node n: Node) -> String {
    var out = "(" + n.labels.map { ":" + CypherText.name($0) }.joined()
    if !n.properties.isEmpty { out += (n.labels.isEmpty ? "" : " ") + render(map: n.properties) }
    return out + ")"
  }

  static func render(relationship r: Relationship) -> String {
    var out = "[:" + CypherText.name(r.type)
    if !r.properties.isEmpty { out += " " + render(map: r.properties) }
    return out + "]"
  }

  /// `<(a)-[:T]->(b)>`, each arrow pointing the way its relationship goes.
  static func render(path p: Path) -> String {
    var out = "<" + (p.nodes.first.map(render(node:)) ?? "()")
    for (i, r) in p.relationships.enumerated() {
      let forward = i >= p.nodes.count || PathDirection.isForward(r, from: p.nodes[i])
      out += forward ? "-" + render(relationship: r) + "->" : "<-" + render(relationship: r) + "-"
      out += i + 1 < p.nodes.count ? render(node: p.nodes[i + 1]) : "()"
    }
    return out + ">"
  }
}
